import { describe, expect, it } from 'vitest';
import en from './en.json';
import vi from './vi.json';

function keys(obj: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    v && typeof v === 'object' ? keys(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

describe('locales', () => {
  it('have the same keys in Vietnamese and English', () => {
    expect(keys(en).sort()).toEqual(keys(vi).sort());
  });
  it('have no empty strings', () => {
    for (const [name, file] of Object.entries({ vi, en })) {
      const empty = keys(file).filter((k) => !k.split('.').reduce<any>((o, p) => o[p], file));
      expect(empty, name).toEqual([]);
    }
  });
});
