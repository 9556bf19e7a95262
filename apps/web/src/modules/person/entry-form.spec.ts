import { AnnualRating, FamilyRelation, PersonEntryKind, RecordKind, TrainingKind } from '@canbo/shared';
import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import type { PersonEntryFieldsFragment } from '../../generated/graphql';
import {
  ENTRY_FIELDS,
  ENTRY_REQUIRED,
  entryContentInput,
  entryContentValues,
  entryFieldLabelKey,
  entryFieldRules,
  notFutureProblem,
  sameEntryContent,
  trainingEndProblem,
  yearProblem,
} from './entry-form';

const TODAY = '2026-11-28';

const entry = (overrides: Partial<PersonEntryFieldsFragment>): PersonEntryFieldsFragment => ({
  id: 'e1',
  personId: 'p1',
  kind: PersonEntryKind.TRAINING,
  dateFrom: '2026-03-02',
  dateTo: '2026-03-06',
  year: null,
  value: { course: 'Bồi dưỡng kỹ năng số', trainingKind: TrainingKind.DIGITAL_SKILLS },
  recordedAt: '2026-03-10T01:00:00.000Z',
  supersededAt: null,
  recordKind: RecordKind.CHANGE,
  correctsId: null,
  reason: null,
  version: 1,
  ...overrides,
});

describe('the fields of each entry kind', () => {
  it('need what the server needs, all among the kind’s fields', () => {
    expect(ENTRY_REQUIRED[PersonEntryKind.TRAINING]).toEqual(['course', 'trainingKind', 'dateFrom']);
    expect(ENTRY_REQUIRED[PersonEntryKind.RATING]).toEqual(['year', 'rating']);
    expect(ENTRY_REQUIRED[PersonEntryKind.DISCIPLINE]).toEqual(['dateFrom', 'measure']);
    expect(ENTRY_REQUIRED[PersonEntryKind.FAMILY]).toEqual(['relation', 'relativeName']);
    for (const kind of Object.values(PersonEntryKind)) {
      for (const f of ENTRY_REQUIRED[kind]) expect(ENTRY_FIELDS[kind]).toContain(f);
    }
  });
  it('name the date of a commendation the decision date, and a relative’s year the birth year', () => {
    expect(entryFieldLabelKey(PersonEntryKind.COMMENDATION, 'dateFrom')).toBe('personEntry.fields.decisionDate');
    expect(entryFieldLabelKey(PersonEntryKind.TRAINING, 'dateFrom')).toBe('personEntry.fields.dateFrom');
    expect(entryFieldLabelKey(PersonEntryKind.FAMILY, 'year')).toBe('personEntry.fields.birthYear');
    expect(entryFieldLabelKey(PersonEntryKind.RATING, 'year')).toBe('personEntry.fields.year');
  });
});

describe('a stored entry and the form', () => {
  it('maps the typed columns and the details back to the form’s fields', () => {
    expect(entryContentValues(entry({}))).toEqual({
      course: 'Bồi dưỡng kỹ năng số',
      trainingKind: TrainingKind.DIGITAL_SKILLS,
      dateFrom: '2026-03-02',
      dateTo: '2026-03-06',
      certificate: null,
      text: null,
    });
    const family = entry({ kind: PersonEntryKind.FAMILY, dateFrom: null, dateTo: null, year: 1955, value: { relation: FamilyRelation.FATHER, relativeName: 'Lê Văn Một' } });
    expect(entryContentValues(family)).toMatchObject({ relation: FamilyRelation.FATHER, relativeName: 'Lê Văn Một', year: 1955, occupation: null });
  });
  it('sends only the kind’s fields, text cleaned, empty as null', () => {
    expect(entryContentInput(PersonEntryKind.RATING, { year: '2025', rating: AnnualRating.GOOD, text: '  ', course: 'x' })).toEqual({
      year: 2025,
      rating: AnnualRating.GOOD,
      text: null,
    });
    expect(entryContentInput(PersonEntryKind.COMMENDATION, { dateFrom: '2026-01-15', measure: ' Giấy  khen ', decision: '' })).toEqual({
      dateFrom: '2026-01-15',
      measure: 'Giấy khen',
      decision: null,
      text: null,
    });
  });
  it('tells an unchanged entry (refused by the server) from a corrected one', () => {
    const e = entry({});
    expect(sameEntryContent(e, { ...entryContentValues(e), certificate: ' ' })).toBe(true);
    expect(sameEntryContent(e, { ...entryContentValues(e), dateTo: '2026-03-07' })).toBe(false);
  });
});

describe('entry dates and years', () => {
  it('refuse a training, commendation or discipline date in the future', () => {
    expect(notFutureProblem(TODAY, TODAY)).toBeNull();
    expect(notFutureProblem('2026-11-29', TODAY)).toBe('personEntry.validation.inFuture');
    expect(notFutureProblem(null, TODAY)).toBeNull();
  });
  it('let a training end on its first day, not before', () => {
    expect(trainingEndProblem('2026-03-02', '2026-03-02')).toBeNull();
    expect(trainingEndProblem('2026-03-02', '2026-03-01')).toBe('validation.periodOrder');
    expect(trainingEndProblem('2026-03-02', null)).toBeNull();
  });
  it('rate a year that has come, and take a birth year not after this one', () => {
    expect(yearProblem(PersonEntryKind.RATING, 2026, TODAY)).toBeNull();
    expect(yearProblem(PersonEntryKind.RATING, 2027, TODAY)).toBe('personEntry.validation.ratingYearInFuture');
    expect(yearProblem(PersonEntryKind.FAMILY, 2027, TODAY)).toBe('personEntry.validation.birthYearInFuture');
    expect(yearProblem(PersonEntryKind.FAMILY, 1899, TODAY)).toBe('personEntry.validation.yearRange');
    expect(yearProblem(PersonEntryKind.FAMILY, null, TODAY)).toBeNull();
  });
});

const t = ((key: string) => key) as never;

async function check(rules: unknown[], value: unknown): Promise<string[]> {
  const { default: Schema } = await import('@rc-component/async-validator');
  const schema = new Schema({ f: rules as never });
  try {
    await schema.validate({ f: value });
    return [];
  } catch (e) {
    return ((e as { errors: { message: string }[] }).errors ?? []).map((x) => x.message);
  }
}

describe('the client rules of entry fields', () => {
  const rules = (kind: PersonEntryKind, field: Parameters<typeof entryFieldRules>[2], dateFrom: string | null = null) =>
    entryFieldRules(t, kind, field, TODAY, () => dateFrom);
  it('require a training’s first day (a date is not blank text), not in the future', async () => {
    expect(await check(rules(PersonEntryKind.TRAINING, 'dateFrom'), dayjs('2026-03-02'))).toEqual([]);
    expect(await check(rules(PersonEntryKind.TRAINING, 'dateFrom'), null)).toEqual(['validation.required']);
    expect(await check(rules(PersonEntryKind.TRAINING, 'dateFrom'), dayjs('2026-11-29'))).toEqual(['personEntry.validation.inFuture']);
  });
  it('take a training’s last day from its first day on, and leave it optional', async () => {
    expect(await check(rules(PersonEntryKind.TRAINING, 'dateTo', '2026-03-02'), null)).toEqual([]);
    expect(await check(rules(PersonEntryKind.TRAINING, 'dateTo', '2026-03-02'), dayjs('2026-03-02'))).toEqual([]);
    expect(await check(rules(PersonEntryKind.TRAINING, 'dateTo', '2026-03-02'), dayjs('2026-03-01'))).toEqual(['validation.periodOrder']);
  });
  it('require a rating’s year as a number that has come', async () => {
    expect(await check(rules(PersonEntryKind.RATING, 'year'), 2025)).toEqual([]);
    expect(await check(rules(PersonEntryKind.RATING, 'year'), null)).toEqual(['validation.required']);
    expect(await check(rules(PersonEntryKind.RATING, 'year'), 2027)).toEqual(['personEntry.validation.ratingYearInFuture']);
    expect(await check(rules(PersonEntryKind.FAMILY, 'year'), null)).toEqual([]);
  });
  it('require a commendation’s measure as text, and a relative’s name as a name', async () => {
    expect(await check(rules(PersonEntryKind.COMMENDATION, 'measure'), 'Giấy khen')).toEqual([]);
    expect(await check(rules(PersonEntryKind.COMMENDATION, 'measure'), '  ')).toEqual(['validation.required']);
    expect(await check(rules(PersonEntryKind.FAMILY, 'relativeName'), 'Lê Văn Một')).toEqual([]);
    expect(await check(rules(PersonEntryKind.FAMILY, 'relativeName'), 'Lê <Một>')).toEqual(['validation.name']);
    expect(await check(rules(PersonEntryKind.FAMILY, 'relation'), undefined)).toEqual(['validation.required']);
  });
});
