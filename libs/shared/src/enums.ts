/** Kinds of unit. Commune-level units are `COMMUNE`, `WARD` and `SPECIAL_ZONE`. */
export enum UnitKind {
  PROVINCE = 'PROVINCE',
  COMMUNE = 'COMMUNE',
  WARD = 'WARD',
  SPECIAL_ZONE = 'SPECIAL_ZONE',
  PROVINCE_AGENCY = 'PROVINCE_AGENCY',
}

export const COMMUNE_LEVEL_KINDS: readonly UnitKind[] = [UnitKind.COMMUNE, UnitKind.WARD, UnitKind.SPECIAL_ZONE];

/** Branch of a province agency (party, state or front). */
export enum AgencyBranch {
  PARTY = 'PARTY',
  STATE = 'STATE',
  FRONT = 'FRONT',
}

/** Bodies inside a unit. */
export enum BodyKind {
  PARTY_COMMITTEE = 'PARTY_COMMITTEE',
  PEOPLES_COUNCIL = 'PEOPLES_COUNCIL',
  PEOPLES_COMMITTEE = 'PEOPLES_COMMITTEE',
  FATHERLAND_FRONT = 'FATHERLAND_FRONT',
  SOCIO_POLITICAL_ORGANISATION = 'SOCIO_POLITICAL_ORGANISATION',
  PUBLIC_SERVICE_UNIT = 'PUBLIC_SERVICE_UNIT',
  AGENCY_OFFICE = 'AGENCY_OFFICE',
}

export enum StaffCategory {
  CADRE = 'CADRE',
  CIVIL_SERVANT = 'CIVIL_SERVANT',
  PUBLIC_EMPLOYEE = 'PUBLIC_EMPLOYEE',
  CONTRACT = 'CONTRACT',
}

/** What an establishment record counts. */
export enum EstablishmentItemKind {
  /** approved headcount per staff category */
  HEADCOUNT = 'HEADCOUNT',
  /** planned seats of a party committee for a term */
  COMMITTEE_SEATS = 'COMMITTEE_SEATS',
  /** number of seats of one leadership title */
  TITLE_SEATS = 'TITLE_SEATS',
  /** specialists needed per professional field */
  SPECIALISTS = 'SPECIALISTS',
}

export enum CommitteeKind {
  EXECUTIVE = 'EXECUTIVE',
  STANDING = 'STANDING',
}

export enum ProfessionalField {
  LAND_MANAGEMENT = 'LAND_MANAGEMENT',
  PUBLIC_INVESTMENT = 'PUBLIC_INVESTMENT',
  BUDGET_FINANCE = 'BUDGET_FINANCE',
  DIGITAL_TRANSFORMATION = 'DIGITAL_TRANSFORMATION',
  INFORMATION_TECHNOLOGY = 'INFORMATION_TECHNOLOGY',
  PLANNING = 'PLANNING',
  ACCOUNTING = 'ACCOUNTING',
  ENVIRONMENT = 'ENVIRONMENT',
  CONSTRUCTION = 'CONSTRUCTION',
  JUSTICE = 'JUSTICE',
  CULTURE_SOCIETY = 'CULTURE_SOCIETY',
  AGRICULTURE = 'AGRICULTURE',
}

export enum TitleLevel {
  COMMUNE = 'COMMUNE',
  PROVINCE = 'PROVINCE',
}

/** Why a bitemporal record was written: a real change, or the correction of a mistake. */
export enum RecordKind {
  CHANGE = 'CHANGE',
  CORRECTION = 'CORRECTION',
}

export enum UnitSortField {
  NAME = 'NAME',
  KIND = 'KIND',
  CREATED_AT = 'CREATED_AT',
}

export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}

export enum Gender {
  MALE = 'MALE',
  FEMALE = 'FEMALE',
}

/** Where a person stands in their working life. */
export enum PersonStatus {
  SERVING = 'SERVING',
  ON_LEAVE = 'ON_LEAVE',
  SECONDED_OUT = 'SECONDED_OUT',
  RETIRED = 'RETIRED',
  LEFT = 'LEFT',
  DECEASED = 'DECEASED',
}

/** What a bitemporal person record holds (valid period + recorded period). */
export enum PersonRecordKind {
  /** a title of the catalogue held in a unit */
  TITLE = 'TITLE',
  /** membership of a party executive or standing committee for a term */
  COMMITTEE = 'COMMITTEE',
  /** professional qualification (the highest level held) */
  QUALIFICATION = 'QUALIFICATION',
  POLITICAL_THEORY = 'POLITICAL_THEORY',
  STATE_MANAGEMENT = 'STATE_MANAGEMENT',
  IT = 'IT',
  FOREIGN_LANGUAGE = 'FOREIGN_LANGUAGE',
  /** civil-service rank (ngạch) and salary step (bậc lương) */
  CIVIL_SERVICE_RANK = 'CIVIL_SERVICE_RANK',
}

export enum QualificationLevel {
  BELOW_COLLEGE = 'BELOW_COLLEGE',
  COLLEGE = 'COLLEGE',
  BACHELOR = 'BACHELOR',
  MASTER = 'MASTER',
  DOCTORATE = 'DOCTORATE',
  NOT_RECORDED = 'NOT_RECORDED',
}

export enum PoliticalTheoryLevel {
  ELEMENTARY = 'ELEMENTARY',
  INTERMEDIATE = 'INTERMEDIATE',
  ADVANCED = 'ADVANCED',
  /** political-science bachelor: counts as ADVANCED (POLITICAL_THEORY_COUNTS_AS) */
  BACHELOR = 'BACHELOR',
}

/** What a dated person entry (recorded-time history only) holds. */
export enum PersonEntryKind {
  TRAINING = 'TRAINING',
  RATING = 'RATING',
  COMMENDATION = 'COMMENDATION',
  DISCIPLINE = 'DISCIPLINE',
  /** a family relation as form 2C lists them (sensitive: only with personnel.read_sensitive) */
  FAMILY = 'FAMILY',
}

/** Family relations of form 2C-BNV/2008: the person's own family and the spouse's. */
export enum FamilyRelation {
  FATHER = 'FATHER',
  MOTHER = 'MOTHER',
  SPOUSE = 'SPOUSE',
  CHILD = 'CHILD',
  SIBLING = 'SIBLING',
  SPOUSE_FATHER = 'SPOUSE_FATHER',
  SPOUSE_MOTHER = 'SPOUSE_MOTHER',
  SPOUSE_SIBLING = 'SPOUSE_SIBLING',
}

export enum TrainingKind {
  DIGITAL_SKILLS = 'DIGITAL_SKILLS',
  POLITICAL_THEORY = 'POLITICAL_THEORY',
  PROFESSIONAL = 'PROFESSIONAL',
  MANAGEMENT = 'MANAGEMENT',
  ETHNIC_LANGUAGE = 'ETHNIC_LANGUAGE',
  OTHER = 'OTHER',
}

/** Annual rating (until the evaluation module produces them). */
export enum AnnualRating {
  EXCELLENT = 'EXCELLENT',
  GOOD = 'GOOD',
  COMPLETE = 'COMPLETE',
  INCOMPLETE = 'INCOMPLETE',
}

/** Age band on a reference date (AGE_BAND_RULES). */
export enum AgeBand {
  YOUNG = 'YOUNG',
  NOT_YOUNG = 'NOT_YOUNG',
}
