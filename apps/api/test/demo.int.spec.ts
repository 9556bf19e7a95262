import { METRIC_DEFINITIONS, MetricValue, SECTION_1_FIGURES, SECTION_1_REFERENCE_DATE } from '@canbo/shared';
import { createHash } from 'node:crypto';
import { Scope } from '../src/core/permissions/scope';
import { demoUsername, ensureDemoAccounts } from '../src/modules/demo/demo.accounts';
import { DemoData, generateDemoProvince } from '../src/modules/demo/demo.generator';
import { defaultDemoInput } from '../src/modules/demo/demo.input';
import { DemoLoadResult, loadDemoProvince } from '../src/modules/demo/demo.loader';
import { MetricService } from '../src/modules/metric/metric.service';
import { PersonRecordsService, TitleGrant } from '../src/modules/person/person-records.service';
import { bootTestApp, TestApp } from './harness';

/**
 * The demo province: loaded once (1×) into the test database, every figure of docs/section-1-figures.md computed
 * from the database by the shared definitions (MetricService, reference date fixed) equals the listed value; the
 * generator is deterministic, and --scale 2 doubles the people but not the units.
 */
let t: TestApp;
let load: DemoLoadResult;
let values: Map<string, MetricValue>;
let metrics: MetricService;
const asOf = SECTION_1_REFERENCE_DATE;
let oneTimes: DemoData | null = null;
/** the 1× province generated in memory (once) */
const generated = () => (oneTimes ??= generateDemoProvince(defaultDemoInput()));

/** A digest of every generated row, table by table, in order. */
function digest(data: Pick<DemoData, 'people' | 'assignments' | 'records' | 'entries' | 'establishment' | 'population'>): string {
  const hash = createHash('sha256');
  for (const table of ['people', 'assignments', 'records', 'entries', 'establishment', 'population'] as const) {
    hash.update(`#${table}`);
    for (const row of data[table]) hash.update(JSON.stringify(row));
  }
  return hash.digest('hex');
}

beforeAll(async () => {
  t = await bootTestApp();
  load = await loadDemoProvince(t.ds);
  metrics = t.app.get(MetricService);
  const computed = await metrics.compute(
    METRIC_DEFINITIONS.map((d) => d.id),
    { asOf, scope: Scope.everything() },
  );
  values = new Map(computed.map((v) => [v.id, v]));
}, 180_000);
afterAll(async () => {
  await t?.close();
});

// its time (under a minute asked) is a figure of `npm run bench` (section excel) and of `npm start`, not a timed test
test('the 1× province loads in bulk, as one audited operation', async () => {
  expect(load.loaded).toBe(true);
  expect(load.people).toBeGreaterThan(47_557);
  const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM audit_log WHERE operation = 'seed' AND entity = 'person'`);
  expect(n).toBe(1);
  const [{ people }] = await t.ds.query(`SELECT count(*)::int AS people FROM person`);
  expect(people).toBe(load.people);
});

test.each(SECTION_1_FIGURES.map((f) => [f.id, f] as const))('%s, computed from the database, is the listed value', (id, figure) => {
  expect(values.get(id)).toEqual({ id, count: figure.count, base: figure.base });
});

test('the database holds the generated people, and the units their population shares', async () => {
  const ids: { national_id: string }[] = await t.ds.query(`SELECT national_id FROM person ORDER BY national_id`);
  expect(ids.map((r) => r.national_id)).toEqual(generated().people.map((p) => p.nationalId).sort());
  const [population] = await t.ds.query(
    `SELECT count(*)::int AS units, min(ethnic_minority_share)::float AS low, max(ethnic_minority_share)::float AS high
       FROM unit_population p JOIN unit u ON u.id = p.unit_id WHERE u.kind IN ('COMMUNE', 'WARD', 'SPECIAL_ZONE')`,
  );
  expect(population.units).toBe(102);
  expect(population.low).toBeLessThan(0.01);
  expect(population.high).toBeGreaterThan(0.5);
});

test('the generator is deterministic: two runs give the same people, records and entries', () => {
  const first = digest(generated());
  expect(digest(generateDemoProvince(defaultDemoInput()))).toBe(first);
  // the digest sees a change of one value
  const changed = { ...generated(), people: generated().people.map((p, i) => (i === 100 ? { ...p, birthDate: '1980-01-01' } : p)) };
  expect(digest(changed)).not.toBe(first);
});

test('--scale 2 doubles the people, not the units, their establishment or the seats held', () => {
  const one = generated();
  const two = generateDemoProvince(defaultDemoInput(), { scale: 2 });
  expect(two.people.length).toBe(2 * one.people.length);
  expect(new Set(two.people.map((p) => p.nationalId)).size).toBe(two.people.length);
  expect(two.unitCodes).toEqual(one.unitCodes);
  expect(two.establishment).toEqual(one.establishment);
  // the first copy is the 1× province, seats included; the second holds no seat
  const first = {
    people: two.people.slice(0, one.people.length),
    assignments: two.assignments.slice(0, one.assignments.length),
    records: two.records.slice(0, one.records.length),
    entries: two.entries.slice(0, one.entries.length),
    establishment: two.establishment,
    population: two.population,
  };
  expect(digest(first)).toBe(digest(one));
  const seats = (d: DemoData) => d.records.filter((r) => r.kind === 'TITLE' || r.kind === 'COMMITTEE').length;
  expect(seats(two)).toBe(seats(one));
});

test('a loaded demo is not loaded again without a reset, and first start loads only into an empty database', async () => {
  expect(await loadDemoProvince(t.ds, { ifEmpty: true })).toMatchObject({ loaded: false });
  expect(await loadDemoProvince(t.ds)).toMatchObject({ loaded: false });
  const [{ people }] = await t.ds.query(`SELECT count(*)::int AS people FROM person`);
  expect(people).toBe(load.people);
});

test('figures follow the scope: a unit, the commune officer’s unit, and a category scope', async () => {
  const ids = ['staff_total', 'cbcc_women', 'exec_committee_filled', 'party_secretary_filled', 'commune_level_units'];
  const unit = await metrics.compute(ids, { asOf, unitId: t.communeUnitId, scope: Scope.everything() });
  const scoped = await metrics.compute(ids, { asOf, scope: new Scope([{ allUnits: false, unitIds: [t.communeUnitId], categories: null }]) });
  expect(scoped).toEqual(unit);
  expect(unit.find((v) => v.id === 'commune_level_units')!.count).toBe(1);
  expect(unit.find((v) => v.id === 'party_secretary_filled')).toEqual({ id: 'party_secretary_filled', count: 1, base: 1 });
  const [{ n }] = await t.ds.query(
    `SELECT count(*)::int AS n FROM person_assignment WHERE unit_id = $1 AND superseded_at IS NULL AND valid_from <= $2
        AND (valid_to IS NULL OR valid_to > $2) AND staff_category <> 'CONTRACT'`,
    [t.communeUnitId, asOf],
  );
  expect(unit.find((v) => v.id === 'staff_total')!.count).toBe(n);
  const cadres = await metrics.compute(['staff_total', 'cbcc_total'], { asOf, scope: new Scope([{ allUnits: true, unitIds: [], categories: ['CADRE' as never] }]) });
  expect(cadres[0].count).toBe(cadres[1].count);
  expect(cadres[0].count).toBeLessThan(values.get('cbcc_total')!.count);
  // before the units existed there is nothing to count
  expect(await metrics.compute(['staff_total'], { asOf: '2025-06-30', scope: Scope.everything() })).toEqual([{ id: 'staff_total', count: 0, base: 0 }]);
});

test('a new user meets a living province: search "nguyen van" province-wide; the commune officer sees one unit', async () => {
  const LIST = `query($search: String) { persons(first: 5, asOf: "${asOf}", filter: { search: $search }) { totalCount edges { node { fullName assignment { unitId jobPosition } } } } }`;
  const province = await t.as('province-officer')(LIST, { search: 'nguyen van' });
  expect(province.errors).toBeUndefined();
  expect(province.data.persons.totalCount).toBeGreaterThan(1000);
  const commune = await t.as('commune-organisation-officer')(LIST, { search: '' });
  expect(commune.errors).toBeUndefined();
  expect(commune.data.persons.totalCount).toBeGreaterThan(100);
  expect(commune.data.persons.totalCount).toBeLessThan(1000);
  for (const e of commune.data.persons.edges) expect(e.node.assignment.unitId).toBe(t.communeUnitId);
});

test('people have full files: the secretary of the commune officer’s unit with an earlier career, records and entries', async () => {
  const [secretary] = await t.ds.query(
    `SELECT r.person_id FROM person_record r JOIN title ti ON ti.id = r.title_id
      WHERE ti.code = 'party_secretary' AND r.unit_id = $1 AND r.superseded_at IS NULL`,
    [t.communeUnitId],
  );
  const FILE = `query($id: ID!) {
    person(id: $id, asOf: "${asOf}") { fullName assignment { jobPosition unitName bodyName } records(asOf: "${asOf}") { kind level } entries { kind year } }
    personTimeline(id: $id) { assignments { validFrom validTo jobPosition } }
  }`;
  const res = await t.as('commune-organisation-officer')(FILE, { id: secretary.person_id });
  expect(res.errors).toBeUndefined();
  const { person, personTimeline } = res.data;
  expect(person.assignment.unitName).toBe('Xã Mỹ Đức');
  expect(person.assignment.bodyName).toBe('Đảng ủy xã Mỹ Đức');
  const kinds = person.records.map((r: { kind: string }) => r.kind);
  for (const kind of ['TITLE', 'COMMITTEE', 'QUALIFICATION', 'POLITICAL_THEORY']) expect(kinds).toContain(kind);
  expect(person.entries.filter((e: { kind: string }) => e.kind === 'RATING').length).toBeGreaterThanOrEqual(1);
  expect(personTimeline.assignments.length).toBeGreaterThan(1);
  expect(personTimeline.assignments.some((a: { validFrom: string }) => a.validFrom < '2025-07-01')).toBe(true);
});

test("no unit's title has more holders than seats at any date (the edits' and the import's seat check holds for the demo)", async () => {
  const grants: TitleGrant[] = await t.ds.query(
    `SELECT unit_id AS "unitId", title_id AS "titleId", to_char(valid_from, 'YYYY-MM-DD') AS "validFrom", to_char(valid_to, 'YYYY-MM-DD') AS "validTo"
       FROM person_record WHERE kind = 'TITLE' AND superseded_at IS NULL`,
  );
  expect(grants.length).toBeGreaterThan(1000);
  const records = t.app.get(PersonRecordsService);
  await expect(t.ds.transaction((manager) => records.overfilledSeats(manager, grants))).resolves.toEqual([]);
});

test('demo accounts: one per seeded role, the commune officer scoped to one unit; created once', async () => {
  const accounts = await ensureDemoAccounts(t.ds);
  expect(accounts.map((a) => a.role).sort()).toEqual(
    ['commune_organisation_officer', 'integration_client', 'province_home_affairs_officer', 'province_officer', 'province_organisation_board_officer', 'viewer'],
  );
  for (const a of accounts) expect(a.secret).toBeTruthy();
  const officer = accounts.find((a) => a.role === 'commune_organisation_officer')!;
  expect(officer.scope).toBe('Xã Mỹ Đức');
  expect(accounts.find((a) => a.role === 'province_organisation_board_officer')!.scope).toBe('Toàn tỉnh (cán bộ)');
  const res = await fetch(`${t.baseUrl}/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: demoUsername('commune_organisation_officer'), password: officer.secret }),
  });
  const body = (await res.json()) as { accessToken?: string; mustChangePassword?: boolean };
  expect(body.accessToken).toBeTruthy();
  const again = await ensureDemoAccounts(t.ds);
  for (const a of again) expect(a.secret).toBeNull();
});
