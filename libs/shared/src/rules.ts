import { CommitteeKind, ProfessionalField, StaffCategory } from './enums';

/**
 * Rule settings: regulatory numbers and lists that change by decision. Each key has dated versions;
 * the database holds the versions in force (seeded from these defaults, editable by an admin), and every
 * computed result records which version produced it.
 */
export enum RuleKey {
  /** Title codes that count as key leadership titles. */
  KEY_LEADERSHIP_TITLES = 'KEY_LEADERSHIP_TITLES',
  /** The default establishment given to a new commune-level unit. */
  DEFAULT_COMMUNE_ESTABLISHMENT = 'DEFAULT_COMMUNE_ESTABLISHMENT',
}

export interface KeyLeadershipTitlesValue {
  titleCodes: string[];
}

export interface DefaultEstablishmentValue {
  /** term of the committees, e.g. 2025-2030 */
  term: string;
  headcount: Partial<Record<StaffCategory, number>>;
  committeeSeats: Record<CommitteeKind, number>;
  /** seats per title code */
  titleSeats: Record<string, number>;
  specialists: Partial<Record<ProfessionalField, number>>;
}

export interface RuleSettingDefault<T> {
  key: RuleKey;
  /** a human label of the version, e.g. the decision that set it */
  versionLabel: string;
  validFrom: string;
  value: T;
}

export const KEY_LEADERSHIP_TITLES_DEFAULT: RuleSettingDefault<KeyLeadershipTitlesValue> = {
  key: RuleKey.KEY_LEADERSHIP_TITLES,
  versionLabel: 'Quy định 2025 (chính quyền địa phương 2 cấp)',
  validFrom: '2025-07-01',
  value: {
    titleCodes: ['party_secretary', 'deputy_party_secretary', 'pc_chair', 'council_chair'],
  },
};

export const DEFAULT_COMMUNE_ESTABLISHMENT: RuleSettingDefault<DefaultEstablishmentValue> = {
  key: RuleKey.DEFAULT_COMMUNE_ESTABLISHMENT,
  versionLabel: 'Định suất mặc định 2025',
  validFrom: '2025-07-01',
  value: {
    term: '2025-2030',
    headcount: {
      [StaffCategory.CADRE]: 40,
      [StaffCategory.CIVIL_SERVANT]: 70,
      [StaffCategory.PUBLIC_EMPLOYEE]: 430,
      [StaffCategory.CONTRACT]: 10,
    },
    committeeSeats: { [CommitteeKind.EXECUTIVE]: 31, [CommitteeKind.STANDING]: 10 },
    titleSeats: {
      party_secretary: 1,
      deputy_party_secretary: 2,
      pc_chair: 1,
      pc_vice_chair: 2,
      council_chair: 1,
      council_vice_chair: 1,
      front_chair: 1,
    },
    specialists: {
      [ProfessionalField.LAND_MANAGEMENT]: 3,
      [ProfessionalField.PUBLIC_INVESTMENT]: 2,
      [ProfessionalField.BUDGET_FINANCE]: 2,
      [ProfessionalField.DIGITAL_TRANSFORMATION]: 2,
      [ProfessionalField.INFORMATION_TECHNOLOGY]: 1,
      [ProfessionalField.PLANNING]: 1,
      [ProfessionalField.ACCOUNTING]: 2,
      [ProfessionalField.ENVIRONMENT]: 1,
      [ProfessionalField.CONSTRUCTION]: 2,
    },
  },
};

export const RULE_DEFAULTS: readonly RuleSettingDefault<unknown>[] = [
  KEY_LEADERSHIP_TITLES_DEFAULT,
  DEFAULT_COMMUNE_ESTABLISHMENT,
];

export interface PersonRulesValue {
  /** the version, e.g. the law that set it */
  versionLabel: string;
  validFrom: string;
  /** the minimum age of a person on the date their file is recorded */
  minimumAge: number;
}

/** Dated rules of the personal file, shared by the API (enforced) and the SPA (checked while typing). */
export const PERSON_RULES: PersonRulesValue = {
  versionLabel: 'Bộ luật Lao động 2019, Luật Cán bộ, công chức 2025 (đủ 18 tuổi)',
  validFrom: '2025-07-01',
  minimumAge: 18,
};

export interface AgeBandRulesValue {
  versionLabel: string;
  validFrom: string;
  /** a person is "young" while under this age on the reference date */
  youngUnderAge: number;
}

/** Dated rule of the age bands of the person list (cán bộ trẻ: under 42 on the reference date). */
export const AGE_BAND_RULES: AgeBandRulesValue = {
  versionLabel: 'Hướng dẫn công tác quy hoạch cán bộ (cán bộ trẻ dưới 42 tuổi)',
  validFrom: '2025-07-01',
  youngUnderAge: 42,
};
