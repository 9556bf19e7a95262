import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import type { PersonAssignmentFieldsFragment } from '../../generated/graphql';
import { recordOn } from './AssignmentModal';
import { birthDateRules, cleanText, nationalIdRules, PARTY_CARD_PATTERN, partyDateProblem } from './person-form';

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

describe('person form rules mirror the API', () => {
  it('take a national ID of exactly 12 digits, nothing else', async () => {
    expect(await check(nationalIdRules(t), '079090001234')).toEqual([]);
    for (const bad of ['07909000123', '0790900012345', '0790 9000123', '07909000123a', ' 079090001234']) {
      expect(await check(nationalIdRules(t), bad)).toContain('person.validation.nationalId');
    }
    expect(await check(nationalIdRules(t), '')).toContain('validation.required');
  });
  it('refuse a birth date in the future or giving an age under 18', async () => {
    expect(await check(birthDateRules(t, 'vi'), dayjs().subtract(30, 'year'))).toEqual([]);
    expect(await check(birthDateRules(t, 'vi'), dayjs().subtract(18, 'year'))).toEqual([]);
    expect((await check(birthDateRules(t, 'vi'), dayjs().subtract(18, 'year').add(1, 'day')))[0]).toMatch(/Chưa đủ 18 tuổi/);
    expect((await check(birthDateRules(t, 'en'), dayjs().add(1, 'day')))[0]).toMatch(/future/);
  });
  it('send text as NFC, trimmed, empty as null', () => {
    const nfd = 'Nguyễn Văn An'.normalize('NFD');
    expect(cleanText(`  ${nfd}  `)).toBe('Nguyễn Văn An'.normalize('NFC'));
    expect(cleanText('   ')).toBeNull();
    expect(cleanText(null)).toBeNull();
  });
});

describe('party details mirror the API', () => {
  const today = '2026-11-28';
  it('refuse a party date after today or not after the birth date', () => {
    expect(partyDateProblem('2015-05-19', '1990-03-15', today)).toBeNull();
    expect(partyDateProblem(today, '1990-03-15', today)).toBeNull();
    expect(partyDateProblem('2026-11-29', '1990-03-15', today)).toBe('person.validation.partyDateFuture');
    expect(partyDateProblem('1990-03-15', '1990-03-15', today)).toBe('person.validation.partyDateBeforeBirth');
    expect(partyDateProblem(null, '1990-03-15', today)).toBeNull();
  });
  it('refuse full membership before admission', () => {
    expect(partyDateProblem('2016-05-19', '1990-03-15', today, '2015-05-19')).toBeNull();
    expect(partyDateProblem('2015-05-19', '1990-03-15', today, '2015-05-19')).toBeNull();
    expect(partyDateProblem('2015-05-18', '1990-03-15', today, '2015-05-19')).toBe('person.validation.partyConfirmedBeforeJoined');
  });
  it('take a party card number of digits only, at most 20', async () => {
    const rules = [{ pattern: PARTY_CARD_PATTERN, message: 'card' }];
    expect(await check(rules, '93012345')).toEqual([]);
    for (const bad of ['9301 2345', '93.012.345', 'A93012345', '1'.repeat(21)]) expect(await check(rules, bad)).toEqual(['card']);
  });
});

describe('the base record of an assignment change', () => {
  const record = (id: string, validFrom: string, validTo: string | null, supersededAt: string | null = null) =>
    ({ id, validFrom, validTo, supersededAt }) as PersonAssignmentFieldsFragment;
  const records = [record('a', '2025-07-01', '2026-01-01'), record('b', '2026-01-01', null), record('old', '2025-07-01', null, '2026-02-01T00:00:00Z')];
  it('is the current record in force on the effective date', () => {
    expect(recordOn(records, '2025-07-01')?.id).toBe('a');
    expect(recordOn(records, '2025-12-31')?.id).toBe('a');
    expect(recordOn(records, '2026-01-01')?.id).toBe('b');
    expect(recordOn(records, '2025-06-30')).toBeNull();
  });
});
