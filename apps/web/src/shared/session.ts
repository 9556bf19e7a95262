import { useSyncExternalStore } from 'react';

/**
 * The session: the access token lives in memory only; the refresh token is an httpOnly cookie on /auth that
 * the server rotates on every refresh. At start the app asks /auth/refresh whether a session exists.
 */
export type SessionStatus = 'starting' | 'signedOut' | 'signedIn';

export interface SessionState {
  status: SessionStatus;
  accessToken: string | null;
  mustChangePassword: boolean;
  /** set when a session ended by itself (refresh failed): the sign-in page says so */
  expired: boolean;
  /** the user name typed at sign-in (unknown after a reload until `me` answers) */
  username: string | null;
}

interface SessionAnswer {
  accessToken: string;
  expiresIn: number;
  mustChangePassword: boolean;
}

/** An error answer of an /auth route: { code, message, reason?, fields?, retryAfter? }. */
export class AuthRouteError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly reason: string | null = null,
    readonly fields: { field: string; code: string; message: string }[] = [],
    readonly retryAfter: number | null = null,
  ) {
    super(message);
  }
}

let state: SessionState = { status: 'starting', accessToken: null, mustChangePassword: false, expired: false, username: null };
const listeners = new Set<() => void>();
const endListeners = new Set<() => void>();

function setState(next: Partial<SessionState>) {
  state = { ...state, ...next };
  listeners.forEach((l) => l());
}

export function getSession(): SessionState {
  return state;
}

export function accessToken(): string | null {
  return state.accessToken;
}

export function subscribeSession(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Called whenever the signed-in person changes (sign-in, sign-out, expiry): caches must be dropped. */
export function onSessionEnd(listener: () => void): () => void {
  endListeners.add(listener);
  return () => endListeners.delete(listener);
}

export function useSession(): SessionState {
  return useSyncExternalStore(subscribeSession, getSession, getSession);
}

async function post(path: string, body?: unknown, token?: string | null): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        accept: 'application/json',
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
  } catch (error) {
    throw new AuthRouteError(0, 'NETWORK', String((error as Error)?.message ?? error));
  }
  if (response.status === 204) return null;
  let json: Record<string, unknown> | null = null;
  try {
    json = await response.json();
  } catch {
    json = null;
  }
  if (!response.ok || !json) {
    const retryHeader = Number(response.headers.get('retry-after'));
    throw new AuthRouteError(
      response.status,
      (json?.code as string) ?? (response.status >= 500 ? 'INTERNAL_SERVER_ERROR' : 'NETWORK'),
      (json?.message as string) ?? `HTTP ${response.status}`,
      (json?.reason as string) ?? null,
      (json?.fields as AuthRouteError['fields']) ?? [],
      typeof json?.retryAfter === 'number' ? (json.retryAfter as number) : Number.isFinite(retryHeader) && retryHeader > 0 ? retryHeader : null,
    );
  }
  return json;
}

function accept(answer: SessionAnswer) {
  setState({ status: 'signedIn', accessToken: answer.accessToken, mustChangePassword: answer.mustChangePassword, expired: false });
}

function end(expired: boolean, staleCookie = false) {
  const wasSignedIn = state.status === 'signedIn';
  setState({ status: 'signedOut', accessToken: null, mustChangePassword: false, expired: expired && (wasSignedIn || staleCookie), username: null });
  endListeners.forEach((l) => l());
}

let refreshing: Promise<boolean> | null = null;

/**
 * Renews the access token from the refresh cookie. Concurrent callers share one request (the server rotates
 * the cookie: two refreshes with the same cookie would look like a stolen token). Resolves false when there
 * is no valid session any more.
 */
export function refreshSession(): Promise<boolean> {
  if (!refreshing) {
    const before = state.accessToken;
    refreshing = (async () => {
      try {
        accept((await post('/auth/refresh')) as SessionAnswer);
        return true;
      } catch (error) {
        if (error instanceof AuthRouteError && error.code === 'NETWORK' && state.status === 'signedIn') return false;
        // someone signed in while this refresh was under way: that new session stands
        if (state.status === 'signedIn' && state.accessToken !== before) return true;
        // a cookie that no longer works (rather than none at all) also means a session has expired
        const stale = error instanceof AuthRouteError && !!error.reason && error.reason !== 'NO_REFRESH_TOKEN';
        end(true, stale);
        return false;
      } finally {
        refreshing = null;
      }
    })();
  }
  return refreshing;
}

let started: Promise<boolean> | null = null;

/** Restores the session at app start (once, even under StrictMode's double effects). */
export function startSession(): Promise<boolean> {
  if (!started) started = refreshSession();
  return started;
}

export async function signIn(username: string, password: string): Promise<SessionAnswer> {
  const answer = (await post('/auth/sign-in', { username, password })) as SessionAnswer;
  endListeners.forEach((l) => l());
  accept(answer);
  setState({ username });
  return answer;
}

export async function changePassword(currentPassword: string, newPassword: string): Promise<SessionAnswer> {
  const answer = (await post('/auth/password', { currentPassword, newPassword }, state.accessToken)) as SessionAnswer;
  accept(answer);
  return answer;
}

export async function signOut(): Promise<void> {
  try {
    await post('/auth/sign-out');
  } finally {
    end(false);
  }
}

/** The path to come back to after signing in (only same-site paths). */
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/sign-in')) return '/units';
  return next;
}
