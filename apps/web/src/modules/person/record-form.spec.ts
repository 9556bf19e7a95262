import { CommitteeKind, PersonRecordKind, PoliticalTheoryLevel, QualificationLevel, RecordKind } from '@canbo/shared';
import { describe, expect, it } from 'vitest';
import type { PersonRecordFieldsFragment } from '../../generated/graphql';
import {
  defaultEffectiveFrom,
  effectiveFromProblem,
  endDateProblem,
  levelFieldOf,
  periodProblem,
  RECORD_FIELDS,
  RECORD_REQUIRED,
  recordContentInput,
  recordContentValues,
  recordFieldRules,
  sameRecordContent,
  termProblem,
} from './record-form';

const record = (overrides: Partial<PersonRecordFieldsFragment>): PersonRecordFieldsFragment => ({
  id: 'r1',
  personId: 'p1',
  kind: PersonRecordKind.QUALIFICATION,
  unitId: null,
  titleId: null,
  committee: null,
  term: null,
  level: QualificationLevel.BACHELOR,
  value: { field: 'Luật', institution: 'Trường Đại học Cần Thơ', year: 2012 },
  validFrom: '2025-07-01',
  validTo: null,
  recordedAt: '2025-07-01T01:00:00.000Z',
  supersededAt: null,
  recordKind: RecordKind.CHANGE,
  correctsId: null,
  reason: null,
  version: 1,
  ...overrides,
});

describe('the fields of each record kind', () => {
  it('need what the server needs, all among the kind’s fields', () => {
    expect(RECORD_REQUIRED[PersonRecordKind.TITLE]).toEqual(['titleId', 'unitId']);
    expect(RECORD_REQUIRED[PersonRecordKind.COMMITTEE]).toEqual(['committee', 'term', 'unitId']);
    expect(RECORD_REQUIRED[PersonRecordKind.FOREIGN_LANGUAGE]).toEqual(['language', 'level']);
    expect(RECORD_REQUIRED[PersonRecordKind.CIVIL_SERVICE_RANK]).toEqual(['rankCode', 'salaryStep']);
    for (const kind of Object.values(PersonRecordKind)) {
      for (const f of RECORD_REQUIRED[kind]) expect(RECORD_FIELDS[kind]).toContain(f);
    }
  });
  it('store the level column under the field of the kind', () => {
    expect(levelFieldOf(PersonRecordKind.QUALIFICATION)).toBe('qualificationLevel');
    expect(levelFieldOf(PersonRecordKind.POLITICAL_THEORY)).toBe('politicalTheoryLevel');
    expect(levelFieldOf(PersonRecordKind.IT)).toBe('level');
    expect(levelFieldOf(PersonRecordKind.CIVIL_SERVICE_RANK)).toBe('rankCode');
    expect(levelFieldOf(PersonRecordKind.TITLE)).toBeNull();
  });
});

describe('a stored record and the form', () => {
  it('maps the level column and the details back to the form’s fields', () => {
    expect(recordContentValues(record({}))).toEqual({
      qualificationLevel: QualificationLevel.BACHELOR,
      field: 'Luật',
      institution: 'Trường Đại học Cần Thơ',
      year: 2012,
    });
    const rank = record({ kind: PersonRecordKind.CIVIL_SERVICE_RANK, level: '01.003', value: { rankName: 'Chuyên viên', salaryStep: 3 } });
    expect(recordContentValues(rank)).toEqual({ rankCode: '01.003', rankName: 'Chuyên viên', salaryStep: 3 });
    const committee = record({ kind: PersonRecordKind.COMMITTEE, level: null, committee: CommitteeKind.STANDING, term: '2025-2030', unitId: 'u1', value: {} });
    expect(recordContentValues(committee)).toEqual({ committee: CommitteeKind.STANDING, term: '2025-2030', unitId: 'u1' });
  });
  it('sends only the kind’s fields: text as NFC, trimmed, empty as null; numbers as numbers', () => {
    const input = recordContentInput(PersonRecordKind.FOREIGN_LANGUAGE, {
      language: '  Tiếng Anh '.normalize('NFD'),
      level: 'B1',
      institution: '   ',
      year: '2019',
      titleId: 'not-of-this-kind',
    });
    expect(input).toEqual({ language: 'Tiếng Anh'.normalize('NFC'), level: 'B1', institution: null, year: 2019 });
    expect(recordContentInput(PersonRecordKind.POLITICAL_THEORY, { politicalTheoryLevel: PoliticalTheoryLevel.ADVANCED })).toEqual({
      politicalTheoryLevel: PoliticalTheoryLevel.ADVANCED,
      institution: null,
      year: null,
    });
  });
  it('tells an unchanged content (refused by the server) from a changed one', () => {
    const r = record({});
    expect(sameRecordContent(r, { ...recordContentValues(r), institution: ' Trường Đại học Cần Thơ ' })).toBe(true);
    expect(sameRecordContent(r, { ...recordContentValues(r), qualificationLevel: QualificationLevel.MASTER })).toBe(false);
    expect(sameRecordContent(r, { ...recordContentValues(r), field: '' })).toBe(false);
  });
});

describe('record dates and terms', () => {
  it('take a term YYYY-YYYY whose last year comes after the first', () => {
    expect(termProblem('2025-2030')).toBeNull();
    expect(termProblem(null)).toBeNull();
    expect(termProblem('2025/2030')).toBe('validation.term');
    expect(termProblem('25-30')).toBe('validation.term');
    expect(termProblem('2030-2025')).toBe('personRecord.validation.termOrder');
    expect(termProblem('2025-2025')).toBe('personRecord.validation.termOrder');
  });
  it('end a period after its start', () => {
    expect(periodProblem('2025-07-01', null)).toBeNull();
    expect(periodProblem('2025-07-01', '2025-07-02')).toBeNull();
    expect(periodProblem('2025-07-01', '2025-07-01')).toBe('validation.periodOrder');
    expect(periodProblem('2025-07-01', '2025-06-30')).toBe('validation.periodOrder');
  });
  it('take a change on a day of the record’s period', () => {
    const closed = record({ validFrom: '2025-07-01', validTo: '2026-01-01' });
    expect(effectiveFromProblem(closed, '2025-07-01')).toBeNull();
    expect(effectiveFromProblem(closed, '2025-12-31')).toBeNull();
    expect(effectiveFromProblem(closed, '2026-01-01')).toBe('personRecord.validation.outsidePeriod');
    expect(effectiveFromProblem(closed, '2025-06-30')).toBe('personRecord.validation.outsidePeriod');
    expect(effectiveFromProblem(record({ validTo: null }), '2040-01-01')).toBeNull();
  });
  it('end a record after its first day and before the end it has', () => {
    const open = record({ validFrom: '2025-07-01', validTo: null });
    expect(endDateProblem(open, '2025-07-02')).toBeNull();
    expect(endDateProblem(open, '2025-07-01')).toBe('validation.periodOrder');
    const closed = record({ validFrom: '2025-07-01', validTo: '2026-01-01' });
    expect(endDateProblem(closed, '2025-12-31')).toBeNull();
    expect(endDateProblem(closed, '2026-01-01')).toBe('personRecord.validation.endOutside');
  });
  it('propose the chosen day for a change only when it falls after the start, inside the period', () => {
    const closed = record({ validFrom: '2025-07-01', validTo: '2026-01-01' });
    expect(defaultEffectiveFrom(closed, '2025-10-01')).toBe('2025-10-01');
    expect(defaultEffectiveFrom(closed, '2025-07-01')).toBeNull();
    expect(defaultEffectiveFrom(closed, '2026-03-01')).toBeNull();
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

describe('the client rules of record fields', () => {
  it('require a salary step from 1 to 20, a whole number (a number is not blank text)', async () => {
    const rules = recordFieldRules(t, PersonRecordKind.CIVIL_SERVICE_RANK, 'salaryStep');
    expect(await check(rules, 3)).toEqual([]);
    expect(await check(rules, null)).toEqual(['validation.required']);
    expect(await check(rules, 21)).toEqual(['personRecord.validation.range']);
    expect(await check(rules, 2.5)).toContain('validation.integer');
  });
  it('let the year of a qualification be left out, but not outside 1950–2100', async () => {
    const rules = recordFieldRules(t, PersonRecordKind.QUALIFICATION, 'year');
    expect(await check(rules, undefined)).toEqual([]);
    expect(await check(rules, 2012)).toEqual([]);
    expect(await check(rules, 1949)).toEqual(['personRecord.validation.range']);
  });
  it('require a rank code of at most 20 characters, not blank, without markup', async () => {
    const rules = recordFieldRules(t, PersonRecordKind.CIVIL_SERVICE_RANK, 'rankCode');
    expect(await check(rules, '01.003')).toEqual([]);
    expect(await check(rules, '   ')).toEqual(['validation.required']);
    expect(await check(rules, '1'.repeat(21))).toEqual(['validation.maxLength']);
    expect(await check(rules, '<b>')).toEqual(['validation.noMarkup']);
  });
  it('require a choice of the kind, and a term in order', async () => {
    expect(await check(recordFieldRules(t, PersonRecordKind.TITLE, 'titleId'), undefined)).toEqual(['validation.required']);
    expect(await check(recordFieldRules(t, PersonRecordKind.QUALIFICATION, 'qualificationLevel'), QualificationLevel.MASTER)).toEqual([]);
    const term = recordFieldRules(t, PersonRecordKind.COMMITTEE, 'term');
    expect(await check(term, '2025-2030')).toEqual([]);
    expect(await check(term, '2030-2025')).toEqual(['personRecord.validation.termOrder']);
    expect(await check(term, '')).toEqual(['validation.required']);
  });
});
