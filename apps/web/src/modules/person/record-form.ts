import { CommitteeKind, LIMITS, normalizeText, PersonRecordKind, PoliticalTheoryLevel, QualificationLevel } from '@canbo/shared';
import type { FormRule } from 'antd';
import type { Dayjs } from 'dayjs';
import type { TFunction } from 'i18next';
import type { PersonRecordFieldsFragment } from '../../generated/graphql';
import { toIsoDate } from '../../shared/format';
import { textRules } from '../../shared/rules';

/**
 * The pure rules of the person-record forms (titles, committees, qualifications and levels, rank), mirroring the
 * API (apps/api/src/modules/person/person-records.service.ts): which fields each kind takes and needs, how a stored
 * record maps back to those fields, and the date checks the server applies. Problems are i18n keys.
 */
export type RecordField =
  | 'titleId'
  | 'unitId'
  | 'committee'
  | 'term'
  | 'qualificationLevel'
  | 'politicalTheoryLevel'
  | 'level'
  | 'field'
  | 'institution'
  | 'year'
  | 'language'
  | 'rankCode'
  | 'rankName'
  | 'salaryStep';

/** The fields of each kind, in the order the forms and tables show them. */
export const RECORD_FIELDS: Record<PersonRecordKind, readonly RecordField[]> = {
  [PersonRecordKind.TITLE]: ['titleId', 'unitId'],
  [PersonRecordKind.COMMITTEE]: ['committee', 'term', 'unitId'],
  [PersonRecordKind.QUALIFICATION]: ['qualificationLevel', 'field', 'institution', 'year'],
  [PersonRecordKind.POLITICAL_THEORY]: ['politicalTheoryLevel', 'institution', 'year'],
  [PersonRecordKind.STATE_MANAGEMENT]: ['level', 'institution', 'year'],
  [PersonRecordKind.IT]: ['level', 'institution', 'year'],
  [PersonRecordKind.FOREIGN_LANGUAGE]: ['language', 'level', 'institution', 'year'],
  [PersonRecordKind.CIVIL_SERVICE_RANK]: ['rankCode', 'rankName', 'salaryStep'],
};

/** The fields the server refuses to go without, per kind. */
export const RECORD_REQUIRED: Record<PersonRecordKind, readonly RecordField[]> = {
  [PersonRecordKind.TITLE]: ['titleId', 'unitId'],
  [PersonRecordKind.COMMITTEE]: ['committee', 'term', 'unitId'],
  [PersonRecordKind.QUALIFICATION]: ['qualificationLevel'],
  [PersonRecordKind.POLITICAL_THEORY]: ['politicalTheoryLevel'],
  [PersonRecordKind.STATE_MANAGEMENT]: ['level'],
  [PersonRecordKind.IT]: ['level'],
  [PersonRecordKind.FOREIGN_LANGUAGE]: ['language', 'level'],
  [PersonRecordKind.CIVIL_SERVICE_RANK]: ['rankCode', 'salaryStep'],
};

/** Maximum lengths of the free-text fields (the API's TextField limits). */
export const RECORD_TEXT_MAX: Partial<Record<RecordField, number>> = {
  level: 200,
  field: 200,
  institution: 300,
  language: 100,
  rankCode: 20,
  rankName: 200,
};

export const RECORD_YEAR = { min: 1950, max: 2100 } as const;
export const SALARY_STEP = { min: 1, max: 20 } as const;

/** The input field the record's `level` column stands for. */
export function levelFieldOf(kind: PersonRecordKind): RecordField | null {
  if (kind === PersonRecordKind.QUALIFICATION) return 'qualificationLevel';
  if (kind === PersonRecordKind.POLITICAL_THEORY) return 'politicalTheoryLevel';
  if (kind === PersonRecordKind.CIVIL_SERVICE_RANK) return 'rankCode';
  if (kind === PersonRecordKind.STATE_MANAGEMENT || kind === PersonRecordKind.IT || kind === PersonRecordKind.FOREIGN_LANGUAGE) return 'level';
  return null;
}

export type RecordContentValues = Partial<Record<RecordField, string | number | null>>;

/** The content of a stored record as the form's fields (the inverse of what the server stores). */
export function recordContentValues(record: Pick<PersonRecordFieldsFragment, 'kind' | 'titleId' | 'unitId' | 'committee' | 'term' | 'level' | 'value'>): RecordContentValues {
  const value = (record.value ?? {}) as Record<string, unknown>;
  const lf = levelFieldOf(record.kind);
  const out: RecordContentValues = {};
  for (const f of RECORD_FIELDS[record.kind]) {
    if (f === 'titleId' || f === 'unitId' || f === 'committee' || f === 'term') out[f] = record[f] ?? null;
    else if (f === lf) out[f] = record.level ?? null;
    else out[f] = (value[f] as string | number | undefined) ?? null;
  }
  return out;
}

/** Text as the server stores it: NFC, trimmed, inner spaces collapsed; empty is null. */
function clean(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const v = normalizeText(String(value));
  return v === '' ? null : v;
}

export interface RecordContentInput {
  titleId?: string | null;
  unitId?: string | null;
  committee?: CommitteeKind | null;
  term?: string | null;
  qualificationLevel?: QualificationLevel | null;
  politicalTheoryLevel?: PoliticalTheoryLevel | null;
  level?: string | null;
  field?: string | null;
  institution?: string | null;
  year?: number | null;
  language?: string | null;
  rankCode?: string | null;
  rankName?: string | null;
  salaryStep?: number | null;
}

/**
 * The content fields of a kind as the API takes them: every field of the kind is sent (null clears it in a change
 * or correction, whose omitted fields keep the base's value); fields of other kinds are left out.
 */
export function recordContentInput(kind: PersonRecordKind, values: RecordContentValues): RecordContentInput {
  const out: Record<string, unknown> = {};
  for (const f of RECORD_FIELDS[kind]) {
    const v = values[f];
    if (f === 'year' || f === 'salaryStep') out[f] = v === null || v === undefined || v === '' ? null : Number(v);
    else if (f === 'titleId' || f === 'unitId' || f === 'committee' || f === 'qualificationLevel' || f === 'politicalTheoryLevel') out[f] = v ?? null;
    else out[f] = clean(v);
  }
  return out as RecordContentInput;
}

/** Whether the form's content is what the record already holds (the server refuses such a change). */
export function sameRecordContent(record: PersonRecordFieldsFragment, values: RecordContentValues): boolean {
  const before = recordContentInput(record.kind, recordContentValues(record));
  const after = recordContentInput(record.kind, values);
  return RECORD_FIELDS[record.kind].every((f) => (before[f] ?? null) === (after[f] ?? null));
}

// ---- date and value checks (the server's, so the user hears them before saving) ----

/** A committee term: YYYY-YYYY with the last year after the first. */
export function termProblem(term: string | null | undefined): string | null {
  if (!term) return null;
  const m = LIMITS.termPattern.exec(term.trim());
  if (!m) return 'validation.term';
  return Number(m[2]) <= Number(m[1]) ? 'personRecord.validation.termOrder' : null;
}

/** The end of a period ([from, to), to excluded) must come after its start. */
export function periodProblem(from: string | null | undefined, to: string | null | undefined): string | null {
  return from && to && to <= from ? 'validation.periodOrder' : null;
}

type Period = Pick<PersonRecordFieldsFragment, 'validFrom' | 'validTo'>;

/** A change takes effect on a day of the record's period (the record holds until then, the new content from then). */
export function effectiveFromProblem(record: Period, date: string | null | undefined): string | null {
  if (!date) return null;
  return date < record.validFrom || (record.validTo !== null && date >= record.validTo) ? 'personRecord.validation.outsidePeriod' : null;
}

/** A record ends (its first day no longer held) after its first day, and before the end it already has. */
export function endDateProblem(record: Period, date: string | null | undefined): string | null {
  if (!date) return null;
  if (date <= record.validFrom) return 'validation.periodOrder';
  return record.validTo !== null && date >= record.validTo ? 'personRecord.validation.endOutside' : null;
}

/** The default day a change takes effect: the chosen date when it falls inside the record's period after its start. */
export function defaultEffectiveFrom(record: Period, asOf: string): string | null {
  return asOf > record.validFrom && !effectiveFromProblem(record, asOf) ? asOf : null;
}

export const isoOf = (value: Dayjs | null | undefined): string | null => toIsoDate(value ?? null);

/** A form rule from a problem function (the value is valid when it finds none). */
export function problemRule<V>(t: TFunction, problem: (value: V) => string | null): FormRule {
  return {
    validator: (_, value: V) => {
      const key = problem(value);
      return key ? Promise.reject(new Error(t(key))) : Promise.resolve();
    },
  };
}

/** Required, when the kind needs the field (blank text counts as missing; dates, numbers and choices are not text). */
export function requiredRules(t: TFunction, required: boolean, text: boolean): FormRule[] {
  return required ? [{ required: true, ...(text ? { whitespace: true } : {}), message: t('validation.required') }] : [];
}

export function integerRangeRules(t: TFunction, { min, max }: { min: number; max: number }): FormRule[] {
  return [
    { type: 'integer', message: t('validation.integer') },
    { type: 'number', min, max, message: t('personRecord.validation.range', { min, max }) },
  ];
}

/** The client rules of one content field of a record kind: what the server checks, said before saving. */
export function recordFieldRules(t: TFunction, kind: PersonRecordKind, field: RecordField): FormRule[] {
  const max = RECORD_TEXT_MAX[field];
  const required = requiredRules(t, RECORD_REQUIRED[kind].includes(field), max !== undefined || field === 'term');
  if (field === 'year') return [...required, ...integerRangeRules(t, RECORD_YEAR)];
  if (field === 'salaryStep') return [...required, ...integerRangeRules(t, SALARY_STEP)];
  if (field === 'term') return [...required, problemRule(t, termProblem)];
  return [...required, ...(max ? textRules(t, max) : [])];
}
