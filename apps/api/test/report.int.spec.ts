import { METRIC_DEFINITIONS, metricPercent, SECTION_1_FIGURES, SECTION_1_REFERENCE_DATE } from '@canbo/shared';
import { loadDemoProvince } from '../src/modules/demo/demo.loader';
import { drillsToPeople } from '../src/modules/report/report.service';
import { bootTestApp, GqlResult, TestApp } from './harness';

/**
 * The situation report over GraphQL on the demo province (loaded once): the province report is section I as listed
 * in docs/section-1-figures.md; every figure counting people drills down to exactly as many people, province-wide
 * and in one unit; per-unit rows add up to the province; the commune officer sees only their unit; ethnicity
 * drill-downs need personnel.read_sensitive.
 */
let t: TestApp;
const asOf = SECTION_1_REFERENCE_DATE;
const PEOPLE_IDS = METRIC_DEFINITIONS.filter((d) => drillsToPeople(d)).map((d) => d.id);
const MINORITY_IDS = ['cbcc_minority', 'pe_minority'];

const REPORT = `query($asOf: LocalDate, $unitId: ID) {
  situationReport(asOf: $asOf, unitId: $unitId) { asOf unitId unitName rules { key versionLabel validFrom validTo } figures { metricId name kind count base percent drillsToPeople } }
}`;
const BY_UNIT = `query($asOf: LocalDate, $ids: [String!]) {
  situationReportByUnit(asOf: $asOf, metricIds: $ids) { asOf units { unitId unitName figures { metricId count base percent } } }
}`;
const PEOPLE = `query($m: String!, $asOf: LocalDate, $unitId: ID, $first: Int, $after: String) {
  situationReportPeople(metricId: $m, asOf: $asOf, unitId: $unitId, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { personId fullName unitId unitName } }
  }
}`;

interface Figure {
  metricId: string;
  name: string;
  kind: string;
  count: number;
  base: number | null;
  percent: number | null;
  drillsToPeople: boolean;
}

beforeAll(async () => {
  t = await bootTestApp();
  await loadDemoProvince(t.ds);
}, 180_000);
afterAll(async () => {
  await t?.close();
});

test('the province report as of 2025-10-01 is section I as listed, with names, kinds and one-decimal percents', async () => {
  const res = await t.as('province-officer')(REPORT, { asOf });
  expect(res.errors).toBeUndefined();
  const report = res.data.situationReport;
  expect(report).toMatchObject({ asOf, unitId: null, unitName: null });
  // the key-leadership titles rule version in force on the date, as stored
  const [rule] = await t.ds.query(
    `SELECT version_label, to_char(valid_from, 'YYYY-MM-DD') AS valid_from, to_char(valid_to, 'YYYY-MM-DD') AS valid_to FROM rule_setting
      WHERE key = 'KEY_LEADERSHIP_TITLES' AND valid_from <= $1 AND (valid_to IS NULL OR valid_to > $1)`,
    [asOf],
  );
  expect(report.rules).toEqual([{ key: 'KEY_LEADERSHIP_TITLES', versionLabel: rule.version_label, validFrom: rule.valid_from, validTo: rule.valid_to }]);
  expect(report.figures.map((f: Figure) => f.metricId)).toEqual(SECTION_1_FIGURES.map((f) => f.id));
  for (const f of SECTION_1_FIGURES) {
    const got = report.figures.find((x: Figure) => x.metricId === f.id);
    expect({ id: f.id, count: got.count, base: got.base, percent: got.percent }).toEqual({
      id: f.id,
      count: f.count,
      base: f.base,
      percent: metricPercent(f.count, f.base),
    });
  }
  const total = report.figures.find((x: Figure) => x.metricId === 'staff_total');
  expect(total).toMatchObject({ kind: 'PEOPLE', drillsToPeople: true });
  expect(total.name).toBe(METRIC_DEFINITIONS.find((d) => d.id === 'staff_total')!.name.vi);
  expect(report.figures.find((x: Figure) => x.metricId === 'commune_level_units')).toMatchObject({ base: null, percent: null, drillsToPeople: false });
  expect(report.figures.find((x: Figure) => x.metricId === 'exec_committee_filled')).toMatchObject({ kind: 'SEATS', drillsToPeople: false });
});

test('every figure counting people drills down, province-wide, to exactly as many people as it counts', async () => {
  expect(PEOPLE_IDS.length).toBeGreaterThanOrEqual(15);
  const province = t.as('province-officer');
  for (const id of PEOPLE_IDS) {
    const res = await province(PEOPLE, { m: id, asOf, first: 1 });
    expect(res.errors).toBeUndefined();
    expect({ id, totalCount: res.data.situationReportPeople.totalCount }).toEqual({ id, totalCount: SECTION_1_FIGURES.find((f) => f.id === id)!.count });
  }
}, 120_000);

test('the commune officer sees only Xã Mỹ Đức: its figures, its rows per unit and its people, page by page', async () => {
  const officer = t.as('commune-organisation-officer');
  const scoped = await officer(REPORT, { asOf });
  const one = await t.as('province-officer')(REPORT, { asOf, unitId: t.communeUnitId });
  expect(scoped.errors).toBeUndefined();
  expect(one.errors).toBeUndefined();
  expect(one.data.situationReport.unitName).toBe('Xã Mỹ Đức');
  const staff = one.data.situationReport.figures.find((f: Figure) => f.metricId === 'staff_total');
  expect(staff.count).toBeGreaterThan(100);
  expect(staff.count).toBeLessThan(SECTION_1_FIGURES.find((f) => f.id === 'staff_total')!.count);
  // the officer's whole scope is the one unit: the same figures, and one commune-level unit
  expect(scoped.data.situationReport.figures).toEqual(one.data.situationReport.figures);
  expect(scoped.data.situationReport.figures.find((f: Figure) => f.metricId === 'commune_level_units').count).toBe(1);

  const rows = await officer(BY_UNIT, { asOf });
  expect(rows.errors).toBeUndefined();
  expect(rows.data.situationReportByUnit.units.map((u: { unitId: string }) => u.unitId)).toEqual([t.communeUnitId]);

  // every people figure of the unit drills down to as many people, all of the unit
  for (const id of PEOPLE_IDS) {
    const res = await officer(PEOPLE, { m: id, asOf, unitId: t.communeUnitId, first: 1 });
    expect(res.errors).toBeUndefined();
    const count = one.data.situationReport.figures.find((f: Figure) => f.metricId === id).count;
    expect({ id, totalCount: res.data.situationReportPeople.totalCount }).toEqual({ id, totalCount: count });
  }
  // paging through one figure gives each person once, all in the unit
  const seen = new Set<string>();
  let after: string | null = null;
  let pages = 0;
  for (;;) {
    const res: GqlResult = await officer(PEOPLE, { m: 'cbcc_women', asOf, first: 25, after });
    expect(res.errors).toBeUndefined();
    const conn: { edges: { node: { personId: string; unitId: string; unitName: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } =
      res.data.situationReportPeople;
    for (const e of conn.edges) {
      expect(e.node.unitId).toBe(t.communeUnitId);
      expect(e.node.unitName).toBe('Xã Mỹ Đức');
      seen.add(e.node.personId);
    }
    pages++;
    if (!conn.pageInfo.hasNextPage) break;
    after = conn.pageInfo.endCursor;
  }
  const women = one.data.situationReport.figures.find((f: Figure) => f.metricId === 'cbcc_women').count;
  expect(women).toBeGreaterThan(25);
  expect(seen.size).toBe(women);
  expect(pages).toBe(Math.ceil(women / 25));

  // another unit is not found, for the report and for the drill-down
  const [other] = await t.ds.query(`SELECT id FROM unit WHERE id <> $1 AND kind = 'COMMUNE' ORDER BY name LIMIT 1`, [t.communeUnitId]);
  for (const q of [REPORT, PEOPLE]) {
    const res = await officer(q, { m: 'staff_total', asOf, unitId: other.id });
    expect(res.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  }
}, 120_000);

test('per-unit rows cover every unit of the province, computed in SQL, and add up to the province figures', async () => {
  const res = await t.as('province-officer')(BY_UNIT, { asOf });
  expect(res.errors).toBeUndefined();
  const units = res.data.situationReportByUnit.units as { unitId: string; unitName: string; figures: { metricId: string; count: number; base: number | null; percent: number | null }[] }[];
  expect(units).toHaveLength(SECTION_1_FIGURES.find((f) => f.id === 'commune_level_units')!.count);
  for (const f of SECTION_1_FIGURES) {
    const sum = (pick: (x: { count: number; base: number | null }) => number | null) =>
      units.reduce((s, u) => s + (pick(u.figures.find((x) => x.metricId === f.id)!) ?? 0), 0);
    expect({ id: f.id, count: sum((x) => x.count), base: f.base === null ? null : sum((x) => x.base) }).toEqual({ id: f.id, count: f.count, base: f.base });
  }
  const mine = units.find((u) => u.unitId === t.communeUnitId)!;
  expect(mine.unitName).toBe('Xã Mỹ Đức');
  for (const x of mine.figures) expect(x.percent).toBe(metricPercent(x.count, x.base));

  // only the asked figures; an unknown id is refused by name
  const two = await t.as('province-officer')(BY_UNIT, { asOf, ids: ['staff_total', 'exec_committee_filled'] });
  expect(two.data.situationReportByUnit.units[0].figures.map((x: { metricId: string }) => x.metricId)).toEqual(['staff_total', 'exec_committee_filled']);
  const unknown = await t.as('province-officer')(BY_UNIT, { asOf, ids: ['no_such_metric'] });
  expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'metricIds' }] });
}, 60_000);

test('the viewer gets the minority counts but not the people behind them; seat figures drill to units only', async () => {
  const viewer = t.as('viewer');
  const report = await viewer(REPORT, { asOf });
  expect(report.errors).toBeUndefined();
  for (const id of MINORITY_IDS) {
    expect(report.data.situationReport.figures.find((f: Figure) => f.metricId === id).count).toBe(SECTION_1_FIGURES.find((f) => f.id === id)!.count);
    const res = await viewer(PEOPLE, { m: id, asOf, first: 5 });
    expect(res.data).toBeNull();
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', permission: 'personnel.read_sensitive' });
  }
  // other drill-downs are open to the viewer
  const women = await viewer(PEOPLE, { m: 'cbcc_women', asOf, first: 1 });
  expect(women.errors).toBeUndefined();
  expect(women.data.situationReportPeople.totalCount).toBe(SECTION_1_FIGURES.find((f) => f.id === 'cbcc_women')!.count);

  for (const id of ['exec_committee_filled', 'staff_shortfall', 'party_secretary_women', 'commune_level_units']) {
    const res = await t.as('province-officer')(PEOPLE, { m: id, asOf, first: 5 });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'metricId' }] });
    expect(res.errors?.[0].message).toContain(id);
  }
});

test('bad reference dates and unknown units are refused clearly', async () => {
  const officer = t.as('province-officer');
  const early = await officer(REPORT, { asOf: '2025-06-30' });
  expect(early.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'asOf', code: 'OUT_OF_RANGE' }] });
  const future = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
  const late = await officer(REPORT, { asOf: future });
  expect(late.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'asOf' }] });
  const unknown = await officer(REPORT, { asOf, unitId: '00000000-0000-4000-8000-000000000000' });
  expect(unknown.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  const metric = await officer(PEOPLE, { m: 'no_such_metric', asOf });
  expect(metric.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'metricId' }] });
});
