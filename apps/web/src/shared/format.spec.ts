import { describe, expect, it } from 'vitest';
import { formatCount, formatDate, formatNumber, formatPercent, formatPercentValue } from './format';

describe('Vietnamese formats', () => {
  it('writes dates as dd/mm/yyyy', () => {
    expect(formatDate('2025-07-01')).toBe('01/07/2025');
    expect(formatDate(null)).toBe('');
  });
  it('groups thousands with a dot and uses a decimal comma', () => {
    expect(formatNumber(47557)).toBe('47.557');
    expect(formatNumber(55152, 'en')).toBe('55,152');
    expect(formatPercent(47557 / 55152)).toBe('86,2%');
    expect(formatPercent(0.862, 'en')).toBe('86.2%');
  });
});

describe('report figures', () => {
  it('formats counts and bases, with a dash for what is missing', () => {
    expect(formatCount(47557)).toBe('47.557');
    expect(formatCount(0)).toBe('0');
    expect(formatCount(null)).toBe('—');
    expect(formatCount(Number.NaN)).toBe('—');
    expect(formatCount(55152, 'en')).toBe('55,152');
  });
  it('formats the API\'s percents (already rounded) with one decimal, a dash without a base', () => {
    expect(formatPercentValue(86.2)).toBe('86,2%');
    expect(formatPercentValue(41)).toBe('41,0%');
    expect(formatPercentValue(100)).toBe('100,0%');
    expect(formatPercentValue(86.2, 'en')).toBe('86.2%');
    expect(formatPercentValue(null)).toBe('—');
    expect(formatPercentValue(Number.NaN)).toBe('—');
    expect(formatPercentValue(Number.POSITIVE_INFINITY)).toBe('—');
  });
});
