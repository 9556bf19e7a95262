import { ETHNIC_GROUPS, ethnicGroupName, isEthnicityCode } from './ethnic-groups';
import { Gender, PersonStatus } from './enums';
import { GENDER_LABELS, PERSON_STATUS_LABELS } from './labels';
import { ageOn, BirthDateProblem, birthDateProblem, isValidNationalId } from './person';
import { PERSON_RULES } from './rules';
import { isValidIsoDate } from './validation';

describe('national ID', () => {
  test('exactly 12 digits', () => {
    expect(isValidNationalId('079201001234')).toBe(true);
    expect(isValidNationalId('000000000000')).toBe(true);
  });

  test('spaces, letters, other lengths and non-strings are refused', () => {
    for (const bad of ['0792 0100 1234', ' 079201001234', '079201001234 ', '07920100123A', 'A79201001234', '079201001', '0792010012345', '', '０７９２０１００１２３４']) {
      expect([bad, isValidNationalId(bad)]).toEqual([bad, false]);
    }
    expect(isValidNationalId(79201001234)).toBe(false);
    expect(isValidNationalId(null)).toBe(false);
  });
});

describe('birth date rules', () => {
  test('the minimum age is a dated rule setting of 18', () => {
    expect(PERSON_RULES.minimumAge).toBe(18);
    expect(isValidIsoDate(PERSON_RULES.validFrom)).toBe(true);
    expect(PERSON_RULES.versionLabel.trim()).not.toBe('');
  });

  test('age in whole years, counting from the birthday itself', () => {
    expect(ageOn('2000-05-10', '2018-05-09')).toBe(17);
    expect(ageOn('2000-05-10', '2018-05-10')).toBe(18);
    expect(ageOn('2000-05-10', '2018-12-31')).toBe(18);
    expect(ageOn('2000-12-31', '2019-01-01')).toBe(18);
    expect(ageOn('2000-02-29', '2018-02-28')).toBe(17);
    expect(ageOn('2000-02-29', '2018-03-01')).toBe(18);
  });

  test('a birth date in the future is refused', () => {
    expect(birthDateProblem('2026-01-02', '2026-01-01')).toBe(BirthDateProblem.IN_FUTURE);
  });

  test('under 18 on the date of recording is refused; 18 on that very day is accepted', () => {
    expect(birthDateProblem('2008-01-02', '2026-01-01')).toBe(BirthDateProblem.UNDER_MINIMUM_AGE);
    expect(birthDateProblem('2026-01-01', '2026-01-01')).toBe(BirthDateProblem.UNDER_MINIMUM_AGE);
    expect(birthDateProblem('2008-01-01', '2026-01-01')).toBeNull();
    expect(birthDateProblem('1970-06-15', '2026-01-01')).toBeNull();
  });

  test('the minimum age can be given (another version of the rule)', () => {
    expect(birthDateProblem('2010-01-01', '2026-01-01', 16)).toBeNull();
    expect(birthDateProblem('2010-01-02', '2026-01-01', 16)).toBe(BirthDateProblem.UNDER_MINIMUM_AGE);
  });
});

describe('ethnic groups', () => {
  test('54 groups with distinct two-digit codes 01..54, Kinh first', () => {
    expect(ETHNIC_GROUPS).toHaveLength(54);
    expect(ETHNIC_GROUPS.map((g) => g.code)).toEqual(Array.from({ length: 54 }, (_, i) => String(i + 1).padStart(2, '0')));
    expect(new Set(ETHNIC_GROUPS.map((g) => g.name)).size).toBe(54);
    expect(ETHNIC_GROUPS[0]).toEqual({ code: '01', name: 'Kinh' });
    expect(ethnicGroupName('05')).toBe('Khơ-me');
    for (const g of ETHNIC_GROUPS) expect(g.name).toBe(g.name.normalize('NFC'));
  });

  test('isEthnicityCode accepts only the listed codes', () => {
    expect(isEthnicityCode('01')).toBe(true);
    expect(isEthnicityCode('54')).toBe(true);
    for (const bad of ['00', '55', '1', '001', 'Kinh', '', null, 1]) expect(isEthnicityCode(bad)).toBe(false);
  });
});

describe('person labels', () => {
  test('every gender and status has a Vietnamese and an English label', () => {
    for (const g of Object.values(Gender)) expect(GENDER_LABELS[g].vi && GENDER_LABELS[g].en).toBeTruthy();
    for (const s of Object.values(PersonStatus)) expect(PERSON_STATUS_LABELS[s].vi && PERSON_STATUS_LABELS[s].en).toBeTruthy();
  });
});

describe('age bands and political theory', () => {
  test('young: under AGE_BAND_RULES.youngUnderAge on the reference date, as ageOn counts', () => {
    const { youngBirthCutoff, ageOn } = require('./person');
    const { AGE_BAND_RULES } = require('./rules');
    expect(AGE_BAND_RULES.youngUnderAge).toBe(42);
    expect(youngBirthCutoff('2026-07-01')).toBe('1984-07-01');
    expect(youngBirthCutoff('2028-02-29')).toBe('1986-02-28');
    for (const [birth, on] of [['1984-07-01', '2026-07-01'], ['1984-07-02', '2026-07-01'], ['1986-02-28', '2028-02-29'], ['1986-03-01', '2028-02-29'], ['1984-02-29', '2026-02-28']]) {
      expect(birth > youngBirthCutoff(on)).toBe(ageOn(birth, on) < 42);
    }
  });

  test('a political-science bachelor counts as advanced', () => {
    const { effectivePoliticalTheoryLevel, politicalTheoryLevelsCountingAs } = require('./person');
    expect(effectivePoliticalTheoryLevel('BACHELOR')).toBe('ADVANCED');
    expect(effectivePoliticalTheoryLevel('INTERMEDIATE')).toBe('INTERMEDIATE');
    expect(politicalTheoryLevelsCountingAs('ADVANCED').sort()).toEqual(['ADVANCED', 'BACHELOR']);
    expect(politicalTheoryLevelsCountingAs('ELEMENTARY')).toEqual(['ELEMENTARY']);
  });
});
