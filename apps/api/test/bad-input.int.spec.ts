import { ErrorCode } from '@canbo/shared';
import { bootTestApp, GqlResult, TestApp } from './harness';
import { expectBadInput, expectErrorCode } from './helpers';

let t: TestApp;
let provinceId: string;
let communeId: string;
let otherCommuneId: string;

beforeAll(async () => {
  t = await bootTestApp();
  [{ id: provinceId }] = await t.ds.query(`SELECT id FROM unit WHERE kind = 'PROVINCE'`);
  [{ id: communeId }] = await t.ds.query(`SELECT id FROM unit WHERE name = 'Xã Mỹ Đức'`);
  [{ id: otherCommuneId }] = await t.ds.query(`SELECT id FROM unit WHERE name = 'Xã Bình Mỹ'`);
});
afterAll(async () => {
  await t?.close();
});

const TABLES = ['unit', 'unit_succession', 'body', 'title', 'rule_setting', 'establishment_record'];

/** A digest of every row of every table: equal digests mean nothing was written. */
async function digest(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of TABLES) {
    const [{ d }] = await t.ds.query(`SELECT count(*) || ':' || coalesce(md5(string_agg(x::text, ',' ORDER BY x.id)), '') AS d FROM ${table} x`);
    out[table] = d;
  }
  return out;
}

/** Posts an operation and checks that it is never a 500 or an INTERNAL_SERVER_ERROR. */
async function send(query: string, variables: Record<string, unknown>): Promise<GqlResult> {
  const res = await fetch(`${t.baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await t.token('system-admin')}` },
    body: JSON.stringify({ query, variables }),
  });
  expect(res.status).toBeLessThan(500);
  const body = (await res.json()) as GqlResult;
  for (const e of body.errors ?? []) expect(e.extensions?.code).not.toBe(ErrorCode.INTERNAL_SERVER_ERROR);
  return body;
}

const CREATE_UNIT = `mutation($input: CreateUnitInput!) { createUnit(input: $input) { id code name shortName kind parentId parent { id kind } version } }`;
const UPDATE_UNIT = `mutation($input: UpdateUnitInput!) { updateUnit(input: $input) { id name shortName version parent { id } } }`;
const CREATE_BODY = `mutation($input: CreateBodyInput!) { createBody(input: $input) { id name } }`;
const UPDATE_BODY = `mutation($input: UpdateBodyInput!) { updateBody(input: $input) { id name version } }`;
const CREATE_TITLE = `mutation($input: CreateTitleInput!) { createTitle(input: $input) { id code } }`;
const UPDATE_TITLE = `mutation($input: UpdateTitleInput!) { updateTitle(input: $input) { id name level sortOrder active version } }`;
const CHANGE = `mutation($input: ChangeEstablishmentInput!) { changeEstablishment(input: $input) { id } }`;
const SUCCESSION = `mutation($input: RecordUnitSuccessionInput!) { recordUnitSuccession(input: $input) { id } }`;
const ADD_RULE = `mutation($input: AddRuleSettingVersionInput!) { addRuleSettingVersion(input: $input) { id } }`;

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const unit = () => ({ code: 'xa-thu-nghiem', name: 'Xã Thử Nghiệm', kind: 'COMMUNE', parentId: provinceId, validFrom: '2025-07-01' });
const change = () => ({ unitId: communeId, itemKind: 'HEADCOUNT', staffCategory: 'CADRE', value: 41, effectiveFrom: '2026-01-01' });
const body = () => ({ unitId: communeId, kind: 'PUBLIC_SERVICE_UNIT', name: 'Trường Mầm non xã Mỹ Đức', validFrom: '2025-07-01' });

type Case = [name: string, query: string, input: () => Record<string, unknown>, field: string, fieldCode: string];

const CASES: Case[] = [
  // over-long strings
  ['createUnit: name of 201 characters', CREATE_UNIT, () => ({ ...unit(), name: 'a'.repeat(201) }), 'name', 'TOO_LONG'],
  ['createUnit: shortName of 101 characters', CREATE_UNIT, () => ({ ...unit(), shortName: 'b'.repeat(101) }), 'shortName', 'TOO_LONG'],
  ['createUnit: code of 61 characters', CREATE_UNIT, () => ({ ...unit(), code: 'c'.repeat(61) }), 'code', 'TOO_LONG'],
  ['createBody: name of 201 characters', CREATE_BODY, () => ({ ...body(), name: 'Đ'.repeat(201) }), 'name', 'TOO_LONG'],
  ['changeEstablishment: reason of 1001 characters', CHANGE, () => ({ ...change(), reason: 'r'.repeat(1001) }), 'reason', 'TOO_LONG'],
  // malformed dates
  ...(['2025-13-01', '2025-02-30', '01/07/2025', '', '2025-7-1', '1900-01-01'].map((d) => [
    `createUnit: validFrom ${JSON.stringify(d)}`,
    CREATE_UNIT,
    () => ({ ...unit(), validFrom: d }),
    'validFrom',
    'INVALID_DATE',
  ]) as Case[]),
  ...(['2025-13-01', '2025-02-30', '01/07/2025', ''].map((d) => [
    `changeEstablishment: effectiveFrom ${JSON.stringify(d)}`,
    CHANGE,
    () => ({ ...change(), effectiveFrom: d }),
    'effectiveFrom',
    'INVALID_DATE',
  ]) as Case[]),
  ['createUnit: validTo "2025-02-30"', CREATE_UNIT, () => ({ ...unit(), validTo: '2025-02-30' }), 'validTo', 'INVALID_DATE'],
  ['createUnit: validFrom as a number', CREATE_UNIT, () => ({ ...unit(), validFrom: 20250701 }), 'validFrom', 'INVALID_DATE'],
  // unknown enum values
  ['createUnit: kind "VILLAGE"', CREATE_UNIT, () => ({ ...unit(), kind: 'VILLAGE' }), 'kind', 'INVALID_VALUE'],
  ['createUnit: kind in lower case', CREATE_UNIT, () => ({ ...unit(), kind: 'commune' }), 'kind', 'INVALID_VALUE'],
  ['createUnit: branch "ARMY"', CREATE_UNIT, () => ({ ...unit(), branch: 'ARMY' }), 'branch', 'INVALID_VALUE'],
  ['createBody: kind "VILLAGE"', CREATE_BODY, () => ({ ...body(), kind: 'VILLAGE' }), 'kind', 'INVALID_VALUE'],
  ['changeEstablishment: itemKind "SALARY"', CHANGE, () => ({ ...change(), itemKind: 'SALARY' }), 'itemKind', 'INVALID_VALUE'],
  ['changeEstablishment: staffCategory "BOSS"', CHANGE, () => ({ ...change(), staffCategory: 'BOSS' }), 'staffCategory', 'INVALID_VALUE'],
  // missing fields
  ['createUnit: kind missing', CREATE_UNIT, () => ({ ...unit(), kind: undefined }), 'kind', 'REQUIRED'],
  ['createUnit: name of spaces only', CREATE_UNIT, () => ({ ...unit(), name: '   ' }), 'name', 'REQUIRED'],
  ['createUnit: a field the type does not have', CREATE_UNIT, () => ({ ...unit(), population: 1000 }), 'population', 'INVALID_VALUE'],
  // numbers
  ['changeEstablishment: value -1', CHANGE, () => ({ ...change(), value: -1 }), 'value', 'OUT_OF_RANGE'],
  ['changeEstablishment: value 2147483648', CHANGE, () => ({ ...change(), value: 2147483648 }), 'value', 'OUT_OF_RANGE'],
  ['changeEstablishment: value 1e12', CHANGE, () => ({ ...change(), value: 1e12 }), 'value', 'OUT_OF_RANGE'],
  ['changeEstablishment: value 100001 (above the quota max)', CHANGE, () => ({ ...change(), value: 100001 }), 'value', 'OUT_OF_RANGE'],
  ['changeEstablishment: value 1.5', CHANGE, () => ({ ...change(), value: 1.5 }), 'value', 'OUT_OF_RANGE'],
  ['changeEstablishment: value "12"', CHANGE, () => ({ ...change(), value: '12' }), 'value', 'OUT_OF_RANGE'],
  ['createBody: sortOrder -1', CREATE_BODY, () => ({ ...body(), sortOrder: -1 }), 'sortOrder', 'OUT_OF_RANGE'],
  ['createBody: sortOrder 2147483648', CREATE_BODY, () => ({ ...body(), sortOrder: 2147483648 }), 'sortOrder', 'OUT_OF_RANGE'],
  // unknown and malformed ids
  ['createBody: unknown unitId', CREATE_BODY, () => ({ ...body(), unitId: UNKNOWN_ID }), 'unitId', 'NOT_FOUND'],
  ['createBody: malformed unitId', CREATE_BODY, () => ({ ...body(), unitId: 'unit-1' }), 'unitId', 'INVALID_VALUE'],
  ['changeEstablishment: unknown unitId', CHANGE, () => ({ ...change(), unitId: UNKNOWN_ID }), 'unitId', 'NOT_FOUND'],
  ['changeEstablishment: malformed unitId', CHANGE, () => ({ ...change(), unitId: "'; --" }), 'unitId', 'INVALID_VALUE'],
  ['createUnit: unknown parentId', CREATE_UNIT, () => ({ ...unit(), parentId: UNKNOWN_ID }), 'parentId', 'NOT_FOUND'],
  ['createUnit: malformed parentId', CREATE_UNIT, () => ({ ...unit(), parentId: 'x' }), 'parentId', 'INVALID_VALUE'],
  ['createUnit: a parent that is not a province', CREATE_UNIT, () => ({ ...unit(), parentId: otherCommuneId }), 'parentId', 'INVALID_VALUE'],
  // markup and SQL metacharacters in names
  ['createUnit: SQL in the name', CREATE_UNIT, () => ({ ...unit(), name: "Xã A'; DROP TABLE unit; --" }), 'name', 'INVALID_CHARACTERS'],
  ['createUnit: HTML in the name', CREATE_UNIT, () => ({ ...unit(), name: '<script>alert(1)</script>' }), 'name', 'INVALID_CHARACTERS'],
  ['createUnit: HTML in the shortName', CREATE_UNIT, () => ({ ...unit(), shortName: '<b>A</b>' }), 'shortName', 'INVALID_CHARACTERS'],
  ['createUnit: quotes in the code', CREATE_UNIT, () => ({ ...unit(), code: "x'--" }), 'code', 'INVALID_CHARACTERS'],
  ['createBody: SQL in the name', CREATE_BODY, () => ({ ...body(), name: "Tổ A'; DELETE FROM body; --" }), 'name', 'INVALID_CHARACTERS'],
  ['updateUnit: HTML in the name', UPDATE_UNIT, () => ({ id: communeId, version: 1, name: '<img src=x onerror=alert(1)>' }), 'name', 'INVALID_CHARACTERS'],
  // periods and duplicates
  ['createUnit: validTo before validFrom', CREATE_UNIT, () => ({ ...unit(), validTo: '2025-06-30' }), 'validTo', 'PERIOD_ORDER'],
  ['createUnit: validTo equal to validFrom', CREATE_UNIT, () => ({ ...unit(), validTo: '2025-07-01' }), 'validTo', 'PERIOD_ORDER'],
  ['createBody: validTo before validFrom', CREATE_BODY, () => ({ ...body(), validTo: '2025-01-01' }), 'validTo', 'PERIOD_ORDER'],
  ['updateUnit: validTo before validFrom', UPDATE_UNIT, () => ({ id: communeId, version: 1, validTo: '2025-06-01' }), 'validTo', 'PERIOD_ORDER'],
  ['createUnit: a code already used', CREATE_UNIT, () => ({ ...unit(), code: 'xa-my-duc' }), 'code', 'DUPLICATE'],
  ['createUnit: the name of a unit of the same period', CREATE_UNIT, () => ({ ...unit(), name: 'Xã Mỹ Đức' }), 'name', 'DUPLICATE'],
  ['updateUnit: the name of another unit of the same period', UPDATE_UNIT, () => ({ id: communeId, version: 1, name: 'Xã Bình Mỹ' }), 'name', 'DUPLICATE'],
  ['createUnit: a branch for a commune', CREATE_UNIT, () => ({ ...unit(), branch: 'PARTY' }), 'branch', 'INVALID_VALUE'],
  // titles, rules, successions
  ['createTitle: a code already used', CREATE_TITLE, () => ({ code: 'pc_chair', name: 'Chủ tịch', level: 'COMMUNE', equivalenceClass: 'x' }), 'code', 'DUPLICATE'],
  ['createTitle: level "VILLAGE"', CREATE_TITLE, () => ({ code: 'x', name: 'X', level: 'VILLAGE', equivalenceClass: 'x' }), 'level', 'INVALID_VALUE'],
  ['addRuleSettingVersion: unknown title codes', ADD_RULE, () => ({ key: 'KEY_LEADERSHIP_TITLES', versionLabel: 'Quy định mới', validFrom: '2026-01-01', value: { titleCodes: ['nope'] } }), 'value', 'INVALID_VALUE'],
  ['addRuleSettingVersion: a value that is not an object', ADD_RULE, () => ({ key: 'KEY_LEADERSHIP_TITLES', versionLabel: 'Quy định mới', validFrom: '2026-01-01', value: 'x' }), 'value', 'INVALID_VALUE'],
  ['addRuleSettingVersion: not after the version in force', ADD_RULE, () => ({ key: 'KEY_LEADERSHIP_TITLES', versionLabel: 'Quy định mới', validFrom: '2025-07-01', value: { titleCodes: ['pc_chair'] } }), 'validFrom', 'PERIOD_ORDER'],
  ['addRuleSettingVersion: unknown key', ADD_RULE, () => ({ key: 'NOPE', versionLabel: 'x', validFrom: '2026-01-01', value: {} }), 'key', 'INVALID_VALUE'],
  ['recordUnitSuccession: a unit succeeding itself', SUCCESSION, () => ({ predecessorId: communeId, successorId: communeId, effectiveDate: '2026-01-01' }), 'successorId', 'INVALID_VALUE'],
  ['recordUnitSuccession: unknown successor', SUCCESSION, () => ({ predecessorId: communeId, successorId: UNKNOWN_ID, effectiveDate: '2026-01-01' }), 'successorId', 'NOT_FOUND'],
  ['recordUnitSuccession: not after the predecessor began', SUCCESSION, () => ({ predecessorId: communeId, successorId: otherCommuneId, effectiveDate: '2025-07-01' }), 'effectiveDate', 'PERIOD_ORDER'],
];

describe('bad input answers BAD_USER_INPUT naming the field, never a 500, and changes no data', () => {
  let before: Record<string, string>;
  beforeAll(async () => {
    before = await digest();
  });

  test.each(CASES)('%s', async (_name, query, input, field, code) => {
    const res = await send(query, { input: input() });
    expect(res.data?.[Object.keys(res.data ?? {})[0]] ?? null).toBeNull();
    expectBadInput(res, field, code);
    expect(await digest()).toEqual(before);
  });

  test('several bad fields are all named', async () => {
    const res = await send(CREATE_UNIT, { input: { ...unit(), name: 'a'.repeat(201), shortName: '<x>', code: 'Bad Code' } });
    const fields = expectErrorCode(res, ErrorCode.BAD_USER_INPUT).extensions!.fields!.map((f) => f.field).sort();
    expect(fields).toEqual(['code', 'name', 'shortName']);
  });

  test('the unit row is unchanged after every refused update', async () => {
    const [row] = await t.ds.query(`SELECT name, valid_to, version FROM unit WHERE id = $1`, [communeId]);
    expect(row).toEqual({ name: 'Xã Mỹ Đức', valid_to: null, version: 1 });
  });
});

describe('names are stored in NFC', () => {
  const nfd = 'Xã Mỹ Đức Mới'.normalize('NFD');
  const nfc = 'Xã Mỹ Đức Mới'.normalize('NFC');

  test('a name given in NFD is stored in NFC, and the created unit answers with its parent', async () => {
    expect(nfd).not.toBe(nfc);
    const res = await send(CREATE_UNIT, {
      input: { code: 'xa-my-duc-moi', name: nfd, shortName: 'Mỹ Đức Mới'.normalize('NFD'), kind: 'COMMUNE', parentId: provinceId, validFrom: '2025-07-01' },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.createUnit).toMatchObject({ name: nfc, shortName: 'Mỹ Đức Mới', parentId: provinceId, parent: { id: provinceId, kind: 'PROVINCE' } });
    const [row] = await t.ds.query(
      `SELECT name, name = normalize(name, NFC) AS name_nfc, short_name = normalize(short_name, NFC) AS short_nfc, search_text FROM unit WHERE code = 'xa-my-duc-moi'`,
    );
    expect(row).toEqual({ name: nfc, name_nfc: true, short_nfc: true, search_text: 'xa my duc moi my duc moi' });
    const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM unit WHERE name <> normalize(name, NFC)`);
    expect(n).toBe(0);
  });

  test('the NFC spelling of the same name in the same period is a DUPLICATE on name', async () => {
    const before = await digest();
    const res = await send(CREATE_UNIT, {
      input: { code: 'xa-my-duc-moi-2', name: nfc, kind: 'COMMUNE', parentId: provinceId, validFrom: '2026-01-01' },
    });
    expectBadInput(res, 'name', 'DUPLICATE');
    const spaced = await send(CREATE_UNIT, {
      input: { code: 'xa-my-duc-moi-3', name: `  Xã  Mỹ Đức   Mới `, kind: 'COMMUNE', parentId: provinceId, validFrom: '2025-07-01' },
    });
    expectBadInput(spaced, 'name', 'DUPLICATE');
    expect(await digest()).toEqual(before);
  });

  test('the new unit is found by a diacritic-insensitive search', async () => {
    const res = await t.gql(`{ units(filter: { search: "my duc moi" }) { edges { node { name } } } }`);
    expect(res.data.units.edges.map((e: { node: { name: string } }) => e.node.name)).toEqual([nfc]);
  });
});

describe('optimistic concurrency: a stale version is CONFLICT and the first change stays', () => {
  test('updateUnit', async () => {
    const [{ id }] = await t.ds.query(`SELECT id FROM unit WHERE name = 'Xã Định Mỹ'`);
    const first = await send(UPDATE_UNIT, { input: { id, version: 1, shortName: 'Định Mỹ A' } });
    expect(first.errors).toBeUndefined();
    expect(first.data!.updateUnit).toMatchObject({ shortName: 'Định Mỹ A', version: 2, parent: { id: provinceId } });
    const second = await send(UPDATE_UNIT, { input: { id, version: 1, shortName: 'Định Mỹ B' } });
    expectErrorCode(second, ErrorCode.CONFLICT);
    const [row] = await t.ds.query(`SELECT short_name, version, search_text FROM unit WHERE id = $1`, [id]);
    expect(row).toEqual({ short_name: 'Định Mỹ A', version: 2, search_text: 'xa dinh my dinh my a' });
  });

  test('updateBody', async () => {
    const [{ id, name }] = await t.ds.query(`SELECT id, name FROM body WHERE unit_id = $1 AND kind = 'PEOPLES_COUNCIL'`, [communeId]);
    const first = await send(UPDATE_BODY, { input: { id, version: 1, name: `${name} khóa I` } });
    expect(first.errors).toBeUndefined();
    expect(first.data!.updateBody.version).toBe(2);
    expectErrorCode(await send(UPDATE_BODY, { input: { id, version: 1, name: `${name} khóa II` } }), ErrorCode.CONFLICT);
    const [row] = await t.ds.query(`SELECT name, version FROM body WHERE id = $1`, [id]);
    expect(row).toEqual({ name: `${name} khóa I`, version: 2 });
  });

  test('updateTitle', async () => {
    const [{ id }] = await t.ds.query(`SELECT id FROM title WHERE code = 'front_chair'`);
    const first = await send(UPDATE_TITLE, { input: { id, version: 1, name: 'Chủ tịch Ủy ban MTTQ Việt Nam' } });
    expect(first.errors).toBeUndefined();
    expectErrorCode(await send(UPDATE_TITLE, { input: { id, version: 1, name: 'Chủ tịch khác' } }), ErrorCode.CONFLICT);
    const [row] = await t.ds.query(`SELECT name, version, search_text FROM title WHERE id = $1`, [id]);
    expect(row).toEqual({ name: 'Chủ tịch Ủy ban MTTQ Việt Nam', version: 2, search_text: 'chu tich uy ban mttq viet nam' });
  });

  test('an unknown id is NOT_FOUND', async () => {
    expectErrorCode(await send(UPDATE_UNIT, { input: { id: UNKNOWN_ID, version: 1, name: 'Xã X' } }), ErrorCode.NOT_FOUND);
    expectErrorCode(await send(UPDATE_BODY, { input: { id: UNKNOWN_ID, version: 1, name: 'X' } }), ErrorCode.NOT_FOUND);
    expectErrorCode(await send(UPDATE_TITLE, { input: { id: UNKNOWN_ID, version: 1, name: 'X' } }), ErrorCode.NOT_FOUND);
  });
});

describe('explicit nulls in updates', () => {
  test('updateTitle with null for its required columns leaves them as they were (not a 500)', async () => {
    const [{ id, name, version }] = await t.ds.query(`SELECT id, name, version FROM title WHERE code = 'veterans_chair'`);
    const res = await send(UPDATE_TITLE, {
      input: { id, version, name: null, level: null, equivalenceClass: null, sortOrder: null, active: null, bodyKind: null },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.updateTitle).toMatchObject({ name, level: 'COMMUNE', active: true, version: version + 1 });
    const [row] = await t.ds.query(`SELECT body_kind, equivalence_class FROM title WHERE id = $1`, [id]);
    expect(row).toEqual({ body_kind: null, equivalence_class: 'commune.mass_org_head' }); // bodyKind is nullable: cleared
  });

  test('updateUnit and updateBody with null names keep the names', async () => {
    const [{ id, version }] = await t.ds.query(`SELECT id, version FROM unit WHERE name = 'Xã Nhơn Mỹ'`);
    const res = await send(UPDATE_UNIT, { input: { id, version, name: null, shortName: null } });
    expect(res.errors).toBeUndefined();
    expect(res.data!.updateUnit).toMatchObject({ name: 'Xã Nhơn Mỹ', shortName: null });
    const [b] = await t.ds.query(`SELECT id, name, version FROM body WHERE unit_id = $1 LIMIT 1`, [id]);
    const rb = await send(UPDATE_BODY, { input: { id: b.id, version: b.version, name: null, kind: null, sortOrder: null, validFrom: null } });
    expect(rb.errors).toBeUndefined();
    expect(rb.data!.updateBody.name).toBe(b.name);
  });
});
