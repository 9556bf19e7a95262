import { MASK } from '@canbo/shared';
import { Client } from 'pg';
import { hashPassword } from '../src/modules/auth/auth.service';
import { bootTestApp, GqlResult, TEST_PASSWORD, TestApp } from './harness';
import { expectBadInput, expectErrorCode } from './helpers';

/** The append-only audit log: written in the change's transaction, immutable, readable with filters. */
let t: TestApp;
let adminId: string;
beforeAll(async () => {
  t = await bootTestApp();
  [{ id: adminId }] = await t.ds.query(`SELECT id FROM app_user WHERE username = 'system-admin'`);
});
afterAll(async () => {
  await t?.close();
});

const ok = <T = any>(res: GqlResult<T>): T => {
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data!;
};
const auditCount = async (): Promise<number> => (await t.ds.query(`SELECT count(*)::int AS count FROM audit_log`))[0].count;
const UPDATE_UNIT = `mutation($i: UpdateUnitInput!) { updateUnit(input: $i) { id name version } }`;
const AUDIT = `query($f: AuditLogFilter, $first: Int!, $after: String) {
  auditLog(filter: $f, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { id at actorType actorId actorName operation entity entityId changes sensitiveFields clientIp requestId } }
  }
}`;

describe('what the seed wrote', () => {
  test('the registry seed is one audit entry; the default roles one more', async () => {
    const rows = await t.ds.query(`SELECT operation, entity, actor_type, actor_id FROM audit_log ORDER BY id`);
    expect(rows.filter((r: { entity: string }) => r.entity === 'registry')).toEqual([
      { operation: 'seed', entity: 'registry', actor_type: 'SYSTEM', actor_id: null },
    ]);
    expect(rows).toEqual([
      { operation: 'seed', entity: 'registry', actor_type: 'SYSTEM', actor_id: null },
      { operation: 'seed', entity: 'role', actor_type: 'SYSTEM', actor_id: null },
    ]);
  });
});

describe('each write is audited in its own transaction', () => {
  let unit: { id: string; name: string; version: number };
  beforeAll(async () => {
    [unit] = await t.ds.query(`SELECT id, name, version FROM unit WHERE name = 'Xã Mỹ Đức'`);
  });

  test('updateUnit: who, operation, entity, id, changed fields before/after, client address, request id', async () => {
    const token = await t.token('system-admin');
    const before = await auditCount();
    const res = await fetch(`${t.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-request-id': 'audit-test-001' },
      body: JSON.stringify({ query: UPDATE_UNIT, variables: { i: { id: unit.id, version: unit.version, name: 'Xã Mỹ Đức Mới', shortName: 'Mỹ Đức Mới' } } }),
    });
    expect(res.headers.get('x-request-id')).toBe('audit-test-001');
    const body = (await res.json()) as GqlResult;
    expect(body.errors).toBeUndefined();
    expect(await auditCount()).toBe(before + 1);
    const [row] = await t.ds.query(`SELECT * FROM audit_log ORDER BY id DESC LIMIT 1`);
    expect(row).toMatchObject({
      actor_type: 'USER',
      actor_id: adminId,
      actor_name: 'system-admin',
      operation: 'updateUnit',
      entity: 'unit',
      entity_id: unit.id,
      request_id: 'audit-test-001',
      sensitive_fields: [],
    });
    expect(row.client_ip).toMatch(/127\.0\.0\.1/);
    expect(row.changes).toEqual({
      name: { before: 'Xã Mỹ Đức', after: 'Xã Mỹ Đức Mới' },
      shortName: { before: 'Mỹ Đức', after: 'Mỹ Đức Mới' },
      version: { before: unit.version, after: unit.version + 1 },
    });
    unit = { ...unit, name: 'Xã Mỹ Đức Mới', version: unit.version + 1 };
  });

  test('a failed mutation (CONFLICT, BAD_USER_INPUT) leaves neither change nor audit row', async () => {
    const before = await auditCount();
    const [rowBefore] = await t.ds.query(`SELECT * FROM unit WHERE id = $1`, [unit.id]);
    expectErrorCode(await t.gql(UPDATE_UNIT, { i: { id: unit.id, version: unit.version - 1, name: 'Xã Mỹ Đức Cũ' } }), 'CONFLICT');
    expectBadInput(await t.gql(UPDATE_UNIT, { i: { id: unit.id, version: unit.version, name: '' } }), 'name');
    expectBadInput(await t.gql(UPDATE_UNIT, { i: { id: unit.id, version: unit.version, validFrom: '2030-01-01', validTo: '2029-01-01' } }), 'validTo');
    expect(await auditCount()).toBe(before);
    const [rowAfter] = await t.ds.query(`SELECT * FROM unit WHERE id = $1`, [unit.id]);
    expect(rowAfter).toEqual(rowBefore);
  });

  test('when the audit row cannot be written, the change itself rolls back', async () => {
    const [body] = await t.ds.query(`SELECT id, name, version FROM body WHERE unit_id = $1 LIMIT 1`, [unit.id]);
    await t.ds.query(`ALTER TABLE audit_log ADD CONSTRAINT audit_test_refuse CHECK (operation <> 'updateBody') NOT VALID`);
    try {
      const before = await auditCount();
      const res = await t.gql(`mutation($i: UpdateBodyInput!) { updateBody(input: $i) { id name } }`, { i: { id: body.id, version: body.version, name: 'Tên mới' } });
      expect(res.errors?.[0].extensions?.code).toBe('INTERNAL_SERVER_ERROR');
      expect(await auditCount()).toBe(before);
      const [after] = await t.ds.query(`SELECT id, name, version FROM body WHERE id = $1`, [body.id]);
      expect(after).toEqual(body);
    } finally {
      await t.ds.query(`ALTER TABLE audit_log DROP CONSTRAINT audit_test_refuse`);
    }
    // and with the audit possible again, the same edit goes through with its row
    const res = await t.gql(`mutation($i: UpdateBodyInput!) { updateBody(input: $i) { id name } }`, { i: { id: body.id, version: body.version, name: 'Tên mới' } });
    expect(ok(res).updateBody.name).toBe('Tên mới');
    const [row] = await t.ds.query(`SELECT operation, entity_id, changes FROM audit_log ORDER BY id DESC LIMIT 1`);
    expect(row).toMatchObject({ operation: 'updateBody', entity_id: body.id, changes: { name: { before: body.name, after: 'Tên mới' } } });
  });

  test('a create records the new record (after only)', async () => {
    const res = await t.gql(`mutation($i: CreateBodyInput!) { createBody(input: $i) { id } }`, {
      i: { unitId: unit.id, kind: 'PUBLIC_SERVICE_UNIT', name: 'Trung tâm Dịch vụ', validFrom: '2025-07-01' },
    });
    const id = ok(res).createBody.id;
    const [row] = await t.ds.query(`SELECT operation, entity, entity_id, changes FROM audit_log WHERE entity_id = $1`, [id]);
    expect(row).toMatchObject({ operation: 'createBody', entity: 'body', entity_id: id });
    expect(row.changes.name).toEqual({ after: 'Trung tâm Dịch vụ' });
    expect(row.changes.unitId).toEqual({ after: unit.id });
  });
});

describe('immutability', () => {
  const statements = [`UPDATE audit_log SET operation = 'x'`, `DELETE FROM audit_log`, `TRUNCATE audit_log`];

  test('the application role may not UPDATE, DELETE or TRUNCATE audit rows (permission denied)', async () => {
    const client = new Client({ connectionString: t.appDatabaseUrl });
    await client.connect();
    try {
      // it may read and append
      const { rows } = await client.query(`SELECT count(*)::int AS count FROM audit_log`);
      expect(rows[0].count).toBeGreaterThan(0);
      for (const sql of statements) {
        await expect(client.query(sql)).rejects.toMatchObject({ code: '42501', message: expect.stringMatching(/permission denied/) });
      }
    } finally {
      await client.end();
    }
  });

  test('even the owner may not UPDATE, DELETE or TRUNCATE (the triggers)', async () => {
    const before = await t.ds.query(`SELECT * FROM audit_log ORDER BY id`);
    const owner = new Client({ connectionString: (t.ds.options as { url: string }).url });
    await owner.connect();
    try {
      expect((await owner.query(`SELECT current_user AS u`)).rows[0].u).not.toBe('canbo_api_test');
      for (const sql of statements) {
        await expect(owner.query(sql)).rejects.toMatchObject({ code: '42501', message: expect.stringMatching(/append-only/) });
      }
    } finally {
      await owner.end();
    }
    expect(await t.ds.query(`SELECT * FROM audit_log ORDER BY id`)).toEqual(before);
  });
});

describe('the auditLog query', () => {
  beforeAll(async () => {
    // a few more entries by another actor
    const [u] = await t.ds.query(`SELECT id, version FROM unit WHERE name = 'Xã Mỹ Đức Mới'`);
    ok(await t.as('commune-organisation-officer')(UPDATE_UNIT, { i: { id: u.id, version: u.version, shortName: 'MĐ' } }));
  });

  test('newest first, paginated with cursors, pages disjoint and complete', async () => {
    const total = await auditCount();
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 50; i++) {
      const page: any = ok(await t.gql(AUDIT, { first: 3, after })).auditLog;
      expect(page.totalCount).toBe(total);
      seen.push(...page.edges.map((e: any) => e.node.id));
      if (!page.pageInfo.hasNextPage) break;
      expect(page.edges).toHaveLength(3);
      after = page.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    const numeric = seen.map(Number);
    expect(numeric).toEqual([...numeric].sort((a, b) => b - a));
  });

  test('filters: actorId, entity, entityId, operation, from/to', async () => {
    const [officer] = await t.ds.query(`SELECT id FROM app_user WHERE username = 'commune-organisation-officer'`);
    const byOfficer = ok(await t.gql(AUDIT, { first: 50, f: { actorId: officer.id } })).auditLog;
    expect(byOfficer.totalCount).toBeGreaterThanOrEqual(1);
    expect(byOfficer.edges.every((e: any) => e.node.actorId === officer.id && e.node.actorName === 'commune-organisation-officer')).toBe(true);
    expect(byOfficer.edges.map((e: any) => e.node.operation)).toContain('updateUnit');

    const updates = ok(await t.gql(AUDIT, { first: 50, f: { entity: 'unit', operation: 'updateUnit' } })).auditLog;
    expect(updates.totalCount).toBe(2);
    const unitId = updates.edges[0].node.entityId;
    const byEntity = ok(await t.gql(AUDIT, { first: 50, f: { entity: 'unit', entityId: unitId } })).auditLog;
    expect(byEntity.totalCount).toBe(2);
    expect(ok(await t.gql(AUDIT, { first: 50, f: { entity: 'registry' } })).auditLog.edges.map((e: any) => e.node.operation)).toEqual(['seed']);
    expect(ok(await t.gql(AUDIT, { first: 50, f: { operation: 'noSuchOperation' } })).auditLog.totalCount).toBe(0);

    const [{ at }] = await t.ds.query(`SELECT at FROM audit_log WHERE operation = 'updateUnit' ORDER BY id DESC LIMIT 1`);
    const from = new Date(at).toISOString();
    const since = ok(await t.gql(AUDIT, { first: 50, f: { from } })).auditLog;
    expect(since.edges.every((e: any) => new Date(e.node.at) >= new Date(from))).toBe(true);
    const until = ok(await t.gql(AUDIT, { first: 50, f: { to: from } })).auditLog;
    expect(until.edges.every((e: any) => new Date(e.node.at) < new Date(from))).toBe(true);
    expect(since.totalCount + until.totalCount).toBe(await auditCount());
    expectBadInput(await t.gql(AUDIT, { first: 5, f: { actorId: 'not-a-uuid' } }), 'filter.actorId');
  });

  test('only readers with audit.read', async () => {
    expectErrorCode(await t.as('province-officer')(AUDIT, { first: 5 }), 'FORBIDDEN');
    expectErrorCode(await t.as('viewer')(`{ auditVocabulary { entities } }`), 'FORBIDDEN');
    const vocabulary = ok(await t.gql(`{ auditVocabulary { entities operations } }`)).auditVocabulary;
    expect(vocabulary.entities).toEqual(expect.arrayContaining(['registry', 'role', 'unit', 'body']));
    expect(vocabulary.operations).toEqual(expect.arrayContaining(['seed', 'updateUnit']));
  });
});

describe('sensitive values', () => {
  let entryId: string;
  beforeAll(async () => {
    [{ id: entryId }] = await t.ds.query(
      `INSERT INTO audit_log (actor_type, actor_name, operation, entity, entity_id, changes, sensitive_fields)
       VALUES ('SYSTEM', 'canbo', 'updatePerson', 'person', 'person-1', $1, '{nationalId}') RETURNING id`,
      [JSON.stringify({ nationalId: { before: '079000000001', after: '079000000002' }, fullName: { after: 'Nguyễn Thị B' } })],
    );
    // an auditor: audit.read without personnel.read_sensitive
    const role = ok(await t.gql(`mutation { createRole(input: { code: "auditor", name: "Kiểm tra", permissions: ["audit.read"] }) { id } }`)).createRole;
    const [user] = await t.ds.query(
      `INSERT INTO app_user (username, display_name, password_hash, must_change_password) VALUES ('auditor', 'Kiểm tra', $1, false) RETURNING id`,
      [await hashPassword(TEST_PASSWORD)],
    );
    ok(await t.gql(`mutation($i: AssignRoleInput!) { assignRole(input: $i) { id } }`, { i: { userId: user.id, roleId: role.id, allUnits: true } }));
  });

  const entryAs = async (username: string) => {
    const page = ok(await t.as(username)(AUDIT, { first: 5, f: { entity: 'person', entityId: 'person-1' } })).auditLog;
    expect(page.edges).toHaveLength(1);
    expect(page.edges[0].node.id).toBe(String(entryId));
    return page.edges[0].node;
  };

  test('a reader without personnel.read_sensitive sees the mask; other fields as they are', async () => {
    const node = await entryAs('auditor');
    expect(node.sensitiveFields).toEqual(['nationalId']);
    expect(node.changes).toEqual({ nationalId: { before: MASK, after: MASK }, fullName: { after: 'Nguyễn Thị B' } });
    expect(JSON.stringify(node)).not.toContain('079000000');
  });

  test('a reader with it sees the values', async () => {
    const node = await entryAs('system-admin');
    expect(node.changes.nationalId).toEqual({ before: '079000000001', after: '079000000002' });
  });
});

describe('secrets never reach the audit log', () => {
  test('passwords, password hashes, API keys and refresh tokens', async () => {
    const secrets: string[] = [];
    const created = ok(await t.gql(`mutation { createUser(input: { username: "secret.user", displayName: "Bí mật" }) { temporaryPassword user { id } } }`));
    secrets.push(created.createUser.temporaryPassword);
    const reset = ok(await t.gql(`mutation($id: ID!) { resetUserPassword(id: $id) { temporaryPassword } }`, { id: created.createUser.user.id }));
    secrets.push(reset.resetUserPassword.temporaryPassword);
    const signIn = await fetch(`${t.baseUrl}/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'secret.user', password: reset.resetUserPassword.temporaryPassword }),
    });
    const session = (await signIn.json()) as { accessToken: string };
    secrets.push(session.accessToken, signIn.headers.getSetCookie()[0].split(';')[0].split('=')[1]);
    const change = await fetch(`${t.baseUrl}/auth/password`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${session.accessToken}` },
      body: JSON.stringify({ currentPassword: reset.resetUserPassword.temporaryPassword, newPassword: 'Bi-Mat-Moi-2025!' }),
    });
    expect(change.status).toBe(200);
    secrets.push('Bi-Mat-Moi-2025!');
    // a wrong password attempt is audited without the attempted password
    await fetch(`${t.baseUrl}/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'secret.user', password: 'Thu-Sai-Mat-Khau-9' }),
    });
    secrets.push('Thu-Sai-Mat-Khau-9');
    const sa = ok(await t.gql(`mutation { createServiceAccount(input: { name: "Bí mật SA" }) { apiKey serviceAccount { id } } }`));
    secrets.push(sa.createServiceAccount.apiKey, sa.createServiceAccount.apiKey.split('.')[1]);
    ok(await t.gql(`mutation($id: ID!) { revokeServiceAccount(id: $id) { id } }`, { id: sa.createServiceAccount.serviceAccount.id }));

    const rows: { json: string }[] = await t.ds.query(`SELECT row_to_json(a)::text AS json FROM audit_log a`);
    const all = rows.map((r) => r.json).join('\n');
    for (const secret of secrets) expect(all).not.toContain(secret);
    expect(all).not.toMatch(/\$argon2/);
    expect(all).not.toMatch(/passwordHash|keyHash|tokenHash|password_hash|key_hash|token_hash/);
    // the stored hashes themselves
    const [{ password_hash }] = await t.ds.query(`SELECT password_hash FROM app_user WHERE username = 'secret.user'`);
    const [{ key_hash }] = await t.ds.query(`SELECT key_hash FROM service_account WHERE id = $1`, [sa.createServiceAccount.serviceAccount.id]);
    expect(all).not.toContain(password_hash);
    expect(all).not.toContain(key_hash);
    const ops = await t.ds.query(`SELECT operation FROM audit_log WHERE entity_id = $1 ORDER BY id`, [created.createUser.user.id]);
    expect(ops.map((o: { operation: string }) => o.operation)).toEqual(['createUser', 'resetPassword', 'signIn', 'changePassword', 'signInFailed']);
  });
});
