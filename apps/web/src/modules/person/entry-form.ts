import { AnnualRating, FamilyRelation, LIMITS, normalizeText, PersonEntryKind, TrainingKind } from '@canbo/shared';
import type { FormRule } from 'antd';
import type { Dayjs } from 'dayjs';
import type { TFunction } from 'i18next';
import type { PersonEntryFieldsFragment } from '../../generated/graphql';
import { toIsoDate } from '../../shared/format';
import { nameRules, textRules } from '../../shared/rules';
import { problemRule, requiredRules } from './record-form';

/**
 * The pure rules of the dated-entry forms (training, ratings, commendations, discipline, family), mirroring the
 * API's entryContent: the fields of each kind, those it needs, and the checks on dates and years. Problems are
 * i18n keys.
 */
export type EntryField =
  | 'course'
  | 'trainingKind'
  | 'dateFrom'
  | 'dateTo'
  | 'certificate'
  | 'year'
  | 'rating'
  | 'measure'
  | 'decision'
  | 'relation'
  | 'relativeName'
  | 'occupation'
  | 'residence'
  | 'text';

export const ENTRY_FIELDS: Record<PersonEntryKind, readonly EntryField[]> = {
  [PersonEntryKind.TRAINING]: ['course', 'trainingKind', 'dateFrom', 'dateTo', 'certificate', 'text'],
  [PersonEntryKind.RATING]: ['year', 'rating', 'text'],
  [PersonEntryKind.COMMENDATION]: ['dateFrom', 'measure', 'decision', 'text'],
  [PersonEntryKind.DISCIPLINE]: ['dateFrom', 'measure', 'decision', 'text'],
  [PersonEntryKind.FAMILY]: ['relation', 'relativeName', 'year', 'occupation', 'residence', 'text'],
};

export const ENTRY_REQUIRED: Record<PersonEntryKind, readonly EntryField[]> = {
  [PersonEntryKind.TRAINING]: ['course', 'trainingKind', 'dateFrom'],
  [PersonEntryKind.RATING]: ['year', 'rating'],
  [PersonEntryKind.COMMENDATION]: ['dateFrom', 'measure'],
  [PersonEntryKind.DISCIPLINE]: ['dateFrom', 'measure'],
  [PersonEntryKind.FAMILY]: ['relation', 'relativeName'],
};

/** Maximum lengths of the free-text fields (the API's TextField/NameField limits). */
export const ENTRY_TEXT_MAX: Partial<Record<EntryField, number>> = {
  course: 300,
  certificate: 300,
  measure: 200,
  decision: 200,
  relativeName: LIMITS.nameMaxLength,
  occupation: 500,
  residence: 500,
  text: LIMITS.reasonMaxLength,
};

/** The years the server takes (a rating's year, a relative's birth year): from 1900, not after this year. */
export function yearBounds(today: string): { min: number; max: number } {
  return { min: 1900, max: Number(today.slice(0, 4)) };
}

/** The i18n key of a field's label: a few fields mean something else in some kinds. */
export function entryFieldLabelKey(kind: PersonEntryKind, field: EntryField): string {
  if (field === 'dateFrom' && (kind === PersonEntryKind.COMMENDATION || kind === PersonEntryKind.DISCIPLINE)) return 'personEntry.fields.decisionDate';
  if (field === 'year' && kind === PersonEntryKind.FAMILY) return 'personEntry.fields.birthYear';
  if (field === 'measure' && kind === PersonEntryKind.DISCIPLINE) return 'personEntry.fields.disciplineMeasure';
  return `personEntry.fields.${field}`;
}

export type EntryContentValues = Partial<Record<EntryField, string | number | null>>;

const DATE_FIELDS = new Set<EntryField>(['dateFrom', 'dateTo']);
const ENUM_FIELDS = new Set<EntryField>(['trainingKind', 'rating', 'relation']);

/** A stored entry as the form's fields (dates as ISO strings). */
export function entryContentValues(entry: Pick<PersonEntryFieldsFragment, 'kind' | 'dateFrom' | 'dateTo' | 'year' | 'value'>): EntryContentValues {
  const value = (entry.value ?? {}) as Record<string, unknown>;
  const out: EntryContentValues = {};
  for (const f of ENTRY_FIELDS[entry.kind]) {
    if (f === 'dateFrom' || f === 'dateTo' || f === 'year') out[f] = entry[f] ?? null;
    else out[f] = (value[f] as string | undefined) ?? null;
  }
  return out;
}

export interface EntryContentInput {
  course?: string | null;
  trainingKind?: TrainingKind | null;
  dateFrom?: string | null;
  dateTo?: string | null;
  certificate?: string | null;
  year?: number | null;
  rating?: AnnualRating | null;
  measure?: string | null;
  decision?: string | null;
  relation?: FamilyRelation | null;
  relativeName?: string | null;
  occupation?: string | null;
  residence?: string | null;
  text?: string | null;
}

/** The fields of a kind as the API takes them (text as the server stores it; every field of the kind sent). */
export function entryContentInput(kind: PersonEntryKind, values: EntryContentValues): EntryContentInput {
  const out: Record<string, unknown> = {};
  for (const f of ENTRY_FIELDS[kind]) {
    const v = values[f];
    if (f === 'year') out[f] = v === null || v === undefined || v === '' ? null : Number(v);
    else if (DATE_FIELDS.has(f) || ENUM_FIELDS.has(f)) out[f] = v || null;
    else {
      const text = v === null || v === undefined ? '' : normalizeText(String(v));
      out[f] = text === '' ? null : text;
    }
  }
  return out as EntryContentInput;
}

/** Whether the form holds what the entry already holds (the server refuses such a correction). */
export function sameEntryContent(entry: PersonEntryFieldsFragment, values: EntryContentValues): boolean {
  const before = entryContentInput(entry.kind, entryContentValues(entry));
  const after = entryContentInput(entry.kind, values);
  return ENTRY_FIELDS[entry.kind].every((f) => (before[f] ?? null) === (after[f] ?? null));
}

/** Training, commendation and discipline dates are not in the future. */
export function notFutureProblem(date: string | null | undefined, today: string): string | null {
  return date && date > today ? 'personEntry.validation.inFuture' : null;
}

/** The last day of a training is not before its first. */
export function trainingEndProblem(from: string | null | undefined, to: string | null | undefined): string | null {
  return from && to && to < from ? 'validation.periodOrder' : null;
}

/** A rating is for a year that has come; a birth year is not after this year. */
export function yearProblem(kind: PersonEntryKind, year: number | null | undefined, today: string): string | null {
  if (year === null || year === undefined) return null;
  const { min, max } = yearBounds(today);
  if (year < min) return 'personEntry.validation.yearRange';
  if (year > max) return kind === PersonEntryKind.RATING ? 'personEntry.validation.ratingYearInFuture' : 'personEntry.validation.birthYearInFuture';
  return null;
}

/**
 * The client rules of one field of an entry kind (dates as the form holds them, Dayjs; `dateFrom` reads the form's
 * first day, which the last day of a training is checked against).
 */
export function entryFieldRules(t: TFunction, kind: PersonEntryKind, field: EntryField, today: string, dateFrom: () => string | null): FormRule[] {
  const max = ENTRY_TEXT_MAX[field];
  const isRequired = ENTRY_REQUIRED[kind].includes(field);
  const required = requiredRules(t, isRequired, max !== undefined);
  switch (field) {
    case 'dateFrom':
      return [...required, problemRule<Dayjs | null>(t, (v) => notFutureProblem(toIsoDate(v), today))];
    case 'dateTo':
      return [...required, problemRule<Dayjs | null>(t, (v) => trainingEndProblem(dateFrom(), toIsoDate(v)))];
    case 'year':
      return [...required, { type: 'integer', message: t('validation.integer') }, problemRule<number | null>(t, (v) => yearProblem(kind, v, today))];
    case 'relativeName':
      return nameRules(t, { required: isRequired, max });
    case 'trainingKind':
    case 'rating':
    case 'relation':
      return required;
    default:
      return [...required, ...textRules(t, max)];
  }
}
