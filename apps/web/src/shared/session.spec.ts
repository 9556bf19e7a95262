import { ErrorCode } from '@canbo/shared';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MeDocument } from '../generated/graphql';
import { signInErrorMessage } from '../modules/auth/messages';
import { ApiError, request } from './graphql-client';
import { AuthRouteError, getSession, refreshSession, safeNext, signIn } from './session';

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

const ME = { me: { id: '1', type: 'USER', name: 'a', displayName: 'A', mustChangePassword: false, permissions: [] } };
const UNAUTHENTICATED = { errors: [{ message: 'expired', extensions: { code: ErrorCode.UNAUTHENTICATED } }] };

describe('session and request()', () => {
  let fetchMock: ReturnType<typeof vi.fn>;
  beforeEach(() => {
    fetchMock = vi.fn();
    vi.stubGlobal('fetch', fetchMock);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('sends the access token, and renews an expired one once for concurrent requests, then retries them', async () => {
    let refreshes = 0;
    fetchMock.mockImplementation(async (url: string, init: RequestInit) => {
      const auth = (init.headers as Record<string, string>).authorization;
      if (url === '/auth/sign-in') return json(200, { accessToken: 'old', expiresIn: 900, mustChangePassword: false });
      if (url === '/auth/refresh') {
        refreshes += 1;
        await new Promise((r) => setTimeout(r, 20));
        return json(200, { accessToken: 'new', expiresIn: 900, mustChangePassword: false });
      }
      return auth === 'Bearer new' ? json(200, { data: ME }) : json(401, UNAUTHENTICATED);
    });
    await signIn('a', 'secret');
    expect(getSession().accessToken).toBe('old');
    const results = await Promise.all([request(MeDocument, {}), request(MeDocument, {}), request(MeDocument, {})]);
    expect(results.map((r) => r.me.name)).toEqual(['a', 'a', 'a']);
    expect(refreshes).toBe(1);
    expect(getSession()).toMatchObject({ status: 'signedIn', accessToken: 'new' });
  });

  it('ends the session as expired when the renewal fails', async () => {
    fetchMock.mockImplementation(async (url: string) =>
      url === '/auth/refresh' ? json(401, { code: 'UNAUTHENTICATED', message: 'x', reason: 'EXPIRED_REFRESH_TOKEN' }) : json(401, UNAUTHENTICATED),
    );
    await expect(request(MeDocument, {})).rejects.toSatisfy((e) => ApiError.isCode(e, ErrorCode.UNAUTHENTICATED));
    expect(getSession()).toMatchObject({ status: 'signedOut', accessToken: null, expired: true });
    await expect(refreshSession()).resolves.toBe(false);
  });
});

describe('sign-in messages', () => {
  const t = (key: string, options?: Record<string, unknown>) => (options ? `${key} ${JSON.stringify(options)}` : key);
  it('tell a wrong password, a locked account and a throttled address apart', () => {
    expect(signInErrorMessage(new AuthRouteError(401, 'UNAUTHENTICATED', 'x', 'BAD_CREDENTIALS'), t)).toBe('auth.badCredentials');
    expect(signInErrorMessage(new AuthRouteError(401, 'UNAUTHENTICATED', 'x', 'ACCOUNT_LOCKED'), t)).toBe('auth.locked');
    expect(signInErrorMessage(new AuthRouteError(429, 'TOO_MANY_REQUESTS', 'x', 'ADDRESS_THROTTLED', [], 42), t)).toBe(
      'auth.throttled {"seconds":42}',
    );
    expect(signInErrorMessage(new AuthRouteError(0, 'NETWORK', 'x'), t)).toBe('errors.network');
  });
  it('come back only to same-site paths', () => {
    expect(safeNext('/units/1?x=2')).toBe('/units/1?x=2');
    expect(safeNext('//evil.example')).toBe('/units');
    expect(safeNext('https://evil.example')).toBe('/units');
    expect(safeNext(null)).toBe('/units');
  });
});
