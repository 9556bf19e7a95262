import { TargetId, TargetStatus } from '@canbo/shared';
import { bootTestApp, TestApp } from './harness';
import { seedTargetFixture, TargetFixture } from './target-fixture';
import { expectBadInput, expectErrorCode } from './helpers';

/**
 * The five targets, their statuses, the per-unit values and the frozen snapshots, on a small dataset with known
 * answers (target-fixture.ts: two units of seven people, an empty unit), as of the baseline date and later; the
 * rule data's checks; the population shares target 5 reads.
 */
let t: TestApp;
let unitA: string;
let unitB: string;
let unitEmpty: string;
const baseline = '2025-10-01';

const TARGETS = `query($asOf: LocalDate, $unitId: ID) {
  targets(asOf: $asOf, unitId: $unitId) {
    asOf unitId unitName baselineDate deadline ratingYear minorityTolerancePoints
    targets { targetId number name count base value target gap baseline expected status }
    rules { key versionLabel validFrom validTo }
  }
}`;
const BY_UNIT = `query($asOf: LocalDate) {
  targetsByUnit(asOf: $asOf) { asOf units { unitId unitName committeeMinorityShare populationMinorityShare targets { targetId count base value status } } }
}`;
const ADD_RULE = `mutation($input: AddRuleSettingVersionInput!) { addRuleSettingVersion(input: $input) { key validFrom } }`;
const FREEZE = `mutation($input: CreateReportSnapshotInput!) { createReportSnapshot(input: $input) { id kind year asOf label createdByName rules { key validFrom } } }`;
const FROZEN = `query($id: ID!, $unitId: ID) {
  reportSnapshot(id: $id, unitId: $unitId) { unitId unitName snapshot { id asOf } figures { metricId count base percent } targets { targetId count base value status } }
}`;
const TARGETS_BASELINE = `query($asOf: LocalDate) { targets(asOf: $asOf) { baselineSnapshotId targets { targetId count base value baseline status } } }`;
const TREND = `query($unitId: ID) { targetTrend(unitId: $unitId) { year asOf targets { targetId count base value status } } }`;

interface Target {
  targetId: TargetId;
  count: number;
  base: number;
  value: number | null;
  target: number;
  gap: number | null;
  baseline: number | null;
  expected: number | null;
  status: TargetStatus;
}

/** by the GraphQL name of the target id (RATED_GOOD, ...) */
const byId = <T extends { targetId: string }>(xs: T[]) => Object.fromEntries(xs.map((x) => [x.targetId, x])) as Record<keyof typeof TargetId, T>;

let fixture: TargetFixture;

beforeAll(async () => {
  t = await bootTestApp();
  fixture = await seedTargetFixture(t.ds, t.communeUnitId);
  ({ unitA, unitB, unitEmpty } = fixture);
}, 120_000);
afterAll(async () => {
  await t?.close();
});

test('the province’s targets as of the baseline date: known counts, values, gaps; on track at the baseline', async () => {
  const res = await t.as('province-officer')(TARGETS, { asOf: baseline });
  expect(res.errors).toBeUndefined();
  const r = res.data.targets;
  expect(r).toMatchObject({ asOf: baseline, unitId: null, baselineDate: baseline, deadline: '2030-12-31', ratingYear: 2024, minorityTolerancePoints: 2 });
  expect(r.rules.map((x: { key: string }) => x.key).sort()).toEqual(['KEY_LEADERSHIP_TITLES', 'POLITICAL_THEORY_STANDARD', 'TARGETS']);
  expect(r.targets.map((x: Target) => x.targetId)).toEqual(Object.keys(TargetId));
  const v = byId<Target>(r.targets);
  // (1) rated 2024: p1, p2, p3, p6, p7; good or better: p1, p2, p6
  expect(v.RATED_GOOD).toMatchObject({ count: 3, base: 5, value: 60, target: 95, gap: 35, baseline: 60, expected: 60, status: 'ON_TRACK' });
  // (2) standards: p1 advanced (key) ok, p2 intermediate ok, p3 intermediate (manager) missing, p4 none, p6 advanced (key) missing, p7 intermediate ok (bachelor)
  expect(v.THEORY_STANDARD).toMatchObject({ count: 3, base: 5, value: 60, target: 100, status: 'ON_TRACK' });
  // (2) standing committee: p1 master, p6 bachelor
  expect(v.STANDING_POSTGRADUATE).toMatchObject({ count: 1, base: 2, value: 50, target: 50, gap: 0, status: 'MET' });
  // (3) digital skills by the date: p1, p3 (p4's course begins after it) of p1, p2, p3, p4, p6, p7
  expect(v.DIGITAL_SKILLS).toMatchObject({ count: 2, base: 6, value: 33.3, target: 100, gap: 66.7, status: 'ON_TRACK' });
  // (4) key-title holders: p1 (35), p6 (50)
  expect(v.YOUNG_KEY_TITLES).toMatchObject({ count: 1, base: 2, value: 50, target: 10, status: 'MET' });
  // (5) committees within 2 points of the population: A yes, B no
  expect(v.COMMITTEE_MINORITY).toMatchObject({ count: 1, base: 2, value: 50, target: 100, status: 'ON_TRACK' });
});

test('later, the same values fall below the straight line to the targets: at risk; met targets stay met', async () => {
  const v = byId<Target>((await t.as('province-officer')(TARGETS, { asOf: '2026-07-01' })).data.targets.targets);
  // 273 of 1917 days from the baseline to the deadline: 60 + 35 × 273/1917 = 65.0
  expect(v.RATED_GOOD).toMatchObject({ value: 60, baseline: 60, expected: 65, status: 'AT_RISK' });
  expect(v.YOUNG_KEY_TITLES.status).toBe('MET');
  expect(v.STANDING_POSTGRADUATE.status).toBe('MET');
  // p5 is in post now, p4's course has begun: (3) counts 3 of 7 = 42.9, just above the line (33.3 + 66.7 × 273/1917 = 42.8)
  expect(v.DIGITAL_SKILLS).toMatchObject({ count: 3, base: 7, value: 42.9, baseline: 33.3, expected: 42.8, status: 'ON_TRACK' });
});

test('per unit: the seconded person counts at home, the empty unit has no data (never 0%), target 5 compares the shares', async () => {
  const res = await t.as('province-officer')(BY_UNIT, { asOf: baseline });
  expect(res.errors).toBeUndefined();
  const units = new Map(res.data.targetsByUnit.units.map((u: { unitId: string }) => [u.unitId, u])) as Map<string, any>;
  const a = units.get(unitA);
  const b = units.get(unitB);
  const empty = units.get(unitEmpty);
  expect(byId<Target>(a.targets).RATED_GOOD).toMatchObject({ count: 2, base: 3, value: 66.7 });
  expect(byId<Target>(a.targets).DIGITAL_SKILLS).toMatchObject({ count: 2, base: 4, value: 50 });
  expect(byId<Target>(b.targets).RATED_GOOD).toMatchObject({ count: 1, base: 2, value: 50 });
  expect(byId<Target>(b.targets).THEORY_STANDARD).toMatchObject({ count: 1, base: 2 });
  expect(a).toMatchObject({ committeeMinorityShare: 50, populationMinorityShare: 50 });
  expect(byId<Target>(a.targets).COMMITTEE_MINORITY).toMatchObject({ count: 1, base: 1, value: 100, status: 'MET' });
  expect(b).toMatchObject({ committeeMinorityShare: 0, populationMinorityShare: 10 });
  expect(byId<Target>(b.targets).COMMITTEE_MINORITY).toMatchObject({ count: 0, base: 1, value: 0, status: 'AT_RISK' });
  for (const x of empty.targets) expect(x).toMatchObject({ count: 0, base: 0, value: null, status: 'NO_DATA' });
  expect(empty).toMatchObject({ committeeMinorityShare: null });
});

test('the commune officer sees only their unit; another unit is not found', async () => {
  const officer = t.as('commune-organisation-officer');
  const res = await officer(BY_UNIT, { asOf: baseline });
  expect(res.data.targetsByUnit.units.map((u: { unitId: string }) => u.unitId)).toEqual([unitA]);
  const own = await officer(TARGETS, { asOf: baseline });
  expect(byId<Target>(own.data.targets.targets).RATED_GOOD).toMatchObject({ count: 2, base: 3 });
  expectErrorCode(await officer(TARGETS, { asOf: baseline, unitId: unitB }), 'NOT_FOUND');
});

test('bad input: dates in the future or before 2025-07-01; targets outside 0–100%, a negative tolerance: nothing saved', async () => {
  expectBadInput(await t.as('province-officer')(TARGETS, { asOf: '2099-01-01' }), 'asOf');
  expectBadInput(await t.as('province-officer')(TARGETS, { asOf: '2025-06-30' }), 'asOf');
  const [{ value }] = await t.ds.query(`SELECT value FROM rule_setting WHERE key = 'TARGETS'`);
  const add = (v: unknown) => t.gql(ADD_RULE, { input: { key: 'TARGETS', versionLabel: 'Thử', validFrom: '2026-01-01', value: v } });
  expect(expectBadInput(await add({ ...value, targets: { ...value.targets, rated_good: 120 } }), 'value').message).toMatch(/rated_good.*0 đến 100/);
  expect(expectBadInput(await add({ ...value, minorityTolerancePoints: -1 }), 'value').message).toMatch(/minorityTolerancePoints/);
  const std = { keyTitles: 'HIGH', standingCommittee: null, cadresAndCivilServants: null, publicEmployeeManagers: null, publicEmployees: null };
  const res = await t.gql(ADD_RULE, { input: { key: 'POLITICAL_THEORY_STANDARD', versionLabel: 'Thử', validFrom: '2026-01-01', value: std } });
  expect(expectBadInput(res, 'value').message).toMatch(/keyTitles/);
  const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM rule_setting WHERE key IN ('TARGETS', 'POLITICAL_THEORY_STANDARD')`);
  expect(n).toBe(2);
});

test('a frozen snapshot reads the same after records change; yearly snapshots make the trend', async () => {
  const frozen = await t.as('province-officer')(FREEZE, { input: { asOf: baseline, label: 'Số liệu sơ kết' } });
  expect(frozen.errors).toBeUndefined();
  const snap = frozen.data.createReportSnapshot;
  expect(snap).toMatchObject({ kind: 'ON_DEMAND', year: null, asOf: baseline, label: 'Số liệu sơ kết' });
  expect(snap.createdByName).toBeTruthy();
  expect(snap.rules.map((r: { key: string }) => r.key).sort()).toEqual(['KEY_LEADERSHIP_TITLES', 'POLITICAL_THEORY_STANDARD', 'TARGETS']);
  const before = (await t.as('province-officer')(FROZEN, { id: snap.id })).data.reportSnapshot;
  const staff = before.figures.find((f: { metricId: string }) => f.metricId === 'staff_total');
  expect(staff.count).toBe(6);
  expect(byId<Target>(before.targets).RATED_GOOD).toMatchObject({ count: 3, base: 5 });

  // records change: p4 is rated good in 2024 (a late entry), a new person joins A from July 2025
  const [{ id: p4 }] = await t.ds.query(`SELECT id FROM person WHERE full_name = 'Trần Văn Bốn'`);
  await fixture.entry(p4, 'RATING', { year: 2024, rating: 'GOOD' });
  await fixture.person('Huỳnh Văn Tám', { unit: unitA, category: 'CADRE', born: '1991-08-08' });
  const live = byId<Target>((await t.as('province-officer')(TARGETS, { asOf: baseline })).data.targets.targets);
  expect(live.RATED_GOOD).toMatchObject({ count: 4, base: 6 });
  const after = (await t.as('province-officer')(FROZEN, { id: snap.id })).data.reportSnapshot;
  expect(after).toEqual(before);
  // a frozen row cannot be changed, even by the owner
  await expect(t.ds.query(`UPDATE report_snapshot SET label = 'x' WHERE id = $1`, [snap.id])).rejects.toThrow(/frozen/);

  // the commune officer reads their unit of it only; the province needs a province-wide scope
  const unit = await t.as('commune-organisation-officer')(FROZEN, { id: snap.id });
  expect(unit.data.reportSnapshot).toMatchObject({ unitId: unitA });
  expect(byId<Target>(unit.data.reportSnapshot.targets).RATED_GOOD).toMatchObject({ count: 2, base: 3 });
  expectErrorCode(await t.as('commune-organisation-officer')(FROZEN, { id: snap.id, unitId: unitB }), 'NOT_FOUND');
  // freezing needs report.snapshot
  expectErrorCode(await t.as('viewer')(FREEZE, { input: { asOf: baseline, label: 'x' } }), 'FORBIDDEN');
  expectBadInput(await t.as('province-officer')(FREEZE, { input: { asOf: '2099-01-01', label: 'x' } }), 'asOf');

  // yearly: 2025 is due on 31/12/2025 (frozen once), 2026 not before 31/12/2026
  const service = t.app.get((await import('../src/modules/report-snapshot/report-snapshot.service')).ReportSnapshotService);
  expect(await service.ensureYearly('2026-11-28')).toEqual([2025]);
  expect(await service.ensureYearly('2026-11-28')).toEqual([]);
  // with it, the baseline (01/10/2025) was frozen: later corrections of 2025 no longer move the targets' lines
  const [baselineSnapshot] = await t.ds.query(`SELECT id, to_char(as_of, 'YYYY-MM-DD') AS as_of FROM report_snapshot WHERE kind = 'BASELINE'`);
  expect(baselineSnapshot.as_of).toBe(baseline);
  const [{ id: p8 }] = await t.ds.query(`SELECT id FROM person WHERE full_name = 'Huỳnh Văn Tám'`);
  await fixture.entry(p8, 'RATING', { year: 2024, rating: 'GOOD' });
  const later = (await t.as('province-officer')(TARGETS_BASELINE, { asOf: '2026-07-01' })).data.targets;
  expect(later.baselineSnapshotId).toBe(baselineSnapshot.id);
  expect(byId<Target>(later.targets).RATED_GOOD).toMatchObject({ count: 5, base: 7, value: 71.4, baseline: 66.7 });
  const unitLater = (await t.as('commune-organisation-officer')(TARGETS_BASELINE, { asOf: '2026-07-01' })).data.targets;
  expect(unitLater.baselineSnapshotId).toBe(baselineSnapshot.id);
  // A's frozen baseline: p1, p2, p4 good of p1–p4 rated; now Tám too
  expect(byId<Target>(unitLater.targets).RATED_GOOD).toMatchObject({ count: 4, base: 5, baseline: 75 });
  const trend = (await t.as('province-officer')(TREND, {})).data.targetTrend;
  expect(trend.map((p: { year: number; asOf: string }) => [p.year, p.asOf])).toEqual([[2025, '2025-12-31']]);
  expect(byId<Target>(trend[0].targets).RATED_GOOD).toMatchObject({ count: 4, base: 6 });
  const unitTrend = (await t.as('commune-organisation-officer')(TREND, {})).data.targetTrend;
  expect(byId<Target>(unitTrend[0].targets).RATED_GOOD).toMatchObject({ count: 3, base: 4 });
});

test('an admin enters a unit’s population share from a date; target 5 reads the version in force; bad shares are refused', async () => {
  const ADD = `mutation($input: AddUnitPopulationInput!) { addUnitPopulation(input: $input) { id unitId validFrom validTo population ethnicMinorityShare source } }`;
  const HISTORY = `query($unitId: ID!) { unitPopulations(unitId: $unitId) { validFrom validTo population ethnicMinorityShare source } }`;
  const input = { unitId: unitB, validFrom: '2026-01-01', population: 15200, ethnicMinorityShare: 1.25, source: 'Niên giám thống kê 2025' };
  for (const [field, value] of [
    ['ethnicMinorityShare', 120],
    ['ethnicMinorityShare', -1],
    ['ethnicMinorityShare', 1.255],
    ['population', -5],
  ] as const) {
    expectBadInput(await t.gql(ADD, { input: { ...input, [field]: value } }), field);
  }
  expectBadInput(await t.gql(ADD, { input: { ...input, validFrom: '2024-12-31' } }), 'validFrom');
  expectErrorCode(await t.as('viewer')(ADD, { input }), 'FORBIDDEN');
  expectErrorCode(await t.as('commune-organisation-officer')(ADD, { input }), 'NOT_FOUND');
  const added = await t.gql(ADD, { input });
  expect(added.errors).toBeUndefined();
  expect(added.data.addUnitPopulation).toMatchObject({ validFrom: '2026-01-01', validTo: null, population: 15200, ethnicMinorityShare: 1.25 });
  const history = (await t.as('province-officer')(HISTORY, { unitId: unitB })).data.unitPopulations;
  expect(history.map((h: { validFrom: string; validTo: string | null }) => [h.validFrom, h.validTo])).toEqual([
    ['2026-01-01', null],
    ['2025-01-01', '2026-01-01'],
  ]);
  // B's committee (0% minority) is now within 2 points of 1.25%; before 2026 it was not
  const units = async (asOf: string) =>
    new Map((await t.as('province-officer')(BY_UNIT, { asOf })).data.targetsByUnit.units.map((u: { unitId: string }) => [u.unitId, u])) as Map<string, any>;
  expect(byId<Target>((await units('2026-02-01')).get(unitB).targets).COMMITTEE_MINORITY).toMatchObject({ count: 1, base: 1, status: 'MET' });
  expect(byId<Target>((await units('2025-12-01')).get(unitB).targets).COMMITTEE_MINORITY).toMatchObject({ count: 0, base: 1, status: 'AT_RISK' });
  const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM audit_log WHERE operation = 'addUnitPopulation'`);
  expect(n).toBe(2);
});
