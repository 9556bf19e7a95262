import { PoliticalTheoryLevel } from './enums';
import { AGE_BAND_RULES, PERSON_RULES } from './rules';

/** The national ID number (số định danh cá nhân): exactly 12 digits, nothing else. */
export const NATIONAL_ID_PATTERN = /^[0-9]{12}$/u;

export function isValidNationalId(value: unknown): value is string {
  return typeof value === 'string' && NATIONAL_ID_PATTERN.test(value);
}

export enum BirthDateProblem {
  IN_FUTURE = 'IN_FUTURE',
  UNDER_MINIMUM_AGE = 'UNDER_MINIMUM_AGE',
}

export const BIRTH_DATE_PROBLEM_MESSAGES: Record<BirthDateProblem, { vi: string; en: string }> = {
  IN_FUTURE: { vi: 'Ngày sinh không được ở tương lai', en: 'The birth date is in the future' },
  UNDER_MINIMUM_AGE: {
    vi: `Chưa đủ ${PERSON_RULES.minimumAge} tuổi vào ngày ghi nhận`,
    en: `Under ${PERSON_RULES.minimumAge} years old on the date of recording`,
  },
};

/** Age in whole years on `onDate` (both ISO dates); a birthday counts from its day. 29 February counts on 1 March. */
export function ageOn(birthDate: string, onDate: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, m, d] = onDate.split('-').map(Number);
  let age = y - by;
  if (m < bm || (m === bm && d < bd)) age -= 1;
  return age;
}

/**
 * What is wrong with a birth date recorded on `onDate` (ISO dates): in the future, or giving an age under the
 * minimum working age of the rule setting. Null when acceptable.
 */
export function birthDateProblem(
  birthDate: string,
  onDate: string,
  minimumAge: number = PERSON_RULES.minimumAge,
): BirthDateProblem | null {
  if (birthDate > onDate) return BirthDateProblem.IN_FUTURE;
  if (ageOn(birthDate, onDate) < minimumAge) return BirthDateProblem.UNDER_MINIMUM_AGE;
  return null;
}

/** Political theory levels that count as another one: the political-science bachelor counts as advanced. */
export const POLITICAL_THEORY_COUNTS_AS: Partial<Record<PoliticalTheoryLevel, PoliticalTheoryLevel>> = {
  [PoliticalTheoryLevel.BACHELOR]: PoliticalTheoryLevel.ADVANCED,
};

/** The level a recorded political theory level counts as. */
export function effectivePoliticalTheoryLevel(level: PoliticalTheoryLevel): PoliticalTheoryLevel {
  return POLITICAL_THEORY_COUNTS_AS[level] ?? level;
}

/** The recorded levels that count as `level` (ADVANCED: ADVANCED and BACHELOR). */
export function politicalTheoryLevelsCountingAs(level: PoliticalTheoryLevel): PoliticalTheoryLevel[] {
  return Object.values(PoliticalTheoryLevel).filter((l) => effectivePoliticalTheoryLevel(l) === effectivePoliticalTheoryLevel(level));
}

/**
 * The latest birth date of a person who is NOT young on `onDate` (ISO): young ⇔ birthDate > cutoff, the same
 * answer as ageOn(birthDate, onDate) < youngUnderAge (a 29 February cutoff in a common year becomes 28 February).
 */
export function youngBirthCutoff(onDate: string, youngUnderAge: number = AGE_BAND_RULES.youngUnderAge): string {
  const [y, m, d] = onDate.split('-').map(Number);
  const year = y - youngUnderAge;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const day = m === 2 && d === 29 && !leap ? 28 : d;
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
