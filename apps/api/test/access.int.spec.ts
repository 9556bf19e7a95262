import { bootTestApp, GqlResult, TestApp } from './harness';
import { expectBadInput, expectErrorCode } from './helpers';

/** Administration of access: service accounts, roles, assignments, users. */
let t: TestApp;
let provinceId: string;
beforeAll(async () => {
  // this file runs with the production default: a refresh token presented again within seconds is honoured
  t = await bootTestApp({ auth: { refreshReuseGraceSeconds: 10 } as never });
  [{ id: provinceId }] = await t.ds.query(`SELECT id FROM unit WHERE kind = 'PROVINCE'`);
});
afterAll(async () => {
  await t?.close();
});

const roleId = async (code: string): Promise<string> => (await t.ds.query(`SELECT id FROM role WHERE code = $1`, [code]))[0].id;
const ok = <T = any>(res: GqlResult<T>): T => {
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data!;
};

const CREATE_SA = `mutation($i: CreateServiceAccountInput!) { createServiceAccount(input: $i) { apiKey serviceAccount { id name keyPrefix expiresAt lastUsedAt revokedAt } } }`;
const ASSIGN = `mutation($i: AssignRoleInput!) { assignRole(input: $i) { id allUnits unitIds staffCategories role { code } userId serviceAccountId } }`;
const withKey = (key: string, query: string, variables?: Record<string, unknown>) => t.gql(query, variables, { 'x-api-key': key });

describe('service accounts', () => {
  let key: string;
  let accountId: string;

  test('createServiceAccount returns the API key once; only its hash is stored, and it never reaches the audit log', async () => {
    const data = ok(await t.gql(CREATE_SA, { i: { name: 'Phần mềm một cửa', description: 'tích hợp' } }));
    key = data.createServiceAccount.apiKey;
    accountId = data.createServiceAccount.serviceAccount.id;
    expect(key).toMatch(/^.{12}\..{20,}$/);
    expect(key.startsWith(data.createServiceAccount.serviceAccount.keyPrefix)).toBe(true);
    const secretPart = key.split('.')[1];
    const rows = await t.ds.query(`SELECT row_to_json(s)::text AS json FROM service_account s`);
    expect(rows).toHaveLength(1);
    expect(rows[0].json).not.toContain(secretPart);
    const audit = await t.ds.query(`SELECT row_to_json(a)::text AS json, changes FROM audit_log a WHERE operation = 'createServiceAccount'`);
    expect(audit).toHaveLength(1);
    expect(audit[0].json).not.toContain(secretPart);
    expect(Object.keys(audit[0].changes)).not.toContain('keyHash');
    // listed without the key
    const list = ok(await t.gql(`{ serviceAccounts { id name keyPrefix } }`));
    expect(list.serviceAccounts).toEqual([{ id: accountId, name: 'Phần mềm một cửa', keyPrefix: key.slice(0, 12) }]);
  });

  test('without a role the key authenticates but may do nothing', async () => {
    const me = ok(await withKey(key, `{ me { type id name permissions } }`));
    expect(me.me).toEqual({ type: 'SERVICE_ACCOUNT', id: accountId, name: 'Phần mềm một cửa', permissions: [] });
    expectErrorCode(await withKey(key, `{ units { totalCount } }`), 'FORBIDDEN');
  });

  test('with a role over one unit: works within its scope and permissions, and its use is recorded', async () => {
    const [{ id: unitId }] = await t.ds.query(`SELECT id FROM unit WHERE name = 'Xã Mỹ Đức'`);
    const assigned = ok(await t.gql(ASSIGN, { i: { serviceAccountId: accountId, roleId: await roleId('integration_client'), allUnits: false, unitIds: [unitId] } }));
    expect(assigned.assignRole).toMatchObject({ serviceAccountId: accountId, userId: null, unitIds: [unitId], allUnits: false, role: { code: 'integration_client' } });
    const units = ok(await withKey(key, `{ units(first: 100) { totalCount edges { node { id } } } }`));
    expect(units.units.totalCount).toBe(1);
    expect(units.units.edges.map((e: any) => e.node.id)).toEqual([unitId]);
    expectErrorCode(await withKey(key, `query($id: ID!) { unit(id: $id) { id } }`, { id: provinceId }), 'NOT_FOUND');
    // Authorization: ApiKey works too
    const viaAuthorization = await t.gql(`{ me { id } }`, undefined, { authorization: `ApiKey ${key}` });
    expect(ok(viaAuthorization).me.id).toBe(accountId);
    // not a permission of the role
    expectErrorCode(
      await withKey(key, `mutation($i: UpdateUnitInput!) { updateUnit(input: $i) { id } }`, { i: { id: unitId, version: 1, name: 'X' } }),
      'FORBIDDEN',
    );
    const [{ last_used_at }] = await t.ds.query(`SELECT last_used_at FROM service_account WHERE id = $1`, [accountId]);
    expect(last_used_at).toBeInstanceOf(Date);
    expect(Date.now() - new Date(last_used_at).getTime()).toBeLessThan(60_000);
    const listed = ok(await t.gql(`{ serviceAccounts { lastUsedAt assignments { role { code } } } }`));
    expect(listed.serviceAccounts[0].lastUsedAt).toEqual(expect.any(String));
    expect(listed.serviceAccounts[0].assignments).toEqual([{ role: { code: 'integration_client' } }]);
  });

  test('a wrong key, an expired key and a revoked key: UNAUTHENTICATED', async () => {
    const wrong = `${key.slice(0, 13)}${'A'.repeat(key.length - 13)}`;
    expectErrorCode(await withKey(wrong, `{ me { id } }`), 'UNAUTHENTICATED');
    expectErrorCode(await withKey('short', `{ me { id } }`), 'UNAUTHENTICATED');

    const soon = ok(await t.gql(CREATE_SA, { i: { name: 'Sắp hết hạn', expiresAt: new Date(Date.now() + 3_600_000).toISOString() } }));
    const soonKey = soon.createServiceAccount.apiKey;
    expect(ok(await withKey(soonKey, `{ me { id } }`)).me.id).toBe(soon.createServiceAccount.serviceAccount.id);
    await t.ds.query(`UPDATE service_account SET expires_at = now() - interval '1 second' WHERE id = $1`, [soon.createServiceAccount.serviceAccount.id]);
    expectErrorCode(await withKey(soonKey, `{ me { id } }`), 'UNAUTHENTICATED');

    expectBadInput(await t.gql(CREATE_SA, { i: { name: 'Quá khứ', expiresAt: '2020-01-01T00:00:00Z' } }), 'expiresAt');

    const revoked = ok(await t.gql(`mutation($id: ID!) { revokeServiceAccount(id: $id) { id revokedAt } }`, { id: accountId }));
    expect(revoked.revokeServiceAccount.revokedAt).toEqual(expect.any(String));
    expectErrorCode(await withKey(key, `{ me { id } }`), 'UNAUTHENTICATED');
    expectErrorCode(await withKey(key, `{ units { totalCount } }`), 'UNAUTHENTICATED');
  });
});

const CREATE_ROLE = `mutation($i: CreateRoleInput!) { createRole(input: $i) { id code permissions version system } }`;
const UPDATE_ROLE = `mutation($i: UpdateRoleInput!) { updateRole(input: $i) { id permissions version } }`;

describe('roles', () => {
  test('createRole with an unknown permission: BAD_USER_INPUT on permissions, nothing created', async () => {
    expectBadInput(await t.gql(CREATE_ROLE, { i: { code: 'bad_role', name: 'Sai', permissions: ['unit.read', 'unit.fly'] } }), 'permissions');
    const [{ count }] = await t.ds.query(`SELECT count(*)::int AS count FROM role WHERE code = 'bad_role'`);
    expect(count).toBe(0);
  });

  test('createRole, then updateRole; a stale version is a CONFLICT and changes nothing', async () => {
    const created = ok(await t.gql(CREATE_ROLE, { i: { code: 'reader', name: 'Đọc', permissions: ['unit.read', 'unit.read', 'report.read'] } }));
    expect(created.createRole).toMatchObject({ code: 'reader', permissions: ['report.read', 'unit.read'], version: 1, system: false });
    const id = created.createRole.id;
    const updated = ok(await t.gql(UPDATE_ROLE, { i: { id, version: 1, permissions: ['unit.read'] } }));
    expect(updated.updateRole).toEqual({ id, permissions: ['unit.read'], version: 2 });
    expectErrorCode(await t.gql(UPDATE_ROLE, { i: { id, version: 1, permissions: ['audit.read'] } }), 'CONFLICT');
    const [row] = await t.ds.query(`SELECT permissions, version FROM role WHERE id = $1`, [id]);
    expect(row).toEqual({ permissions: ['unit.read'], version: 2 });
    expectBadInput(await t.gql(UPDATE_ROLE, { i: { id, version: 2, permissions: ['nope'] } }), 'permissions');
    expectBadInput(await t.gql(CREATE_ROLE, { i: { code: 'reader', name: 'Lại', permissions: [] } }), 'code');
  });

  test('deleteRole: refused while assigned, done when not', async () => {
    const created = ok(await t.gql(CREATE_ROLE, { i: { code: 'temp_role', name: 'Tạm', permissions: [] } }));
    const id = created.createRole.id;
    const [{ id: viewerUser }] = await t.ds.query(`SELECT id FROM app_user WHERE username = 'viewer'`);
    const a = ok(await t.gql(ASSIGN, { i: { userId: viewerUser, roleId: id, allUnits: true } }));
    expectBadInput(await t.gql(`mutation($id: ID!) { deleteRole(id: $id) }`, { id }), 'id');
    ok(await t.gql(`mutation($id: ID!) { removeRoleAssignment(id: $id) }`, { id: a.assignRole.id }));
    expect(ok(await t.gql(`mutation($id: ID!) { deleteRole(id: $id) }`, { id })).deleteRole).toBe(id);
  });

  test('assignRole with an unknown unit: BAD_USER_INPUT on unitIds, nothing assigned', async () => {
    const [{ id: userId }] = await t.ds.query(`SELECT id FROM app_user WHERE username = 'viewer'`);
    const [{ count: before }] = await t.ds.query(`SELECT count(*)::int AS count FROM role_assignment`);
    expectBadInput(
      await t.gql(ASSIGN, { i: { userId, roleId: await roleId('viewer'), allUnits: false, unitIds: ['00000000-0000-4000-8000-000000000000'] } }),
      'unitIds',
    );
    expectBadInput(await t.gql(ASSIGN, { i: { userId, roleId: await roleId('viewer'), allUnits: false, unitIds: [] } }), 'unitIds');
    expectBadInput(await t.gql(ASSIGN, { i: { roleId: await roleId('viewer'), allUnits: true } }), 'userId');
    const [{ count: after }] = await t.ds.query(`SELECT count(*)::int AS count FROM role_assignment`);
    expect(after).toBe(before);
  });

  test('removing one’s own last admin role is refused and changes nothing', async () => {
    const [{ id: adminId }] = await t.ds.query(`SELECT id FROM app_user WHERE username = 'system-admin'`);
    const assignments = await t.ds.query(`SELECT id FROM role_assignment WHERE user_id = $1`, [adminId]);
    expect(assignments).toHaveLength(1);
    const [{ count: auditBefore }] = await t.ds.query(`SELECT count(*)::int AS count FROM audit_log`);
    expectBadInput(await t.gql(`mutation($id: ID!) { removeRoleAssignment(id: $id) }`, { id: assignments[0].id }), 'id');
    expect(await t.ds.query(`SELECT id FROM role_assignment WHERE user_id = $1`, [adminId])).toEqual(assignments);
    const [{ count: auditAfter }] = await t.ds.query(`SELECT count(*)::int AS count FROM audit_log`);
    expect(auditAfter).toBe(auditBefore);
    // and taking admin.roles from one's own role the same way
    const sysRole = await t.ds.query(`SELECT id, version, permissions FROM role WHERE code = 'system_admin'`);
    expectBadInput(await t.gql(UPDATE_ROLE, { i: { id: sysRole[0].id, version: sysRole[0].version, permissions: ['unit.read'] } }), 'permissions');
    expect(await t.ds.query(`SELECT id, version, permissions FROM role WHERE code = 'system_admin'`)).toEqual(sysRole);
    // the admin still administers
    expect(ok(await t.gql(`{ roles { code } }`)).roles.length).toBeGreaterThan(0);
  });

  test('a role edit applies at once to existing tokens', async () => {
    const viewer = t.as('viewer');
    expect(ok(await viewer(`{ units { totalCount } }`)).units.totalCount).toBeGreaterThan(1);
    const [role] = await t.ds.query(`SELECT id, version, permissions FROM role WHERE code = 'viewer'`);
    const without = role.permissions.filter((p: string) => p !== 'unit.read');
    ok(await t.gql(UPDATE_ROLE, { i: { id: role.id, version: role.version, permissions: without } }));
    const refused = expectErrorCode(await viewer(`{ units { totalCount } }`), 'FORBIDDEN');
    expect(refused.extensions).toMatchObject({ reason: 'MISSING_PERMISSION', permission: 'unit.read' });
    ok(await t.gql(UPDATE_ROLE, { i: { id: role.id, version: role.version + 1, permissions: role.permissions } }));
    expect(ok(await viewer(`{ units { totalCount } }`)).units.totalCount).toBeGreaterThan(1);
  });

  test('a non-admin may not administer', async () => {
    const officer = t.as('province-officer');
    expectErrorCode(await officer(`{ roles { code } }`), 'FORBIDDEN');
    expectErrorCode(await officer(CREATE_ROLE, { i: { code: 'x_role', name: 'X', permissions: [] } }), 'FORBIDDEN');
    expectErrorCode(await officer(CREATE_SA, { i: { name: 'X' } }), 'FORBIDDEN');
  });
});

describe('users', () => {
  const CREATE_USER = `mutation($i: CreateUserInput!) { createUser(input: $i) { temporaryPassword user { id username mustChangePassword active } } }`;
  const signIn = (username: string, password: string) =>
    fetch(`${t.baseUrl}/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    }).then(async (r) => ({ status: r.status, body: (await r.json()) as any }));

  test('createUser: a temporary password to change at first sign-in; never in the audit log', async () => {
    const created = ok(await t.gql(CREATE_USER, { i: { username: 'nguyen.van.a', displayName: 'Nguyễn Văn A', homeUnitId: t.communeUnitId } }));
    const { temporaryPassword, user } = created.createUser;
    expect(user).toMatchObject({ username: 'nguyen.van.a', mustChangePassword: true, active: true });
    expect(temporaryPassword.length).toBeGreaterThanOrEqual(10);
    const audit = await t.ds.query(`SELECT row_to_json(a)::text AS json FROM audit_log a WHERE entity_id = $1`, [user.id]);
    expect(audit).toHaveLength(1);
    expect(audit[0].json).not.toContain(temporaryPassword);
    expect(audit[0].json).not.toContain('argon2');
    expect(audit[0].json).not.toContain('passwordHash');

    const signed = await signIn('nguyen.van.a', temporaryPassword);
    expect(signed.status).toBe(200);
    expect(signed.body.mustChangePassword).toBe(true);
    const token = signed.body.accessToken;
    // no role yet, and a password to change: refused before anything else
    const res = await t.gql(`{ units { totalCount } }`, undefined, { authorization: `Bearer ${token}` });
    expect(expectErrorCode(res, 'FORBIDDEN').extensions).toMatchObject({ reason: 'PASSWORD_CHANGE_REQUIRED' });
    const changed = await fetch(`${t.baseUrl}/auth/password`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ currentPassword: temporaryPassword, newPassword: 'Mot-Mat-Khau-Moi-7' }),
    });
    expect(changed.status).toBe(200);
    const [row] = await t.ds.query(`SELECT must_change_password, password_hash FROM app_user WHERE id = $1`, [user.id]);
    expect(row.must_change_password).toBe(false);
    expect(row.password_hash).not.toContain('Mot-Mat-Khau-Moi-7');
    const audits = await t.ds.query(`SELECT row_to_json(a)::text AS json FROM audit_log a WHERE entity_id = $1`, [user.id]);
    expect(audits.some((a: { json: string }) => a.json.includes('Mot-Mat-Khau-Moi-7') || a.json.includes(temporaryPassword))).toBe(false);

    expectBadInput(await t.gql(CREATE_USER, { i: { username: 'nguyen.van.a', displayName: 'Trùng' } }), 'username');
    expectBadInput(await t.gql(CREATE_USER, { i: { username: 'other.user', displayName: 'X', homeUnitId: '00000000-0000-4000-8000-000000000000' } }), 'homeUnitId');
  });

  test('resetUserPassword: a new temporary password; the old one stops working; sessions end', async () => {
    const [{ id }] = await t.ds.query(`SELECT id FROM app_user WHERE username = 'nguyen.van.a'`);
    const before = await signIn('nguyen.van.a', 'Mot-Mat-Khau-Moi-7');
    expect(before.status).toBe(200);
    const reset = ok(await t.gql(`mutation($id: ID!) { resetUserPassword(id: $id) { temporaryPassword user { mustChangePassword version } } }`, { id }));
    expect(reset.resetUserPassword.user.mustChangePassword).toBe(true);
    const [{ count: live }] = await t.ds.query(`SELECT count(*)::int AS count FROM refresh_token WHERE user_id = $1 AND revoked_at IS NULL`, [id]);
    expect(live).toBe(0);
    expect((await signIn('nguyen.van.a', 'Mot-Mat-Khau-Moi-7')).status).toBe(401);
    const signed = await signIn('nguyen.van.a', reset.resetUserPassword.temporaryPassword);
    expect(signed.status).toBe(200);
    expect(signed.body.mustChangePassword).toBe(true);
    const audit = await t.ds.query(`SELECT row_to_json(a)::text AS json FROM audit_log a WHERE operation = 'resetPassword' AND entity_id = $1`, [id]);
    expect(audit).toHaveLength(1);
    expect(audit[0].json).not.toContain(reset.resetUserPassword.temporaryPassword);
    expectErrorCode(await t.gql(`mutation($id: ID!) { resetUserPassword(id: $id) { temporaryPassword } }`, { id: '00000000-0000-4000-8000-000000000000' }), 'NOT_FOUND');
  });

  test('updateUser: deactivating ends sign-in; one may not deactivate oneself', async () => {
    const [{ id, version }] = await t.ds.query(`SELECT id, version FROM app_user WHERE username = 'nguyen.van.a'`);
    ok(await t.gql(`mutation($i: UpdateUserInput!) { updateUser(input: $i) { active } }`, { i: { id, version, active: false } }));
    const [{ count: live }] = await t.ds.query(`SELECT count(*)::int AS count FROM refresh_token WHERE user_id = $1 AND revoked_at IS NULL`, [id]);
    expect(live).toBe(0);
    const [{ id: me, version: myVersion }] = await t.ds.query(`SELECT id, version FROM app_user WHERE username = 'system-admin'`);
    expectBadInput(await t.gql(`mutation($i: UpdateUserInput!) { updateUser(input: $i) { active } }`, { i: { id: me, version: myVersion, active: false } }), 'active');
    expectErrorCode(await t.gql(`mutation($i: UpdateUserInput!) { updateUser(input: $i) { active } }`, { i: { id, version, active: true } }), 'CONFLICT');
  });
});

describe('refresh grace window', () => {
  const post = (path: string, body?: unknown, cookie?: string) =>
    fetch(`${t.baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie: `canbo_refresh=${cookie}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const cookieOf = (res: Response) =>
    res.headers
      .getSetCookie()
      .find((c) => c.startsWith('canbo_refresh='))
      ?.slice('canbo_refresh='.length)
      .split(';')[0];

  test('a token presented again right after its use (a reload, two tabs) is honoured; later it counts as reuse', async () => {
    const signed = await post('/auth/sign-in', { username: 'viewer', password: 'Kiem-Thu-2025!' });
    const c1 = cookieOf(signed)!;
    expect((await post('/auth/refresh', undefined, c1)).status).toBe(200);
    const again = await post('/auth/refresh', undefined, c1);
    expect(again.status).toBe(200);
    const c3 = cookieOf(again)!;
    const [{ revoked }] = await t.ds.query(
      `SELECT count(*) FILTER (WHERE revoked_at IS NOT NULL)::int AS revoked FROM refresh_token WHERE family_id =
         (SELECT family_id FROM refresh_token WHERE token_hash = encode(sha256($1::bytea), 'hex'))`,
      [c1],
    );
    expect(revoked).toBe(0);
    // once the grace has passed, presenting it again is theft: the family is revoked
    await t.ds.query(
      `UPDATE refresh_token SET used_at = now() - interval '1 minute' WHERE token_hash = encode(sha256($1::bytea), 'hex')`,
      [c1],
    );
    const late = await post('/auth/refresh', undefined, c1);
    expect(late.status).toBe(401);
    expect(((await late.json()) as { reason: string }).reason).toBe('REFRESH_TOKEN_REUSED');
    expect((await post('/auth/refresh', undefined, c3)).status).toBe(401);
  });
});
