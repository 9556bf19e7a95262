import { AUTHENTICATED, DEFAULT_ROLES, PERMISSIONS } from '@canbo/shared';
import { GraphQLSchemaHost, RESOLVER_NAME_METADATA, RESOLVER_PROPERTY_METADATA, RESOLVER_TYPE_METADATA } from '@nestjs/graphql';
import { PERMISSION_METADATA } from '../src/core/permissions/require-permission.decorator';
import { hashPassword } from '../src/modules/auth/auth.service';
import { allResolvers } from '../src/schema';
import { bootTestApp, GqlResult, TEST_PASSWORD, TestApp } from './harness';

/**
 * The role × scope × operation walk. Every seeded test user (one per default role) calls every Query and
 * Mutation of the served schema: without the declared permission the answer is FORBIDDEN; with it, the call
 * reaches the operation. The mutations of the walk are built to fail after the guard (unknown ids, stale
 * versions, duplicates) so the walk changes nothing. Then the scopes: units, and staff categories.
 */
let t: TestApp;
const NONE = '00000000-0000-4000-8000-000000000000';
let ids: {
  commune: string;
  other: string;
  otherName: string;
  communeBody: string;
  otherBody: string;
  title: string;
  titleCode: string;
  adminUser: string;
};

beforeAll(async () => {
  t = await bootTestApp();
  const [other] = await t.ds.query(`SELECT id, name FROM unit WHERE id <> $1 AND kind IN ('COMMUNE', 'WARD') ORDER BY name LIMIT 1`, [t.communeUnitId]);
  const [communeBody] = await t.ds.query(`SELECT id FROM body WHERE unit_id = $1 LIMIT 1`, [t.communeUnitId]);
  const [otherBody] = await t.ds.query(`SELECT id FROM body WHERE unit_id = $1 LIMIT 1`, [other.id]);
  const [title] = await t.ds.query(`SELECT id, code FROM title LIMIT 1`);
  const [admin] = await t.ds.query(`SELECT id FROM app_user WHERE username = 'system-admin'`);
  ids = {
    commune: t.communeUnitId,
    other: other.id,
    otherName: other.name,
    communeBody: communeBody.id,
    otherBody: otherBody.id,
    title: title.id,
    titleCode: title.code,
    adminUser: admin.id,
  };
});
afterAll(async () => {
  await t?.close();
});

const USERS = DEFAULT_ROLES.map((r) => ({ username: r.code.replace(/_/g, '-'), role: r }));

interface Call {
  query: string;
  variables?: () => Record<string, unknown>;
  /** what a caller holding the permission gets: data, or these error codes (the walk's mutations fail on purpose) */
  allowed: 'data' | string[];
}

/** One entry per operation of the schema: a new operation must be added here (the walk fails otherwise). */
const CALLS: Record<string, Call> = {
  'Query.auditLog': { query: `{ auditLog(first: 1) { totalCount } }`, allowed: 'data' },
  'Query.auditVocabulary': { query: `{ auditVocabulary { entities } }`, allowed: 'data' },
  'Query.body': { query: `query($id: ID!) { body(id: $id) { id } }`, variables: () => ({ id: ids.communeBody }), allowed: 'data' },
  'Query.establishment': { query: `query($u: ID!) { establishment(unitId: $u) { id } }`, variables: () => ({ u: ids.commune }), allowed: 'data' },
  'Query.establishmentHistory': {
    query: `query($u: ID!) { establishmentHistory(unitId: $u) { id } }`,
    variables: () => ({ u: ids.commune }),
    allowed: 'data',
  },
  'Query.keyLeadershipTitles': { query: `{ keyLeadershipTitles { titles { code } } }`, allowed: 'data' },
  'Query.me': { query: `{ me { id } }`, allowed: 'data' },
  'Query.person': { query: `query($id: ID!) { person(id: $id) { id } }`, variables: () => ({ id: NONE }), allowed: ['NOT_FOUND'] },
  'Query.personTimeline': {
    query: `query($id: ID!) { personTimeline(id: $id) { personId } }`,
    variables: () => ({ id: NONE }),
    allowed: ['NOT_FOUND'],
  },
  'Query.persons': { query: `{ persons { totalCount } }`, allowed: 'data' },
  'Query.roles': { query: `{ roles { id } }`, allowed: 'data' },
  'Query.ruleSetting': { query: `{ ruleSetting(key: KEY_LEADERSHIP_TITLES) { id } }`, allowed: 'data' },
  'Query.ruleSettingVersions': { query: `{ ruleSettingVersions(key: KEY_LEADERSHIP_TITLES) { id } }`, allowed: 'data' },
  'Query.situationReport': {
    query: `query($u: ID) { situationReport(unitId: $u) { figures { metricId count } } }`,
    variables: () => ({ u: ids.commune }),
    allowed: 'data',
  },
  'Query.situationReportByUnit': { query: `{ situationReportByUnit(metricIds: ["staff_total"]) { units { unitId } } }`, allowed: 'data' },
  'Query.situationReportPeople': {
    query: `query($u: ID) { situationReportPeople(metricId: "staff_total", unitId: $u) { totalCount } }`,
    variables: () => ({ u: ids.commune }),
    allowed: 'data',
  },
  'Query.targets': {
    query: `query($u: ID) { targets(unitId: $u) { targets { targetId value } } }`,
    variables: () => ({ u: ids.commune }),
    allowed: 'data',
  },
  'Query.targetsByUnit': { query: `{ targetsByUnit { units { unitId } } }`, allowed: 'data' },
  'Query.targetTrend': { query: `query($u: ID) { targetTrend(unitId: $u) { year } }`, variables: () => ({ u: NONE }), allowed: ['NOT_FOUND'] },
  'Query.reportSnapshots': { query: `{ reportSnapshots(first: 1) { totalCount } }`, allowed: 'data' },
  'Query.reportSnapshot': { query: `query($id: ID!) { reportSnapshot(id: $id) { unitId } }`, variables: () => ({ id: NONE }), allowed: ['NOT_FOUND'] },
  'Query.unitPopulations': { query: `query($u: ID!) { unitPopulations(unitId: $u) { id } }`, variables: () => ({ u: ids.commune }), allowed: 'data' },
  'Query.serviceAccounts': { query: `{ serviceAccounts { id } }`, allowed: 'data' },
  'Query.title': { query: `query($id: ID!) { title(id: $id) { id } }`, variables: () => ({ id: ids.title }), allowed: 'data' },
  'Query.titles': { query: `{ titles { totalCount } }`, allowed: 'data' },
  'Query.unit': { query: `query($id: ID!) { unit(id: $id) { id } }`, variables: () => ({ id: ids.commune }), allowed: 'data' },
  'Query.unitKindCounts': { query: `{ unitKindCounts { kind count } }`, allowed: 'data' },
  'Query.units': { query: `{ units { totalCount } }`, allowed: 'data' },
  'Query.user': { query: `query($id: ID!) { user(id: $id) { id } }`, variables: () => ({ id: ids.adminUser }), allowed: 'data' },
  'Query.users': { query: `{ users { totalCount } }`, allowed: 'data' },

  'Mutation.addPersonRecord': {
    query: `mutation($i: AddPersonRecordInput!) { addPersonRecord(input: $i) { id } }`,
    variables: () => ({ i: { personId: NONE, kind: 'IT', level: 'walk', validFrom: '2026-01-01' } }),
    allowed: ['NOT_FOUND'],
  },
  'Mutation.changePersonRecord': {
    query: `mutation($i: ChangePersonRecordInput!) { changePersonRecord(input: $i) { id } }`,
    variables: () => ({ i: { recordId: NONE, version: 1, effectiveFrom: '2026-01-01', level: 'walk' } }),
    allowed: ['NOT_FOUND'],
  },
  'Mutation.endPersonRecord': {
    query: `mutation($i: EndPersonRecordInput!) { endPersonRecord(input: $i) { id } }`,
    variables: () => ({ i: { recordId: NONE, version: 1, validTo: '2026-01-01' } }),
    allowed: ['NOT_FOUND'],
  },
  'Mutation.correctPersonRecord': {
    query: `mutation($i: CorrectPersonRecordInput!) { correctPersonRecord(input: $i) { id } }`,
    variables: () => ({ i: { recordId: NONE, version: 1, level: 'walk', reason: 'walk' } }),
    allowed: ['NOT_FOUND'],
  },
  'Mutation.addPersonEntry': {
    query: `mutation($i: AddPersonEntryInput!) { addPersonEntry(input: $i) { id } }`,
    variables: () => ({ i: { personId: NONE, kind: 'RATING', year: 2025, rating: 'GOOD' } }),
    allowed: ['NOT_FOUND'],
  },
  'Mutation.correctPersonEntry': {
    query: `mutation($i: CorrectPersonEntryInput!) { correctPersonEntry(input: $i) { id } }`,
    variables: () => ({ i: { entryId: NONE, version: 1, text: 'walk', reason: 'walk' } }),
    allowed: ['NOT_FOUND'],
  },
  'Mutation.setPersonLocalOverride': {
    query: `mutation($i: SetPersonLocalOverrideInput!) { setPersonLocalOverride(input: $i) { id } }`,
    variables: () => ({ i: { personId: NONE, version: 1, isLocal: true, reason: 'walk' } }),
    allowed: ['NOT_FOUND'],
  },
  'Mutation.createReportSnapshot': {
    query: `mutation($i: CreateReportSnapshotInput!) { createReportSnapshot(input: $i) { id } }`,
    variables: () => ({ i: { asOf: '2099-01-01', label: 'walk' } }),
    allowed: ['BAD_USER_INPUT'],
  },
  'Mutation.addUnitPopulation': {
    query: `mutation($i: AddUnitPopulationInput!) { addUnitPopulation(input: $i) { id } }`,
    variables: () => ({ i: { unitId: NONE, validFrom: '2026-01-01', population: 1, ethnicMinorityShare: 1, source: 'walk' } }),
    allowed: ['NOT_FOUND'],
  },
  'Mutation.addRuleSettingVersion': {
    query: `mutation($i: AddRuleSettingVersionInput!) { addRuleSettingVersion(input: $i) { id } }`,
    variables: () => ({ i: { key: 'KEY_LEADERSHIP_TITLES', validFrom: '2030-01-01', value: { titleCodes: ['khong-co-chuc-danh-nay'] }, versionLabel: 'walk' } }),
    allowed: ['BAD_USER_INPUT'],
  },
  'Mutation.assignRole': {
    query: `mutation($i: AssignRoleInput!) { assignRole(input: $i) { id } }`,
    variables: () => ({ i: { roleId: NONE, userId: ids.adminUser, allUnits: true } }),
    allowed: ['NOT_FOUND'],
  },
  'Mutation.changeEstablishment': {
    query: `mutation($i: ChangeEstablishmentInput!) { changeEstablishment(input: $i) { id } }`,
    // HEADCOUNT without its staff category
    variables: () => ({ i: { unitId: ids.commune, itemKind: 'HEADCOUNT', value: 1, effectiveFrom: '2026-01-01' } }),
    allowed: ['BAD_USER_INPUT'],
  },
  'Mutation.changePersonAssignment': {
    query: `mutation($i: ChangePersonAssignmentInput!) { changePersonAssignment(input: $i) { id } }`,
    variables: () => ({
      i: { personId: NONE, unitId: ids.commune, staffCategory: 'CIVIL_SERVANT', jobPosition: 'walk', effectiveFrom: '2026-01-01' },
    }),
    allowed: ['NOT_FOUND'],
  },
  'Mutation.correctEstablishment': {
    query: `mutation($i: CorrectEstablishmentInput!) { correctEstablishment(input: $i) { id } }`,
    variables: () => ({ i: { recordId: NONE, value: 1, version: 1, reason: 'walk' } }),
    allowed: ['NOT_FOUND'],
  },
  'Mutation.createBody': {
    query: `mutation($i: CreateBodyInput!) { createBody(input: $i) { id } }`,
    variables: () => ({ i: { unitId: NONE, kind: 'PEOPLES_COMMITTEE', name: 'walk', validFrom: '2025-07-01' } }),
    allowed: ['BAD_USER_INPUT'],
  },
  'Mutation.createPerson': {
    query: `mutation($i: CreatePersonInput!) { createPerson(input: $i) { id } }`,
    // an unknown unit
    variables: () => ({
      i: {
        fullName: 'Người Đi Dạo',
        gender: 'MALE',
        birthDate: '1990-01-01',
        nationalId: '000000000001',
        unitId: NONE,
        staffCategory: 'CIVIL_SERVANT',
        jobPosition: 'walk',
        validFrom: '2025-07-01',
      },
    }),
    allowed: ['BAD_USER_INPUT'],
  },
  'Mutation.createRole': {
    query: `mutation($i: CreateRoleInput!) { createRole(input: $i) { id } }`,
    variables: () => ({ i: { code: 'walk_role', name: 'walk', permissions: ['no.such.permission'] } }),
    allowed: ['BAD_USER_INPUT'],
  },
  'Mutation.correctPersonAssignment': {
    query: `mutation($i: CorrectPersonAssignmentInput!) { correctPersonAssignment(input: $i) { id } }`,
    variables: () => ({ i: { recordId: NONE, version: 1, jobPosition: 'walk', reason: 'walk' } }),
    allowed: ['NOT_FOUND'],
  },
  'Mutation.createServiceAccount': {
    query: `mutation($i: CreateServiceAccountInput!) { createServiceAccount(input: $i) { apiKey } }`,
    variables: () => ({ i: { name: 'walk', expiresAt: '2020-01-01T00:00:00Z' } }),
    allowed: ['BAD_USER_INPUT'],
  },
  'Mutation.createTitle': {
    query: `mutation($i: CreateTitleInput!) { createTitle(input: $i) { id } }`,
    variables: () => ({ i: { code: ids.titleCode, name: 'walk', level: 'COMMUNE', equivalenceClass: 'walk' } }),
    allowed: ['BAD_USER_INPUT'],
  },
  'Mutation.createUnit': {
    query: `mutation($i: CreateUnitInput!) { createUnit(input: $i) { id } }`,
    variables: () => ({ i: { code: 'walk-unit', kind: 'COMMUNE', name: 'walk', validFrom: '2025-07-01', parentId: NONE } }),
    // a scope of listed units may not create units
    allowed: ['BAD_USER_INPUT', 'FORBIDDEN:OUT_OF_SCOPE'],
  },
  'Mutation.createUser': {
    query: `mutation($i: CreateUserInput!) { createUser(input: $i) { temporaryPassword } }`,
    variables: () => ({ i: { username: 'system-admin', displayName: 'walk' } }),
    allowed: ['BAD_USER_INPUT'],
  },
  'Mutation.deleteRole': { query: `mutation($id: ID!) { deleteRole(id: $id) }`, variables: () => ({ id: NONE }), allowed: ['NOT_FOUND'] },
  'Mutation.recordUnitSuccession': {
    query: `mutation($i: RecordUnitSuccessionInput!) { recordUnitSuccession(input: $i) { id } }`,
    variables: () => ({ i: { predecessorId: NONE, successorId: ids.commune, effectiveDate: '2026-01-01' } }),
    allowed: ['BAD_USER_INPUT'],
  },
  'Mutation.removeRoleAssignment': { query: `mutation($id: ID!) { removeRoleAssignment(id: $id) }`, variables: () => ({ id: NONE }), allowed: ['NOT_FOUND'] },
  'Mutation.resetUserPassword': {
    query: `mutation($id: ID!) { resetUserPassword(id: $id) { temporaryPassword } }`,
    variables: () => ({ id: NONE }),
    allowed: ['NOT_FOUND'],
  },
  'Mutation.revokeServiceAccount': {
    query: `mutation($id: ID!) { revokeServiceAccount(id: $id) { id } }`,
    variables: () => ({ id: NONE }),
    allowed: ['NOT_FOUND'],
  },
  'Mutation.updateBody': {
    query: `mutation($i: UpdateBodyInput!) { updateBody(input: $i) { id } }`,
    variables: () => ({ i: { id: ids.communeBody, version: 999, name: 'walk' } }),
    allowed: ['CONFLICT'],
  },
  'Mutation.updatePersonIdentity': {
    query: `mutation($i: UpdatePersonIdentityInput!) { updatePersonIdentity(input: $i) { id } }`,
    variables: () => ({ i: { id: NONE, version: 1, kind: 'CHANGE', fullName: 'walk' } }),
    allowed: ['NOT_FOUND'],
  },
  'Mutation.updateRole': {
    query: `mutation($i: UpdateRoleInput!) { updateRole(input: $i) { id } }`,
    variables: () => ({ i: { id: NONE, version: 1, name: 'walk' } }),
    allowed: ['NOT_FOUND'],
  },
  'Mutation.updateTitle': {
    query: `mutation($i: UpdateTitleInput!) { updateTitle(input: $i) { id } }`,
    variables: () => ({ i: { id: ids.title, version: 999, name: 'walk' } }),
    allowed: ['CONFLICT'],
  },
  'Mutation.updateUnit': {
    query: `mutation($i: UpdateUnitInput!) { updateUnit(input: $i) { id } }`,
    variables: () => ({ i: { id: ids.commune, version: 999, name: 'walk' } }),
    allowed: ['CONFLICT'],
  },
  'Mutation.updateUser': {
    query: `mutation($i: UpdateUserInput!) { updateUser(input: $i) { id } }`,
    variables: () => ({ i: { id: NONE, version: 1, displayName: 'walk' } }),
    allowed: ['NOT_FOUND'],
  },
};

/** The permission each operation declares (from the resolvers' metadata). */
function declaredPermissions(): Map<string, string> {
  const out = new Map<string, string>();
  for (const resolver of allResolvers()) {
    for (let proto = resolver.prototype; proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
      for (const key of Object.getOwnPropertyNames(proto)) {
        const method = Object.getOwnPropertyDescriptor(proto, key)?.value;
        if (key === 'constructor' || typeof method !== 'function') continue;
        const type = Reflect.getMetadata(RESOLVER_TYPE_METADATA, method) as string | undefined;
        if (!type || Reflect.getMetadata(RESOLVER_PROPERTY_METADATA, method)) continue;
        const name = (Reflect.getMetadata(RESOLVER_NAME_METADATA, method) as string | undefined) ?? key;
        out.set(`${type}.${name}`, Reflect.getMetadata(PERMISSION_METADATA, method));
      }
    }
  }
  return out;
}

function servedOperations(): string[] {
  const schema = t.app.get(GraphQLSchemaHost).schema;
  return [
    ...Object.keys(schema.getQueryType()?.getFields() ?? {}).map((f) => `Query.${f}`),
    ...Object.keys(schema.getMutationType()?.getFields() ?? {}).map((f) => `Mutation.${f}`),
  ].sort();
}

/** what came back: 'data', or the error code (with the reason for FORBIDDEN) */
function outcome(res: GqlResult): string {
  if (!res.errors?.length) return res.data ? 'data' : 'nothing';
  const e = res.errors[0].extensions as { code?: string; reason?: string; permission?: string } | undefined;
  return e?.code === 'FORBIDDEN' ? `FORBIDDEN:${e.reason}` : String(e?.code);
}

describe('the walk: every role × every operation', () => {
  test('every operation of the served schema has an entry, and every entry is an operation', () => {
    const served = servedOperations();
    expect(served.length).toBeGreaterThan(30);
    expect(served.filter((o) => !CALLS[o])).toEqual([]);
    expect(Object.keys(CALLS).filter((o) => !served.includes(o))).toEqual([]);
  });

  test.each(USERS.map((u) => [u.username, u]))('%s', async (_name, { username, role }) => {
    const permissions = declaredPermissions();
    const call = t.as(username);
    const mismatches: string[] = [];
    for (const operation of servedOperations()) {
      const entry = CALLS[operation];
      const permission = permissions.get(operation)!;
      expect(permission).toBeDefined();
      const holds = permission === AUTHENTICATED || (role.permissions as string[]).includes(permission);
      const res = await call(entry.query, entry.variables?.());
      const got = outcome(res);
      if (!holds) {
        if (got !== 'FORBIDDEN:MISSING_PERMISSION' || (res.errors![0].extensions as any).permission !== permission || res.data) {
          mismatches.push(`${operation}: without ${permission} expected FORBIDDEN, got ${got}`);
        }
      } else if (entry.allowed === 'data' ? got !== 'data' : !entry.allowed.includes(got)) {
        mismatches.push(`${operation}: with ${permission} expected ${JSON.stringify(entry.allowed)}, got ${got} ${JSON.stringify(res.errors ?? [])}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  test('the walk changed nothing', async () => {
    const [{ count }] = await t.ds.query(`SELECT count(*)::int AS count FROM audit_log WHERE operation NOT IN ('seed', 'signIn')`);
    expect(count).toBe(0);
  });
});

const UNIT = `query($id: ID!) { unit(id: $id) { id name } }`;
const BODY = `query($id: ID!) { body(id: $id) { id unitId } }`;
const EST = `query($u: ID!) { establishment(unitId: $u) { id itemKind staffCategory value version validFrom } }`;
const HISTORY = `query($u: ID!) { establishmentHistory(unitId: $u) { id staffCategory } }`;
const CHANGE = `mutation($i: ChangeEstablishmentInput!) { changeEstablishment(input: $i) { id value staffCategory } }`;

function expectRefusedWithoutRecord(res: GqlResult, codes: string[], secret: string) {
  expect(res.data ?? null).toBeNull();
  expect(codes).toContain(res.errors?.[0].extensions?.code);
  expect(JSON.stringify(res)).not.toContain(secret);
}

describe('unit scope: the commune officer', () => {
  const officer = () => t.as('commune-organisation-officer');

  test('units lists exactly its own unit; unitKindCounts counts only it', async () => {
    const res = await officer()(`{ units(first: 100) { totalCount edges { node { id parent { id } } } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.units.totalCount).toBe(1);
    // the province (its parent) is outside the scope: not shown
    expect(res.data.units.edges).toEqual([{ node: { id: ids.commune, parent: null } }]);
    const counts = await officer()(`{ unitKindCounts { kind count } }`);
    const [{ kind }] = await t.ds.query(`SELECT kind FROM unit WHERE id = $1`, [ids.commune]);
    expect(counts.data.unitKindCounts.filter((c: { count: number }) => c.count > 0)).toEqual([{ kind, count: 1 }]);
    // the search filter does not reach past the scope either
    const search = await officer()(`query($s: String) { units(filter: { search: $s }) { totalCount } }`, { s: ids.otherName });
    expect(search.data.units.totalCount).toBe(0);
    // whereas a province-wide viewer sees them all
    const all = await t.as('viewer')(`{ units { totalCount } }`);
    expect(all.data.units.totalCount).toBeGreaterThan(1);
  });

  test('reads: in scope answer data, out of scope NOT_FOUND (like an unknown id)', async () => {
    expect((await officer()(UNIT, { id: ids.commune })).data.unit.id).toBe(ids.commune);
    expectRefusedWithoutRecord(await officer()(UNIT, { id: ids.other }), ['NOT_FOUND'], ids.otherName);
    expect((await officer()(BODY, { id: ids.communeBody })).data.body.unitId).toBe(ids.commune);
    expectRefusedWithoutRecord(await officer()(BODY, { id: ids.otherBody }), ['NOT_FOUND'], ids.otherName);
    expect((await officer()(EST, { u: ids.commune })).data.establishment.length).toBeGreaterThan(0);
    expectRefusedWithoutRecord(await officer()(EST, { u: ids.other }), ['NOT_FOUND'], ids.otherName);
    expect((await officer()(HISTORY, { u: ids.commune })).data.establishmentHistory.length).toBeGreaterThan(0);
    expectRefusedWithoutRecord(await officer()(HISTORY, { u: ids.other }), ['NOT_FOUND'], ids.otherName);
    const REPORT = `query($u: ID) { situationReport(unitId: $u) { unitId unitName } }`;
    expect((await officer()(REPORT, { u: ids.commune })).data.situationReport.unitId).toBe(ids.commune);
    expectRefusedWithoutRecord(await officer()(REPORT, { u: ids.other }), ['NOT_FOUND'], ids.otherName);
    const PEOPLE = `query($u: ID) { situationReportPeople(metricId: "staff_total", unitId: $u) { totalCount } }`;
    expectRefusedWithoutRecord(await officer()(PEOPLE, { u: ids.other }), ['NOT_FOUND'], ids.otherName);
    const byUnit = await officer()(`{ situationReportByUnit(metricIds: ["staff_total"]) { units { unitId unitName } } }`);
    expect(byUnit.data.situationReportByUnit.units.map((u: { unitId: string }) => u.unitId)).toEqual([ids.commune]);
    expect(JSON.stringify(byUnit)).not.toContain(ids.otherName);
  });

  test('writes on an out-of-scope unit are refused without change', async () => {
    const snapshot = async () =>
      JSON.stringify([
        await t.ds.query(`SELECT * FROM unit WHERE id = $1`, [ids.other]),
        await t.ds.query(`SELECT * FROM body WHERE unit_id = $1 ORDER BY id`, [ids.other]),
        await t.ds.query(`SELECT count(*)::int AS count FROM audit_log`),
      ]);
    const before = await snapshot();
    const [{ version }] = await t.ds.query(`SELECT version FROM unit WHERE id = $1`, [ids.other]);
    expectRefusedWithoutRecord(
      await officer()(`mutation($i: UpdateUnitInput!) { updateUnit(input: $i) { id name } }`, { i: { id: ids.other, version, name: 'Đổi tên trái phép' } }),
      ['NOT_FOUND'],
      ids.otherName,
    );
    const body = await officer()(`mutation($i: CreateBodyInput!) { createBody(input: $i) { id } }`, {
      i: { unitId: ids.other, kind: 'PEOPLES_COMMITTEE', name: 'Cơ quan trái phép', validFrom: '2025-07-01' },
    });
    expectRefusedWithoutRecord(body, ['BAD_USER_INPUT', 'NOT_FOUND'], ids.otherName);
    if (body.errors![0].extensions?.code === 'BAD_USER_INPUT') expect(body.errors![0].extensions.fields!.map((f) => f.field)).toEqual(['unitId']);
    const [{ version: bodyVersion }] = await t.ds.query(`SELECT version FROM body WHERE id = $1`, [ids.otherBody]);
    expectRefusedWithoutRecord(
      await officer()(`mutation($i: UpdateBodyInput!) { updateBody(input: $i) { id } }`, { i: { id: ids.otherBody, version: bodyVersion, name: 'x' } }),
      ['NOT_FOUND'],
      ids.otherName,
    );
    const succession = await officer()(`mutation($i: RecordUnitSuccessionInput!) { recordUnitSuccession(input: $i) { id } }`, {
      i: { predecessorId: ids.other, successorId: ids.commune, effectiveDate: '2026-01-01' },
    });
    expectRefusedWithoutRecord(succession, ['BAD_USER_INPUT', 'NOT_FOUND'], ids.otherName);
    expect(await snapshot()).toBe(before);
  });

  test('changeEstablishment on an out-of-scope unit, by a unit-scoped holder of establishment.manage: refused without change', async () => {
    const hash = await hashPassword(TEST_PASSWORD);
    const [user] = await t.ds.query(
      `INSERT INTO app_user (username, display_name, password_hash, must_change_password) VALUES ('scoped-establishment', 'x', $1, false) RETURNING id`,
      [hash],
    );
    await t.ds.query(
      `INSERT INTO role_assignment (user_id, role_id, all_units, unit_ids) SELECT $1, id, false, $2 FROM role WHERE code = 'province_home_affairs_officer'`,
      [user.id, [ids.commune]],
    );
    const before = await t.ds.query(`SELECT count(*)::int AS count FROM establishment_record WHERE unit_id = $1`, [ids.other]);
    const res = await t.as('scoped-establishment')(CHANGE, {
      i: { unitId: ids.other, itemKind: 'HEADCOUNT', staffCategory: 'CIVIL_SERVANT', value: 77, effectiveFrom: '2026-01-01' },
    });
    expectRefusedWithoutRecord(res, ['BAD_USER_INPUT', 'NOT_FOUND'], ids.otherName);
    if (res.errors![0].extensions?.code === 'BAD_USER_INPUT') expect(res.errors![0].extensions.fields!.map((f) => f.field)).toEqual(['unitId']);
    expect(await t.ds.query(`SELECT count(*)::int AS count FROM establishment_record WHERE unit_id = $1`, [ids.other])).toEqual(before);
  });
});

describe('staff-category scope', () => {
  const categoriesSeen = async (username: string, query = EST, key = 'establishment') => {
    const res = await t.as(username)(query, { u: ids.commune });
    expect(res.errors).toBeUndefined();
    return new Set((res.data[key] as { staffCategory: string | null }[]).map((r) => r.staffCategory));
  };

  test('the organisation-board officer (CADRE only) sees CADRE records, not CIVIL_SERVANT ones', async () => {
    const all = await categoriesSeen('system-admin');
    expect(all.has('CADRE')).toBe(true);
    expect(all.has('CIVIL_SERVANT')).toBe(true);
    for (const key of ['establishment', 'establishmentHistory']) {
      const board = await categoriesSeen('province-organisation-board-officer', key === 'establishment' ? EST : HISTORY, key);
      expect(board.has('CADRE')).toBe(true);
      expect(board.has('CIVIL_SERVANT')).toBe(false);
      expect(board.has('PUBLIC_EMPLOYEE')).toBe(false);
      const home = await categoriesSeen('province-home-affairs-officer', key === 'establishment' ? EST : HISTORY, key);
      expect(home.has('CIVIL_SERVANT')).toBe(true);
      expect(home.has('CADRE')).toBe(false);
    }
  });

  test('changing HEADCOUNT of a category: only with establishment.manage over that category', async () => {
    const current = async (category: string) => {
      const res = await t.gql(`query($u: ID!) { establishment(unitId: $u, asOf: "2027-01-01") { id itemKind staffCategory value version } }`, {
        u: ids.commune,
      });
      return res.data.establishment.find((r: any) => r.itemKind === 'HEADCOUNT' && r.staffCategory === category);
    };
    const results: string[] = [];
    for (const { username, role } of USERS) {
      for (const category of ['CADRE', 'CIVIL_SERVANT']) {
        const base = await current(category);
        expect(base).toBeDefined();
        const res = await t.as(username)(CHANGE, {
          i: {
            unitId: ids.commune,
            itemKind: 'HEADCOUNT',
            staffCategory: category,
            value: base.value + 1,
            effectiveFrom: '2027-01-01',
            baseRecordId: base.id,
            baseVersion: base.version,
          },
        });
        const manage = (role.permissions as string[]).includes(PERMISSIONS.ESTABLISHMENT_MANAGE);
        const categories = role.typicalScope.categories as string[] | null;
        const expected = !manage ? 'FORBIDDEN:MISSING_PERMISSION' : categories === null || categories.includes(category) ? 'data' : 'FORBIDDEN:OUT_OF_SCOPE';
        const got = outcome(res);
        results.push(`${username} ${category} ${got}`);
        expect(`${username} ${category} ${got}`).toBe(`${username} ${category} ${expected}`);
        const after = await current(category);
        expect(after.value).toBe(got === 'data' ? base.value + 1 : base.value);
      }
    }
    // the table covers a yes and a no of each kind
    expect(results.some((r) => r.endsWith('data'))).toBe(true);
    expect(results.some((r) => r.endsWith('OUT_OF_SCOPE'))).toBe(true);
    expect(results.some((r) => r.endsWith('MISSING_PERMISSION'))).toBe(true);
  });

  test('correcting a record of a category out of scope: NOT_FOUND, nothing changed', async () => {
    const [cadre] = await t.ds.query(
      `SELECT id, version, value FROM establishment_record WHERE unit_id = $1 AND item_kind = 'HEADCOUNT' AND staff_category = 'CADRE' AND superseded_at IS NULL LIMIT 1`,
      [ids.commune],
    );
    const res = await t.as('province-home-affairs-officer')(
      `mutation($i: CorrectEstablishmentInput!) { correctEstablishment(input: $i) { id } }`,
      { i: { recordId: cadre.id, version: cadre.version, value: cadre.value + 5, reason: 'thử' } },
    );
    expect(outcome(res)).toBe('NOT_FOUND');
    const [after] = await t.ds.query(`SELECT id, version, value FROM establishment_record WHERE id = $1`, [cadre.id]);
    expect(after).toEqual(cadre);
  });
});
