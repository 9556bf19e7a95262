import { CommitteeKind, ProfessionalField, StaffCategory } from './enums';
import { DEFAULT_COMMUNE_ESTABLISHMENT, KEY_LEADERSHIP_TITLES_DEFAULT, RULE_DEFAULTS, RuleKey } from './rules';
import { isValidIsoDate, LIMITS } from './validation';

describe('rule defaults', () => {
  test('KEY_LEADERSHIP_TITLES lists the four key titles', () => {
    expect(KEY_LEADERSHIP_TITLES_DEFAULT.key).toBe(RuleKey.KEY_LEADERSHIP_TITLES);
    expect([...KEY_LEADERSHIP_TITLES_DEFAULT.value.titleCodes].sort()).toEqual(
      ['council_chair', 'deputy_party_secretary', 'party_secretary', 'pc_chair'],
    );
  });

  test('there is one default per rule key, each with a valid start date and a label', () => {
    expect(RULE_DEFAULTS.map((r) => r.key).sort()).toEqual(Object.values(RuleKey).sort());
    for (const r of RULE_DEFAULTS) {
      expect(isValidIsoDate(r.validFrom)).toBe(true);
      expect(r.versionLabel.trim()).not.toBe('');
    }
  });

  test('DEFAULT_COMMUNE_ESTABLISHMENT is well formed', () => {
    const v = DEFAULT_COMMUNE_ESTABLISHMENT.value;
    expect(DEFAULT_COMMUNE_ESTABLISHMENT.key).toBe(RuleKey.DEFAULT_COMMUNE_ESTABLISHMENT);
    const [, from, to] = LIMITS.termPattern.exec(v.term) ?? [];
    expect(Number(to)).toBeGreaterThan(Number(from));
    for (const k of Object.keys(v.headcount)) expect(Object.values(StaffCategory)).toContain(k);
    expect(Object.keys(v.committeeSeats).sort()).toEqual(Object.values(CommitteeKind).sort());
    for (const k of Object.keys(v.specialists)) expect(Object.values(ProfessionalField)).toContain(k);
    const counts = [
      ...Object.values(v.headcount),
      ...Object.values(v.committeeSeats),
      ...Object.values(v.titleSeats),
      ...Object.values(v.specialists),
    ];
    for (const n of counts) {
      expect(Number.isInteger(n)).toBe(true);
      expect(n).toBeGreaterThanOrEqual(0);
      expect(n).toBeLessThanOrEqual(LIMITS.quotaMax);
    }
    // the standing committee is part of the executive committee
    expect(v.committeeSeats.STANDING).toBeLessThan(v.committeeSeats.EXECUTIVE);
  });

  test('every key leadership title has seats in the default establishment', () => {
    for (const code of KEY_LEADERSHIP_TITLES_DEFAULT.value.titleCodes) {
      expect(DEFAULT_COMMUNE_ESTABLISHMENT.value.titleSeats[code]).toBeGreaterThan(0);
    }
  });
});
