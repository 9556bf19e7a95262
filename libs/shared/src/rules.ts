import { CommitteeKind, PoliticalTheoryLevel, ProfessionalField, StaffCategory } from './enums';

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
  /** The 2025–2030 targets of the resolution (section II.2.2): values, baseline, deadline, tolerance. */
  TARGETS = 'TARGETS',
  /** The political-theory level each kind of post requires (target 2). */
  POLITICAL_THEORY_STANDARD = 'POLITICAL_THEORY_STANDARD',
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

/** The ids of the measures of the five targets (the measures themselves are code: targets.ts). */
export enum TargetId {
  /** (1) rated good or excellent in the latest rated year */
  RATED_GOOD = 'rated_good',
  /** (2) meeting the political-theory standard of their post */
  THEORY_STANDARD = 'theory_standard',
  /** (2) standing-committee members with a master's degree or doctorate */
  STANDING_POSTGRADUATE = 'standing_postgraduate',
  /** (3) trained in digital skills */
  DIGITAL_SKILLS = 'digital_skills',
  /** (4) under-42s among the distinct holders of key leadership titles */
  YOUNG_KEY_TITLES = 'young_key_titles',
  /** (5) party committees whose minority share is within the tolerance of their unit's population share */
  COMMITTEE_MINORITY = 'committee_minority',
}

export interface TargetsValue {
  /** the date of the baseline the straight line to the target starts from */
  baselineDate: string;
  /** the date by which every target is to be reached */
  deadline: string;
  /** the day of each year (MM-DD) the yearly snapshot is frozen on */
  yearlySnapshotDay: string;
  /** the target value of each measure, in percent (0–100) */
  targets: Record<TargetId, number>;
  /** target 5: the largest gap, in percentage points, between a committee's minority share and its unit's */
  minorityTolerancePoints: number;
}

export const TARGETS_DEFAULT: RuleSettingDefault<TargetsValue> = {
  key: RuleKey.TARGETS,
  versionLabel: 'Nghị quyết của Ban Thường vụ Tỉnh ủy về nâng cao chất lượng đội ngũ cán bộ cấp xã giai đoạn 2025–2030',
  validFrom: '2025-07-01',
  value: {
    baselineDate: '2025-10-01',
    deadline: '2030-12-31',
    yearlySnapshotDay: '12-31',
    targets: {
      [TargetId.RATED_GOOD]: 95,
      [TargetId.THEORY_STANDARD]: 100,
      [TargetId.STANDING_POSTGRADUATE]: 50,
      [TargetId.DIGITAL_SKILLS]: 100,
      [TargetId.YOUNG_KEY_TITLES]: 10,
      [TargetId.COMMITTEE_MINORITY]: 100,
    },
    minorityTolerancePoints: 2,
  },
};

/** The political-theory level each kind of post requires (null: none). The first rule that applies wins, in this order. */
export interface PoliticalTheoryStandardValue {
  /** holders of a key leadership title */
  keyTitles: PoliticalTheoryLevel | null;
  /** seated members of a standing committee */
  standingCommittee: PoliticalTheoryLevel | null;
  /** other cadres and civil servants */
  cadresAndCivilServants: PoliticalTheoryLevel | null;
  /** public employees in a management post (holding a title) */
  publicEmployeeManagers: PoliticalTheoryLevel | null;
  /** other public employees */
  publicEmployees: PoliticalTheoryLevel | null;
}

export const POLITICAL_THEORY_STANDARD_DEFAULT: RuleSettingDefault<PoliticalTheoryStandardValue> = {
  key: RuleKey.POLITICAL_THEORY_STANDARD,
  versionLabel: 'Tiêu chuẩn lý luận chính trị theo chức danh (Quy định 2025)',
  validFrom: '2025-07-01',
  value: {
    keyTitles: PoliticalTheoryLevel.ADVANCED,
    standingCommittee: PoliticalTheoryLevel.ADVANCED,
    cadresAndCivilServants: PoliticalTheoryLevel.INTERMEDIATE,
    publicEmployeeManagers: PoliticalTheoryLevel.INTERMEDIATE,
    publicEmployees: null,
  },
};

export const RULE_DEFAULTS: readonly RuleSettingDefault<unknown>[] = [
  KEY_LEADERSHIP_TITLES_DEFAULT,
  DEFAULT_COMMUNE_ESTABLISHMENT,
  TARGETS_DEFAULT,
  POLITICAL_THEORY_STANDARD_DEFAULT,
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
