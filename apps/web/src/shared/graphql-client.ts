import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { ErrorCode, FieldError } from '@canbo/shared';
import { print } from 'graphql';

export interface ApiErrorItem {
  message: string;
  extensions?: { code?: string; fields?: FieldError[] };
}

/** A GraphQL answer with errors, or a network/HTTP failure (code NETWORK). */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly fields: FieldError[] = [],
    readonly errors: ApiErrorItem[] = [],
  ) {
    super(message);
  }

  static isCode(error: unknown, code: ErrorCode): boolean {
    return error instanceof ApiError && error.code === code;
  }
}

const printed = new WeakMap<object, string>();

/** Sends one typed operation to /graphql. */
export async function request<TResult, TVariables>(
  document: TypedDocumentNode<TResult, TVariables>,
  variables?: TVariables,
): Promise<TResult> {
  let query = printed.get(document);
  if (!query) {
    query = print(document);
    printed.set(document, query);
  }
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
  } catch (error) {
    throw new ApiError('NETWORK', String((error as Error)?.message ?? error));
  }
  let body: { data?: TResult; errors?: ApiErrorItem[] };
  try {
    body = await response.json();
  } catch {
    throw new ApiError('NETWORK', `HTTP ${response.status}`);
  }
  if (body.errors?.length) {
    const first = body.errors[0];
    const fields = body.errors.flatMap((e) => e.extensions?.fields ?? []);
    throw new ApiError(first.extensions?.code ?? ErrorCode.INTERNAL_SERVER_ERROR, first.message, fields, body.errors);
  }
  if (!body.data) throw new ApiError('NETWORK', `HTTP ${response.status}`);
  return body.data;
}
