import { ALL_PERMISSIONS, isPermission, PERMISSION_LABELS, PERMISSIONS, PUBLIC } from './permissions';

describe('permission catalogue', () => {
  test('ALL_PERMISSIONS lists every key of PERMISSIONS once', () => {
    expect([...ALL_PERMISSIONS].sort()).toEqual(Object.values(PERMISSIONS).sort());
    expect(new Set(ALL_PERMISSIONS).size).toBe(ALL_PERMISSIONS.length);
  });

  test('permission keys are "area.action" in lower case', () => {
    for (const p of ALL_PERMISSIONS) expect(p).toMatch(/^[a-z]+\.[a-z_]+$/);
  });

  test('isPermission accepts catalogue keys only', () => {
    for (const p of ALL_PERMISSIONS) expect(isPermission(p)).toBe(true);
    expect(isPermission(PUBLIC)).toBe(false);
    expect(isPermission('unit.delete')).toBe(false);
    expect(isPermission('UNIT.READ')).toBe(false);
    expect(isPermission('')).toBe(false);
    expect(isPermission('UNIT_READ')).toBe(false);
  });

  test('every permission has a Vietnamese and an English label, and no label is orphaned', () => {
    for (const p of ALL_PERMISSIONS) {
      expect(PERMISSION_LABELS[p]?.vi?.trim()).toBeTruthy();
      expect(PERMISSION_LABELS[p]?.en?.trim()).toBeTruthy();
    }
    expect(Object.keys(PERMISSION_LABELS).sort()).toEqual([...ALL_PERMISSIONS].sort());
  });

  test('labels are distinct', () => {
    const vi = ALL_PERMISSIONS.map((p) => PERMISSION_LABELS[p].vi);
    expect(new Set(vi).size).toBe(vi.length);
  });
});
