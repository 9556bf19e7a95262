import { INestApplication } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { Writable } from 'node:stream';
import { DataSource } from 'typeorm';
import { createApp } from '../src/bootstrap';
import { AuthPolicy } from '../src/config';
import { createDataSource, runMigrations } from '../src/core/database/data-source';
import { JsonLogger } from '../src/core/logging/json-logger';
import { hashPassword } from '../src/modules/auth/auth.service';
import { ensureFirstAdmin, seedRoles } from '../src/modules/auth/first-start';
import { ApiKeyStrategy, JwtStrategy } from '../src/modules/auth/strategies';
import passport from 'passport';
import { bootTestApp, createTestDatabase, GqlResult, TEST_PASSWORD, TestApp, testConfig } from './harness';

/**
 * Sign-in, sessions and sign-in protection over real HTTP against PostgreSQL. The app trusts one proxy so that
 * each test can come from its own client address (X-Forwarded-For): address throttling stays per test.
 */
const POLICY: Partial<AuthPolicy> = {
  accountLockAfter: 3,
  accountSlowdownAfter: 1,
  addressFreeFailures: 2,
  addressDelayBaseMs: 100,
  addressDelayMaxMs: 5000,
};

let t: TestApp;
beforeAll(async () => {
  t = await bootTestApp({ trustProxy: 1, auth: POLICY as AuthPolicy });
});
afterAll(async () => {
  await t?.close();
});

/**
 * Passport keeps strategies in one registry per process: a second Nest app in this process replaces the first
 * one's. After a second instance closes, the test app's own strategies are put back.
 */
function restoreStrategies() {
  passport.use('jwt', t.app.get(JwtStrategy));
  passport.use('api-key', t.app.get(ApiKeyStrategy) as unknown as passport.Strategy);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let ipCounter = 0;
/** a client address of its own */
const newIp = () => `10.20.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;

async function post(base: string, path: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { res, status: res.status, body: text ? JSON.parse(text) : null };
}

const signIn = (username: string, password: string, ip = newIp(), base = t.baseUrl) =>
  post(base, '/auth/sign-in', { username, password }, { 'x-forwarded-for': ip });

function refreshCookie(res: Response): { value: string; raw: string } | null {
  const raw = res.headers.getSetCookie().find((c) => c.startsWith('canbo_refresh='));
  if (!raw) return null;
  const value = raw.slice('canbo_refresh='.length).split(';')[0];
  return { value, raw };
}

const refresh = (cookie: string, base = t.baseUrl) => post(base, '/auth/refresh', undefined, { cookie: `canbo_refresh=${cookie}` });

async function gqlWith(token: string | null, query: string, base = t.baseUrl): Promise<GqlResult> {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });
  return (await res.json()) as GqlResult;
}

const ME = `{ me { id name mustChangePassword } }`;
const UNITS = `{ units { totalCount } }`;

/** a user of its own, holding the viewer role province-wide */
async function makeUser(username: string, mustChange = false): Promise<string> {
  const [user] = await t.ds.query(
    `INSERT INTO app_user (username, display_name, password_hash, must_change_password) VALUES ($1, $1, $2, $3) RETURNING id`,
    [username, await hashPassword(TEST_PASSWORD), mustChange],
  );
  await t.ds.query(`INSERT INTO role_assignment (user_id, role_id, all_units) SELECT $1, id, true FROM role WHERE code = 'viewer'`, [user.id]);
  return user.id;
}

describe('sign-in', () => {
  test('success: an access token that works, and an httpOnly SameSite=Strict refresh cookie on /auth', async () => {
    const { status, body, res } = await signIn('viewer', TEST_PASSWORD);
    expect(status).toBe(200);
    expect(body).toEqual({ accessToken: expect.any(String), expiresIn: 900, mustChangePassword: false });
    expect(res.headers.get('cache-control')).toBe('no-store');
    const cookie = refreshCookie(res)!;
    expect(cookie).not.toBeNull();
    expect(cookie.value.length).toBeGreaterThan(20);
    const attrs = cookie.raw.split(';').map((s) => s.trim().toLowerCase());
    expect(attrs).toContain('httponly');
    expect(attrs).toContain('samesite=strict');
    expect(attrs).toContain('path=/auth');
    expect(attrs.some((a) => a.startsWith('expires='))).toBe(true);
    const me = await gqlWith(body.accessToken, ME);
    expect(me.errors).toBeUndefined();
    expect(me.data.me).toMatchObject({ name: 'viewer', mustChangePassword: false });
    // the refresh token is stored only as a hash
    const [{ count }] = await t.ds.query(`SELECT count(*)::int AS count FROM refresh_token WHERE token_hash = $1`, [cookie.value]);
    expect(count).toBe(0);
  });

  test('a wrong password: 401 UNAUTHENTICATED, no token, no cookie', async () => {
    const { status, body, res } = await signIn('viewer', 'Sai-Mat-Khau-1');
    expect(status).toBe(401);
    expect(body).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'BAD_CREDENTIALS' });
    expect(body.accessToken).toBeUndefined();
    expect(refreshCookie(res)).toBeNull();
  });

  test('an unknown user gets the very same answer as a wrong password', async () => {
    const wrong = await signIn('viewer', 'Sai-Mat-Khau-1');
    const unknown = await signIn('khong-ton-tai', 'Sai-Mat-Khau-1');
    expect(unknown.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
  });

  test('malformed bodies answer BAD_USER_INPUT', async () => {
    const { status, body } = await post(t.baseUrl, '/auth/sign-in', { username: '' }, { 'x-forwarded-for': newIp() });
    expect(status).toBe(400);
    expect(body.code).toBe('BAD_USER_INPUT');
  });
});

describe('first start: the first administrator', () => {
  let ds: DataSource;
  let app: INestApplication;
  let base: string;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const db = await createTestDatabase();
    drop = db.drop;
    await runMigrations(db.url);
    ds = createDataSource(db.url, 2);
    await ds.initialize();
    await seedRoles(ds);
    const sink = new Writable({ write: (_c, _e, cb) => cb() });
    app = await createApp(testConfig(db.url), new JsonLogger('error', sink));
    await app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${app.getHttpServer().address().port}`;
  });
  afterAll(async () => {
    await app?.close();
    restoreStrategies();
    await ds?.destroy();
    await drop?.();
  });

  test('admin with must-change-password: only `me` and the password change, then a token that works', async () => {
    const first = await ensureFirstAdmin(ds);
    expect(first).toEqual({ created: true, username: 'admin', password: expect.any(String) });
    // idempotent: a second start creates nobody
    expect(await ensureFirstAdmin(ds)).toEqual({ created: false, username: 'admin', password: null });
    const [{ count }] = await ds.query(`SELECT count(*)::int AS count FROM app_user`);
    expect(count).toBe(1);

    const signed = await signIn('admin', first.password!, newIp(), base);
    expect(signed.status).toBe(200);
    expect(signed.body.mustChangePassword).toBe(true);
    const token = signed.body.accessToken;

    const units = await gqlWith(token, UNITS, base);
    expect(units.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'PASSWORD_CHANGE_REQUIRED' });
    const me = await gqlWith(token, ME, base);
    expect(me.errors).toBeUndefined();
    expect(me.data.me).toMatchObject({ name: 'admin', mustChangePassword: true });

    const weak = await post(base, '/auth/password', { currentPassword: first.password, newPassword: 'abc' }, { authorization: `Bearer ${token}` });
    expect(weak.status).toBe(400);
    expect(weak.body.code).toBe('BAD_USER_INPUT');
    expect(weak.body.fields.map((f: { field: string }) => f.field)).toEqual(['newPassword']);

    const wrongCurrent = await post(base, '/auth/password', { currentPassword: 'Khong-Dung-99', newPassword: 'Mat-Khau-Moi-2025' }, { authorization: `Bearer ${token}` });
    expect(wrongCurrent.status).toBe(400);
    expect(wrongCurrent.body.fields.map((f: { field: string }) => f.field)).toEqual(['currentPassword']);

    await sleep(1100); // so the old token's issue second lies before the change
    const changed = await post(base, '/auth/password', { currentPassword: first.password, newPassword: 'Mat-Khau-Moi-2025' }, { authorization: `Bearer ${token}` });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ accessToken: expect.any(String), mustChangePassword: false });
    expect(refreshCookie(changed.res)).not.toBeNull();
    const after = await gqlWith(changed.body.accessToken, UNITS, base);
    expect(after.errors).toBeUndefined();
    // access tokens issued before the change no longer count
    expect((await gqlWith(token, ME, base)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(after.data.units.totalCount).toEqual(expect.any(Number));

    // the old password no longer signs in; the new one does
    expect((await signIn('admin', first.password!, newIp(), base)).status).toBe(401);
    expect((await signIn('admin', 'Mat-Khau-Moi-2025', newIp(), base)).status).toBe(200);
    const ops = (await ds.query(`SELECT operation FROM audit_log WHERE entity = 'user' ORDER BY id`)).map((r: { operation: string }) => r.operation);
    expect(ops).toEqual(expect.arrayContaining(['createFirstAdmin', 'signIn', 'changePassword']));
  });

  test('without a token: UNAUTHENTICATED, on GraphQL and on the password route', async () => {
    const res = await gqlWith(null, UNITS, base);
    expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const pw = await post(base, '/auth/password', { currentPassword: 'x', newPassword: 'y' });
    expect(pw.status).toBe(401);
    expect(pw.body.code).toBe('UNAUTHENTICATED');
  });
});

describe('refresh tokens', () => {
  test('rotation: a new access token and a new cookie; reuse of the old one revokes the whole family', async () => {
    await makeUser('refresh-user');
    const first = await signIn('refresh-user', TEST_PASSWORD);
    const c1 = refreshCookie(first.res)!.value;

    const r1 = await refresh(c1);
    expect(r1.status).toBe(200);
    expect(r1.body.accessToken).toEqual(expect.any(String));
    expect(r1.body.accessToken).not.toBe(first.body.accessToken);
    const c2 = refreshCookie(r1.res)!.value;
    expect(c2).not.toBe(c1);
    expect((await gqlWith(r1.body.accessToken, UNITS)).errors).toBeUndefined();

    // presenting the used token again: refused, and the newer one stops working too
    const reuse = await refresh(c1);
    expect(reuse.status).toBe(401);
    expect(reuse.body).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'REFRESH_TOKEN_REUSED' });
    const afterReuse = await refresh(c2);
    expect(afterReuse.status).toBe(401);
    expect(afterReuse.body.code).toBe('UNAUTHENTICATED');
    const rows = await t.ds.query(
      `SELECT revoked_at FROM refresh_token WHERE user_id = (SELECT id FROM app_user WHERE username = 'refresh-user')`,
    );
    expect(rows.length).toBe(2);
    expect(rows.every((r: { revoked_at: Date | null }) => r.revoked_at !== null)).toBe(true);
    // both presentations after the revocation are audited, and the revocation committed despite the 401
    const [{ count }] = await t.ds.query(`SELECT count(*)::int AS count FROM audit_log WHERE operation = 'refreshTokenReused'`);
    expect(count).toBe(2);
  });

  test('without a cookie, or with an unknown one: 401', async () => {
    const none = await post(t.baseUrl, '/auth/refresh', undefined);
    expect(none.status).toBe(401);
    expect(none.body.code).toBe('UNAUTHENTICATED');
    const unknown = await refresh('not-a-token');
    expect(unknown.status).toBe(401);
  });

  test('sign-out revokes the session at once: its refresh token no longer refreshes, its access token no longer counts', async () => {
    await makeUser('signout-user');
    const signed = await signIn('signout-user', TEST_PASSWORD);
    const other = await signIn('signout-user', TEST_PASSWORD);
    const cookie = refreshCookie(signed.res)!.value;
    const me = `{ me { name } }`;
    expect((await gqlWith(signed.body.accessToken, me)).data).toEqual({ me: { name: 'signout-user' } });
    const out = await post(t.baseUrl, '/auth/sign-out', undefined, { cookie: `canbo_refresh=${cookie}` });
    expect(out.status).toBe(204);
    expect(out.res.headers.getSetCookie().some((c) => c.startsWith('canbo_refresh=;'))).toBe(true);
    const again = await refresh(cookie);
    expect(again.status).toBe(401);
    // the access token of that session, still within its 15 minutes: refused
    expect((await gqlWith(signed.body.accessToken, me)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    // the same user's other session goes on
    expect((await gqlWith(other.body.accessToken, me)).data).toEqual({ me: { name: 'signout-user' } });
  });

  test('an expired refresh token: 401', async () => {
    await makeUser('expired-refresh');
    const signed = await signIn('expired-refresh', TEST_PASSWORD);
    const cookie = refreshCookie(signed.res)!.value;
    await t.ds.query(
      `UPDATE refresh_token SET expires_at = now() - interval '1 second' WHERE user_id = (SELECT id FROM app_user WHERE username = 'expired-refresh')`,
    );
    const res = await refresh(cookie);
    expect(res.status).toBe(401);
    expect(res.body.reason).toBe('EXPIRED_REFRESH_TOKEN');
  });
});

describe('access tokens', () => {
  let secret: string;
  let viewerId: string;
  const jwt = new JwtService();
  beforeAll(async () => {
    await t.token('viewer'); // the secret exists once a token was issued
    [{ value: secret }] = await t.ds.query(`SELECT value FROM app_setting WHERE key = 'jwt_secret'`);
    [{ id: viewerId }] = await t.ds.query(`SELECT id FROM app_user WHERE username = 'viewer'`);
  });

  const expectUnauthenticated = async (token: string | null) => {
    const res = await gqlWith(token, UNITS);
    expect(res.data ?? null).toBeNull();
    expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
  };

  test('a token crafted with the right secret works (the control of the cases below)', async () => {
    const token = jwt.sign({ sub: viewerId, typ: 'USER' }, { secret, expiresIn: 60, algorithm: 'HS256' });
    const res = await gqlWith(token, ME);
    expect(res.errors).toBeUndefined();
    expect(res.data.me.id).toBe(viewerId);
  });

  test('no token at all', async () => {
    await expectUnauthenticated(null);
  });

  test('signed with another secret', async () => {
    await expectUnauthenticated(jwt.sign({ sub: viewerId, typ: 'USER' }, { secret: 'another-secret-entirely-0123456789', expiresIn: 60 }));
  });

  test('expired', async () => {
    const now = Math.floor(Date.now() / 1000);
    await expectUnauthenticated(jwt.sign({ sub: viewerId, typ: 'USER', iat: now - 120, exp: now - 60 }, { secret }));
  });

  test('payload altered after signing (another user, or the must-change flag removed)', async () => {
    const real = await t.token('viewer');
    const [header, , signature] = real.split('.');
    const [{ id: adminId }] = await t.ds.query(`SELECT id FROM app_user WHERE username = 'system-admin'`);
    const payload = Buffer.from(JSON.stringify({ sub: adminId, typ: 'USER', iat: Math.floor(Date.now() / 1000), exp: Math.floor(Date.now() / 1000) + 600 })).toString(
      'base64url',
    );
    await expectUnauthenticated(`${header}.${payload}.${signature}`);
  });

  test('alg none, garbage, and a token of a deactivated user', async () => {
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    const payload = Buffer.from(JSON.stringify({ sub: viewerId, typ: 'USER', exp: Math.floor(Date.now() / 1000) + 600 })).toString('base64url');
    await expectUnauthenticated(`${header}.${payload}.`);
    await expectUnauthenticated('not.a.jwt');
    const id = await makeUser('deactivated-user');
    const token = jwt.sign({ sub: id, typ: 'USER' }, { secret, expiresIn: 60 });
    expect((await gqlWith(token, ME)).errors).toBeUndefined();
    await t.ds.query(`UPDATE app_user SET active = false WHERE id = $1`, [id]);
    await expectUnauthenticated(token);
  });
});

describe('account lockout', () => {
  test('N wrong passwords lock the account; the right password is refused until an admin resets it', async () => {
    const id = await makeUser('lock-user');
    // each attempt from its own address: the lock is about the account, not the address
    expect((await signIn('lock-user', 'Sai-Mat-Khau-1')).body.reason).toBe('BAD_CREDENTIALS');
    expect((await signIn('lock-user', 'Sai-Mat-Khau-2')).body.reason).toBe('BAD_CREDENTIALS');
    const third = await signIn('lock-user', 'Sai-Mat-Khau-3');
    expect(third.status).toBe(401);
    expect(third.body).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'ACCOUNT_LOCKED', lockedUntil: expect.any(String) });
    const right = await signIn('lock-user', TEST_PASSWORD);
    expect(right.status).toBe(401);
    expect(right.body.reason).toBe('ACCOUNT_LOCKED');
    expect(right.body.accessToken).toBeUndefined();

    // the lock is in PostgreSQL: a second instance on the same database refuses too
    const sink = new Writable({ write: (_c, _e, cb) => cb() });
    const other = await createApp(testConfig(t.appDatabaseUrl, { trustProxy: 1, auth: POLICY as AuthPolicy }), new JsonLogger('error', sink));
    try {
      await other.listen(0, '127.0.0.1');
      const otherBase = `http://127.0.0.1:${other.getHttpServer().address().port}`;
      expect((await signIn('lock-user', TEST_PASSWORD, newIp(), otherBase)).body.reason).toBe('ACCOUNT_LOCKED');
      // and a token of the first instance is accepted by the second (one secret, kept in the database)
      expect((await gqlWith(await t.token('viewer'), ME, otherBase)).errors).toBeUndefined();
    } finally {
      await other.close();
      restoreStrategies();
    }

    const reset = await t.gql(`mutation($id: ID!) { resetUserPassword(id: $id) { temporaryPassword user { lockedUntil mustChangePassword } } }`, { id });
    expect(reset.errors).toBeUndefined();
    expect(reset.data.resetUserPassword.user).toEqual({ lockedUntil: null, mustChangePassword: true });
    const temp = reset.data.resetUserPassword.temporaryPassword;
    expect((await signIn('lock-user', TEST_PASSWORD)).body.reason).toBe('BAD_CREDENTIALS');
    const signed = await signIn('lock-user', temp);
    expect(signed.status).toBe(200);
    expect(signed.body.mustChangePassword).toBe(true);
    const ops = (await t.ds.query(`SELECT operation FROM audit_log WHERE entity_id = $1 ORDER BY id`, [id])).map((r: { operation: string }) => r.operation);
    expect(ops).toEqual(['signInFailed', 'signInFailed', 'accountLocked', 'resetPassword', 'signInFailed', 'signIn']);
  });

  test('wrong passwords sent all at once are each counted: the account locks', async () => {
    const id = await makeUser('burst-user');
    const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => signIn('burst-user', `Sai-Mat-Khau-${i}`)));
    expect(answers.every((a) => a.status === 401)).toBe(true);
    // at least the attempts after the limit are answered as locked
    expect(answers.filter((a) => a.body.reason === 'ACCOUNT_LOCKED').length).toBeGreaterThanOrEqual(1);
    const [row] = await t.ds.query(`SELECT locked_until FROM app_user WHERE id = $1`, [id]);
    expect(row.locked_until).not.toBeNull();
    expect((await signIn('burst-user', TEST_PASSWORD)).body.reason).toBe('ACCOUNT_LOCKED');
  });

  test('a successful sign-in clears the count of failures', async () => {
    await makeUser('count-user');
    await signIn('count-user', 'Sai-Mat-Khau-1');
    await signIn('count-user', 'Sai-Mat-Khau-2');
    expect((await signIn('count-user', TEST_PASSWORD)).status).toBe(200);
    await signIn('count-user', 'Sai-Mat-Khau-3');
    await signIn('count-user', 'Sai-Mat-Khau-4');
    expect((await signIn('count-user', TEST_PASSWORD)).status).toBe(200);
  });
});

describe('address throttling', () => {
  test('failures from one address: 429 with Retry-After and growing delays, never a permanent lock', async () => {
    const ip = newIp();
    const blockedFor = async () => {
      const [row] = await t.ds.query(
        `SELECT EXTRACT(EPOCH FROM blocked_until - last_failure_at) * 1000 AS ms, failures FROM auth_throttle WHERE address = $1`,
        [ip],
      );
      return Math.round(Number(row.ms));
    };
    // the free failures (different unknown accounts, so no account lock is involved)
    expect((await signIn('nobody-1', 'x', ip)).status).toBe(401);
    expect((await signIn('nobody-2', 'x', ip)).status).toBe(401);
    expect((await signIn('nobody-3', 'x', ip)).status).toBe(401); // the one over the limit: now blocked
    const delays = [await blockedFor()];

    const throttled = await signIn('viewer', TEST_PASSWORD, ip);
    expect(throttled.status).toBe(429);
    expect(throttled.body).toMatchObject({ code: 'TOO_MANY_REQUESTS', reason: 'ADDRESS_THROTTLED' });
    expect(Number(throttled.res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(throttled.body.accessToken).toBeUndefined();
    // another address is not affected
    expect((await signIn('viewer', TEST_PASSWORD)).status).toBe(200);

    for (let i = 0; i < 2; i++) {
      await sleep(delays[delays.length - 1] + 30);
      expect((await signIn(`nobody-x${i}`, 'x', ip)).status).toBe(401);
      delays.push(await blockedFor());
      expect((await signIn('viewer', TEST_PASSWORD, ip)).status).toBe(429);
    }
    expect(delays[0]).toBeGreaterThanOrEqual(90);
    expect(delays[1]).toBeGreaterThan(delays[0] * 1.5);
    expect(delays[2]).toBeGreaterThan(delays[1] * 1.5);

    // once the delay has passed, the right password from that address signs in
    await sleep(delays[2] + 30);
    const ok = await signIn('viewer', TEST_PASSWORD, ip);
    expect(ok.status).toBe(200);
    expect(ok.body.accessToken).toEqual(expect.any(String));
  });
});
