import { ErrorCode, foldForSearch, MASK } from '@canbo/shared';
import { hashPassword } from '../src/modules/auth/auth.service';
import { bootTestApp, COMMUNE_OFFICER_UNIT, GqlResult, TEST_PASSWORD, TestApp } from './harness';
import { expectBadInput, expectErrorCode } from './helpers';

/**
 * The personal file, second increment: bitemporal person records (titles, committees, qualification, political
 * theory, levels, rank), dated entries, "local or not", the closing of assignments when a unit ends, and the new
 * filters of the person list; over real HTTP against real PostgreSQL.
 */
let t: TestApp;
let commune: string;
let other: string;
let secretary: string; // a title with seats in every commune
let noSeatTitle: string; // a title without seats in the commune

type Caller = (query: string, variables?: Record<string, unknown>) => Promise<GqlResult>;
const admin: Caller = (q, v) => t.gql(q, v);
const officer: Caller = (q, v) => t.as('commune-organisation-officer')(q, v);

const RECORD = `id personId kind unitId titleId committee term level value validFrom validTo recordedAt supersededAt recordKind correctsId reason version`;
const ENTRY = `id personId kind dateFrom dateTo year value recordedAt supersededAt recordKind correctsId reason version`;
const CREATE = `mutation($i: CreatePersonInput!) { createPerson(input: $i) { id version } }`;
const ADD = `mutation($i: AddPersonRecordInput!) { addPersonRecord(input: $i) { ${RECORD} } }`;
const CHANGE = `mutation($i: ChangePersonRecordInput!) { changePersonRecord(input: $i) { ${RECORD} } }`;
const END = `mutation($i: EndPersonRecordInput!) { endPersonRecord(input: $i) { ${RECORD} } }`;
const CORRECT = `mutation($i: CorrectPersonRecordInput!) { correctPersonRecord(input: $i) { ${RECORD} } }`;
const ADD_ENTRY = `mutation($i: AddPersonEntryInput!) { addPersonEntry(input: $i) { ${ENTRY} } }`;
const CORRECT_ENTRY = `mutation($i: CorrectPersonEntryInput!) { correctPersonEntry(input: $i) { ${ENTRY} } }`;
const OVERRIDE = `mutation($i: SetPersonLocalOverrideInput!) { setPersonLocalOverride(input: $i) { id version localOverride localOverrideReason isLocal } }`;
const GET = `query($id: ID!, $asOf: LocalDate, $recordsAsOf: LocalDate, $asKnownAt: DateTime) {
  person(id: $id, asOf: $asOf) { id isLocal(asOf: $asOf) records(asOf: $recordsAsOf, asKnownAt: $asKnownAt) { ${RECORD} } entries { ${ENTRY} } } }`;
const TIMELINE = `query($id: ID!) { personTimeline(id: $id) { personId records { ${RECORD} } entries { ${ENTRY} } } }`;
const LIST = `query($filter: PersonFilter, $asOf: LocalDate) { persons(filter: $filter, asOf: $asOf, first: 100) { totalCount edges { node { id } } } }`;

let nextId = 500;
const nid = () => `0792020${String(nextId++).padStart(5, '0')}`;

function ok<T = any>(res: GqlResult<T>): T {
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data!;
}

async function createPerson(overrides: Record<string, unknown> = {}, caller: Caller = admin): Promise<{ id: string; version: number }> {
  return ok(
    await caller(CREATE, {
      i: {
        fullName: 'Lê Văn Bình',
        gender: 'MALE',
        birthDate: '1980-05-05',
        nationalId: nid(),
        unitId: commune,
        staffCategory: 'CADRE',
        jobPosition: 'Bí thư Đảng ủy',
        validFrom: '2025-07-01',
        ...overrides,
      },
    }),
  ).createPerson;
}

async function snapshot(): Promise<string> {
  return JSON.stringify([
    await t.ds.query(`SELECT id, version, superseded_at FROM person_record ORDER BY id`),
    await t.ds.query(`SELECT id, version, superseded_at FROM person_entry ORDER BY id`),
    await t.ds.query(`SELECT id, version FROM person ORDER BY id`),
    await t.ds.query(`SELECT count(*)::int AS n FROM audit_log WHERE operation <> 'signIn'`),
  ]);
}

async function expectRefused(call: () => Promise<GqlResult>, field: string, code?: string): Promise<string> {
  const before = await snapshot();
  const { message } = expectBadInput(await call(), field, code);
  expect(await snapshot()).toBe(before);
  return message;
}

beforeAll(async () => {
  t = await bootTestApp();
  commune = t.communeUnitId;
  [{ id: other }] = await t.ds.query(`SELECT id FROM unit WHERE name = 'Phường Long Xuyên'`);
  [{ id: secretary }] = await t.ds.query(`SELECT id FROM title WHERE code = 'party_secretary'`);
  [{ id: noSeatTitle }] = await t.ds.query(
    `SELECT t.id FROM title t WHERE NOT EXISTS (SELECT 1 FROM establishment_record e WHERE e.title_id = t.id AND e.unit_id = $1) LIMIT 1`,
    [commune],
  );
  // these tests give the party secretary's title to many people of one commune: room for them (the seats' own
  // limit is tested with the people's committee chair)
  await t.ds.query(
    `UPDATE establishment_record SET value = 100 WHERE unit_id = $1 AND title_id = $2 AND item_kind = 'TITLE_SEATS' AND superseded_at IS NULL`,
    [commune, secretary],
  );
});
afterAll(async () => {
  await t?.close();
});

describe('titles', () => {
  test('a title from a date; as of and as known; change (real) vs correction; timeline has both', async () => {
    const p = await createPerson({}, officer);
    const added = ok(await officer(ADD, { i: { personId: p.id, kind: 'TITLE', titleId: secretary, unitId: commune, validFrom: '2025-08-01' } })).addPersonRecord;
    expect(added).toMatchObject({ kind: 'TITLE', titleId: secretary, unitId: commune, validFrom: '2025-08-01', validTo: null, recordKind: 'CHANGE' });
    const afterAdd = new Date();

    // as of a date before the title: none; after: the title
    const before = ok(await officer(GET, { id: p.id, recordsAsOf: '2025-07-15' })).person;
    expect(before.records).toEqual([]);
    const during = ok(await officer(GET, { id: p.id, recordsAsOf: '2025-09-01' })).person;
    expect(during.records.map((r: any) => r.id)).toEqual([added.id]);

    // a correction of its start (a mistake): marked, linked, the old one superseded, not deleted
    const corrected = ok(await officer(CORRECT, { i: { recordId: added.id, version: added.version, validFrom: '2025-07-15', reason: 'Nhập sai ngày' } })).correctPersonRecord;
    expect(corrected).toMatchObject({ recordKind: 'CORRECTION', correctsId: added.id, validFrom: '2025-07-15', reason: 'Nhập sai ngày' });

    // a real change from a later date: ends the title there, the new content from then
    const [{ id: deputy }] = await t.ds.query(`SELECT id FROM title WHERE code = 'deputy_party_secretary'`);
    const changed = ok(await officer(CHANGE, { i: { recordId: corrected.id, version: corrected.version, effectiveFrom: '2026-01-01', titleId: deputy, reason: 'Quyết định 12' } })).changePersonRecord;
    expect(changed).toMatchObject({ recordKind: 'CHANGE', titleId: deputy, validFrom: '2026-01-01', validTo: null });

    const inForce = ok(await officer(GET, { id: p.id, recordsAsOf: '2025-08-01' })).person.records;
    expect(inForce).toHaveLength(1);
    expect(inForce[0]).toMatchObject({ titleId: secretary, validFrom: '2025-07-15', validTo: '2026-01-01', recordKind: 'CORRECTION' });
    expect(ok(await officer(GET, { id: p.id, recordsAsOf: '2026-02-01' })).person.records[0]).toMatchObject({ titleId: deputy });
    // as known right after the first write: the uncorrected record
    const known = ok(await officer(GET, { id: p.id, recordsAsOf: '2025-08-01', asKnownAt: afterAdd.toISOString() })).person.records;
    expect(known.map((r: any) => r.id)).toEqual([added.id]);

    const timeline = ok(await officer(TIMELINE, { id: p.id })).personTimeline;
    expect(timeline.records).toHaveLength(4);
    expect(timeline.records.filter((r: any) => r.supersededAt !== null)).toHaveLength(2);
    expect(timeline.records.map((r: any) => r.recordKind).sort()).toEqual(['CHANGE', 'CHANGE', 'CORRECTION', 'CORRECTION']);

    const ops = await t.ds.query(`SELECT operation FROM audit_log WHERE entity = 'personRecord'`);
    expect(ops.map((o: any) => o.operation)).toEqual(expect.arrayContaining(['addPersonRecord', 'correctPersonRecord', 'changePersonRecord']));
    const [audited] = await t.ds.query(`SELECT changes FROM audit_log WHERE operation = 'changePersonRecord' AND entity_id = $1`, [changed.id]);
    expect(JSON.stringify(audited)).toContain(deputy);

    // ending it
    const ended = ok(await officer(END, { i: { recordId: changed.id, version: changed.version, validTo: '2026-06-01' } })).endPersonRecord;
    expect(ended).toMatchObject({ titleId: deputy, validFrom: '2026-01-01', validTo: '2026-06-01' });
  });

  test('a title the unit has no seats for, an unknown title, overlapping periods of the same title: refused, nothing changed', async () => {
    const p = await createPerson();
    await expectRefused(() => admin(ADD, { i: { personId: p.id, kind: 'TITLE', titleId: noSeatTitle, unitId: commune, validFrom: '2025-08-01' } }), 'titleId');
    await expectRefused(
      () => admin(ADD, { i: { personId: p.id, kind: 'TITLE', titleId: '00000000-0000-4000-8000-000000000000', unitId: commune, validFrom: '2025-08-01' } }),
      'titleId',
    );
    // before the unit's establishment (and the unit) existed
    await expectRefused(() => admin(ADD, { i: { personId: p.id, kind: 'TITLE', titleId: secretary, unitId: commune, validFrom: '2020-01-01' } }), 'validFrom');
    ok(await admin(ADD, { i: { personId: p.id, kind: 'TITLE', titleId: secretary, unitId: commune, validFrom: '2025-08-01', validTo: '2026-01-01' } }));
    await expectRefused(() => admin(ADD, { i: { personId: p.id, kind: 'TITLE', titleId: secretary, unitId: commune, validFrom: '2025-12-01' } }), 'validFrom', 'PERIOD_ORDER');
    await expectRefused(() => admin(ADD, { i: { personId: p.id, kind: 'TITLE', titleId: secretary, unitId: commune, validFrom: '2025-07-01', validTo: '2025-08-02' } }), 'validFrom');
    // adjacent is fine
    ok(await admin(ADD, { i: { personId: p.id, kind: 'TITLE', titleId: secretary, unitId: commune, validFrom: '2026-01-01' } }));
    // missing title; period order; missing reason of a correction
    await expectRefused(() => admin(ADD, { i: { personId: p.id, kind: 'TITLE', unitId: commune, validFrom: '2025-08-01' } }), 'titleId', 'REQUIRED');
    await expectRefused(() => admin(ADD, { i: { personId: p.id, kind: 'IT', level: 'Cơ bản', validFrom: '2025-08-01', validTo: '2025-08-01' } }), 'validTo');
  });

  test("a title beyond the unit's seats at any date of its period is refused, naming the first full date; adjacent holders are fine", async () => {
    const [{ id: chair, name }] = await t.ds.query(`SELECT id, name FROM title WHERE code = 'pc_chair'`);
    const [{ seats }] = await t.ds.query(
      `SELECT sum(value)::int AS seats FROM establishment_record
        WHERE unit_id = $1 AND title_id = $2 AND item_kind = 'TITLE_SEATS' AND superseded_at IS NULL AND valid_to IS NULL`,
      [commune, chair],
    );
    expect(seats).toBe(1);
    const [first, second, third] = [await createPerson(), await createPerson(), await createPerson()];
    const grant = (p: { id: string }, validFrom: string, validTo?: string) =>
      admin(ADD, { i: { personId: p.id, kind: 'TITLE', titleId: chair, unitId: commune, validFrom, validTo } });
    const held = ok(await grant(first, '2025-08-01', '2026-01-01')).addPersonRecord;
    // a second chair while the first holds: refused with the date, the seats and the unit
    const message = await expectRefused(() => grant(second, '2025-09-01'), 'titleId', 'OUT_OF_RANGE');
    expect(message).toBe(`Chức danh "${name}" của ${COMMUNE_OFFICER_UNIT} chỉ có 1 định suất và đã đủ người vào ngày 01/09/2025`);
    // starting before the first: full from the first's start
    expect(await expectRefused(() => grant(second, '2025-07-15'), 'titleId')).toContain('01/08/2025');
    // from the day the first leaves: fine
    ok(await grant(second, '2026-01-01'));
    // the first's period corrected to run on: it would overlap the second's
    expect(await expectRefused(() => admin(CORRECT, { i: { recordId: held.id, version: held.version, validTo: null, reason: 'Nhập sai' } }), 'titleId')).toContain(
      '01/01/2026',
    );
    // a real change of another title into the full one
    const vice = ok(
      await admin(ADD, { i: { personId: third.id, kind: 'TITLE', titleId: secretary, unitId: commune, validFrom: '2025-08-01' } }),
    ).addPersonRecord;
    expect(
      await expectRefused(() => admin(CHANGE, { i: { recordId: vice.id, version: vice.version, titleId: chair, effectiveFrom: '2026-03-01' } }), 'titleId'),
    ).toContain('01/03/2026');
  });

  test('a stale version is a CONFLICT', async () => {
    const p = await createPerson();
    const r = ok(await admin(ADD, { i: { personId: p.id, kind: 'IT', level: 'Cơ bản', validFrom: '2025-08-01' } })).addPersonRecord;
    ok(await admin(CORRECT, { i: { recordId: r.id, version: r.version, level: 'Nâng cao', reason: 'Sai trình độ' } }));
    expectErrorCode(await admin(CORRECT, { i: { recordId: r.id, version: r.version, level: 'Khác', reason: 'x' } }), 'CONFLICT');
  });
});

describe('committees, qualification, political theory, levels, rank', () => {
  test('each kind with its fields; bad input names the field', async () => {
    const p = await createPerson();
    const c = ok(await admin(ADD, { i: { personId: p.id, kind: 'COMMITTEE', committee: 'STANDING', term: '2025-2030', unitId: commune, validFrom: '2025-07-01' } })).addPersonRecord;
    expect(c).toMatchObject({ committee: 'STANDING', term: '2025-2030' });
    const q = ok(await admin(ADD, { i: { personId: p.id, kind: 'QUALIFICATION', qualificationLevel: 'MASTER', field: 'Quản lý công', institution: 'Học viện Hành chính', year: 2015, validFrom: '2015-06-01' } })).addPersonRecord;
    expect(q).toMatchObject({ level: 'MASTER', value: { field: 'Quản lý công', institution: 'Học viện Hành chính', year: 2015 } });
    ok(await admin(ADD, { i: { personId: p.id, kind: 'POLITICAL_THEORY', politicalTheoryLevel: 'BACHELOR', validFrom: '2018-01-01' } }));
    ok(await admin(ADD, { i: { personId: p.id, kind: 'FOREIGN_LANGUAGE', language: 'Tiếng Anh', level: 'B1', validFrom: '2012-01-01' } }));
    ok(await admin(ADD, { i: { personId: p.id, kind: 'STATE_MANAGEMENT', level: 'Chuyên viên chính', validFrom: '2019-01-01' } }));
    const rank = ok(await admin(ADD, { i: { personId: p.id, kind: 'CIVIL_SERVICE_RANK', rankCode: '01.003', rankName: 'Chuyên viên', salaryStep: 3, validFrom: '2020-01-01' } })).addPersonRecord;
    // salary step up from a date: a change
    const up = ok(await admin(CHANGE, { i: { recordId: rank.id, version: rank.version, effectiveFrom: '2023-01-01', salaryStep: 4 } })).changePersonRecord;
    expect(up).toMatchObject({ level: '01.003', value: { rankName: 'Chuyên viên', salaryStep: 4 }, validFrom: '2023-01-01' });
    // a second political theory level overlapping the first
    await expectRefused(() => admin(ADD, { i: { personId: p.id, kind: 'POLITICAL_THEORY', politicalTheoryLevel: 'ADVANCED', validFrom: '2020-01-01' } }), 'validFrom');
    await expectRefused(() => admin(ADD, { i: { personId: p.id, kind: 'COMMITTEE', committee: 'EXECUTIVE', term: '2025-25', unitId: commune, validFrom: '2025-07-01' } }), 'term');
    await expectRefused(() => admin(ADD, { i: { personId: p.id, kind: 'COMMITTEE', committee: 'EXECUTIVE', unitId: commune, validFrom: '2025-07-01' } }), 'term', 'REQUIRED');
    await expectRefused(() => admin(ADD, { i: { personId: p.id, kind: 'QUALIFICATION', qualificationLevel: 'GRAND', validFrom: '2025-07-01' } }), 'qualificationLevel');
    await expectRefused(() => admin(ADD, { i: { personId: p.id, kind: 'CIVIL_SERVICE_RANK', rankCode: '01.003', salaryStep: 30, validFrom: '2025-07-01' } }), 'salaryStep');
    await expectRefused(() => admin(CHANGE, { i: { recordId: up.id, version: up.version, effectiveFrom: '2022-01-01', salaryStep: 5 } }), 'effectiveFrom');
    await expectRefused(() => admin(CHANGE, { i: { recordId: up.id, version: up.version, effectiveFrom: '2024-01-01', salaryStep: 4 } }), 'recordId');
  });
});

describe('dated entries', () => {
  test('training, ratings (one per year), commendations, discipline; corrections supersede', async () => {
    const p = await createPerson();
    const tr = ok(await admin(ADD_ENTRY, { i: { personId: p.id, kind: 'TRAINING', course: 'Bồi dưỡng kỹ năng số', trainingKind: 'DIGITAL_SKILLS', dateFrom: '2025-09-01', dateTo: '2025-09-05', certificate: 'Chứng chỉ 123' } })).addPersonEntry;
    expect(tr).toMatchObject({ kind: 'TRAINING', dateFrom: '2025-09-01', dateTo: '2025-09-05', value: { trainingKind: 'DIGITAL_SKILLS' }, recordKind: 'CHANGE' });
    const rating = ok(await admin(ADD_ENTRY, { i: { personId: p.id, kind: 'RATING', year: 2024, rating: 'GOOD' } })).addPersonEntry;
    await expectRefused(() => admin(ADD_ENTRY, { i: { personId: p.id, kind: 'RATING', year: 2024, rating: 'EXCELLENT' } }), 'year', 'DUPLICATE');
    const fixed = ok(await admin(CORRECT_ENTRY, { i: { entryId: rating.id, version: rating.version, rating: 'EXCELLENT', reason: 'Nhập nhầm' } })).correctPersonEntry;
    expect(fixed).toMatchObject({ recordKind: 'CORRECTION', correctsId: rating.id, year: 2024, value: { rating: 'EXCELLENT' } });
    ok(await admin(ADD_ENTRY, { i: { personId: p.id, kind: 'COMMENDATION', dateFrom: '2025-01-10', measure: 'Bằng khen', decision: 'QĐ 15/QĐ-UBND' } }));
    ok(await admin(ADD_ENTRY, { i: { personId: p.id, kind: 'DISCIPLINE', dateFrom: '2025-03-10', measure: 'Khiển trách' } }));
    await expectRefused(() => admin(ADD_ENTRY, { i: { personId: p.id, kind: 'TRAINING', course: 'X', trainingKind: 'OTHER', dateFrom: '2025-09-05', dateTo: '2025-09-01' } }), 'dateTo');
    await expectRefused(() => admin(ADD_ENTRY, { i: { personId: p.id, kind: 'TRAINING', course: 'X', dateFrom: '2025-09-01' } }), 'trainingKind', 'REQUIRED');
    await expectRefused(() => admin(ADD_ENTRY, { i: { personId: p.id, kind: 'RATING', year: 2999, rating: 'GOOD' } }), 'year');
    await expectRefused(() => admin(ADD_ENTRY, { i: { personId: p.id, kind: 'COMMENDATION', dateFrom: '2999-01-01', measure: 'Bằng khen' } }), 'dateFrom');
    await expectRefused(() => admin(CORRECT_ENTRY, { i: { entryId: fixed.id, version: fixed.version, rating: 'EXCELLENT', reason: 'x' } }), 'recordId');
    const entries = ok(await admin(GET, { id: p.id })).person.entries;
    expect(entries).toHaveLength(4);
    const timeline = ok(await admin(TIMELINE, { id: p.id })).personTimeline;
    expect(timeline.entries).toHaveLength(5);
    expectErrorCode(await admin(CORRECT_ENTRY, { i: { entryId: rating.id, version: rating.version, rating: 'COMPLETE', reason: 'x' } }), 'CONFLICT');
  });
});

describe('scope', () => {
  test('the commune officer cannot write or read records of a person of another unit', async () => {
    const p = await createPerson({ unitId: other });
    const r = ok(await admin(ADD, { i: { personId: p.id, kind: 'IT', level: 'Cơ bản', validFrom: '2025-08-01' } })).addPersonRecord;
    expectErrorCode(await officer(ADD, { i: { personId: p.id, kind: 'IT', level: 'Nâng cao', validFrom: '2026-08-01' } }), 'NOT_FOUND');
    expectErrorCode(await officer(CORRECT, { i: { recordId: r.id, version: r.version, level: 'x', reason: 'x' } }), 'NOT_FOUND');
    expectErrorCode(await officer(ADD_ENTRY, { i: { personId: p.id, kind: 'RATING', year: 2024, rating: 'GOOD' } }), 'NOT_FOUND');
    expectErrorCode(await officer(OVERRIDE, { i: { personId: p.id, version: p.version, isLocal: true, reason: 'x' } }), 'NOT_FOUND');
    expectErrorCode(await officer(TIMELINE, { id: p.id }), 'NOT_FOUND');
    // a title in another unit is refused for the officer, as an unknown unit
    const mine = await createPerson({}, officer);
    expectBadInput(await officer(ADD, { i: { personId: mine.id, kind: 'TITLE', titleId: secretary, unitId: other, validFrom: '2025-08-01' } }), 'unitId');
  });
});

describe('local or not', () => {
  test('derived from hometown or permanent residence (diacritics ignored), overridden with a reason', async () => {
    const [row] = await t.ds.query(`SELECT canbo_fold($1) AS f`, ['  Xã MỸ   Đức, Tỉnh An Giang ']);
    expect(row.f).toBe(foldForSearch('  Xã MỸ   Đức, Tỉnh An Giang '));
    const local = await createPerson({ hometown: 'xa my duc, An Giang' });
    const notLocal = await createPerson({ hometown: 'Hà Nội', permanentResidence: 'Phường Long Xuyên' });
    expect(ok(await admin(GET, { id: local.id })).person.isLocal).toBe(true);
    expect(ok(await admin(GET, { id: notLocal.id })).person.isLocal).toBe(false);
    const list = async (isLocal: boolean) => ok(await admin(LIST, { filter: { isLocal, unitId: commune } })).persons.edges.map((e: any) => e.node.id);
    expect(await list(true)).toContain(local.id);
    expect(await list(false)).toContain(notLocal.id);
    expect(await list(true)).not.toContain(notLocal.id);

    await expectRefused(() => admin(OVERRIDE, { i: { personId: notLocal.id, version: notLocal.version, isLocal: true } }), 'reason', 'REQUIRED');
    const o = ok(await admin(OVERRIDE, { i: { personId: notLocal.id, version: notLocal.version, isLocal: true, reason: 'Sinh sống lâu năm tại xã' } })).setPersonLocalOverride;
    expect(o).toMatchObject({ localOverride: true, localOverrideReason: 'Sinh sống lâu năm tại xã', isLocal: true, version: notLocal.version + 1 });
    expect(await list(true)).toContain(notLocal.id);
    expectErrorCode(await admin(OVERRIDE, { i: { personId: notLocal.id, version: notLocal.version, isLocal: null } }), 'CONFLICT');
    const back = ok(await admin(OVERRIDE, { i: { personId: notLocal.id, version: o.version, isLocal: null } })).setPersonLocalOverride;
    expect(back).toMatchObject({ localOverride: null, isLocal: false });
    const [audit] = await t.ds.query(`SELECT count(*)::int AS n FROM audit_log WHERE operation = 'setPersonLocalOverride' AND entity_id = $1`, [notLocal.id]);
    expect(audit.n).toBe(2);
  });
});

describe('the person list filters', () => {
  test('title, committee, age band, qualification, political theory (bachelor counts as advanced)', async () => {
    const asOf = '2026-03-01';
    const young = await createPerson({ fullName: 'Người Trẻ', birthDate: '1990-01-01' });
    const older = await createPerson({ fullName: 'Người Lớn', birthDate: '1970-01-01' });
    // 42nd birthday on the reference date: no longer young
    const boundary = await createPerson({ fullName: 'Người Ranh Giới', birthDate: '1984-03-01' });
    ok(await admin(ADD, { i: { personId: young.id, kind: 'TITLE', titleId: secretary, unitId: commune, validFrom: '2026-01-01' } }));
    ok(await admin(ADD, { i: { personId: young.id, kind: 'COMMITTEE', committee: 'EXECUTIVE', term: '2025-2030', unitId: commune, validFrom: '2025-10-01' } }));
    ok(await admin(ADD, { i: { personId: young.id, kind: 'POLITICAL_THEORY', politicalTheoryLevel: 'BACHELOR', validFrom: '2020-01-01' } }));
    ok(await admin(ADD, { i: { personId: older.id, kind: 'POLITICAL_THEORY', politicalTheoryLevel: 'INTERMEDIATE', validFrom: '2020-01-01' } }));
    ok(await admin(ADD, { i: { personId: older.id, kind: 'QUALIFICATION', qualificationLevel: 'BACHELOR', field: 'Luật', validFrom: '1995-01-01' } }));
    const ids = async (filter: Record<string, unknown>, on = asOf) =>
      ok(await admin(LIST, { filter: { unitId: commune, ...filter }, asOf: on })).persons.edges.map((e: any) => e.node.id) as string[];

    expect(await ids({ titleId: secretary })).toContain(young.id);
    expect(await ids({ titleId: secretary }, '2025-12-31')).not.toContain(young.id);
    expect(await ids({ committee: 'EXECUTIVE' })).toEqual(expect.arrayContaining([young.id]));
    expect(await ids({ committee: 'STANDING' })).not.toContain(young.id);
    const youngIds = await ids({ ageBand: 'YOUNG' });
    expect(youngIds).toContain(young.id);
    expect(youngIds).not.toContain(older.id);
    expect(youngIds).not.toContain(boundary.id);
    expect(await ids({ ageBand: 'YOUNG' }, '2026-02-28')).toContain(boundary.id);
    expect(await ids({ ageBand: 'NOT_YOUNG' })).toEqual(expect.arrayContaining([older.id, boundary.id]));
    const advanced = await ids({ politicalTheoryLevel: 'ADVANCED' });
    expect(advanced).toContain(young.id);
    expect(advanced).not.toContain(older.id);
    expect(await ids({ politicalTheoryLevel: 'INTERMEDIATE' })).toEqual(expect.arrayContaining([older.id]));
    expect(await ids({ qualificationLevel: 'BACHELOR' })).toContain(older.id);
    const notRecorded = await ids({ qualificationLevel: 'NOT_RECORDED' });
    expect(notRecorded).toContain(young.id);
    expect(notRecorded).not.toContain(older.id);
    // the officer's scope still applies
    const other1 = await createPerson({ unitId: other, birthDate: '1995-01-01' });
    const scoped = ok(await officer(LIST, { filter: { ageBand: 'YOUNG' }, asOf })).persons.edges.map((e: any) => e.node.id);
    expect(scoped).not.toContain(other1.id);
    expect(scoped).toContain(young.id);
  });
});

describe('a unit that ends', () => {
  test('its people’s open assignments and titles are closed on the end date (superseded, re-recorded), audited', async () => {
    const [{ id: ending }] = await t.ds.query(
      `INSERT INTO unit (code, name, kind, valid_from, search_text) VALUES ('xa-sap-ket-thuc', 'Xã Sắp Kết Thúc', 'COMMUNE', '2025-07-01', 'xa sap ket thuc') RETURNING id`,
    );
    await t.ds.query(
      `INSERT INTO establishment_record (unit_id, item_kind, item_key, title_id, value, valid_from, recorded_at, record_kind)
       VALUES ($1, 'TITLE_SEATS', 'title:' || $2::text, $2::uuid, 1, '2025-07-01', now(), 'CHANGE')`,
      [ending, secretary],
    );
    const p = await createPerson({ unitId: ending });
    const title = ok(await admin(ADD, { i: { personId: p.id, kind: 'TITLE', titleId: secretary, unitId: ending, validFrom: '2025-08-01' } })).addPersonRecord;
    const later = await createPerson({ unitId: ending, validFrom: '2026-03-01' });
    // a person of the commune seconded to the ending unit
    const seconded = await createPerson({ staffCategory: 'CIVIL_SERVANT', jobPosition: 'Công chức Tư pháp' });
    const [{ id: base }] = await t.ds.query(`SELECT id FROM person_assignment WHERE person_id = $1`, [seconded.id]);
    ok(
      await admin(`mutation($i: ChangePersonAssignmentInput!) { changePersonAssignment(input: $i) { id } }`, {
        i: { personId: seconded.id, unitId: commune, staffCategory: 'CIVIL_SERVANT', jobPosition: 'Công chức Tư pháp', secondedToUnitId: ending, effectiveFrom: '2025-09-01', baseRecordId: base },
      }),
    );
    const res = await admin(`mutation($i: RecordUnitSuccessionInput!) { recordUnitSuccession(input: $i) { id } }`, {
      i: { predecessorId: ending, successorId: commune, effectiveDate: '2026-01-01' },
    });
    expect(res.errors).toBeUndefined();
    const current = await t.ds.query(
      `SELECT person_id, valid_from::text, valid_to::text FROM person_assignment WHERE unit_id = $1 AND superseded_at IS NULL ORDER BY valid_from`,
      [ending],
    );
    expect(current).toEqual([{ person_id: p.id, valid_from: '2025-07-01', valid_to: '2026-01-01' }]);
    const superseded = await t.ds.query(`SELECT person_id FROM person_assignment WHERE unit_id = $1 AND superseded_at IS NOT NULL`, [ending]);
    expect(superseded.map((r: any) => r.person_id).sort()).toEqual([p.id, later.id].sort());
    const records = await t.ds.query(`SELECT id, valid_to::text FROM person_record WHERE unit_id = $1 AND superseded_at IS NULL`, [ending]);
    expect(records).toHaveLength(1);
    expect(records[0].valid_to).toBe('2026-01-01');
    expect(records[0].id).not.toBe(title.id);
    const audit = await t.ds.query(
      `SELECT entity FROM audit_log WHERE operation = 'recordUnitSuccession' AND entity IN ('personAssignment', 'personRecord') ORDER BY entity`,
    );
    expect(audit.map((a: any) => a.entity)).toEqual(['personAssignment', 'personAssignment', 'personAssignment', 'personRecord']);
    // the secondment ends with the host unit; the home assignment goes on
    const home = await t.ds.query(
      `SELECT valid_from::text, valid_to::text, seconded_to_unit_id FROM person_assignment WHERE person_id = $1 AND superseded_at IS NULL ORDER BY valid_from`,
      [seconded.id],
    );
    expect(home).toEqual([
      { valid_from: '2025-07-01', valid_to: '2025-09-01', seconded_to_unit_id: null },
      { valid_from: '2025-09-01', valid_to: '2026-01-01', seconded_to_unit_id: ending },
      { valid_from: '2026-01-01', valid_to: null, seconded_to_unit_id: null },
    ]);
    // after the end the person has no assignment (the file stays readable); before it, the ended unit's
    const after = ok(await admin(`query($id: ID!) { person(id: $id, asOf: "2026-02-01") { id assignment { id } } }`, { id: p.id })).person;
    expect(after).toEqual({ id: p.id, assignment: null });
    expect(ok(await admin(`query($id: ID!) { person(id: $id, asOf: "2025-12-31") { id } }`, { id: p.id })).person.id).toBe(p.id);
  });
});

describe('party membership and family relations (sensitive)', () => {
  const PARTY = `id version partyJoinedOn partyConfirmedOn partyCardNumber`;
  const UPDATE = `mutation($i: UpdatePersonIdentityInput!) { updatePersonIdentity(input: $i) { ${PARTY} } }`;
  const GET_PARTY = `query($id: ID!) { person(id: $id) { ${PARTY} } }`;
  const GET_ENTRIES = `query($id: ID!) { person(id: $id) { id entries { ${ENTRY} } } }`;
  const readAudits = async (personId: string) =>
    (await t.ds.query(`SELECT changes FROM audit_log WHERE operation = 'readSensitive' AND entity_id = $1 ORDER BY id`, [personId])) as {
      changes: any;
    }[];
  let writer: Caller; // personnel.write without personnel.read_sensitive

  beforeAll(async () => {
    const [role] = await t.ds.query(
      `INSERT INTO role (code, name, permissions) VALUES ('family_writer', 'Ghi hồ sơ', ARRAY['personnel.read','personnel.write','audit.read']) RETURNING id`,
    );
    const [user] = await t.ds.query(
      `INSERT INTO app_user (username, display_name, password_hash, must_change_password) VALUES ('family-writer', 'Ghi hồ sơ', $1, false) RETURNING id`,
      [await hashPassword(TEST_PASSWORD)],
    );
    await t.ds.query(`INSERT INTO role_assignment (user_id, role_id, all_units) VALUES ($1, $2, true)`, [user.id, role.id]);
    writer = t.as('family-writer');
  });

  test('party dates and card: recorded with history, validated, masked and audited like the other sensitive fields', async () => {
    const p = await createPerson({ partyJoinedOn: '2005-03-26', partyConfirmedOn: '2006-03-26', partyCardNumber: '79012345' });
    expect(ok(await admin(GET_PARTY, { id: p.id })).person).toMatchObject({ partyJoinedOn: '2005-03-26', partyConfirmedOn: '2006-03-26', partyCardNumber: '79012345' });
    expect((await readAudits(p.id)).at(-1)!.changes.details.after.fields.sort()).toEqual(['partyCardNumber', 'partyConfirmedOn', 'partyJoinedOn']);
    expect(ok(await writer(GET_PARTY, { id: p.id })).person).toMatchObject({ partyJoinedOn: null, partyConfirmedOn: null, partyCardNumber: null });
    expectErrorCode(await writer(UPDATE, { i: { id: p.id, version: p.version, kind: 'CHANGE', partyCardNumber: '1' } }), ErrorCode.FORBIDDEN);
    await expectRefused(() => admin(UPDATE, { i: { id: p.id, version: p.version, kind: 'CORRECTION', reason: 'x', partyConfirmedOn: '2004-01-01' } }), 'partyConfirmedOn');
    await expectRefused(() => admin(UPDATE, { i: { id: p.id, version: p.version, kind: 'CHANGE', partyJoinedOn: '2999-01-01' } }), 'partyJoinedOn');
    await expectRefused(() => admin(UPDATE, { i: { id: p.id, version: p.version, kind: 'CHANGE', partyJoinedOn: '1970-01-01' } }), 'partyJoinedOn');
    await expectRefused(() => admin(UPDATE, { i: { id: p.id, version: p.version, kind: 'CHANGE', partyCardNumber: '79 01' } }), 'partyCardNumber');
    const fixed = ok(await admin(UPDATE, { i: { id: p.id, version: p.version, kind: 'CORRECTION', reason: 'Sai số thẻ', partyCardNumber: '79012346' } }));
    expect(fixed.updatePersonIdentity.partyCardNumber).toBe('79012346');
    const [rev] = await t.ds.query(`SELECT record_kind, data FROM person_revision WHERE person_id = $1 ORDER BY recorded_at DESC LIMIT 1`, [p.id]);
    expect(rev).toMatchObject({ record_kind: 'CORRECTION', data: { partyCardNumber: '79012346', partyJoinedOn: '2005-03-26' } });
    // the audit row's values are masked for a reader without personnel.read_sensitive
    const AUDIT = `query($f: AuditLogFilter) { auditLog(first: 1, filter: $f) { edges { node { changes sensitiveFields } } } }`;
    const masked = ok(await writer(AUDIT, { f: { entity: 'person', entityId: p.id, operation: 'updatePersonIdentity' } })).auditLog.edges[0].node;
    expect(masked.sensitiveFields).toEqual(['partyCardNumber']);
    expect(masked.changes.partyCardNumber).toEqual({ before: MASK, after: MASK });
  });

  test('family relations: added and corrected with history, only with personnel.read_sensitive, reads audited, audit values masked', async () => {
    const p = await createPerson();
    const father = ok(
      await admin(ADD_ENTRY, {
        i: { personId: p.id, kind: 'FAMILY', relation: 'FATHER', relativeName: 'Le Van Cu\u0301', year: 1950, occupation: 'Nông dân', residence: 'Xã Mỹ Đức' },
      }),
    ).addPersonEntry;
    expect(father).toMatchObject({ kind: 'FAMILY', year: 1950, value: { relation: 'FATHER', relativeName: 'Le Van Cú'.normalize('NFC'), occupation: 'Nông dân' }, recordKind: 'CHANGE' });
    await expectRefused(() => admin(ADD_ENTRY, { i: { personId: p.id, kind: 'FAMILY', relativeName: 'Lê Thị Mẹ' } }), 'relation', 'REQUIRED');
    await expectRefused(() => admin(ADD_ENTRY, { i: { personId: p.id, kind: 'FAMILY', relation: 'MOTHER' } }), 'relativeName', 'REQUIRED');
    await expectRefused(() => admin(ADD_ENTRY, { i: { personId: p.id, kind: 'FAMILY', relation: 'CHILD', relativeName: 'Lê Văn Con', year: 2999 } }), 'year');
    const fixed = ok(await admin(CORRECT_ENTRY, { i: { entryId: father.id, version: father.version, year: 1952, reason: 'Sai năm sinh' } })).correctPersonEntry;
    expect(fixed).toMatchObject({ recordKind: 'CORRECTION', correctsId: father.id, year: 1952, value: { relation: 'FATHER' } });

    // hidden, not masked, without the permission; nothing audited then
    const before = (await readAudits(p.id)).length;
    expect(ok(await writer(GET_ENTRIES, { id: p.id })).person.entries).toEqual([]);
    expect(ok(await writer(TIMELINE, { id: p.id })).personTimeline.entries).toEqual([]);
    expect((await readAudits(p.id)).length).toBe(before);
    // and not written by who cannot read it
    const refused = await writer(ADD_ENTRY, { i: { personId: p.id, kind: 'FAMILY', relation: 'MOTHER', relativeName: 'Lê Thị Mẹ' } });
    expect(expectErrorCode(refused, ErrorCode.FORBIDDEN).extensions).toMatchObject({ field: 'kind' });
    expectErrorCode(await writer(CORRECT_ENTRY, { i: { entryId: fixed.id, version: fixed.version, year: 1953, reason: 'x' } }), ErrorCode.FORBIDDEN);

    // with it: returned, and each read audited
    expect(ok(await admin(GET_ENTRIES, { id: p.id })).person.entries.map((e: any) => e.year)).toEqual([1952]);
    expect(ok(await admin(TIMELINE, { id: p.id })).personTimeline.entries).toHaveLength(2);
    const audits = (await readAudits(p.id)).slice(before).map((a) => a.changes.details.after);
    expect(audits).toEqual([
      { fields: ['family'], via: 'entries' },
      { fields: ['family'], via: 'personTimeline' },
    ]);

    // the values of the audit rows are masked for readers without it
    const AUDIT = `query($f: AuditLogFilter) { auditLog(first: 1, filter: $f) { edges { node { changes sensitiveFields } } } }`;
    const f = { f: { entity: 'personFamily', operation: 'correctPersonEntry', entityId: fixed.id } };
    const masked = ok(await writer(AUDIT, f)).auditLog.edges[0].node;
    expect(masked.changes.year).toEqual({ before: MASK, after: MASK });
    expect(JSON.stringify(masked)).not.toContain('1952');
    expect(ok(await admin(AUDIT, f)).auditLog.edges[0].node.changes.year).toEqual({ before: 1950, after: 1952 });
  });
});
