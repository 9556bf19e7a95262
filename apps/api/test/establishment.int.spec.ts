import { DEFAULT_COMMUNE_ESTABLISHMENT, ErrorCode } from '@canbo/shared';
import { bootTestApp, TestApp } from './harness';
import { expectBadInput, expectErrorCode } from './helpers';

let t: TestApp;
let unitId: string;
let otherUnitId: string;
let partyBodyId: string;
let otherUnitBodyId: string;

beforeAll(async () => {
  t = await bootTestApp();
  [{ id: unitId }] = await t.ds.query(`SELECT id FROM unit WHERE name = 'Xã Mỹ Đức'`);
  [{ id: otherUnitId }] = await t.ds.query(`SELECT id FROM unit WHERE name = 'Phường Long Xuyên'`);
  [{ id: partyBodyId }] = await t.ds.query(`SELECT id FROM body WHERE unit_id = $1 AND kind = 'PARTY_COMMITTEE'`, [unitId]);
  [{ id: otherUnitBodyId }] = await t.ds.query(`SELECT id FROM body WHERE unit_id = $1 AND kind = 'PEOPLES_COMMITTEE'`, [otherUnitId]);
});
afterAll(async () => {
  await t?.close();
});

const RECORD = `id unitId bodyId itemKind itemKey staffCategory committee term titleId field value validFrom validTo
  recordedAt supersededAt recordKind correctsId reason version title { code } body { id kind }`;

interface Rec {
  id: string;
  bodyId: string | null;
  itemKind: string;
  itemKey: string;
  staffCategory: string | null;
  committee: string | null;
  term: string | null;
  field: string | null;
  value: number;
  validFrom: string;
  validTo: string | null;
  recordedAt: string;
  supersededAt: string | null;
  recordKind: string;
  correctsId: string | null;
  reason: string | null;
  version: number;
  title: { code: string } | null;
  body: { id: string; kind: string } | null;
}

async function establishment(asOf: string, asKnownAt?: string, unit = unitId): Promise<Rec[]> {
  const res = await t.gql(
    `query($unitId: ID!, $asOf: LocalDate, $asKnownAt: DateTime) {
       establishment(unitId: $unitId, asOf: $asOf, asKnownAt: $asKnownAt) { ${RECORD} } }`,
    { unitId: unit, asOf, asKnownAt },
  );
  expect(res.errors).toBeUndefined();
  return res.data.establishment;
}

async function history(itemKey?: string): Promise<Rec[]> {
  const res = await t.gql(
    `query($unitId: ID!, $itemKey: String) { establishmentHistory(unitId: $unitId, itemKey: $itemKey) { ${RECORD} } }`,
    { unitId, itemKey },
  );
  expect(res.errors).toBeUndefined();
  return res.data.establishmentHistory;
}

const CHANGE = `mutation($input: ChangeEstablishmentInput!) { changeEstablishment(input: $input) { ${RECORD} } }`;
const CORRECT = `mutation($input: CorrectEstablishmentInput!) { correctEstablishment(input: $input) { ${RECORD} } }`;

const headcount = (records: Rec[], category: string) => records.find((r) => r.itemKind === 'HEADCOUNT' && r.staffCategory === category);

/** Every row of the table, to prove that a refused write wrote nothing. */
async function snapshot(): Promise<string> {
  const rows = await t.ds.query(
    `SELECT id, value, valid_from::text, valid_to::text, superseded_at, version FROM establishment_record ORDER BY id`,
  );
  return JSON.stringify(rows);
}
async function rowCount(): Promise<number> {
  const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM establishment_record`);
  return n;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the seeded establishment', () => {
  test('as of 2025-10-01 a commune holds the default establishment from 2025-07-01', async () => {
    const records = await establishment('2025-10-01');
    const tpl = DEFAULT_COMMUNE_ESTABLISHMENT.value;
    const expectedCount =
      Object.keys(tpl.headcount).length + Object.keys(tpl.committeeSeats).length + Object.keys(tpl.titleSeats).length + Object.keys(tpl.specialists).length;
    expect(records).toHaveLength(expectedCount);
    for (const r of records) {
      expect(r).toMatchObject({ validFrom: '2025-07-01', validTo: null, supersededAt: null, recordKind: 'CHANGE', version: 1 });
    }
    for (const [category, value] of Object.entries(tpl.headcount)) expect(headcount(records, category)?.value).toBe(value);
    const seats = records.filter((r) => r.itemKind === 'TITLE_SEATS');
    expect(Object.fromEntries(seats.map((r) => [r.title!.code, r.value]))).toEqual(tpl.titleSeats);
    const committees = records.filter((r) => r.itemKind === 'COMMITTEE_SEATS');
    expect(Object.fromEntries(committees.map((r) => [r.committee, r.value]))).toEqual(tpl.committeeSeats);
    for (const c of committees) expect(c).toMatchObject({ term: tpl.term, bodyId: partyBodyId, body: { id: partyBodyId, kind: 'PARTY_COMMITTEE' } });
    const specialists = records.filter((r) => r.itemKind === 'SPECIALISTS');
    expect(Object.fromEntries(specialists.map((r) => [r.field, r.value]))).toEqual(tpl.specialists);
  });

  test('nothing is in force before the units existed', async () => {
    expect(await establishment('2025-06-30')).toEqual([]);
  });

  test('province agencies have no establishment', async () => {
    const [{ id }] = await t.ds.query(`SELECT id FROM unit WHERE kind = 'PROVINCE_AGENCY' LIMIT 1`);
    expect(await establishment('2025-10-01', undefined, id)).toEqual([]);
  });

  test('an unknown unit is NOT_FOUND', async () => {
    const res = await t.gql(`{ establishment(unitId: "00000000-0000-4000-8000-000000000000", asOf: "2025-10-01") { id } }`);
    expectErrorCode(res, ErrorCode.NOT_FOUND);
  });
});

describe('an effective-dated change, a correction and conflicts', () => {
  let seed: Rec;
  let knownBefore: string;
  let changed: Rec;
  let corrected: Rec;

  test('changeEstablishment HEADCOUNT CADRE 40 -> 45 from 2026-01-01, based on the record in force', async () => {
    seed = headcount(await establishment('2025-10-01'), 'CADRE')!;
    expect(seed.value).toBe(40);
    await sleep(5);
    knownBefore = new Date().toISOString();
    await sleep(5);
    const rowsBefore = await rowCount();
    const res = await t.gql(CHANGE, {
      input: {
        unitId,
        itemKind: 'HEADCOUNT',
        staffCategory: 'CADRE',
        value: 45,
        effectiveFrom: '2026-01-01',
        reason: 'Quyết định số 12/QĐ-UBND',
        baseRecordId: seed.id,
        baseVersion: seed.version,
      },
    });
    expect(res.errors).toBeUndefined();
    changed = res.data.changeEstablishment;
    expect(changed).toMatchObject({
      itemKind: 'HEADCOUNT',
      staffCategory: 'CADRE',
      itemKey: seed.itemKey,
      value: 45,
      validFrom: '2026-01-01',
      validTo: null,
      supersededAt: null,
      recordKind: 'CHANGE',
      correctsId: null,
      reason: 'Quyết định số 12/QĐ-UBND',
      version: 1,
    });
    expect(await rowCount()).toBe(rowsBefore + 2); // the re-recorded remainder and the new value
  });

  test('as of 2025-12-31 the old value holds; from 2026-01-01 the new one', async () => {
    expect(headcount(await establishment('2025-12-31'), 'CADRE')?.value).toBe(40);
    expect(headcount(await establishment('2026-01-01'), 'CADRE')).toMatchObject({ id: changed.id, value: 45 });
    expect(headcount(await establishment('2030-06-15'), 'CADRE')?.value).toBe(45);
    // other items are untouched
    expect(headcount(await establishment('2026-01-01'), 'CIVIL_SERVANT')).toMatchObject({ value: 70, version: 1 });
    expect(await establishment('2026-01-01')).toHaveLength((await establishment('2025-10-01')).length);
  });

  test('asKnownAt before the change answers what the registry knew then, even for a later asOf', async () => {
    const then = headcount(await establishment('2026-02-01', knownBefore), 'CADRE');
    expect(then).toMatchObject({ id: seed.id, value: 40, validFrom: '2025-07-01', validTo: null });
    expect(headcount(await establishment('2026-02-01', new Date().toISOString()), 'CADRE')?.value).toBe(45);
    // before the seed was recorded nothing was known
    expect(await establishment('2026-02-01', '2020-01-01T00:00:00.000Z')).toEqual([]);
  });

  test('establishmentHistory shows the superseded record, the re-recorded remainder and the new record', async () => {
    const rows = await history(seed.itemKey);
    expect(rows).toHaveLength(3);
    const superseded = rows.find((r) => r.id === seed.id)!;
    expect(superseded).toMatchObject({ value: 40, validFrom: '2025-07-01', validTo: null, version: 2 });
    expect(superseded.supersededAt).not.toBeNull();
    const remainder = rows.find((r) => r.id !== seed.id && r.id !== changed.id)!;
    expect(remainder).toMatchObject({
      value: 40,
      validFrom: '2025-07-01',
      validTo: '2026-01-01',
      supersededAt: null,
      recordKind: 'CHANGE',
      reason: seed.reason,
    });
    expect(rows.find((r) => r.id === changed.id)).toMatchObject({ value: 45, validFrom: '2026-01-01', supersededAt: null });
    // the three were written at one instant: the seed stopped being knowledge when the others started
    expect(new Date(superseded.supersededAt!).getTime()).toBe(new Date(changed.recordedAt).getTime());
    expect(remainder.recordedAt).toBe(changed.recordedAt);
    // the whole unit's history holds the item's records and everything else
    const all = await history();
    expect(all.filter((r) => r.itemKey === seed.itemKey)).toHaveLength(3);
    expect(all.length).toBe((await establishment('2025-10-01')).length + 2);
  });

  test('correctEstablishment marks a CORRECTION of the record, keeping its period', async () => {
    const res = await t.gql(CORRECT, { input: { recordId: changed.id, version: 1, value: 44, reason: 'Nhập sai số liệu' } });
    expect(res.errors).toBeUndefined();
    corrected = res.data.correctEstablishment;
    expect(corrected).toMatchObject({
      recordKind: 'CORRECTION',
      correctsId: changed.id,
      value: 44,
      validFrom: '2026-01-01',
      validTo: null,
      itemKey: changed.itemKey,
      staffCategory: 'CADRE',
      reason: 'Nhập sai số liệu',
      supersededAt: null,
      version: 1,
    });
    expect(corrected.id).not.toBe(changed.id);
    expect(headcount(await establishment('2026-01-01'), 'CADRE')).toMatchObject({ id: corrected.id, value: 44 });
    expect(headcount(await establishment('2025-12-31'), 'CADRE')?.value).toBe(40);
    const rows = await history(seed.itemKey);
    expect(rows).toHaveLength(4);
    expect(rows.find((r) => r.id === changed.id)).toMatchObject({ version: 2, supersededAt: expect.any(String) });
  });

  test('a correction of a stale version or of a superseded record is CONFLICT and writes nothing', async () => {
    const before = await snapshot();
    expectErrorCode(await t.gql(CORRECT, { input: { recordId: changed.id, version: 2, value: 43, reason: 'x' } }), ErrorCode.CONFLICT);
    expectErrorCode(await t.gql(CORRECT, { input: { recordId: corrected.id, version: 2, value: 43, reason: 'x' } }), ErrorCode.CONFLICT);
    expect(await snapshot()).toBe(before);
  });

  test('a correction needs a reason and a different value; an unknown record is NOT_FOUND', async () => {
    const before = await snapshot();
    expectBadInput(await t.gql(CORRECT, { input: { recordId: corrected.id, version: 1, value: 43, reason: '' } }), 'reason', 'REQUIRED');
    expectBadInput(await t.gql(CORRECT, { input: { recordId: corrected.id, version: 1, value: 44, reason: 'x' } }), 'value');
    expectErrorCode(
      await t.gql(CORRECT, { input: { recordId: '00000000-0000-4000-8000-000000000000', version: 1, value: 1, reason: 'x' } }),
      ErrorCode.NOT_FOUND,
    );
    expect(await snapshot()).toBe(before);
  });

  test('a change with a stale baseRecordId or baseVersion is CONFLICT and writes nothing', async () => {
    const input = { unitId, itemKind: 'HEADCOUNT', staffCategory: 'CADRE', value: 50, effectiveFrom: '2026-06-01' };
    const rowsBefore = await rowCount();
    const before = await snapshot();
    // the user saw the record that a later change superseded
    expectErrorCode(await t.gql(CHANGE, { input: { ...input, baseRecordId: changed.id, baseVersion: 1 } }), ErrorCode.CONFLICT);
    expectErrorCode(await t.gql(CHANGE, { input: { ...input, baseRecordId: seed.id, baseVersion: 1 } }), ErrorCode.CONFLICT);
    // the right record at a version that is not its latest
    expectErrorCode(await t.gql(CHANGE, { input: { ...input, baseRecordId: corrected.id, baseVersion: 2 } }), ErrorCode.CONFLICT);
    // the user saw no record, but there is one
    expectErrorCode(await t.gql(CHANGE, { input }), ErrorCode.CONFLICT);
    expect(await rowCount()).toBe(rowsBefore);
    expect(await snapshot()).toBe(before);
  });

  test('a change to the value already in force is BAD_USER_INPUT on value', async () => {
    const before = await snapshot();
    const res = await t.gql(CHANGE, {
      input: { unitId, itemKind: 'HEADCOUNT', staffCategory: 'CADRE', value: 44, effectiveFrom: '2026-06-01', baseRecordId: corrected.id, baseVersion: 1 },
    });
    expectBadInput(res, 'value');
    expect(await snapshot()).toBe(before);
  });

  test('a later change splits the correction: the remainder stays a correction of the same record', async () => {
    const res = await t.gql(CHANGE, {
      input: { unitId, itemKind: 'HEADCOUNT', staffCategory: 'CADRE', value: 50, effectiveFrom: '2026-06-01', baseRecordId: corrected.id, baseVersion: 1 },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data.changeEstablishment).toMatchObject({ value: 50, validFrom: '2026-06-01', validTo: null, recordKind: 'CHANGE', correctsId: null });
    const remainder = headcount(await establishment('2026-05-31'), 'CADRE')!;
    expect(remainder).toMatchObject({
      value: 44,
      validFrom: '2026-01-01',
      validTo: '2026-06-01',
      recordKind: 'CORRECTION',
      correctsId: changed.id,
      reason: 'Nhập sai số liệu',
    });
    expect(remainder.id).not.toBe(corrected.id);
    expect(headcount(await establishment('2025-12-31'), 'CADRE')?.value).toBe(40);
    expect(headcount(await establishment('2026-06-01'), 'CADRE')?.value).toBe(50);
    expect(await history(seed.itemKey)).toHaveLength(6);
  });

  test('two concurrent changes from the same base: one wins, the other is CONFLICT', async () => {
    const base = headcount(await establishment('2025-10-01'), 'CIVIL_SERVANT')!;
    const input = (value: number) => ({
      unitId,
      itemKind: 'HEADCOUNT',
      staffCategory: 'CIVIL_SERVANT',
      value,
      effectiveFrom: '2026-03-01',
      baseRecordId: base.id,
      baseVersion: base.version,
    });
    const rowsBefore = await rowCount();
    const results = await Promise.all([t.gql(CHANGE, { input: input(71) }), t.gql(CHANGE, { input: input(72) })]);
    const ok = results.filter((r) => !r.errors);
    const failed = results.filter((r) => r.errors);
    expect(ok).toHaveLength(1);
    expect(failed).toHaveLength(1);
    expectErrorCode(failed[0], ErrorCode.CONFLICT);
    expect(await rowCount()).toBe(rowsBefore + 2);
    expect(headcount(await establishment('2026-03-01'), 'CIVIL_SERVANT')?.value).toBe(ok[0].data.changeEstablishment.value);
  });
});

describe('changes without a record in force', () => {
  const item = { itemKind: 'SPECIALISTS', field: 'JUSTICE' };

  test('a new item from a date is open-ended; an earlier change is bounded by it', async () => {
    const first = await t.gql(CHANGE, { input: { unitId, ...item, value: 2, effectiveFrom: '2026-01-01' } });
    expect(first.errors).toBeUndefined();
    expect(first.data.changeEstablishment).toMatchObject({ value: 2, validFrom: '2026-01-01', validTo: null, bodyId: null });
    const earlier = await t.gql(CHANGE, { input: { unitId, ...item, value: 1, effectiveFrom: '2025-08-01' } });
    expect(earlier.errors).toBeUndefined();
    expect(earlier.data.changeEstablishment).toMatchObject({ value: 1, validFrom: '2025-08-01', validTo: '2026-01-01' });
    const on = async (d: string) => (await establishment(d)).find((r) => r.itemKind === 'SPECIALISTS' && r.field === 'JUSTICE')?.value;
    expect(await on('2025-07-31')).toBeUndefined();
    expect(await on('2025-08-01')).toBe(1);
    expect(await on('2025-12-31')).toBe(1);
    expect(await on('2026-01-01')).toBe(2);
  });

  test('a change on the first day of a record replaces it without a remainder', async () => {
    const [current] = (await history()).filter((r) => r.field === 'JUSTICE' && r.validFrom === '2026-01-01' && !r.supersededAt);
    const rowsBefore = await rowCount();
    const res = await t.gql(CHANGE, {
      input: { unitId, ...item, value: 3, effectiveFrom: '2026-01-01', baseRecordId: current.id, baseVersion: current.version },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data.changeEstablishment).toMatchObject({ value: 3, validFrom: '2026-01-01', validTo: null });
    expect(await rowCount()).toBe(rowsBefore + 1);
  });
});

describe('invalid changes answer BAD_USER_INPUT naming the field and write nothing', () => {
  let before: string;
  beforeEach(async () => {
    before = await snapshot();
  });
  afterEach(async () => {
    expect(await snapshot()).toBe(before);
  });

  const base = { itemKind: 'HEADCOUNT', staffCategory: 'CADRE', value: 41, effectiveFrom: '2027-01-01' };

  test('TITLE_SEATS with an unknown titleId', async () => {
    const res = await t.gql(CHANGE, {
      input: { unitId, itemKind: 'TITLE_SEATS', titleId: '00000000-0000-4000-8000-000000000000', value: 1, effectiveFrom: '2026-01-01' },
    });
    expectBadInput(res, 'titleId', 'NOT_FOUND');
  });

  test('TITLE_SEATS with a malformed titleId', async () => {
    expectBadInput(await t.gql(CHANGE, { input: { unitId, itemKind: 'TITLE_SEATS', titleId: 'x', value: 1, effectiveFrom: '2026-01-01' } }), 'titleId');
  });

  test('HEADCOUNT without staffCategory', async () => {
    expectBadInput(await t.gql(CHANGE, { input: { unitId, itemKind: 'HEADCOUNT', value: 1, effectiveFrom: '2026-01-01' } }), 'staffCategory', 'REQUIRED');
  });

  test('COMMITTEE_SEATS without term', async () => {
    const res = await t.gql(CHANGE, { input: { unitId, itemKind: 'COMMITTEE_SEATS', committee: 'EXECUTIVE', value: 1, effectiveFrom: '2026-01-01' } });
    expectBadInput(res, 'term', 'REQUIRED');
  });

  test('a discriminator of another kind', async () => {
    expectBadInput(await t.gql(CHANGE, { input: { unitId, ...base, field: 'PLANNING' } }), 'field', 'INVALID_VALUE');
  });

  test('a term whose years are out of order', async () => {
    const res = await t.gql(CHANGE, { input: { unitId, itemKind: 'COMMITTEE_SEATS', committee: 'EXECUTIVE', term: '2030-2025', value: 1, effectiveFrom: '2026-01-01' } });
    expectBadInput(res, 'term');
  });

  test('a bodyId of another unit', async () => {
    expectBadInput(await t.gql(CHANGE, { input: { unitId, ...base, bodyId: otherUnitBodyId } }), 'bodyId');
  });

  test('an unknown bodyId', async () => {
    expectBadInput(await t.gql(CHANGE, { input: { unitId, ...base, bodyId: '00000000-0000-4000-8000-000000000000' } }), 'bodyId');
  });

  test('an effective date before the unit existed', async () => {
    expectBadInput(await t.gql(CHANGE, { input: { unitId, ...base, effectiveFrom: '2025-06-30' } }), 'effectiveFrom', 'PERIOD_ORDER');
  });

  test('an unknown unitId', async () => {
    expectBadInput(await t.gql(CHANGE, { input: { ...base, unitId: '00000000-0000-4000-8000-000000000000' } }), 'unitId', 'NOT_FOUND');
  });

  test('markup in the reason', async () => {
    expectBadInput(await t.gql(CHANGE, { input: { unitId, ...base, reason: '<script>alert(1)</script>' } }), 'reason');
  });
});
