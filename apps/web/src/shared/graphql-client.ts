import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { ErrorCode, FieldError } from '@canbo/shared';
import { print } from 'graphql';
import { accessToken, refreshSession } from './session';

export interface ApiErrorItem {
  message: string;
  extensions?: { code?: string; fields?: FieldError[]; reason?: string };
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

  /** extensions.reason of the first error (e.g. MISSING_PERMISSION, PASSWORD_CHANGE_REQUIRED) */
  get reason(): string | undefined {
    return this.errors[0]?.extensions?.reason;
  }

  static isCode(error: unknown, code: ErrorCode): boolean {
    return error instanceof ApiError && error.code === code;
  }
}

const printed = new WeakMap<object, string>();

/**
 * Sends one typed operation to /graphql with the access token. When the token has expired the session is
 * renewed once (concurrent requests share the renewal) and the operation retried, so the user stays on the page.
 */
export async function request<TResult, TVariables>(
  document: TypedDocumentNode<TResult, TVariables>,
  variables?: TVariables,
): Promise<TResult> {
  let query = printed.get(document);
  if (!query) {
    query = print(document);
    printed.set(document, query);
  }
  const token = accessToken();
  try {
    return await send<TResult>(query, variables, token);
  } catch (error) {
    if (!ApiError.isCode(error, ErrorCode.UNAUTHENTICATED)) throw error;
    // another request may have renewed the token meanwhile
    const current = accessToken();
    if (current && current !== token) return send<TResult>(query, variables, current);
    if (!(await refreshSession())) throw error;
    return send<TResult>(query, variables, accessToken());
  }
}

async function send<TResult>(query: string, variables: unknown, token: string | null): Promise<TResult> {
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
  } catch (error) {
    throw new ApiError('NETWORK', String((error as Error)?.message ?? error));
  }
  let body: { data?: TResult | null; errors?: ApiErrorItem[] };
  try {
    body = await response.json();
  } catch {
    throw new ApiError(response.status === 401 ? ErrorCode.UNAUTHENTICATED : 'NETWORK', `HTTP ${response.status}`);
  }
  if (body.errors?.length) {
    const first = body.errors[0];
    const fields = body.errors.flatMap((e) => e.extensions?.fields ?? []);
    throw new ApiError(first.extensions?.code ?? ErrorCode.INTERNAL_SERVER_ERROR, first.message, fields, body.errors);
  }
  if (!body.data) throw new ApiError('NETWORK', `HTTP ${response.status}`);
  return body.data;
}
