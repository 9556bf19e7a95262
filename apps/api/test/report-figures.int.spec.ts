import { ADDITIONAL_METRIC_IDS, METRIC_DEFINITIONS, metricPercent } from '@canbo/shared';
import { drillsToPeople } from '../src/modules/report/report.service';
import { bootTestApp, GqlResult, TestApp } from './harness';

/**
 * The report's additional figures (staff against approved posts and the shortfall per staff category, specialists
 * per professional field against the establishment) and the drill-down of seat figures, on a small dataset with
 * known answers: unit A (its establishment set here) with eight people, unit B with one, unit C empty. Checks the
 * reference date (an assignment, or a degree, after it is not counted), a secondment (counted at the home unit),
 * a degree superseded by a higher one (still held), a correction (the superseded record is not), the categories
 * (public employees and contract workers are not specialists), null percents of an empty unit, and that every
 * figure drilling to people lists exactly as many rows as it counts, one per seat for seat figures.
 */
let t: TestApp;
const ASOF = '2025-10-01';
let A: string;
let B: string;
let C: string;
const person: Record<string, string> = {};

const REPORT = `query($asOf: LocalDate, $unitId: ID) {
  situationReport(asOf: $asOf, unitId: $unitId) { figures { metricId kind count base percent drillsToPeople sectionOne } }
}`;
const BY_UNIT = `query($asOf: LocalDate, $ids: [String!]) {
  situationReportByUnit(asOf: $asOf, metricIds: $ids) { units { unitId figures { metricId count base percent } } }
}`;
const PEOPLE = `query($m: String!, $asOf: LocalDate, $unitId: ID, $first: Int, $after: String) {
  situationReportPeople(metricId: $m, asOf: $asOf, unitId: $unitId, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { personId fullName unitId seatId seatName } }
  }
}`;

interface Figure {
  metricId: string;
  kind: string;
  count: number;
  base: number | null;
  percent: number | null;
  drillsToPeople: boolean;
  sectionOne: boolean;
}

async function report(asOf: string, unitId?: string): Promise<Map<string, Figure>> {
  const res = await t.as('province-officer')(REPORT, { asOf, unitId });
  expect(res.errors).toBeUndefined();
  return new Map((res.data.situationReport.figures as Figure[]).map((f) => [f.metricId, f]));
}

const pick = (f: Figure | undefined) => f && { count: f.count, base: f.base, percent: f.percent };

beforeAll(async () => {
  t = await bootTestApp();
  const units: { id: string }[] = await t.ds.query(
    `SELECT id FROM unit WHERE kind = 'COMMUNE' AND id <> $1 ORDER BY name LIMIT 3`,
    [t.communeUnitId],
  );
  [A, B, C] = units.map((u) => u.id);
  // unit A's establishment: 3 cadres, 4 civil servants, 2 public employees; 2 land-management specialists, 1 accountant
  const set = async (unit: string, where: string, value: number) =>
    t.ds.query(`UPDATE establishment_record SET value = $2 WHERE unit_id = $1 AND superseded_at IS NULL AND ${where}`, [unit, value]);
  await set(A, `item_kind = 'HEADCOUNT' AND staff_category = 'CADRE'`, 3);
  await set(A, `item_kind = 'HEADCOUNT' AND staff_category = 'CIVIL_SERVANT'`, 4);
  await set(A, `item_kind = 'HEADCOUNT' AND staff_category = 'PUBLIC_EMPLOYEE'`, 2);
  await set(A, `item_kind = 'SPECIALISTS'`, 0);
  await set(A, `item_kind = 'SPECIALISTS' AND field = 'LAND_MANAGEMENT'`, 2);
  await set(A, `item_kind = 'SPECIALISTS' AND field = 'ACCOUNTING'`, 1);

  let n = 0;
  const addPerson = async (key: string, name: string, gender: 'MALE' | 'FEMALE', unit: string, category: string, from: string, seconded: string | null = null) => {
    const [{ id }] = await t.ds.query(
      `INSERT INTO person (full_name, gender, birth_date, national_id, search_text) VALUES ($1, $2, '1985-03-03', $3, $4) RETURNING id`,
      [name, gender, String(91_000_000_000 + ++n).padStart(12, '0'), name.toLowerCase()],
    );
    await t.ds.query(
      `INSERT INTO person_assignment (person_id, unit_id, staff_category, job_position, seconded_to_unit_id, valid_from, record_kind)
       VALUES ($1, $2, $3, 'Chuyên viên', $4, $5, 'CHANGE')`,
      [id, unit, category, seconded, from],
    );
    person[key] = id;
  };
  const qualification = async (key: string, level: string, field: string, from: string, to: string | null = null, superseded = false) =>
    t.ds.query(
      `INSERT INTO person_record (person_id, kind, level, value, valid_from, valid_to, record_kind, superseded_at)
       VALUES ($1, 'QUALIFICATION', $2, jsonb_build_object('field', $3::text), $4, $5, 'CHANGE', ${superseded ? 'now()' : 'NULL'})`,
      [person[key], level, field, from, to],
    );
  const title = async (key: string, code: string, unit: string) =>
    t.ds.query(
      `INSERT INTO person_record (person_id, kind, unit_id, title_id, value, valid_from, record_kind)
       SELECT $1, 'TITLE', $2, id, '{}', '2025-07-01', 'CHANGE' FROM title WHERE code = $3`,
      [person[key], unit, code],
    );

  // A: a woman cadre, land manager by her first degree (a later master's in another field), holding two key titles
  await addPerson('an', 'Nguyễn Thị An', 'FEMALE', A, 'CADRE', '2025-07-01');
  await qualification('an', 'BACHELOR', 'Quản lý đất đai', '2008-06-30', '2019-06-30');
  await qualification('an', 'MASTER', 'Quản lý công', '2019-06-30');
  await title('an', 'party_secretary', A);
  await title('an', 'council_chair', A);
  // A: an accountant civil servant, on the executive committee
  await addPerson('binh', 'Trần Văn Bình', 'MALE', A, 'CIVIL_SERVANT', '2025-07-01');
  await qualification('binh', 'BACHELOR', 'Kế toán', '2012-06-30');
  await t.ds.query(
    `INSERT INTO person_record (person_id, kind, unit_id, committee, term, value, valid_from, record_kind) VALUES ($1, 'COMMITTEE', $2, 'EXECUTIVE', '2025-2030', '{}', '2025-07-01', 'CHANGE')`,
    [person.binh, A],
  );
  // A: a land manager (Địa chính) assigned after the reference date
  await addPerson('chi', 'Lê Thị Chi', 'FEMALE', A, 'CIVIL_SERVANT', '2025-10-15');
  await qualification('chi', 'BACHELOR', 'Địa chính', '2015-06-30');
  // A: a land manager seconded to B: counts at home (A)
  await addPerson('dung', 'Phạm Văn Dũng', 'MALE', A, 'CIVIL_SERVANT', '2025-07-01', B);
  await qualification('dung', 'BACHELOR', 'QUẢN LÝ ĐẤT ĐAI', '2011-06-30');
  // A: accountants who are not specialists: a public employee and a contract worker
  await addPerson('em', 'Võ Thị Em', 'FEMALE', A, 'PUBLIC_EMPLOYEE', '2025-07-01');
  await qualification('em', 'BACHELOR', 'Kế toán', '2013-06-30');
  await addPerson('giang', 'Đỗ Văn Giang', 'MALE', A, 'CONTRACT', '2025-07-01');
  await qualification('giang', 'BACHELOR', 'Kế toán', '2013-06-30');
  // A: a civil servant graduating in accounting after the reference date
  await addPerson('hoa', 'Bùi Thị Hoa', 'FEMALE', A, 'CIVIL_SERVANT', '2025-07-01');
  await qualification('hoa', 'BACHELOR', 'Kế toán', '2026-01-15');
  // A: a civil servant whose accounting degree was recorded by mistake (superseded: corrected away)
  await addPerson('khanh', 'Hồ Văn Khánh', 'MALE', A, 'CIVIL_SERVANT', '2025-07-01');
  await qualification('khanh', 'BACHELOR', 'Kế toán', '2010-06-30', null, true);
  // B: a cadre, land manager
  await addPerson('lan', 'Ngô Thị Lan', 'FEMALE', B, 'CADRE', '2025-07-01');
  await qualification('lan', 'BACHELOR', 'Quản lý đất đai', '2014-06-30');
}, 120_000);
afterAll(async () => {
  await t?.close();
});

test('unit A on the reference date: per category against approved posts, specialists against the establishment', async () => {
  const r = await report(ASOF, A);
  // in post: cadre An; civil servants Bình, Dũng (seconded out, counted at home), Hoa, Khánh; public employee Em
  expect(pick(r.get('cadre_total'))).toEqual({ count: 1, base: 3, percent: 33.3 });
  expect(pick(r.get('cadre_shortfall'))).toEqual({ count: 2, base: 3, percent: 66.7 });
  expect(pick(r.get('civil_servant_total'))).toEqual({ count: 4, base: 4, percent: 100 });
  expect(pick(r.get('civil_servant_shortfall'))).toEqual({ count: 0, base: 4, percent: 0 });
  expect(pick(r.get('pe_total'))).toEqual({ count: 1, base: 2, percent: 50 });
  expect(pick(r.get('pe_shortfall'))).toEqual({ count: 1, base: 2, percent: 50 });
  expect(pick(r.get('staff_total'))).toEqual({ count: 6, base: 9, percent: 66.7 });
  expect(pick(r.get('cbcc_total'))).toEqual({ count: 5, base: 7, percent: 71.4 });
  // land: An (her first degree) and Dũng (folded name); accounting: Bình only
  expect(pick(r.get('specialists_land_management'))).toEqual({ count: 2, base: 2, percent: 100 });
  expect(pick(r.get('specialists_land_management_shortfall'))).toEqual({ count: 0, base: 2, percent: 0 });
  expect(pick(r.get('specialists_accounting'))).toEqual({ count: 1, base: 1, percent: 100 });
  expect(pick(r.get('specialists_accounting_shortfall'))).toEqual({ count: 0, base: 1, percent: 0 });
  // fields without specialists in A's establishment are not reported
  expect(r.has('specialists_construction')).toBe(false);
  expect(r.has('specialists_justice')).toBe(false);
  expect(r.get('cadre_total')).toMatchObject({ kind: 'PEOPLE', sectionOne: false, drillsToPeople: true });
  expect(r.get('cadre_shortfall')).toMatchObject({ sectionOne: false, drillsToPeople: false });
  expect(r.get('staff_total')).toMatchObject({ sectionOne: true });
  // seats: An holds two key titles
  expect(pick(r.get('key_titles_women'))).toEqual({ count: 2, base: 2, percent: 100 });
  expect(pick(r.get('exec_committee_women'))).toEqual({ count: 0, base: 1, percent: 0 });
});

test('later reference dates count the people assigned and the degrees obtained by then; shortfalls go negative', async () => {
  const nov = await report('2025-11-01', A);
  expect(pick(nov.get('civil_servant_total'))).toEqual({ count: 5, base: 4, percent: 125 });
  expect(pick(nov.get('civil_servant_shortfall'))).toEqual({ count: -1, base: 4, percent: -25 });
  expect(pick(nov.get('specialists_land_management'))).toEqual({ count: 3, base: 2, percent: 150 });
  expect(pick(nov.get('specialists_land_management_shortfall'))).toEqual({ count: -1, base: 2, percent: -50 });
  expect(pick(nov.get('specialists_accounting'))).toEqual({ count: 1, base: 1, percent: 100 });
  const feb = await report('2026-02-01', A);
  expect(pick(feb.get('specialists_accounting'))).toEqual({ count: 2, base: 1, percent: 200 });
  expect(pick(feb.get('specialists_accounting_shortfall'))).toEqual({ count: -1, base: 1, percent: -100 });
});

test('the seconded civil servant counts at home, not at the host unit; an empty unit has zero counts and null shares', async () => {
  const b = await report(ASOF, B);
  expect(b.get('cadre_total')!.count).toBe(1);
  expect(b.get('civil_servant_total')!.count).toBe(0);
  expect(b.get('specialists_land_management')!.count).toBe(1);
  const c = await report(ASOF, C);
  for (const id of ['staff_total', 'cadre_total', 'civil_servant_total', 'pe_total', 'specialists_land_management']) {
    expect({ id, count: c.get(id)!.count, percent: c.get(id)!.percent }).toEqual({ id, count: 0, percent: 0 });
  }
  expect(c.get('specialists_land_management_shortfall')).toMatchObject({ count: 3, base: 3, percent: 100 });
  for (const id of ['cbcc_women', 'pe_young', 'cbcc_bachelor', 'exec_committee_women', 'key_titles_women']) {
    expect({ id, ...pick(c.get(id)) }).toEqual({ id, count: 0, base: 0, percent: null });
  }
  // per unit: the same values, C's shares null
  const rows = await t.as('province-officer')(BY_UNIT, { asOf: ASOF, ids: ['cadre_total', 'specialists_land_management', 'cbcc_women'] });
  expect(rows.errors).toBeUndefined();
  const units = rows.data.situationReportByUnit.units as { unitId: string; figures: { metricId: string; count: number; base: number | null; percent: number | null }[] }[];
  const row = (unit: string, id: string) => units.find((u) => u.unitId === unit)!.figures.find((f) => f.metricId === id)!;
  expect(row(A, 'specialists_land_management')).toMatchObject({ count: 2, base: 2, percent: 100 });
  expect(row(B, 'specialists_land_management').count).toBe(1);
  expect(row(C, 'cbcc_women')).toMatchObject({ count: 0, base: 0, percent: null });
});

test('province-wide: the counts are the people of A and B', async () => {
  const r = await report(ASOF);
  expect(r.get('cadre_total')!.count).toBe(2);
  expect(r.get('civil_servant_total')!.count).toBe(4);
  expect(r.get('specialists_land_management')!.count).toBe(3);
  expect(r.get('specialists_accounting')!.count).toBe(1);
  const [{ land }] = await t.ds.query(
    `SELECT sum(e.value)::int AS land FROM establishment_record e JOIN unit u ON u.id = e.unit_id
      WHERE e.item_kind = 'SPECIALISTS' AND e.field = 'LAND_MANAGEMENT' AND e.superseded_at IS NULL AND u.kind IN ('COMMUNE','WARD','SPECIAL_ZONE')`,
  );
  expect(r.get('specialists_land_management')!.base).toBe(land);
  expect(r.get('specialists_land_management_shortfall')).toMatchObject({ count: land - 3, base: land, percent: metricPercent(land - 3, land) });
  // every additional figure with an establishment is reported, after section I
  const ids = [...r.keys()];
  expect(ids.filter((id) => ADDITIONAL_METRIC_IDS.includes(id))).toEqual(ids.filter((id) => !r.get(id)!.sectionOne));
});

test('specialists and seat holders drill down to people: one row per seat, paged by the seat', async () => {
  const officer = t.as('province-officer');
  const land = await officer(PEOPLE, { m: 'specialists_land_management', asOf: ASOF, unitId: A, first: 10 });
  expect(land.errors).toBeUndefined();
  expect(land.data.situationReportPeople.edges.map((e: { node: { personId: string; unitId: string } }) => [e.node.personId, e.node.unitId])).toEqual([
    [person.an, A],
    [person.dung, A],
  ]);
  // An holds two key titles: two rows, two pages of one, the same person, two seats
  const seats: { personId: string; seatId: string; seatName: string }[] = [];
  let after: string | null = null;
  for (let i = 0; i < 5; i++) {
    const res: GqlResult = await officer(PEOPLE, { m: 'key_titles_women', asOf: ASOF, unitId: A, first: 1, after });
    expect(res.errors).toBeUndefined();
    expect(res.data.situationReportPeople.totalCount).toBe(2);
    seats.push(...res.data.situationReportPeople.edges.map((e: { node: { personId: string; seatId: string; seatName: string } }) => e.node));
    if (!res.data.situationReportPeople.pageInfo.hasNextPage) break;
    after = res.data.situationReportPeople.pageInfo.endCursor;
  }
  expect(seats.map((s) => s.personId)).toEqual([person.an, person.an]);
  expect(new Set(seats.map((s) => s.seatId)).size).toBe(2);
  expect(seats.every((s) => s.seatName.length > 0)).toBe(true);
  const exec = await officer(PEOPLE, { m: 'exec_committee_filled', asOf: ASOF, unitId: A, first: 5 });
  expect(exec.data.situationReportPeople.edges.map((e: { node: { personId: string } }) => e.node.personId)).toEqual([person.binh]);
  // shortfalls and planned seats drill to units only
  for (const id of ['specialists_land_management_shortfall', 'cadre_shortfall']) {
    const res = await officer(PEOPLE, { m: id, asOf: ASOF, first: 5 });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'metricId' }] });
  }
});

test('every figure drilling to people lists as many rows as it counts, province-wide and in unit A, on two dates', async () => {
  const ids = METRIC_DEFINITIONS.filter((d) => drillsToPeople(d)).map((d) => d.id);
  const officer = t.as('province-officer');
  for (const asOf of [ASOF, '2026-02-01']) {
    const res = await officer(BY_UNIT, { asOf, ids });
    expect(res.errors).toBeUndefined();
    const units = res.data.situationReportByUnit.units as { unitId: string; figures: { metricId: string; count: number }[] }[];
    for (const id of ids) {
      const province = units.reduce((s, u) => s + u.figures.find((f) => f.metricId === id)!.count, 0);
      const inA = units.find((u) => u.unitId === A)!.figures.find((f) => f.metricId === id)!.count;
      const all = await officer(PEOPLE, { m: id, asOf, first: 1 });
      const one = await officer(PEOPLE, { m: id, asOf, unitId: A, first: 1 });
      expect({ id, asOf, province: all.data?.situationReportPeople.totalCount, inA: one.data?.situationReportPeople.totalCount }).toEqual({ id, asOf, province, inA });
    }
  }
}, 120_000);
