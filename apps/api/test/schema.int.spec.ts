import { GraphQLSchemaHost } from '@nestjs/graphql';
import { buildSchema } from 'graphql';
import fs from 'node:fs';
import path from 'node:path';
import { buildSchemaSdl, printSortedSchema } from '../src/schema';
import { bootTestApp, TestApp } from './harness';

const SCHEMA_FILE = path.resolve(__dirname, '../schema.gql');
const STALE = 'apps/api/schema.gql is stale: run npm run schema';

/** Fails with the stale-schema message and the first differing line. */
function expectSameSdl(actual: string, committed: string, what: string): void {
  if (actual === committed) return;
  const a = actual.split('\n');
  const c = committed.split('\n');
  const i = a.findIndex((line, n) => line !== c[n]);
  const at = i === -1 ? Math.min(a.length, c.length) : i;
  throw new Error(
    `${STALE}\n(${what} differs from the committed file at line ${at + 1})\n` +
      `  committed: ${JSON.stringify(c[at])}\n  ${what}: ${JSON.stringify(a[at])}`,
  );
}

let t: TestApp;
let committed: string;
beforeAll(async () => {
  committed = fs.readFileSync(SCHEMA_FILE, 'utf8');
  t = await bootTestApp();
});
afterAll(async () => {
  await t?.close();
});

test('the committed schema file is valid SDL', () => {
  const schema = buildSchema(committed);
  expect(schema.getQueryType()?.name).toBe('Query');
  expect(schema.getMutationType()?.name).toBe('Mutation');
  expect(committed.endsWith('\n')).toBe(true);
});

test('buildSchemaSdl() (the code) equals apps/api/schema.gql byte for byte', async () => {
  expectSameSdl(await buildSchemaSdl(), committed, 'buildSchemaSdl()');
});

test('the schema served by the running app equals apps/api/schema.gql', () => {
  const served = printSortedSchema(t.app.get(GraphQLSchemaHost).schema);
  expectSameSdl(served, committed, 'the served schema');
});

test('the stale check fails with the stale message when the file differs', () => {
  expect(() => expectSameSdl(committed.replace('type Unit {', 'type Unit {\n  extra: Int'), committed, 'x')).toThrow(STALE);
  expect(() => expectSameSdl(committed + '\n', committed, 'x')).toThrow(STALE);
});

test('the served schema answers introspection with the same types', async () => {
  const res = await t.gql(`{ __schema { types { name } } }`);
  const served = new Set(res.data.__schema.types.map((x: { name: string }) => x.name));
  const fromFile = Object.keys(buildSchema(committed).getTypeMap());
  expect([...served].sort()).toEqual(fromFile.sort());
});
