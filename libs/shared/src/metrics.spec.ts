import { CommitteeKind, Gender, PoliticalTheoryLevel, ProfessionalField, QualificationLevel, StaffCategory, UnitKind } from './enums';
import {
  ADDITIONAL_METRIC_IDS,
  evaluateMetric,
  PROFESSIONAL_FIELD_STUDIES,
  SECTION_1_METRIC_IDS,
  specialistStudyNames,
  matchesMetricFilter,
  MetricFacts,
  MetricPersonFacts,
  metricDefinition,
  metricPercent,
  METRIC_DEFINITIONS,
  numeratorFilter,
} from './metrics';
import { SECTION_1_FIGURES, SECTION_1_REFERENCE_DATE } from './section-1-figures';

const figure = (id: string) => SECTION_1_FIGURES.find((f) => f.id === id)!;

describe('metric definitions', () => {
  test('there is one definition per figure of section I, in the same order, then the additional figures', () => {
    expect(SECTION_1_METRIC_IDS).toEqual(SECTION_1_FIGURES.map((f) => f.id));
    expect(METRIC_DEFINITIONS.map((d) => d.id)).toEqual([...SECTION_1_METRIC_IDS, ...ADDITIONAL_METRIC_IDS]);
    expect(new Set(METRIC_DEFINITIONS.map((d) => d.id)).size).toBe(METRIC_DEFINITIONS.length);
  });

  test('additional figures: staff against approved posts and the shortfall per category, specialists per field', () => {
    for (const id of ['cadre_total', 'cadre_shortfall', 'civil_servant_total', 'civil_servant_shortfall', 'pe_shortfall']) {
      expect(ADDITIONAL_METRIC_IDS).toContain(id);
    }
    expect(metricDefinition('cadre_total').base).toEqual({ of: 'approvedPosts', categories: [StaffCategory.CADRE] });
    expect(metricDefinition('pe_shortfall').numerator).toEqual({ of: 'unfilled' });
    for (const field of Object.values(ProfessionalField)) {
      const d = metricDefinition(`specialists_${field.toLowerCase()}`);
      expect(d.base).toEqual({ of: 'specialistPosts', field });
      expect(numeratorFilter(d)).toEqual({ specialistField: field });
      const short = metricDefinition(`specialists_${field.toLowerCase()}_shortfall`);
      expect(short.numerator).toEqual({ of: 'unfilled', filter: { specialistField: field } });
    }
  });

  test('no field of study makes a specialist of two fields', () => {
    const all = Object.values(ProfessionalField).flatMap((f) => specialistStudyNames(f));
    expect(new Set(all).size).toBe(all.length);
    expect(specialistStudyNames(ProfessionalField.LAND_MANAGEMENT)).toEqual(['land_management', 'quan ly dat dai', 'dia chinh', 'trac dia - ban do']);
    expect(PROFESSIONAL_FIELD_STUDIES[ProfessionalField.JUSTICE]).toContain('Luật');
  });

  test('a figure without a base is a definition without a base, and the other way round', () => {
    for (const f of SECTION_1_FIGURES) expect([f.id, metricDefinition(f.id).base === null]).toEqual([f.id, f.base === null]);
  });

  test('every definition has names and a description in Vietnamese and English', () => {
    for (const d of METRIC_DEFINITIONS) {
      for (const text of [d.name.vi, d.name.en, d.description.vi, d.description.en]) expect(text.trim().length).toBeGreaterThan(5);
      expect(['units', 'people', 'seats']).toContain(d.kind);
    }
  });

  test('committee and title figures count seats, staff figures people', () => {
    for (const d of METRIC_DEFINITIONS) {
      const expected = d.population.of === 'units' ? 'units' : d.population.of === 'staff' ? 'people' : 'seats';
      expect([d.id, d.kind]).toEqual([d.id, expected]);
    }
  });

  test('qualification and political-theory shares are over people with a recorded qualification', () => {
    for (const id of ['cbcc_bachelor', 'pe_postgraduate', 'cbcc_theory_advanced', 'pe_theory_intermediate']) {
      expect(metricDefinition(id).base).toEqual({ of: 'population', filter: { qualificationRecorded: true } });
      expect(numeratorFilter(metricDefinition(id)).qualificationRecorded).toBe(true);
    }
    expect(numeratorFilter(metricDefinition('cbcc_women'))).toEqual({ gender: Gender.FEMALE });
  });

  test('unknown ids are refused', () => {
    expect(() => metricDefinition('nope')).toThrow(/Unknown metric/);
  });
});

describe('the figures of section I', () => {
  test('the reference date is fixed', () => {
    expect(SECTION_1_REFERENCE_DATE).toBe('2025-10-01');
  });

  test('every stated percent is the recomputed one at the stated precision', () => {
    for (const f of SECTION_1_FIGURES.filter((x) => x.statedPercent !== null)) {
      const decimals = Number.isInteger(f.statedPercent) ? 0 : 1;
      expect([f.id, metricPercent(f.count, f.base, decimals)]).toEqual([f.id, f.statedPercent]);
    }
  });

  test('no count exceeds its base, and the parts add up', () => {
    for (const f of SECTION_1_FIGURES) if (f.base !== null) expect(f.count).toBeLessThanOrEqual(f.base);
    const c = (id: string) => figure(id).count;
    const b = (id: string) => figure(id).base!;
    expect(c('cbcc_total') + c('pe_total')).toBe(c('staff_total'));
    expect(b('cbcc_total') + b('pe_total')).toBe(b('staff_total'));
    expect(b('staff_total') - c('staff_total')).toBe(c('staff_shortfall'));
    const titles = ['party_secretary', 'deputy_party_secretary', 'pc_chair', 'council_chair'];
    expect(titles.reduce((s, t) => s + c(`${t}_women`), 0)).toBe(c('key_titles_women'));
    expect(titles.reduce((s, t) => s + c(`${t}_postgraduate`), 0)).toBe(c('key_titles_postgraduate'));
    expect(titles.reduce((s, t) => s + c(`${t}_filled`), 0)).toBe(b('key_titles_women'));
    expect(c('cbcc_bachelor') + c('cbcc_postgraduate')).toBeLessThanOrEqual(c('cbcc_qualification_recorded'));
    expect(c('exec_committee_filled')).toBe(b('exec_committee_women'));
    expect(c('standing_committee_filled')).toBe(b('standing_committee_theory_advanced'));
  });
});

describe('metricPercent', () => {
  test('rounds half up', () => {
    expect(metricPercent(1, 8)).toBe(12.5);
    expect(metricPercent(1, 8, 0)).toBe(13);
    expect(metricPercent(1, 3)).toBe(33.3);
    expect(metricPercent(2, 3)).toBe(66.7);
    expect(metricPercent(606, 39412, 0)).toBe(2);
    expect(metricPercent(47557, 55152)).toBe(86.2);
  });

  test('has no value without a base', () => {
    expect(metricPercent(3, null)).toBeNull();
    expect(metricPercent(0, 0)).toBeNull();
  });
});

const person = (over: Partial<MetricPersonFacts> = {}): MetricPersonFacts => ({
  gender: Gender.MALE,
  birthDate: '1975-01-01',
  ethnicityCode: '01',
  qualification: QualificationLevel.BACHELOR,
  politicalTheory: null,
  ...over,
});

describe('matchesMetricFilter', () => {
  const asOf = '2025-10-01';
  test('young is decided by the birth date against the reference date: a 42nd birthday that day is not young', () => {
    expect(matchesMetricFilter(person({ birthDate: '1983-10-01' }), { young: true }, asOf)).toBe(false);
    expect(matchesMetricFilter(person({ birthDate: '1983-10-02' }), { young: true }, asOf)).toBe(true);
    expect(matchesMetricFilter(person({ birthDate: '1983-10-01' }), { young: false }, asOf)).toBe(true);
    expect(matchesMetricFilter(person({ birthDate: '1983-10-02' }), { young: true }, '2025-10-02')).toBe(false);
  });

  test('an ethnic minority is any group but Kinh; an unrecorded ethnicity is neither', () => {
    expect(matchesMetricFilter(person({ ethnicityCode: '05' }), { minority: true }, asOf)).toBe(true);
    expect(matchesMetricFilter(person({ ethnicityCode: '01' }), { minority: true }, asOf)).toBe(false);
    expect(matchesMetricFilter(person({ ethnicityCode: null }), { minority: true }, asOf)).toBe(false);
    expect(matchesMetricFilter(person({ ethnicityCode: null }), { minority: false }, asOf)).toBe(false);
    expect(matchesMetricFilter(person({ ethnicityCode: '01' }), { minority: false }, asOf)).toBe(true);
  });

  test('a qualification is recorded unless missing or NOT_RECORDED', () => {
    expect(matchesMetricFilter(person(), { qualificationRecorded: true }, asOf)).toBe(true);
    expect(matchesMetricFilter(person({ qualification: null }), { qualificationRecorded: true }, asOf)).toBe(false);
    expect(matchesMetricFilter(person({ qualification: QualificationLevel.NOT_RECORDED }), { qualificationRecorded: false }, asOf)).toBe(true);
    expect(matchesMetricFilter(person({ qualification: QualificationLevel.MASTER }), { qualification: [QualificationLevel.MASTER, QualificationLevel.DOCTORATE] }, asOf)).toBe(true);
    expect(matchesMetricFilter(person(), { qualification: [QualificationLevel.MASTER] }, asOf)).toBe(false);
  });

  test('a political-science bachelor counts as advanced political theory, not as intermediate', () => {
    const bachelor = person({ politicalTheory: PoliticalTheoryLevel.BACHELOR });
    expect(matchesMetricFilter(bachelor, { politicalTheory: PoliticalTheoryLevel.ADVANCED }, asOf)).toBe(true);
    expect(matchesMetricFilter(bachelor, { politicalTheory: PoliticalTheoryLevel.INTERMEDIATE }, asOf)).toBe(false);
    expect(matchesMetricFilter(person(), { politicalTheory: PoliticalTheoryLevel.ADVANCED }, asOf)).toBe(false);
  });

  test('a specialist holds a qualification whose field of study counts for the field, case and diacritics ignored', () => {
    const land = person({ qualificationFields: ['Kinh tế', 'QUẢN LÝ ĐẤT ĐAI'] });
    expect(matchesMetricFilter(land, { specialistField: ProfessionalField.LAND_MANAGEMENT }, asOf)).toBe(true);
    expect(matchesMetricFilter(land, { specialistField: ProfessionalField.ACCOUNTING }, asOf)).toBe(false);
    expect(matchesMetricFilter(person({ qualificationFields: ['LAND_MANAGEMENT'] }), { specialistField: ProfessionalField.LAND_MANAGEMENT }, asOf)).toBe(true);
    expect(matchesMetricFilter(person({ qualificationFields: ['Quản lý đất đai và bất động sản'] }), { specialistField: ProfessionalField.LAND_MANAGEMENT }, asOf)).toBe(false);
    expect(matchesMetricFilter(person(), { specialistField: ProfessionalField.LAND_MANAGEMENT }, asOf)).toBe(false);
  });

  test('conditions combine', () => {
    const woman = person({ gender: Gender.FEMALE, birthDate: '1990-01-01' });
    expect(matchesMetricFilter(woman, { gender: Gender.FEMALE, young: true }, asOf)).toBe(true);
    expect(matchesMetricFilter(woman, { gender: Gender.FEMALE, young: false }, asOf)).toBe(false);
  });
});

describe('evaluateMetric', () => {
  // two communes and a province agency; five people
  const facts: MetricFacts = {
    asOf: '2025-10-01',
    units: [
      { id: 'u1', kind: UnitKind.COMMUNE },
      { id: 'u2', kind: UnitKind.WARD },
      { id: 'pa', kind: UnitKind.PROVINCE_AGENCY },
    ],
    people: new Map([
      ['a', person({ gender: Gender.FEMALE, qualification: QualificationLevel.MASTER, politicalTheory: PoliticalTheoryLevel.ADVANCED, qualificationFields: ['Kế toán', 'Quản lý công'] })],
      ['b', person({ birthDate: '1995-05-05', ethnicityCode: '05', qualificationFields: ['Quản lý đất đai'] })],
      ['c', person({ gender: Gender.FEMALE, qualification: null })],
      ['d', person()],
      ['e', person({ gender: Gender.FEMALE, qualificationFields: ['Quản lý đất đai'] })],
    ]),
    assignments: [
      { personId: 'a', unitId: 'u1', staffCategory: StaffCategory.CADRE },
      { personId: 'b', unitId: 'u1', staffCategory: StaffCategory.CIVIL_SERVANT },
      { personId: 'c', unitId: 'u2', staffCategory: StaffCategory.PUBLIC_EMPLOYEE },
      { personId: 'd', unitId: 'u2', staffCategory: StaffCategory.CONTRACT },
      { personId: 'e', unitId: 'pa', staffCategory: StaffCategory.CIVIL_SERVANT },
    ],
    committeeSeats: [
      { personId: 'a', unitId: 'u1', committee: CommitteeKind.EXECUTIVE },
      { personId: 'b', unitId: 'u1', committee: CommitteeKind.EXECUTIVE },
      { personId: 'a', unitId: 'u1', committee: CommitteeKind.STANDING },
    ],
    titleSeats: [
      { personId: 'a', unitId: 'u1', titleCode: 'party_secretary' },
      { personId: 'a', unitId: 'u1', titleCode: 'council_chair' },
      { personId: 'b', unitId: 'u1', titleCode: 'youth_union_secretary' },
      { personId: 'e', unitId: 'pa', titleCode: 'party_secretary' },
    ],
    establishment: [
      { unitId: 'u1', itemKind: 'HEADCOUNT', staffCategory: StaffCategory.CADRE, value: 3 },
      { unitId: 'u1', itemKind: 'HEADCOUNT', staffCategory: StaffCategory.CIVIL_SERVANT, value: 4 },
      { unitId: 'u2', itemKind: 'HEADCOUNT', staffCategory: StaffCategory.PUBLIC_EMPLOYEE, value: 5 },
      { unitId: 'u2', itemKind: 'HEADCOUNT', staffCategory: StaffCategory.CONTRACT, value: 9 },
      { unitId: 'pa', itemKind: 'HEADCOUNT', staffCategory: StaffCategory.CIVIL_SERVANT, value: 50 },
      { unitId: 'u1', itemKind: 'COMMITTEE_SEATS', committee: CommitteeKind.EXECUTIVE, value: 5 },
      { unitId: 'u1', itemKind: 'TITLE_SEATS', titleCode: 'party_secretary', value: 1 },
      { unitId: 'u2', itemKind: 'TITLE_SEATS', titleCode: 'party_secretary', value: 1 },
      { unitId: 'u1', itemKind: 'SPECIALISTS', field: ProfessionalField.LAND_MANAGEMENT, value: 3 },
      { unitId: 'u2', itemKind: 'SPECIALISTS', field: ProfessionalField.LAND_MANAGEMENT, value: 2 },
      { unitId: 'pa', itemKind: 'SPECIALISTS', field: ProfessionalField.LAND_MANAGEMENT, value: 9 },
    ],
    titleClasses: new Map([
      ['party_secretary', 'commune.party_secretary'],
      ['council_chair', 'commune.council_chair'],
      ['youth_union_secretary', 'commune.mass_org_head'],
    ]),
  };
  const value = (id: string) => evaluateMetric(metricDefinition(id), facts);

  test('units: commune-level only', () => {
    expect(value('commune_level_units')).toEqual({ id: 'commune_level_units', count: 2, base: null });
  });

  test('staff: the three categories in commune-level units, against their approved posts; the shortfall is the rest', () => {
    expect(value('staff_total')).toEqual({ id: 'staff_total', count: 3, base: 12 });
    expect(value('staff_shortfall')).toEqual({ id: 'staff_shortfall', count: 9, base: 12 });
    expect(value('cbcc_total')).toEqual({ id: 'cbcc_total', count: 2, base: 7 });
    expect(value('pe_total')).toEqual({ id: 'pe_total', count: 1, base: 5 });
  });

  test('shares of the population and of the people with a recorded qualification', () => {
    expect(value('cbcc_women')).toEqual({ id: 'cbcc_women', count: 1, base: 2 });
    expect(value('cbcc_minority')).toEqual({ id: 'cbcc_minority', count: 1, base: 2 });
    expect(value('cbcc_young')).toEqual({ id: 'cbcc_young', count: 1, base: 2 });
    expect(value('pe_qualification_recorded')).toEqual({ id: 'pe_qualification_recorded', count: 0, base: 1 });
    expect(value('pe_bachelor')).toEqual({ id: 'pe_bachelor', count: 0, base: 0 });
    expect(value('cbcc_postgraduate')).toEqual({ id: 'cbcc_postgraduate', count: 1, base: 2 });
    expect(value('cbcc_theory_advanced')).toEqual({ id: 'cbcc_theory_advanced', count: 1, base: 2 });
  });

  test('per category: staff against approved posts and the shortfall', () => {
    expect(value('cadre_total')).toEqual({ id: 'cadre_total', count: 1, base: 3 });
    expect(value('cadre_shortfall')).toEqual({ id: 'cadre_shortfall', count: 2, base: 3 });
    expect(value('civil_servant_shortfall')).toEqual({ id: 'civil_servant_shortfall', count: 3, base: 4 });
    expect(value('pe_shortfall')).toEqual({ id: 'pe_shortfall', count: 4, base: 5 });
  });

  test('specialists: cadres and civil servants in commune-level units qualified in the field, against its establishment', () => {
    // b (civil servant, u1) is a land specialist; e is in a province agency; a is an accountant
    expect(value('specialists_land_management')).toEqual({ id: 'specialists_land_management', count: 1, base: 5 });
    expect(value('specialists_land_management_shortfall')).toEqual({ id: 'specialists_land_management_shortfall', count: 4, base: 5 });
    expect(value('specialists_accounting')).toEqual({ id: 'specialists_accounting', count: 1, base: 0 });
    expect(value('specialists_accounting_shortfall')).toEqual({ id: 'specialists_accounting_shortfall', count: -1, base: 0 });
  });

  test('committees: seated members against planned seats, shares over seated members', () => {
    expect(value('exec_committee_filled')).toEqual({ id: 'exec_committee_filled', count: 2, base: 5 });
    expect(value('exec_committee_women')).toEqual({ id: 'exec_committee_women', count: 1, base: 2 });
    expect(value('standing_committee_theory_advanced')).toEqual({ id: 'standing_committee_theory_advanced', count: 1, base: 1 });
  });

  test('titles: seats held in commune-level units; a person with two key titles counts twice', () => {
    expect(value('party_secretary_filled')).toEqual({ id: 'party_secretary_filled', count: 1, base: 2 });
    expect(value('key_titles_women')).toEqual({ id: 'key_titles_women', count: 2, base: 2 });
    expect(value('mass_org_head_theory_advanced')).toEqual({ id: 'mass_org_head_theory_advanced', count: 0, base: 1 });
    expect(evaluateMetric(metricDefinition('key_titles_women'), { ...facts, keyLeadershipTitleCodes: ['party_secretary'] })).toEqual({
      id: 'key_titles_women',
      count: 1,
      base: 1,
    });
  });
});
