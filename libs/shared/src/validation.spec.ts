import { CODE_PATTERN, isDateInRange, isValidIsoDate, LIMITS, NAME_PATTERN, todayIso } from './validation';

describe('isValidIsoDate', () => {
  test.each(['2025-07-01', '2024-02-29', '2000-02-29', '2025-12-31', '1945-01-01', '2100-12-31'])('accepts %s', (d) => {
    expect(isValidIsoDate(d)).toBe(true);
  });

  test.each([
    ['2025-02-30', 'day past the end of February'],
    ['2025-02-29', 'February 29 of a common year'],
    ['1900-02-29', 'century that is not a leap year'],
    ['2025-13-01', 'month 13'],
    ['2025-00-10', 'month 0'],
    ['2025-04-31', 'April 31'],
    ['2025-01-00', 'day 0'],
    ['01/07/2025', 'day/month/year'],
    ['2025-7-1', 'unpadded'],
    ['2025-07-01T00:00:00Z', 'date-time'],
    [' 2025-07-01', 'leading space'],
    ['2025-07-01\n', 'trailing newline'],
    ['', 'empty'],
    ['garbage', 'garbage'],
    ['२०२५-०७-०१', 'non-ASCII digits'],
  ])('rejects %s (%s)', (d) => {
    expect(isValidIsoDate(d)).toBe(false);
  });

  test.each([null, undefined, 20250701, new Date('2025-07-01'), ['2025-07-01']])('rejects non-string %p', (v) => {
    expect(isValidIsoDate(v)).toBe(false);
  });
});

describe('isDateInRange', () => {
  test('bounds are inclusive', () => {
    expect(isDateInRange(LIMITS.dateMin)).toBe(true);
    expect(isDateInRange(LIMITS.dateMax)).toBe(true);
    expect(isDateInRange('1944-12-31')).toBe(false);
    expect(isDateInRange('2101-01-01')).toBe(false);
  });
});

describe('todayIso', () => {
  test('formats the local date with zero padding', () => {
    expect(todayIso(new Date(2025, 0, 5, 23, 59))).toBe('2025-01-05');
    expect(todayIso(new Date(2025, 11, 31, 0, 0))).toBe('2025-12-31');
  });
});

describe('NAME_PATTERN', () => {
  test.each(['Xã Mỹ Đức', 'Phường Hà Tiên', 'Ban Tuyên giáo và Dân vận Tỉnh ủy', 'Sở Nông nghiệp & Môi trường', 'Tổ 1/2 (cũ), khóm-3.'])(
    'accepts %s',
    (n) => expect(NAME_PATTERN.test(n)).toBe(true),
  );
  test('accepts NFD text (combining marks)', () => {
    expect(NAME_PATTERN.test('Xã Mỹ Đức'.normalize('NFD'))).toBe(true);
  });
  test.each(["Xã A'; DROP TABLE unit; --", '<script>alert(1)</script>', 'a"b', 'a`b', 'a=b', 'a\\b', 'a;b', 'a<b', ''])(
    'rejects %p',
    (n) => expect(NAME_PATTERN.test(n)).toBe(false),
  );
});

describe('CODE_PATTERN', () => {
  test('accepts machine codes and refuses others', () => {
    expect(CODE_PATTERN.test('xa-my-duc')).toBe(true);
    expect(CODE_PATTERN.test('party_secretary')).toBe(true);
    expect(CODE_PATTERN.test('commune.pc_chair')).toBe(true);
    expect(CODE_PATTERN.test('-leading')).toBe(false);
    expect(CODE_PATTERN.test('Upper')).toBe(false);
    expect(CODE_PATTERN.test('xã')).toBe(false);
    expect(CODE_PATTERN.test('a b')).toBe(false);
  });
});

describe('LIMITS', () => {
  test('term pattern captures both years', () => {
    expect(LIMITS.termPattern.exec('2025-2030')?.slice(1)).toEqual(['2025', '2030']);
    expect(LIMITS.termPattern.test('2025-30')).toBe(false);
  });
});
