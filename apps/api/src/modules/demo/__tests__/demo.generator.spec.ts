import {
  ageOn,
  evaluateMetric,
  isValidNationalId,
  KEY_LEADERSHIP_TITLES_DEFAULT,
  metricDefinition,
  PersonRecordKind,
  QualificationLevel,
  SECTION_1_FIGURES,
  StaffCategory,
  youngBirthCutoff,
} from '@canbo/shared';
import { personSearchText } from '../../person/person.service';
import { DEMO_REFERENCE_DATE, DemoData, generateDemoProvince } from '../demo.generator';
import { defaultDemoInput, demoMetricFacts } from '../demo.input';
import { apportion, Random } from '../demo.random';

/** The demo generator without a database: the figures of section I by the shared definitions, and realism checks. */
const input = defaultDemoInput();
let data: DemoData;
const asOf = DEMO_REFERENCE_DATE;
const inForce = (r: { validFrom: string; validTo: string | null }) => r.validFrom <= asOf && (r.validTo === null || r.validTo > asOf);

beforeAll(() => {
  data = generateDemoProvince(input);
});

test('every figure of section I, computed from the generated rows by the shared definitions, is the listed value', () => {
  const facts = demoMetricFacts(data, input, asOf);
  for (const f of SECTION_1_FIGURES) {
    expect(evaluateMetric(metricDefinition(f.id), facts)).toEqual({ id: f.id, count: f.count, base: f.base });
  }
});

test('identities are well formed: unique 12-digit national IDs of the province, search text as the API computes it', () => {
  const wrong = data.people.filter(
    (p) =>
      !isValidNationalId(p.nationalId) ||
      !p.nationalId.startsWith('089') ||
      p.searchText !== personSearchText(p.fullName, p.otherNames) ||
      ageOn(p.birthDate, p.startedWorkOn) < 18 ||
      p.startedWorkOn > asOf,
  );
  expect(wrong).toEqual([]);
  expect(new Set(data.people.map((p) => p.nationalId)).size).toBe(data.people.length);
  expect(new Set(data.people.map((p) => p.id)).size).toBe(data.people.length);
});

test('everyone has exactly one post in force on the reference date, after a career that began before it', () => {
  const byPerson = new Map<string, DemoData['assignments']>();
  for (const a of data.assignments) {
    const list = byPerson.get(a.personId) ?? [];
    if (!list.length) byPerson.set(a.personId, list);
    list.push(a);
  }
  const wrong: string[] = [];
  let withHistory = 0;
  for (const [personId, list] of byPerson) {
    if (list.filter(inForce).length !== 1) wrong.push(`${personId}: posts in force`);
    const sorted = [...list].sort((x, y) => (x.validFrom < y.validFrom ? -1 : 1));
    for (let i = 1; i < sorted.length; i++) if (sorted[i].validFrom < sorted[i - 1].validTo!) wrong.push(`${personId}: overlap`);
    for (const a of list) if (a.validTo && a.validTo <= a.validFrom) wrong.push(`${personId}: period`);
    if (list.length > 1) withHistory++;
  }
  expect(wrong).toEqual([]);
  expect(byPerson.size).toBe(data.people.length);
  expect(withHistory / data.people.length).toBeGreaterThan(0.5);
});

test('records of one stream never overlap, and every period is ordered', () => {
  const streams = new Map<string, { validFrom: string; validTo: string | null }[]>();
  const wrong: string[] = [];
  for (const r of data.records) {
    if (r.validTo && r.validTo <= r.validFrom) wrong.push(`${r.personId} ${r.kind}: period`);
    const stream = r.kind === PersonRecordKind.TITLE ? r.titleCode : r.kind === PersonRecordKind.COMMITTEE ? r.committee : '';
    const key = `${r.personId}|${r.kind}|${stream}`;
    const list = streams.get(key) ?? [];
    if (!list.length) streams.set(key, list);
    list.push(r);
  }
  for (const [key, list] of streams) {
    const sorted = [...list].sort((x, y) => (x.validFrom < y.validFrom ? -1 : 1));
    for (let i = 1; i < sorted.length; i++) if (sorted[i].validFrom < (sorted[i - 1].validTo ?? '9999-12-31')) wrong.push(`${key}: overlap`);
  }
  expect(wrong).toEqual([]);
});

test('the constraints of docs/section-1-figures.md hold: key leaders have a degree, few are young, staff within quotas', () => {
  const facts = demoMetricFacts(data, input, asOf);
  const keyHolders = new Set(
    data.records.filter((r) => r.kind === PersonRecordKind.TITLE && KEY_LEADERSHIP_TITLES_DEFAULT.value.titleCodes.includes(r.titleCode!)).map((r) => r.personId),
  );
  const degree = [QualificationLevel.BACHELOR, QualificationLevel.MASTER, QualificationLevel.DOCTORATE] as string[];
  for (const id of keyHolders) expect(degree).toContain(facts.people.get(id)!.qualification);
  const cutoff = youngBirthCutoff(asOf);
  const young = [...keyHolders].filter((id) => facts.people.get(id)!.birthDate > cutoff).length;
  expect(young / keyHolders.size).toBeLessThan(0.1);
  expect(young).toBeGreaterThan(0);

  // in post never above the approved posts of a unit and category
  const posts = new Map(data.establishment.filter((e) => e.itemKind === 'HEADCOUNT').map((e) => [`${e.unitCode}|${e.staffCategory}`, e.value]));
  const held = new Map<string, number>();
  for (const a of facts.assignments) held.set(`${a.unitId}|${a.staffCategory}`, (held.get(`${a.unitId}|${a.staffCategory}`) ?? 0) + 1);
  for (const [key, n] of held) if (posts.has(key)) expect(n).toBeLessThanOrEqual(posts.get(key)!);

  // the province's minority population share exceeds the committees' minority shares (F50)
  const population = data.population.reduce((s, p) => s + p.population, 0);
  const minority = data.population.reduce((s, p) => s + p.population * p.ethnicMinorityShare, 0);
  expect(minority / population).toBeGreaterThan(0.032);
});

test('ethnic minorities live where their communities are: Khmer areas hold more of them than elsewhere', () => {
  const share = new Map(data.population.map((p) => [p.unitCode, p.ethnicMinorityShare]));
  expect(share.get('xa-o-lam')!).toBeGreaterThan(0.5);
  expect(share.get('xa-my-duc')!).toBeLessThan(0.05);
  const minorityIds = new Set(data.people.filter((p) => p.ethnicityCode !== '01').map((p) => p.id));
  const perUnit = (code: string) => {
    const here = data.assignments.filter((a) => a.unitCode === code && inForce(a) && a.staffCategory === StaffCategory.PUBLIC_EMPLOYEE);
    return here.filter((a) => minorityIds.has(a.personId)).length / here.length;
  };
  expect(perUnit('xa-o-lam')).toBeGreaterThan(perUnit('xa-my-duc'));
  const khmer = data.people.filter((p) => p.ethnicityCode === '05');
  expect(khmer.length).toBeGreaterThan(0);
  expect(khmer.filter((p) => /^(Chau|Néang|Danh|Thạch|Sơn|Kim|Thị)/u.test(p.fullName)).length / khmer.length).toBeGreaterThan(0.7);
});

test('ratings, training (digital skills for a share) and qualifications are recorded', () => {
  const ratings = data.entries.filter((e) => e.kind === 'RATING');
  expect(new Set(ratings.map((e) => e.year))).toEqual(new Set([2022, 2023, 2024]));
  const digital = new Set(data.entries.filter((e) => e.kind === 'TRAINING' && e.value.trainingKind === 'DIGITAL_SKILLS').map((e) => e.personId));
  expect(digital.size / data.people.length).toBeGreaterThan(0.4);
  expect(digital.size / data.people.length).toBeLessThan(0.9);
  expect(data.entries.filter((e) => e.dateFrom && e.dateFrom > asOf)).toEqual([]);
});

describe('random helpers', () => {
  test('the generator is seeded: the same seed, the same numbers', () => {
    const a = new Random('x');
    const b = new Random('x');
    const c = new Random('y');
    const seq = (r: Random) => Array.from({ length: 5 }, () => r.next());
    const first = seq(a);
    expect(seq(b)).toEqual(first);
    expect(seq(c)).not.toEqual(first);
  });

  test('sample picks exactly the asked number of distinct items', () => {
    const r = new Random('s');
    const items = Array.from({ length: 100 }, (_, i) => i);
    const picked = r.sample(items, 37, (i) => (i < 50 ? 10 : 1));
    expect(new Set(picked).size).toBe(37);
    expect(picked.filter((i) => i < 50).length).toBeGreaterThan(18);
    expect(() => r.sample(items, 101)).toThrow();
  });

  test('apportion splits exactly, proportionally, within caps', () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportion(10, [1, 1, 1]).reduce((s, n) => s + n, 0)).toBe(10);
    expect(apportion(10, [1, 1, 8], [5, 5, 2])).toEqual([4, 4, 2]);
    expect(() => apportion(10, [1, 1], [3, 3])).toThrow();
  });
});
