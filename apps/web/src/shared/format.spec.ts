import { describe, expect, it } from 'vitest';
import { formatDate, formatNumber, formatPercent } from './format';

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
