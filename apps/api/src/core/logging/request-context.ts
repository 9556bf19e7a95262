import { ActorType } from '@canbo/shared';
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

export interface Actor {
  type: ActorType;
  id: string | null;
  name: string;
}

interface RequestContext {
  requestId: string;
  clientIp: string | null;
  actor: Actor | null;
}

const storage = new AsyncLocalStorage<RequestContext>();

export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}

/** Who is acting in this request (set once authenticated), where from, and the request id: for the audit. */
export function currentContext(): RequestContext | undefined {
  return storage.getStore();
}

export function setCurrentActor(actor: Actor): void {
  const store = storage.getStore();
  if (store) store.actor = actor;
}

/** Runs work outside any request (seeding, jobs) as a given actor. */
export function runAs<T>(actor: Actor, fn: () => Promise<T>): Promise<T> {
  return storage.run({ requestId: randomUUID(), clientIp: null, actor }, fn);
}

const REQUEST_ID_PATTERN = /^[A-Za-z0-9._-]{1,100}$/;

/** Express middleware: takes a well-formed `x-request-id` or makes one, echoes it, and keeps it for logs. */
export function requestContextMiddleware(req: Request, res: Response, next: NextFunction): void {
  const incoming = req.header('x-request-id');
  const requestId = incoming && REQUEST_ID_PATTERN.test(incoming) ? incoming : randomUUID();
  res.setHeader('x-request-id', requestId);
  storage.run({ requestId, clientIp: req.ip ?? null, actor: null }, () => next());
}
