import { ADDITIONAL_METRIC_IDS, METRIC_DEFINITIONS, metricPercent, SECTION_1_FIGURES, SECTION_1_REFERENCE_DATE } from '@canbo/shared';
import { loadDemoProvince } from '../src/modules/demo/demo.loader';
import { drillsToPeople } from '../src/modules/report/report.service';
import { bootTestApp, GqlResult, TestApp } from './harness';

/**
 * The situation report over GraphQL on the demo province (loaded once): the province report is section I as listed
 * in docs/section-1-figures.md, then the additional figures; every figure counting people or seats held drills down
 * to exactly as many rows, province-wide and in one unit; per-unit rows add up to the province; the commune officer
 * sees only their unit; ethnicity drill-downs need personnel.read_sensitive.
 */
let t: TestApp;
const asOf = SECTION_1_REFERENCE_DATE;
const PEOPLE_IDS = METRIC_DEFINITIONS.filter((d) => drillsToPeople(d)).map((d) => d.id);
const MINORITY_IDS = ['cbcc_minority', 'pe_minority', 'exec_committee_minority', 'standing_committee_minority'];

const REPORT = `query($asOf: LocalDate, $unitId: ID, $sectionOneOnly: Boolean) {
  situationReport(asOf: $asOf, unitId: $unitId, sectionOneOnly: $sectionOneOnly) { asOf unitId unitName rules { key versionLabel validFrom validTo } figures { metricId name kind count base percent drillsToPeople sectionOne } }
}`;
const BY_UNIT = `query($asOf: LocalDate, $ids: [String!]) {
  situationReportByUnit(asOf: $asOf, metricIds: $ids) { asOf units { unitId unitName figures { metricId count base percent } } }
}`;
const PEOPLE = `query($m: String!, $asOf: LocalDate, $unitId: ID, $first: Int, $after: String) {
  situationReportPeople(metricId: $m, asOf: $asOf, unitId: $unitId, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { personId fullName unitId unitName seatId seatName } }
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
  sectionOne: boolean;
}

/** Each figure's count summed over the per-unit rows (the scope's whole figure). */
async function countsByUnit(ask: ReturnType<TestApp['as']>, ids: string[], unitId?: string): Promise<Map<string, number>> {
  const res = await ask(BY_UNIT, { asOf, ids });
  expect(res.errors).toBeUndefined();
  const counts = new Map<string, number>();
  for (const u of res.data.situationReportByUnit.units as { unitId: string; figures: { metricId: string; count: number }[] }[]) {
    if (unitId && u.unitId !== unitId) continue;
    for (const f of u.figures) counts.set(f.metricId, (counts.get(f.metricId) ?? 0) + f.count);
  }
  return counts;
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
  // section I first, in its order, then the additional figures in theirs (specialists only of fields with an establishment)
  const ids = report.figures.map((f: Figure) => f.metricId);
  expect(ids.slice(0, SECTION_1_FIGURES.length)).toEqual(SECTION_1_FIGURES.map((f) => f.id));
  expect(report.figures.map((f: Figure) => f.sectionOne)).toEqual(ids.map((_: string, i: number) => i < SECTION_1_FIGURES.length));
  expect(ids.slice(SECTION_1_FIGURES.length)).toEqual(ADDITIONAL_METRIC_IDS.filter((id) => ids.includes(id)));
  for (const id of ['cadre_total', 'cadre_shortfall', 'civil_servant_total', 'civil_servant_shortfall', 'pe_shortfall', 'specialists_land_management', 'specialists_land_management_shortfall']) {
    expect(ids).toContain(id);
  }
  // the default establishment has no justice specialists: not reported
  expect(ids).not.toContain('specialists_justice');
  const fig = (id: string): Figure => report.figures.find((x: Figure) => x.metricId === id);
  expect(fig('cadre_total').count + fig('civil_servant_total').count).toBe(fig('cbcc_total').count);
  expect(fig('cadre_total').base! + fig('civil_servant_total').base!).toBe(fig('cbcc_total').base);
  for (const c of ['cadre', 'civil_servant', 'pe']) expect(fig(`${c}_shortfall`).count).toBe(fig(`${c}_total`).base! - fig(`${c}_total`).count);
  const land = fig('specialists_land_management');
  expect(land.base).toBe(102 * 3);
  expect(land.count).toBeGreaterThan(0);
  expect(fig('specialists_land_management_shortfall')).toMatchObject({ count: land.base! - land.count, base: land.base, drillsToPeople: false });
  const only = await t.as('province-officer')(REPORT, { asOf, sectionOneOnly: true });
  expect(only.data.situationReport.figures.map((f: Figure) => f.metricId)).toEqual(SECTION_1_FIGURES.map((f) => f.id));
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
  expect(report.figures.find((x: Figure) => x.metricId === 'exec_committee_filled')).toMatchObject({ kind: 'SEATS', drillsToPeople: true });
  expect(report.figures.find((x: Figure) => x.metricId === 'staff_shortfall')).toMatchObject({ drillsToPeople: false });
});

test('every figure counting people or seats held drills down, province-wide, to exactly as many rows as it counts', async () => {
  // staff, committee and title figures of section I, the per-category and specialist figures
  expect(PEOPLE_IDS.length).toBeGreaterThanOrEqual(50);
  for (const id of ['exec_committee_filled', 'standing_committee_young', 'key_titles_women', 'mass_org_head_theory_advanced', 'cadre_total', 'specialists_accounting']) {
    expect(PEOPLE_IDS).toContain(id);
  }
  const province = t.as('province-officer');
  const counts = await countsByUnit(province, PEOPLE_IDS);
  for (const id of PEOPLE_IDS) {
    const listed = SECTION_1_FIGURES.find((f) => f.id === id);
    if (listed) expect({ id, count: counts.get(id) }).toEqual({ id, count: listed.count });
    const res = await province(PEOPLE, { m: id, asOf, first: 1 });
    expect(res.errors).toBeUndefined();
    expect({ id, totalCount: res.data.situationReportPeople.totalCount }).toEqual({ id, totalCount: counts.get(id) });
  }
  // seat rows name the seat; staff rows do not
  const seat = await province(PEOPLE, { m: 'party_secretary_women', asOf, first: 3 });
  for (const e of seat.data.situationReportPeople.edges) expect(e.node).toMatchObject({ seatId: expect.any(String), seatName: expect.stringMatching(/Bí thư/i) });
  const exec = await province(PEOPLE, { m: 'exec_committee_women', asOf, first: 1 });
  expect(exec.data.situationReportPeople.edges[0].node.seatName).toBeTruthy();
  const staff = await province(PEOPLE, { m: 'cbcc_women', asOf, first: 1 });
  expect(staff.data.situationReportPeople.edges[0].node).toMatchObject({ seatId: null, seatName: null });
}, 180_000);

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

  // every people or seat figure of the unit drills down to as many rows, all of the unit
  const unitCounts = await countsByUnit(officer, PEOPLE_IDS, t.communeUnitId);
  for (const id of PEOPLE_IDS) {
    const res = await officer(PEOPLE, { m: id, asOf, unitId: t.communeUnitId, first: 1 });
    expect(res.errors).toBeUndefined();
    const reported = one.data.situationReport.figures.find((f: Figure) => f.metricId === id);
    if (reported) expect({ id, count: reported.count }).toEqual({ id, count: unitCounts.get(id) });
    expect({ id, totalCount: res.data.situationReportPeople.totalCount }).toEqual({ id, totalCount: unitCounts.get(id) });
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
}, 180_000);

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

test('the viewer gets the minority counts but not the people behind them; posts, planned seats and shortfalls drill to units only', async () => {
  const viewer = t.as('viewer');
  const report = await viewer(REPORT, { asOf });
  expect(report.errors).toBeUndefined();
  for (const id of MINORITY_IDS) {
    expect(report.data.situationReport.figures.find((f: Figure) => f.metricId === id).count).toBe(SECTION_1_FIGURES.find((f) => f.id === id)!.count);
    expect(report.data.situationReport.figures.find((f: Figure) => f.metricId === id).drillsToPeople).toBe(true);
    const res = await viewer(PEOPLE, { m: id, asOf, first: 5 });
    expect(res.data).toBeNull();
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', permission: 'personnel.read_sensitive' });
  }
  // other drill-downs are open to the viewer
  const women = await viewer(PEOPLE, { m: 'cbcc_women', asOf, first: 1 });
  expect(women.errors).toBeUndefined();
  expect(women.data.situationReportPeople.totalCount).toBe(SECTION_1_FIGURES.find((f) => f.id === 'cbcc_women')!.count);

  // the province officer may list the minority members of a committee
  const minority = await t.as('province-officer')(PEOPLE, { m: 'exec_committee_minority', asOf, first: 1 });
  expect(minority.errors).toBeUndefined();
  expect(minority.data.situationReportPeople.totalCount).toBe(SECTION_1_FIGURES.find((f) => f.id === 'exec_committee_minority')!.count);

  for (const id of ['staff_shortfall', 'cadre_shortfall', 'pe_shortfall', 'specialists_land_management_shortfall', 'commune_level_units']) {
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

const TARGETS = `query($asOf: LocalDate, $unitId: ID) {
  targets(asOf: $asOf, unitId: $unitId) { ratingYear targets { targetId count base value target gap baseline expected status } }
}`;
const TARGETS_BY_UNIT = `query($asOf: LocalDate) { targetsByUnit(asOf: $asOf) { units { unitId targets { targetId count base value status } } } }`;

test('the five targets on the demo province: bases agree with section I, units add up to the province, a frozen snapshot equals the live answers', async () => {
  const officer = t.as('province-officer');
  const [targets, byUnit, report] = await Promise.all([
    officer(TARGETS, { asOf }),
    officer(TARGETS_BY_UNIT, { asOf }),
    officer(REPORT, { asOf, sectionOneOnly: true }),
  ]);
  expect(targets.errors).toBeUndefined();
  const figure = (id: string) => report.data.situationReport.figures.find((f: Figure) => f.metricId === id) as Figure;
  const v = Object.fromEntries(targets.data.targets.targets.map((x: { targetId: string }) => [x.targetId, x])) as Record<string, any>;
  expect(targets.data.targets.ratingYear).toBe(2024);
  // the bases: everyone in post (3), the cadres and civil servants (2: no public employee of the demo holds a title),
  // the seated standing-committee members (2b), the 102 units (5)
  expect(v.DIGITAL_SKILLS.base).toBe(figure('staff_total').count);
  expect(v.THEORY_STANDARD.base).toBe(figure('cbcc_total').count);
  expect(v.STANDING_POSTGRADUATE.base).toBe(figure('standing_committee_filled').count);
  expect(v.COMMITTEE_MINORITY.base).toBe(102);
  // on the baseline date every value is its own baseline: met or on track, never at risk
  for (const x of Object.values(v)) {
    expect(x.base).toBeGreaterThan(0);
    expect(x.baseline).toBe(x.value);
    expect(['MET', 'ON_TRACK']).toContain(x.status);
  }
  // per unit, the measures counted once per person add up to the province
  const units = byUnit.data.targetsByUnit.units as { targets: { targetId: string; count: number; base: number }[] }[];
  expect(units).toHaveLength(102);
  for (const id of ['RATED_GOOD', 'THEORY_STANDARD', 'DIGITAL_SKILLS', 'STANDING_POSTGRADUATE', 'COMMITTEE_MINORITY']) {
    const sum = (k: 'count' | 'base') => units.reduce((n, u) => n + u.targets.find((x) => x.targetId === id)![k], 0);
    expect([id, sum('count'), sum('base')]).toEqual([id, v[id].count, v[id].base]);
  }

  // a snapshot of the same date holds the same figures and targets
  const frozen = await officer(`mutation($i: CreateReportSnapshotInput!) { createReportSnapshot(input: $i) { id } }`, {
    i: { asOf, label: 'Số liệu theo Nghị quyết' },
  });
  const snapshot = await officer(
    `query($id: ID!) { reportSnapshot(id: $id) { figures { metricId count base percent } targets { targetId count base value status } } }`,
    { id: frozen.data.createReportSnapshot.id },
  );
  const live = await officer(REPORT, { asOf });
  expect(snapshot.data.reportSnapshot.figures).toEqual(
    live.data.situationReport.figures.map((f: Figure) => ({ metricId: f.metricId, count: f.count, base: f.base, percent: f.percent })),
  );
  expect(snapshot.data.reportSnapshot.targets).toEqual(
    targets.data.targets.targets.map((x: any) => ({ targetId: x.targetId, count: x.count, base: x.base, value: x.value, status: x.status })),
  );
});
