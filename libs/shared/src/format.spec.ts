import { dayBefore, formatDate, formatNumber, formatPercent, formatPeriod } from './format';

describe('formatNumber', () => {
  test('Vietnamese: thousands with a dot, decimals with a comma', () => {
    expect(formatNumber(47557)).toBe('47.557');
    expect(formatNumber(55152, 'vi')).toBe('55.152');
    expect(formatNumber(1234567.5)).toBe('1.234.567,5');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(999)).toBe('999');
    expect(formatNumber(-7595)).toBe('-7.595');
  });

  test('English: thousands with a comma, decimals with a dot', () => {
    expect(formatNumber(47557, 'en')).toBe('47,557');
    expect(formatNumber(1234.25, 'en')).toBe('1,234.25');
  });

  test('fixed decimals, rounded half away from zero; without them at most three, trailing zeros dropped', () => {
    expect(formatNumber(86.2, 'vi', 1)).toBe('86,2');
    expect(formatNumber(86, 'vi', 1)).toBe('86,0');
    expect(formatNumber(1.005, 'vi', 2)).toBe('1,01');
    expect(formatNumber(-0.04, 'vi', 1)).toBe('0,0');
    expect(formatNumber(2.5, 'vi', 0)).toBe('3');
    expect(formatNumber(1.23456)).toBe('1,235');
    expect(formatNumber(1.5)).toBe('1,5');
  });

  test('not a number: empty, never NaN', () => {
    expect(formatNumber(Number.NaN)).toBe('');
    expect(formatNumber(Number.POSITIVE_INFINITY)).toBe('');
  });
});

describe('formatPercent', () => {
  test('a ratio as a percent with one decimal by default', () => {
    expect(formatPercent(47557 / 55152)).toBe('86,2%');
    expect(formatPercent(0.138)).toBe('13,8%');
    expect(formatPercent(86.2 / 100)).toBe('86,2%');
    expect(formatPercent(1)).toBe('100,0%');
    expect(formatPercent(0.41, 'vi', 0)).toBe('41%');
    expect(formatPercent(0.862, 'en')).toBe('86.2%');
    expect(formatPercent(-0.05)).toBe('-5,0%');
    expect(formatPercent(Number.NaN)).toBe('');
  });
});

describe('formatDate', () => {
  test('dd/mm/yyyy', () => {
    expect(formatDate('2025-10-01')).toBe('01/10/2025');
    expect(formatDate('2025-07-01T10:00:00Z')).toBe('01/07/2025');
    expect(formatDate(null)).toBe('');
  });
});

describe('periods', () => {
  it('end on the day before their exclusive end, across months, years and leap days', () => {
    expect(dayBefore('2026-01-01')).toBe('2025-12-31');
    expect(dayBefore('2024-03-01')).toBe('2024-02-29');
    expect(dayBefore('2025-03-01')).toBe('2025-02-28');
    expect(formatPeriod('2025-08-01', '2026-01-01', 'nay')).toBe('01/08/2025 – 31/12/2025');
    expect(formatPeriod('2025-08-01', null, 'nay')).toBe('01/08/2025 – nay');
  });
});
