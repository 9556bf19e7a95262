import { ErrorCode, MASK, todayIso } from '@canbo/shared';
import { hashPassword } from '../src/modules/auth/auth.service';
import { bootTestApp, GqlResult, TEST_PASSWORD, TestApp } from './harness';
import { expectBadInput, expectErrorCode } from './helpers';

/**
 * The personal file, first increment: persons, their identity history and bitemporal assignments, over real
 * HTTP against real PostgreSQL.
 */
let t: TestApp;
let commune: string;
let other: string;
let communeBody: string;
let otherBody: string;
let endedUnit: string;

beforeAll(async () => {
  t = await bootTestApp();
  commune = t.communeUnitId;
  [{ id: other }] = await t.ds.query(`SELECT id FROM unit WHERE name = 'Phường Long Xuyên'`);
  [{ id: communeBody }] = await t.ds.query(`SELECT id FROM body WHERE unit_id = $1 AND kind = 'PEOPLES_COMMITTEE'`, [commune]);
  [{ id: otherBody }] = await t.ds.query(`SELECT id FROM body WHERE unit_id = $1 AND kind = 'PEOPLES_COMMITTEE'`, [other]);
  [{ id: endedUnit }] = await t.ds.query(
    `INSERT INTO unit (code, name, kind, valid_from, valid_to, search_text)
     VALUES ('xa-da-sap-nhap', 'Xã Đã Sáp Nhập', 'COMMUNE', '2025-07-01', '2026-01-01', 'xa da sap nhap') RETURNING id`,
  );
});
afterAll(async () => {
  await t?.close();
});

type Caller = (query: string, variables?: Record<string, unknown>) => Promise<GqlResult>;
const admin: Caller = (q, v) => t.gql(q, v);
const as = (username: string): Caller => t.as(username);

const PERSON = `id fullName otherNames gender birthDate birthPlace hometown permanentResidence currentResidence
  nationalId ethnicityCode religion healthStatus phone email status startedWorkOn enteredCivilServiceOn version
  assignment { id unitId bodyId staffCategory jobPosition secondedToUnitId validFrom validTo recordKind version }`;
const ASSIGNMENT = `id personId unitId bodyId staffCategory jobPosition secondedToUnitId validFrom validTo recordedAt supersededAt
  recordKind correctsId reason version`;
const CREATE = `mutation($i: CreatePersonInput!) { createPerson(input: $i) { ${PERSON} } }`;
const UPDATE = `mutation($i: UpdatePersonIdentityInput!) { updatePersonIdentity(input: $i) { ${PERSON} } }`;
const CHANGE = `mutation($i: ChangePersonAssignmentInput!) { changePersonAssignment(input: $i) { ${ASSIGNMENT} } }`;
const CORRECT = `mutation($i: CorrectPersonAssignmentInput!) { correctPersonAssignment(input: $i) { ${ASSIGNMENT} } }`;
const GET = `query($id: ID!, $asOf: LocalDate, $asKnownAt: DateTime) { person(id: $id, asOf: $asOf, asKnownAt: $asKnownAt) { ${PERSON} } }`;
const TIMELINE = `query($id: ID!) { personTimeline(id: $id) { personId assignments { ${ASSIGNMENT} } revisions { id recordedAt recordKind reason data actorName } } }`;
const LIST = `query($filter: PersonFilter, $asOf: LocalDate, $first: Int, $after: String) {
  persons(filter: $filter, asOf: $asOf, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id fullName nationalId ethnicityCode assignment { unitId staffCategory jobPosition } } } } }`;
const LIST_PLAIN = `query($filter: PersonFilter, $asOf: LocalDate) { persons(filter: $filter, asOf: $asOf, first: 100) { totalCount edges { node { id fullName gender } } } }`;

let nextId = 100;
/** a fresh valid national ID */
const nid = () => `0792010${String(nextId++).padStart(5, '0')}`;

function input(overrides: Record<string, unknown> = {}) {
  return {
    fullName: 'Trần Thị Mai',
    gender: 'FEMALE',
    birthDate: '1985-03-12',
    nationalId: nid(),
    ethnicityCode: '01',
    religion: 'Không',
    healthStatus: 'Tốt',
    hometown: 'Xã Mỹ Đức, An Giang',
    unitId: commune,
    bodyId: communeBody,
    staffCategory: 'CIVIL_SERVANT',
    jobPosition: 'Công chức Văn phòng - Thống kê',
    validFrom: '2025-07-01',
    ...overrides,
  };
}

function ok<T = any>(res: GqlResult<T>): T {
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data!;
}

async function create(overrides: Record<string, unknown> = {}, caller: Caller = admin) {
  return ok(await caller(CREATE, { i: input(overrides) })).createPerson;
}

async function snapshot(): Promise<string> {
  return JSON.stringify([
    await t.ds.query(`SELECT id, version, full_name, national_id FROM person ORDER BY id`),
    await t.ds.query(`SELECT id, version, superseded_at FROM person_assignment ORDER BY id`),
    await t.ds.query(`SELECT count(*)::int AS n FROM person_revision`),
    await t.ds.query(`SELECT count(*)::int AS n FROM audit_log WHERE operation <> 'signIn'`),
  ]);
}

/** Asserts the call is refused as BAD_USER_INPUT naming `field`, with nothing changed. */
async function expectRefused(call: () => Promise<GqlResult>, field: string, code?: string) {
  const before = await snapshot();
  const res = await call();
  expectBadInput(res, field, code);
  expect(await snapshot()).toBe(before);
}

describe('creating a person', () => {
  test('identity, first assignment, first revision and audit rows; a name typed in NFD is stored in NFC', async () => {
    const nfd = 'Nguyễn Văn An'.normalize('NFD');
    expect(nfd).not.toBe('Nguyễn Văn An');
    const p = await create({ fullName: nfd, gender: 'MALE', otherNames: 'Út An'.normalize('NFD') });
    expect(p.fullName).toBe('Nguyễn Văn An');
    expect(p.otherNames).toBe('Út An');
    expect(p.status).toBe('SERVING');
    expect(p.version).toBe(1);
    expect(p.assignment).toMatchObject({ unitId: commune, bodyId: communeBody, staffCategory: 'CIVIL_SERVANT', validFrom: '2025-07-01', validTo: null, recordKind: 'CHANGE' });
    const [row] = await t.ds.query(`SELECT full_name, search_text FROM person WHERE id = $1`, [p.id]);
    expect(row.full_name).toBe('Nguyễn Văn An'.normalize('NFC'));
    expect(row.search_text).toBe('nguyen van an ut an');
    const revisions = await t.ds.query(`SELECT record_kind, data, actor_name FROM person_revision WHERE person_id = $1`, [p.id]);
    expect(revisions).toHaveLength(1);
    expect(revisions[0]).toMatchObject({ record_kind: 'CHANGE', actor_name: expect.any(String) });
    expect(revisions[0].data).toMatchObject({ fullName: 'Nguyễn Văn An', nationalId: p.nationalId, gender: 'MALE' });
    const audit = await t.ds.query(`SELECT entity, sensitive_fields FROM audit_log WHERE operation = 'createPerson' AND (entity_id = $1 OR entity_id = $2) ORDER BY entity`, [
      p.id,
      p.assignment.id,
    ]);
    expect(audit.map((a: { entity: string }) => a.entity)).toEqual(['person', 'personAssignment']);
    expect(audit[0].sensitive_fields.sort()).toEqual(['ethnicityCode', 'healthStatus', 'nationalId', 'religion']);
  });

  test('the commune officer creates a person in their unit', async () => {
    const p = await create({ fullName: 'Lê Văn Xã' }, as('commune-organisation-officer'));
    expect(p.assignment.unitId).toBe(commune);
  });
});

describe('bad input: BAD_USER_INPUT naming the field, nothing changed', () => {
  test.each([
    ['with spaces', '0792 0100 123'],
    ['with letters', '07920100123A'],
    ['of 9 digits', '079201001'],
    ['of 13 digits', '0792010012345'],
  ])('a national ID %s', async (_what, value) => {
    await expectRefused(() => admin(CREATE, { i: input({ nationalId: value }) }), 'nationalId');
  });

  test('a duplicate national ID', async () => {
    const first = await create();
    await expectRefused(() => admin(CREATE, { i: input({ nationalId: first.nationalId }) }), 'nationalId', 'DUPLICATE');
    const second = await create();
    await expectRefused(
      () => admin(UPDATE, { i: { id: second.id, version: second.version, kind: 'CORRECTION', reason: 'nhầm', nationalId: first.nationalId } }),
      'nationalId',
      'DUPLICATE',
    );
  });

  test('a birth date in the future, or an age under 18 on the date of recording', async () => {
    const today = todayIso();
    const year = Number(today.slice(0, 4));
    await expectRefused(() => admin(CREATE, { i: input({ birthDate: `${year + 1}-01-01` }) }), 'birthDate');
    await expectRefused(() => admin(CREATE, { i: input({ birthDate: `${year - 17}-01-01` }) }), 'birthDate');
    // the day before the 18th birthday: still 17
    const tomorrowEighteenYearsAgo = new Date(Date.UTC(year - 18, Number(today.slice(5, 7)) - 1, Number(today.slice(8, 10)) + 1));
    await expectRefused(() => admin(CREATE, { i: input({ birthDate: tomorrowEighteenYearsAgo.toISOString().slice(0, 10) }) }), 'birthDate');
    const p = await create();
    await expectRefused(() => admin(UPDATE, { i: { id: p.id, version: p.version, kind: 'CHANGE', birthDate: `${year - 10}-05-05` } }), 'birthDate');
  });

  test('an unknown ethnicity code', async () => {
    await expectRefused(() => admin(CREATE, { i: input({ ethnicityCode: '55' }) }), 'ethnicityCode');
    await expectRefused(() => admin(CREATE, { i: input({ ethnicityCode: 'Kinh' }) }), 'ethnicityCode');
  });

  test('an effective date before the unit existed or after it ended', async () => {
    await expectRefused(() => admin(CREATE, { i: input({ validFrom: '2025-06-30' }) }), 'validFrom', 'PERIOD_ORDER');
    await expectRefused(() => admin(CREATE, { i: input({ unitId: endedUnit, bodyId: null, validFrom: '2026-01-01' }) }), 'validFrom', 'PERIOD_ORDER');
    const p = await create();
    await expectRefused(
      () =>
        admin(CHANGE, {
          i: { personId: p.id, unitId: commune, staffCategory: 'CIVIL_SERVANT', jobPosition: 'Chuyên viên', effectiveFrom: '2025-01-01' },
        }),
      'effectiveFrom',
      'PERIOD_ORDER',
    );
    await expectRefused(
      () =>
        admin(CHANGE, {
          i: { personId: p.id, unitId: endedUnit, staffCategory: 'CIVIL_SERVANT', jobPosition: 'Chuyên viên', effectiveFrom: '2026-03-01', baseRecordId: p.assignment.id },
        }),
      'effectiveFrom',
      'PERIOD_ORDER',
    );
  });

  test('a body that is not of the unit', async () => {
    await expectRefused(() => admin(CREATE, { i: input({ bodyId: otherBody }) }), 'bodyId');
    const p = await create();
    await expectRefused(
      () =>
        admin(CHANGE, {
          i: { personId: p.id, unitId: commune, bodyId: otherBody, staffCategory: 'CIVIL_SERVANT', jobPosition: 'X', effectiveFrom: '2026-01-01', baseRecordId: p.assignment.id },
        }),
      'bodyId',
    );
  });

  test('a correction without its reason; names with markup', async () => {
    const p = await create();
    await expectRefused(() => admin(UPDATE, { i: { id: p.id, version: p.version, kind: 'CORRECTION', fullName: 'Trần Thị Maii' } }), 'reason');
    await expectRefused(() => admin(CREATE, { i: input({ fullName: '<script>x</script>' }) }), 'fullName');
    await expectRefused(() => admin(CREATE, { i: input({ fullName: '   ' }) }), 'fullName');
  });
});

describe('search', () => {
  let an: string;
  let dang: string;
  beforeAll(async () => {
    an = (await create({ fullName: 'Nguyễn Văn Ân', gender: 'MALE' })).id;
    dang = (await create({ fullName: 'Đặng Thị Hồng' })).id;
  });

  const found = async (search: string, caller: Caller = admin) => {
    const res = ok(await caller(LIST_PLAIN, { filter: { search } }));
    return res.persons.edges.map((e: { node: { id: string } }) => e.node.id);
  };

  test('ignores diacritics and case', async () => {
    expect(await found('nguyen van an')).toContain(an);
    expect(await found('NGUYỄN VĂN ÂN')).toContain(an);
    expect(await found('dang')).toEqual([dang]);
    expect(await found('hong')).toContain(dang);
    expect(await found('zzz không có ai')).toEqual([]);
    // wildcards are literal
    expect(await found('%')).toEqual([]);
  });

  test('sorted by folded name and paginated with cursors', async () => {
    const all: { id: string; fullName: string }[] = [];
    let after: string | null = null;
    for (let i = 0; i < 50; i++) {
      const page: any = ok(await admin(LIST, { first: 3, after })).persons;
      all.push(...page.edges.map((e: any) => e.node));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    const total = ok(await admin(LIST, { first: 1 })).persons.totalCount;
    expect(all).toHaveLength(total);
    expect(new Set(all.map((p) => p.id)).size).toBe(total);
    const folded = all.map((p) => p.fullName.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase());
    expect([...folded].sort()).toEqual(folded);
  });

  test('filters: unit, staff category, gender, status', async () => {
    const person = await create({ fullName: 'Phạm Lọc Lựa', gender: 'MALE', unitId: other, bodyId: otherBody, staffCategory: 'PUBLIC_EMPLOYEE' });
    const ids = async (filter: Record<string, unknown>) =>
      ok(await admin(LIST_PLAIN, { filter: { search: 'pham loc lua', ...filter } })).persons.edges.map((e: any) => e.node.id);
    expect(await ids({})).toEqual([person.id]);
    expect(await ids({ unitId: other })).toEqual([person.id]);
    expect(await ids({ unitId: commune })).toEqual([]);
    expect(await ids({ staffCategory: 'PUBLIC_EMPLOYEE' })).toEqual([person.id]);
    expect(await ids({ staffCategory: 'CADRE' })).toEqual([]);
    expect(await ids({ gender: 'MALE' })).toEqual([person.id]);
    expect(await ids({ gender: 'FEMALE' })).toEqual([]);
    expect(await ids({ status: 'SERVING' })).toEqual([person.id]);
    expect(await ids({ status: 'RETIRED' })).toEqual([]);
  });

  test('by national ID and by ethnicity: only with personnel.read_sensitive', async () => {
    const person = await create({ fullName: 'Chau Sóc Khum', ethnicityCode: '05' });
    const bySearch = ok(await admin(LIST_PLAIN, { filter: { search: person.nationalId } })).persons;
    expect(bySearch.edges.map((e: any) => e.node.id)).toEqual([person.id]);
    const byEthnicity = ok(await admin(LIST_PLAIN, { filter: { ethnicityCode: '05' } })).persons;
    expect(byEthnicity.edges.map((e: any) => e.node.id)).toEqual([person.id]);
    const viewer = as('viewer');
    expect(expectErrorCode(await viewer(LIST_PLAIN, { filter: { search: person.nationalId } }), ErrorCode.FORBIDDEN).extensions).toMatchObject({
      permission: 'personnel.read_sensitive',
    });
    expectErrorCode(await viewer(LIST_PLAIN, { filter: { ethnicityCode: '05' } }), ErrorCode.FORBIDDEN);
    // a name search is fine for the viewer
    expect(ok(await viewer(LIST_PLAIN, { filter: { search: 'chau soc khum' } })).persons.totalCount).toBe(1);
  });
});

describe('identity: change versus correction, as known at a time', () => {
  test('a correction and a change are recorded as such; the identity as known at a time is the revision then', async () => {
    const p = await create({ fullName: 'Hồ Thị Thuỷ Tinh', phone: '0901234567' });
    const corrected = ok(
      await admin(UPDATE, { i: { id: p.id, version: p.version, kind: 'CORRECTION', reason: 'Gõ nhầm tên', fullName: 'Hồ Thị Thủy Tiên' } }),
    ).updatePersonIdentity;
    expect(corrected).toMatchObject({ fullName: 'Hồ Thị Thủy Tiên', version: 2, phone: '0901234567' });
    const changed = ok(
      await admin(UPDATE, { i: { id: p.id, version: 2, kind: 'CHANGE', phone: '0912000111', currentResidence: 'Phường Long Xuyên' } }),
    ).updatePersonIdentity;
    expect(changed).toMatchObject({ fullName: 'Hồ Thị Thủy Tiên', phone: '0912000111', currentResidence: 'Phường Long Xuyên', version: 3 });

    const timeline = ok(await admin(TIMELINE, { id: p.id })).personTimeline;
    expect(timeline.revisions.map((r: any) => [r.recordKind, r.reason])).toEqual([
      ['CHANGE', null],
      ['CORRECTION', 'Gõ nhầm tên'],
      ['CHANGE', null],
    ]);
    const [latest, correction, first] = timeline.revisions;
    expect(first.data.fullName).toBe('Hồ Thị Thuỷ Tinh');
    expect(correction.data.fullName).toBe('Hồ Thị Thủy Tiên');
    expect(latest.data.phone).toBe('0912000111');

    const knownAt = async (at: string) => ok(await admin(GET, { id: p.id, asKnownAt: at })).person;
    expect((await knownAt(first.recordedAt)).fullName).toBe('Hồ Thị Thuỷ Tinh');
    expect((await knownAt(correction.recordedAt)).fullName).toBe('Hồ Thị Thủy Tiên');
    expect((await knownAt(correction.recordedAt)).phone).toBe('0901234567');
    expect((await knownAt(latest.recordedAt)).phone).toBe('0912000111');
    // before the person was recorded at all
    expectErrorCode(await admin(GET, { id: p.id, asKnownAt: '2020-01-01T00:00:00Z' }), ErrorCode.NOT_FOUND);
    // the search follows the current name
    expect(ok(await admin(LIST_PLAIN, { filter: { search: 'thuy tien' } })).persons.edges.map((e: any) => e.node.id)).toEqual([p.id]);

    const audit = await t.ds.query(`SELECT changes FROM audit_log WHERE operation = 'updatePersonIdentity' AND entity_id = $1 ORDER BY id`, [p.id]);
    expect(audit[0].changes.fullName).toEqual({ before: 'Hồ Thị Thuỷ Tinh', after: 'Hồ Thị Thủy Tiên' });
    expect(audit[0].changes.details.after).toEqual({ kind: 'CORRECTION', reason: 'Gõ nhầm tên' });
  });

  test('CONFLICT on a stale version, nothing changed', async () => {
    const p = await create();
    ok(await admin(UPDATE, { i: { id: p.id, version: 1, kind: 'CHANGE', phone: '0900000001' } }));
    const before = await snapshot();
    expectErrorCode(await admin(UPDATE, { i: { id: p.id, version: 1, kind: 'CHANGE', phone: '0900000002' } }), ErrorCode.CONFLICT);
    expect(await snapshot()).toBe(before);
  });
});

describe('assignments: change from a date versus correction, as of a date and as known at a time', () => {
  test('a change splits the record in force; a correction supersedes a record and is marked as one', async () => {
    const p = await create({ fullName: 'Võ Minh Luân', gender: 'MALE', jobPosition: 'Công chức Địa chính' });
    const original = p.assignment;
    const changed = ok(
      await admin(CHANGE, {
        i: {
          personId: p.id,
          unitId: commune,
          bodyId: communeBody,
          staffCategory: 'CADRE',
          jobPosition: 'Phó Chủ tịch UBND',
          effectiveFrom: '2026-01-01',
          reason: 'Quyết định 12/QĐ',
          baseRecordId: original.id,
          baseVersion: original.version,
        },
      }),
    ).changePersonAssignment;
    expect(changed).toMatchObject({ validFrom: '2026-01-01', validTo: null, recordKind: 'CHANGE', staffCategory: 'CADRE', reason: 'Quyết định 12/QĐ' });

    const onDate = async (asOf: string, asKnownAt?: string) => ok(await admin(GET, { id: p.id, asOf, asKnownAt })).person.assignment;
    expect(await onDate('2025-12-31')).toMatchObject({ jobPosition: 'Công chức Địa chính', staffCategory: 'CIVIL_SERVANT', validTo: '2026-01-01' });
    expect(await onDate('2026-01-01')).toMatchObject({ jobPosition: 'Phó Chủ tịch UBND', staffCategory: 'CADRE' });

    // the person counts in the CADRE list from 2026-01-01, not before
    const listed = async (asOf: string, staffCategory: string) =>
      ok(await admin(LIST_PLAIN, { asOf, filter: { search: 'vo minh luan', staffCategory } })).persons.totalCount;
    expect(await listed('2025-12-31', 'CADRE')).toBe(0);
    expect(await listed('2026-06-01', 'CADRE')).toBe(1);
    expect(await listed('2025-12-31', 'CIVIL_SERVANT')).toBe(1);

    const corrected = ok(
      await admin(CORRECT, { i: { recordId: changed.id, version: changed.version, jobPosition: 'Chủ tịch UBND', reason: 'Nhập nhầm chức vụ' } }),
    ).correctPersonAssignment;
    expect(corrected).toMatchObject({ recordKind: 'CORRECTION', correctsId: changed.id, jobPosition: 'Chủ tịch UBND', validFrom: '2026-01-01', reason: 'Nhập nhầm chức vụ' });
    expect(await onDate('2026-02-01')).toMatchObject({ jobPosition: 'Chủ tịch UBND', recordKind: 'CORRECTION' });
    // as known before the correction
    expect(await onDate('2026-02-01', changed.recordedAt)).toMatchObject({ jobPosition: 'Phó Chủ tịch UBND', recordKind: 'CHANGE' });
    // as known before the change: the original record, open-ended
    expect(await onDate('2026-02-01', original.recordedAt ?? (await recordedAt(original.id)))).toMatchObject({
      jobPosition: 'Công chức Địa chính',
      validTo: null,
    });

    const timeline = ok(await admin(TIMELINE, { id: p.id })).personTimeline;
    const rows = timeline.assignments.map((a: any) => [a.validFrom, a.validTo, a.jobPosition, a.recordKind, a.supersededAt === null]);
    expect(rows).toEqual(
      expect.arrayContaining([
        ['2025-07-01', null, 'Công chức Địa chính', 'CHANGE', false],
        ['2025-07-01', '2026-01-01', 'Công chức Địa chính', 'CHANGE', true],
        ['2026-01-01', null, 'Phó Chủ tịch UBND', 'CHANGE', false],
        ['2026-01-01', null, 'Chủ tịch UBND', 'CORRECTION', true],
      ]),
    );
    expect(rows).toHaveLength(4);
    const ops = await t.ds.query(`SELECT operation FROM audit_log WHERE entity = 'personAssignment' AND entity_id IN ($1, $2) ORDER BY id`, [
      changed.id,
      corrected.id,
    ]);
    expect(ops.map((o: any) => o.operation)).toEqual(['changePersonAssignment', 'correctPersonAssignment']);
  });

  test('CONFLICT on a stale base or version, nothing changed', async () => {
    const p = await create();
    const base = p.assignment;
    const change = (extra: Record<string, unknown>) =>
      admin(CHANGE, { i: { personId: p.id, unitId: commune, staffCategory: 'CIVIL_SERVANT', jobPosition: 'Chuyên viên mới', effectiveFrom: '2026-03-01', ...extra } });
    let before = await snapshot();
    expectErrorCode(await change({}), ErrorCode.CONFLICT); // a record was in force: the client did not see it
    expectErrorCode(await change({ baseRecordId: base.id, baseVersion: base.version + 1 }), ErrorCode.CONFLICT);
    expect(await snapshot()).toBe(before);
    ok(await change({ baseRecordId: base.id, baseVersion: base.version }));
    before = await snapshot();
    expectErrorCode(await change({ baseRecordId: base.id, baseVersion: base.version, jobPosition: 'Khác' }), ErrorCode.CONFLICT);
    expectErrorCode(await admin(CORRECT, { i: { recordId: base.id, version: base.version, jobPosition: 'X', reason: 'cũ' } }), ErrorCode.CONFLICT);
    expect(await snapshot()).toBe(before);
  });
});

async function recordedAt(id: string): Promise<string> {
  const [{ recorded_at }] = await t.ds.query(`SELECT recorded_at FROM person_assignment WHERE id = $1`, [id]);
  return new Date(recorded_at).toISOString();
}

describe('scope', () => {
  const officer = () => as('commune-organisation-officer');
  let outsider: any;
  beforeAll(async () => {
    outsider = await create({ fullName: 'Huỳnh Ngoài Phạm Vi', unitId: other, bodyId: otherBody });
  });

  test('the commune officer cannot find, read or edit a person of another unit', async () => {
    expect(ok(await officer()(LIST_PLAIN, { filter: { search: 'huynh ngoai pham vi' } })).persons.totalCount).toBe(0);
    expect(ok(await as('viewer')(LIST_PLAIN, { filter: { search: 'huynh ngoai pham vi' } })).persons.totalCount).toBe(1);
    const all = ok(await officer()(LIST, { first: 100 })).persons;
    expect(all.edges.every((e: any) => e.node.assignment.unitId === commune)).toBe(true);
    for (const res of [await officer()(GET, { id: outsider.id }), await officer()(TIMELINE, { id: outsider.id })]) {
      expectErrorCode(res, ErrorCode.NOT_FOUND);
      expect(JSON.stringify(res)).not.toContain('Huỳnh');
    }
    const before = await snapshot();
    expectErrorCode(await officer()(UPDATE, { i: { id: outsider.id, version: 1, kind: 'CHANGE', phone: '0900000009' } }), ErrorCode.NOT_FOUND);
    expectErrorCode(
      await officer()(CHANGE, {
        i: { personId: outsider.id, unitId: commune, staffCategory: 'CIVIL_SERVANT', jobPosition: 'X', effectiveFrom: '2026-01-01', baseRecordId: outsider.assignment.id },
      }),
      ErrorCode.NOT_FOUND,
    );
    expectErrorCode(await officer()(CORRECT, { i: { recordId: outsider.assignment.id, version: 1, jobPosition: 'X', reason: 'x' } }), ErrorCode.NOT_FOUND);
    expect(await snapshot()).toBe(before);
  });

  test('the commune officer cannot create a person in, or move one to, a unit out of scope', async () => {
    await expectRefused(() => officer()(CREATE, { i: input({ unitId: other, bodyId: null }) }), 'unitId');
    const mine = await create({ fullName: 'Lâm Ở Lại' }, officer());
    await expectRefused(
      () =>
        officer()(CHANGE, {
          i: { personId: mine.id, unitId: other, staffCategory: 'CIVIL_SERVANT', jobPosition: 'X', effectiveFrom: '2026-01-01', baseRecordId: mine.assignment.id },
        }),
      'unitId',
    );
  });

  test('a seconded person counts at the home unit and is visible at the host unit too', async () => {
    const p = await create({ fullName: 'Tạ Biệt Phái', unitId: other, bodyId: otherBody });
    const seconded = ok(
      await admin(CHANGE, {
        i: {
          personId: p.id,
          unitId: other,
          bodyId: otherBody,
          staffCategory: 'CIVIL_SERVANT',
          jobPosition: p.assignment.jobPosition,
          secondedToUnitId: commune,
          effectiveFrom: '2026-01-01',
          baseRecordId: p.assignment.id,
        },
      }),
    ).changePersonAssignment;
    expect(seconded.secondedToUnitId).toBe(commune);
    const atHome = ok(await admin(LIST_PLAIN, { asOf: '2026-02-01', filter: { unitId: other, search: 'ta biet phai' } })).persons.totalCount;
    const atHost = ok(await admin(LIST_PLAIN, { asOf: '2026-02-01', filter: { unitId: commune, search: 'ta biet phai' } })).persons.totalCount;
    expect([atHome, atHost]).toEqual([1, 1]);
    expect(ok(await admin(LIST_PLAIN, { asOf: '2025-12-01', filter: { unitId: commune, search: 'ta biet phai' } })).persons.totalCount).toBe(0);
    // the host unit's officer sees them while seconded in, and may not edit them
    expect(ok(await officer()(LIST_PLAIN, { asOf: '2026-02-01', filter: { search: 'ta biet phai' } })).persons.totalCount).toBe(1);
    expect(ok(await officer()(GET, { id: p.id, asOf: '2026-02-01' })).person.assignment.secondedToUnitId).toBe(commune);
    expectErrorCode(await officer()(GET, { id: p.id, asOf: '2025-12-01' }), ErrorCode.NOT_FOUND);
    expectErrorCode(await officer()(UPDATE, { i: { id: p.id, version: 1, kind: 'CHANGE', phone: '0900000010' } }), ErrorCode.NOT_FOUND);
    await expectRefused(
      () =>
        admin(CHANGE, {
          i: { personId: p.id, unitId: other, staffCategory: 'CIVIL_SERVANT', jobPosition: 'X', secondedToUnitId: other, effectiveFrom: '2026-06-01', baseRecordId: seconded.id },
        }),
      'secondedToUnitId',
    );
  });

  test('staff-category scope: the organisation-board officer (CADRE only)', async () => {
    const board = as('province-organisation-board-officer');
    const cadre = await create({ fullName: 'Kim Cán Bộ', staffCategory: 'CADRE', jobPosition: 'Bí thư Đảng ủy' });
    const civil = await create({ fullName: 'Kim Công Chức', staffCategory: 'CIVIL_SERVANT' });
    const seen = ok(await board(LIST_PLAIN, { filter: { search: 'kim cong' } })).persons.edges.map((e: any) => e.node.id);
    expect(seen).toEqual([]);
    expect(ok(await board(LIST_PLAIN, { filter: { search: 'kim can bo' } })).persons.edges.map((e: any) => e.node.id)).toEqual([cadre.id]);
    expect(ok(await board(LIST, { first: 100 })).persons.edges.every((e: any) => e.node.assignment.staffCategory === 'CADRE')).toBe(true);
    expectErrorCode(await board(GET, { id: civil.id }), ErrorCode.NOT_FOUND);
    const before = await snapshot();
    const res = await board(CREATE, { i: input({ staffCategory: 'CIVIL_SERVANT' }) });
    expect(expectErrorCode(res, ErrorCode.FORBIDDEN).extensions).toMatchObject({ reason: 'OUT_OF_SCOPE' });
    expectErrorCode(await board(UPDATE, { i: { id: civil.id, version: 1, kind: 'CHANGE', phone: '0900000011' } }), ErrorCode.NOT_FOUND);
    expect(await snapshot()).toBe(before);
    expect((await create({ fullName: 'Kim Mới', staffCategory: 'CADRE' }, board)).assignment.staffCategory).toBe('CADRE');
  });
});

describe('sensitive data: masking and the audit of reads', () => {
  let p: any;
  beforeAll(async () => {
    p = await create({ fullName: 'Sơn Thị Nhạy Cảm', ethnicityCode: '05', religion: 'Phật giáo Nam tông', healthStatus: 'Khá' });
  });
  const readAudits = async () =>
    (await t.ds.query(`SELECT entity_id, actor_name, changes FROM audit_log WHERE operation = 'readSensitive' ORDER BY id`)) as {
      entity_id: string;
      changes: any;
    }[];

  test('without personnel.read_sensitive the fields are null, and nothing is audited', async () => {
    const before = (await readAudits()).length;
    const viewer = as('viewer');
    const person = ok(await viewer(GET, { id: p.id })).person;
    expect(person).toMatchObject({ fullName: 'Sơn Thị Nhạy Cảm', nationalId: null, ethnicityCode: null, religion: null, healthStatus: null });
    const list = ok(await viewer(LIST, { filter: { search: 'son thi nhay cam' } })).persons;
    expect(list.edges[0].node).toMatchObject({ nationalId: null, ethnicityCode: null });
    const timeline = ok(await viewer(TIMELINE, { id: p.id })).personTimeline;
    expect(timeline.revisions[0].data).toMatchObject({ fullName: 'Sơn Thị Nhạy Cảm', nationalId: null, ethnicityCode: null, religion: null, healthStatus: null });
    expect(JSON.stringify([person, list, timeline])).not.toContain(p.nationalId);
    expect((await readAudits()).length).toBe(before);
  });

  test('with it the values are returned and each person read is audited once (in bulk for lists)', async () => {
    let before = (await readAudits()).length;
    const person = ok(await admin(GET, { id: p.id })).person;
    expect(person).toMatchObject({ nationalId: p.nationalId, ethnicityCode: '05', religion: 'Phật giáo Nam tông', healthStatus: 'Khá' });
    let audits = (await readAudits()).slice(before);
    expect(audits).toHaveLength(1);
    expect(audits[0].entity_id).toBe(p.id);
    expect(audits[0].changes.details.after.fields.sort()).toEqual(['ethnicityCode', 'healthStatus', 'nationalId', 'religion']);

    before = (await readAudits()).length;
    const page = ok(await admin(LIST, { first: 5 })).persons;
    expect(page.edges).toHaveLength(5);
    audits = (await readAudits()).slice(before);
    expect(audits.map((a) => a.entity_id).sort()).toEqual(page.edges.map((e: any) => e.node.id).sort());

    // through a fragment too
    before = (await readAudits()).length;
    ok(await admin(`query($id: ID!) { person(id: $id) { ...F } } fragment F on Person { id religion }`, { id: p.id }));
    expect((await readAudits()).length).toBe(before + 1);
    // the timeline's identity snapshots
    ok(await admin(TIMELINE, { id: p.id }));
    expect((await readAudits()).length).toBe(before + 2);
  });

  test('not selecting them is not a sensitive read', async () => {
    const before = (await readAudits()).length;
    ok(await admin(`query($id: ID!) { person(id: $id) { id fullName } }`, { id: p.id }));
    ok(await admin(LIST_PLAIN, {}));
    expect((await readAudits()).length).toBe(before);
  });

  test('their values in audit rows are masked for readers without personnel.read_sensitive', async () => {
    ok(await admin(UPDATE, { i: { id: p.id, version: p.version, kind: 'CORRECTION', reason: 'Sai số', nationalId: nid(), religion: 'Không' } }));
    const role = ok(await admin(`mutation { createRole(input: { code: "person_auditor", name: "Kiểm tra hồ sơ", permissions: ["audit.read"] }) { id } }`)).createRole;
    const [user] = await t.ds.query(
      `INSERT INTO app_user (username, display_name, password_hash, must_change_password) VALUES ('person-auditor', 'Kiểm tra', $1, false) RETURNING id`,
      [await hashPassword(TEST_PASSWORD)],
    );
    ok(await admin(`mutation($i: AssignRoleInput!) { assignRole(input: $i) { id } }`, { i: { userId: user.id, roleId: role.id, allUnits: true } }));
    const AUDIT = `query($f: AuditLogFilter) { auditLog(first: 5, filter: $f) { edges { node { operation changes sensitiveFields } } } }`;
    const filter = { f: { entity: 'person', entityId: p.id, operation: 'updatePersonIdentity' } };
    const masked = ok(await as('person-auditor')(AUDIT, filter)).auditLog.edges[0].node;
    expect(masked.sensitiveFields.sort()).toEqual(['nationalId', 'religion']);
    expect(masked.changes.nationalId).toEqual({ before: MASK, after: MASK });
    expect(masked.changes.religion).toEqual({ before: MASK, after: MASK });
    expect(JSON.stringify(masked)).not.toContain(p.nationalId);
    const clear = ok(await admin(AUDIT, filter)).auditLog.edges[0].node;
    expect(clear.changes.nationalId.before).toBe(p.nationalId);
  });
});

describe('sensitive fields are written only by who may read them', () => {
  test('a writer without personnel.read_sensitive cannot overwrite (or erase) them; other fields are fine', async () => {
    const person = await create();
    const [role] = await t.ds.query(
      `INSERT INTO role (code, name, permissions) VALUES ('writer_plain', 'Ghi hồ sơ', ARRAY['personnel.read','personnel.write']) RETURNING id`,
    );
    const [user] = await t.ds.query(
      `INSERT INTO app_user (username, display_name, password_hash, must_change_password) VALUES ('writer-plain', 'Ghi hồ sơ', $1, false) RETURNING id`,
      [await hashPassword(TEST_PASSWORD)],
    );
    await t.ds.query(`INSERT INTO role_assignment (user_id, role_id, all_units) VALUES ($1, $2, true)`, [user.id, role.id]);
    const writer = as('writer-plain');
    const refused = await writer(UPDATE, { i: { id: person.id, version: person.version, kind: 'CHANGE', religion: null } });
    expect(expectErrorCode(refused, ErrorCode.FORBIDDEN).extensions).toMatchObject({ field: 'religion' });
    const [row] = await t.ds.query(`SELECT religion, version FROM person WHERE id = $1`, [person.id]);
    expect(row).toEqual({ religion: 'Không', version: person.version });
    const renamed = ok(await writer(UPDATE, { i: { id: person.id, version: person.version, kind: 'CHANGE', phone: '0912345678' } }));
    expect(renamed.updatePersonIdentity.phone).toBe('0912345678');
    expect(renamed.updatePersonIdentity.religion).toBeNull(); // masked in the answer
    const [after] = await t.ds.query(`SELECT religion FROM person WHERE id = $1`, [person.id]);
    expect(after.religion).toBe('Không');
  });
});

describe('names in answers, the body filter, and dates without an assignment', () => {
  test('assignments carry the names of their unit, body and host unit, in lists, the person and the timeline', async () => {
    const p = await create({ fullName: 'Châu Thị Tên Đơn Vị' });
    const Q = `query($id: ID!) { person(id: $id) { assignment { unitName bodyName secondedToUnitName } } personTimeline(id: $id) { assignments { unitName bodyName } } }`;
    const data = ok(await admin(Q, { id: p.id }));
    const [[unitName], [bodyName]] = [
      (await t.ds.query(`SELECT name FROM unit WHERE id = $1`, [commune])).map((r: any) => r.name),
      (await t.ds.query(`SELECT name FROM body WHERE id = $1`, [communeBody])).map((r: any) => r.name),
    ];
    expect(data.person.assignment).toEqual({ unitName, bodyName, secondedToUnitName: null });
    expect(data.personTimeline.assignments).toEqual([{ unitName, bodyName }]);
    const list = ok(await admin(`query { persons(first: 5, filter: { search: "chau thi ten don vi" }) { edges { node { assignment { unitName bodyName } } } } }`));
    expect(list.persons.edges).toEqual([{ node: { assignment: { unitName, bodyName } } }]);
  });

  test('the body filter finds people assigned to that body', async () => {
    const inBody = await create({ fullName: 'Kim Văn Lọc Tổ Chức' });
    await create({ fullName: 'Kim Thị Lọc Tổ Chức', bodyId: null });
    const Q = `query($f: PersonFilter) { persons(first: 10, filter: $f) { totalCount edges { node { id } } } }`;
    const found = ok(await admin(Q, { f: { search: 'loc to chuc', bodyId: communeBody } })).persons;
    expect(found.edges.map((e: any) => e.node.id)).toEqual([inBody.id]);
    expect(ok(await admin(Q, { f: { search: 'loc to chuc', bodyId: otherBody } })).persons.totalCount).toBe(0);
    expectBadInput(await admin(Q, { f: { bodyId: 'khong-phai-ma' } }), 'filter.bodyId');
  });

  test('a date before the first assignment shows the file without an assignment; out of scope it stays NOT_FOUND', async () => {
    const p = await create({ fullName: 'Đinh Văn Chưa Nhận Việc', validFrom: '2025-09-01' });
    const before = ok(await admin(GET, { id: p.id, asOf: '2025-08-01' })).person;
    expect(before).toMatchObject({ id: p.id, fullName: 'Đinh Văn Chưa Nhận Việc', assignment: null });
    expect(ok(await as('commune-organisation-officer')(GET, { id: p.id, asOf: '2025-08-01' })).person.assignment).toBeNull();
    const elsewhere = await create({ fullName: 'Đinh Văn Nơi Khác', unitId: other, bodyId: otherBody, validFrom: '2025-09-01' });
    expectErrorCode(await as('commune-organisation-officer')(GET, { id: elsewhere.id, asOf: '2025-08-01' }), ErrorCode.NOT_FOUND);
  });
});
