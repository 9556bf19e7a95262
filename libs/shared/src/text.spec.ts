import { foldForSearch, normalizeText } from './text';

describe('foldForSearch', () => {
  test('folds Vietnamese diacritics and case', () => {
    expect(foldForSearch('Xã Mỹ Đức')).toBe('xa my duc');
    expect(foldForSearch('Phường Bình Đức')).toBe('phuong binh duc');
    expect(foldForSearch('Đặc khu Phú Quốc')).toBe('dac khu phu quoc');
    expect(foldForSearch('Ủy ban nhân dân')).toBe('uy ban nhan dan');
  });

  test('Đ and đ both fold to d (they do not decompose under NFD)', () => {
    expect('Đ'.normalize('NFD')).toBe('Đ');
    expect(foldForSearch('Đ')).toBe('d');
    expect(foldForSearch('đ')).toBe('d');
    expect(foldForSearch('ĐĐđđ')).toBe('dddd');
  });

  test('NFD and NFC input fold to the same text', () => {
    const nfc = 'Xã Mỹ Đức'.normalize('NFC');
    const nfd = 'Xã Mỹ Đức'.normalize('NFD');
    expect(nfd).not.toBe(nfc);
    expect(foldForSearch(nfd)).toBe('xa my duc');
    expect(foldForSearch(nfd)).toBe(foldForSearch(nfc));
  });

  test('upper-case accented input folds like lower-case', () => {
    expect(foldForSearch('MỸ ĐỨC')).toBe('my duc');
    expect(foldForSearch('MỸ ĐỨC')).toBe(foldForSearch('mỹ đức'));
  });

  test('collapses and trims whitespace', () => {
    expect(foldForSearch('  Xã \t Mỹ\n\nĐức  ')).toBe('xa my duc');
  });

  test('leaves SQL/LIKE metacharacters alone (escaping is the query builder’s job)', () => {
    expect(foldForSearch("%_'; --")).toBe("%_'; --");
  });
});

describe('normalizeText', () => {
  test('turns NFD into NFC', () => {
    const nfd = 'Xã Mỹ Đức Mới'.normalize('NFD');
    const out = normalizeText(nfd);
    expect(out).toBe('Xã Mỹ Đức Mới'.normalize('NFC'));
    expect(out.length).toBeLessThan(nfd.length);
    expect(out.normalize('NFC')).toBe(out);
  });

  test('trims and collapses inner whitespace runs to one space', () => {
    expect(normalizeText('  Xã   An\tBiên \n ')).toBe('Xã An Biên');
  });

  test('keeps case and diacritics', () => {
    expect(normalizeText('Phường Hà Tiên')).toBe('Phường Hà Tiên');
  });

  test('whitespace only becomes empty', () => {
    expect(normalizeText(' \t\n ')).toBe('');
  });
});
