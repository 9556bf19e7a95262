import { ALL_PERMISSIONS, PUBLIC, AUTHENTICATED } from '@canbo/shared';
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import {
  RESOLVER_NAME_METADATA,
  RESOLVER_PROPERTY_METADATA,
  RESOLVER_TYPE_METADATA,
} from '@nestjs/graphql';
import { PERMISSION_METADATA } from '../src/core/permissions/require-permission.decorator';
import { allResolvers } from '../src/schema';
import { bootTestApp, TestApp } from './harness';

/**
 * The permission snapshot: every GraphQL operation and HTTP route with the permission it declares. A change of a
 * declaration shows up as a snapshot diff in review; an operation without one fails.
 */
const UNDECLARED = '<none>';

let t: TestApp;
beforeAll(async () => {
  t = await bootTestApp();
});
afterAll(async () => {
  await t?.close();
});

interface Entry {
  kind: 'graphql' | 'http';
  /** "Mutation.createUnit" or "GET /health" */
  operation: string;
  permission: string;
}

function methodsOf(cls: Function): [string, Function][] {
  const out: [string, Function][] = [];
  for (let proto = cls.prototype; proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
    for (const key of Object.getOwnPropertyNames(proto)) {
      const value = Object.getOwnPropertyDescriptor(proto, key)?.value;
      if (key !== 'constructor' && typeof value === 'function') out.push([key, value]);
    }
  }
  return out;
}

function graphqlEntries(resolvers: Function[]): Entry[] {
  const entries: Entry[] = [];
  for (const resolver of resolvers) {
    for (const [key, method] of methodsOf(resolver)) {
      const type = Reflect.getMetadata(RESOLVER_TYPE_METADATA, method) as string | undefined;
      if (!type || Reflect.getMetadata(RESOLVER_PROPERTY_METADATA, method)) continue; // not an operation
      const name = (Reflect.getMetadata(RESOLVER_NAME_METADATA, method) as string | undefined) ?? key;
      const permission = (Reflect.getMetadata(PERMISSION_METADATA, method) as string | undefined) ?? UNDECLARED;
      entries.push({ kind: 'graphql', operation: `${type}.${name}`, permission });
    }
  }
  return entries;
}

function joinPath(...parts: (string | string[] | undefined)[]): string[] {
  const lists = parts.map((p) => (Array.isArray(p) ? p : [p ?? '']));
  return lists.reduce<string[]>(
    (acc, list) => acc.flatMap((a) => list.map((p) => [a, p].map((s) => s.replace(/^\/+|\/+$/g, '')).filter(Boolean).join('/'))),
    [''],
  ).map((p) => `/${p}`);
}

function controllers(): Function[] {
  const found = new Set<Function>();
  for (const module of t.app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) if (wrapper.metatype) found.add(wrapper.metatype as Function);
  }
  return [...found];
}

function httpEntries(classes: Function[]): Entry[] {
  const entries: Entry[] = [];
  for (const controller of classes) {
    const base = Reflect.getMetadata(PATH_METADATA, controller) as string | string[] | undefined;
    for (const [, method] of methodsOf(controller)) {
      const verb = Reflect.getMetadata(METHOD_METADATA, method) as RequestMethod | undefined;
      const route = Reflect.getMetadata(PATH_METADATA, method) as string | string[] | undefined;
      if (verb === undefined || route === undefined) continue; // not a route handler
      const permission = (Reflect.getMetadata(PERMISSION_METADATA, method) as string | undefined) ?? UNDECLARED;
      for (const p of joinPath(base, route)) entries.push({ kind: 'http', operation: `${RequestMethod[verb]} ${p}`, permission });
    }
  }
  return entries;
}

function allEntries(): Entry[] {
  return [...graphqlEntries(allResolvers()), ...httpEntries(controllers())];
}

test('the permission snapshot of every operation and route', () => {
  const lines = allEntries()
    .map((e) => `${e.operation} ${e.permission}`)
    .sort();
  expect(lines).toMatchSnapshot();
});

test('every operation and route declares a permission of the catalogue (or public)', () => {
  const allowed = new Set<string>([...ALL_PERMISSIONS, PUBLIC, AUTHENTICATED]);
  const entries = allEntries();
  expect(entries.length).toBeGreaterThan(0);
  const bad = entries.filter((e) => !allowed.has(e.permission)).map((e) => `${e.operation} ${e.permission}`);
  expect(bad).toEqual([]);
});

test('the list names every Query and Mutation field of the served schema, and nothing else', () => {
  const schema = t.app.get(GraphQLSchemaHost).schema;
  const served = [
    ...Object.keys(schema.getQueryType()?.getFields() ?? {}).map((f) => `Query.${f}`),
    ...Object.keys(schema.getMutationType()?.getFields() ?? {}).map((f) => `Mutation.${f}`),
    ...Object.keys(schema.getSubscriptionType()?.getFields() ?? {}).map((f) => `Subscription.${f}`),
  ].sort();
  const listed = graphqlEntries(allResolvers())
    .map((e) => e.operation)
    .sort();
  expect(new Set(listed).size).toBe(listed.length);
  expect(listed).toEqual(served);
});

test('allResolvers() holds every resolver the running app registered', () => {
  const running = new Set<Function>();
  for (const module of t.app.get(ModulesContainer).values()) {
    for (const wrapper of module.providers.values()) {
      const cls = wrapper.metatype as Function | undefined;
      if (typeof cls === 'function' && Reflect.getMetadata(RESOLVER_TYPE_METADATA, cls) !== undefined) running.add(cls);
    }
  }
  expect([...running].map((c) => c.name).sort()).toEqual(allResolvers().map((c) => c.name).sort());
});

test('field resolvers are not listed as operations, and undeclared handlers would be listed as such', () => {
  const operations = graphqlEntries(allResolvers()).map((e) => e.operation);
  expect(operations).not.toContain('Query.bodies');
  expect(operations.some((o) => o.endsWith('.bodies') || o.endsWith('.predecessors'))).toBe(false);
  class Probe {
    handler() {}
  }
  Reflect.defineMetadata(RESOLVER_TYPE_METADATA, 'Query', Probe.prototype.handler);
  expect(graphqlEntries([Probe])).toEqual([{ kind: 'graphql', operation: 'Query.handler', permission: UNDECLARED }]);
});

test('the guard refuses nothing that is declared: /health answers without credentials', async () => {
  const res = await fetch(`${t.baseUrl}/health`);
  expect(res.status).toBe(200);
});
