import { Period, planChange, recordOn } from '../bitemporal';

const rec = (id: string, value: number, validFrom: string, validTo: string | null): Period => ({ id, value, validFrom, validTo });

describe('recordOn', () => {
  const current = [rec('a', 1, '2025-07-01', '2026-01-01'), rec('b', 2, '2026-01-01', null)];

  test('finds the record whose half-open period holds the date', () => {
    expect(recordOn(current, '2025-07-01')?.id).toBe('a');
    expect(recordOn(current, '2025-12-31')?.id).toBe('a');
    expect(recordOn(current, '2026-01-01')?.id).toBe('b'); // validTo is exclusive
    expect(recordOn(current, '2099-01-01')?.id).toBe('b'); // open end
  });

  test('answers null before the first record and in gaps', () => {
    expect(recordOn(current, '2025-06-30')).toBeNull();
    expect(recordOn([rec('a', 1, '2025-01-01', '2025-02-01'), rec('b', 2, '2025-03-01', null)], '2025-02-15')).toBeNull();
    expect(recordOn([], '2025-01-01')).toBeNull();
  });
});

describe('planChange', () => {
  test('splits the covering record: remainder up to the day before, new value from the date to its end', () => {
    const covering = rec('seed', 40, '2025-07-01', null);
    const plan = planChange([covering], '2026-01-01', 45);
    expect(plan.covering).toBe(covering);
    expect(plan.supersede).toEqual([covering]);
    expect(plan.insert).toEqual([
      { value: 40, validFrom: '2025-07-01', validTo: '2026-01-01', carriedFrom: 'seed' },
      { value: 45, validFrom: '2026-01-01', validTo: null, carriedFrom: null },
    ]);
  });

  test('a bounded covering record keeps its end for the new value', () => {
    const current = [rec('a', 10, '2025-07-01', '2026-07-01'), rec('b', 12, '2026-07-01', null)];
    const plan = planChange(current, '2026-01-01', 11);
    expect(plan.supersede.map((r) => r.id)).toEqual(['a']);
    expect(plan.insert).toEqual([
      { value: 10, validFrom: '2025-07-01', validTo: '2026-01-01', carriedFrom: 'a' },
      { value: 11, validFrom: '2026-01-01', validTo: '2026-07-01', carriedFrom: null },
    ]);
  });

  test('a change on the first day of a record replaces it without a remainder', () => {
    const current = [rec('a', 10, '2025-07-01', '2026-01-01'), rec('b', 12, '2026-01-01', null)];
    const plan = planChange(current, '2026-01-01', 13);
    expect(plan.covering?.id).toBe('b');
    expect(plan.supersede.map((r) => r.id)).toEqual(['b']);
    expect(plan.insert).toEqual([{ value: 13, validFrom: '2026-01-01', validTo: null, carriedFrom: null }]);
  });

  test('a change on the last day of a bounded record leaves a one-day-shorter remainder and a one-day new record', () => {
    const plan = planChange([rec('a', 10, '2025-07-01', '2025-07-10')], '2025-07-09', 11);
    expect(plan.insert).toEqual([
      { value: 10, validFrom: '2025-07-01', validTo: '2025-07-09', carriedFrom: 'a' },
      { value: 11, validFrom: '2025-07-09', validTo: '2025-07-10', carriedFrom: null },
    ]);
  });

  test('a change before any record is bounded by the next record and supersedes nothing', () => {
    const current = [rec('later', 5, '2026-01-01', null), rec('latest', 6, '2027-01-01', null)];
    const plan = planChange(current, '2025-07-01', 4);
    expect(plan.covering).toBeNull();
    expect(plan.supersede).toEqual([]);
    expect(plan.insert).toEqual([{ value: 4, validFrom: '2025-07-01', validTo: '2026-01-01', carriedFrom: null }]);
  });

  test('the nearest later record bounds the change whatever the order of the input', () => {
    const current = [rec('c', 3, '2028-01-01', null), rec('a', 1, '2026-01-01', '2027-01-01'), rec('b', 2, '2027-01-01', '2028-01-01')];
    expect(planChange(current, '2025-01-01', 9).insert[0].validTo).toBe('2026-01-01');
  });

  test('a change in a gap is bounded by the record after the gap', () => {
    const current = [rec('a', 1, '2025-01-01', '2025-02-01'), rec('b', 2, '2025-03-01', null)];
    const plan = planChange(current, '2025-02-10', 7);
    expect(plan.covering).toBeNull();
    expect(plan.insert).toEqual([{ value: 7, validFrom: '2025-02-10', validTo: '2025-03-01', carriedFrom: null }]);
  });

  test('with no records the new value is open-ended', () => {
    expect(planChange([], '2025-07-01', 3)).toEqual({
      supersede: [],
      insert: [{ value: 3, validFrom: '2025-07-01', validTo: null, carriedFrom: null }],
      covering: null,
    });
  });

  test('the plan leaves current knowledge without overlaps or gaps over the covered period', () => {
    const current = [rec('a', 10, '2025-07-01', '2026-07-01'), rec('b', 12, '2026-07-01', null)];
    const plan = planChange(current, '2026-03-15', 11);
    const after = [
      ...current.filter((r) => !plan.supersede.includes(r)),
      ...plan.insert.map((r, i) => rec(`n${i}`, r.value, r.validFrom, r.validTo)),
    ].sort((x, y) => (x.validFrom < y.validFrom ? -1 : 1));
    for (let i = 1; i < after.length; i++) expect(after[i].validFrom).toBe(after[i - 1].validTo);
    expect(after[0].validFrom).toBe('2025-07-01');
    expect(after[after.length - 1].validTo).toBeNull();
    expect(recordOn(after, '2026-03-14')?.value).toBe(10);
    expect(recordOn(after, '2026-03-15')?.value).toBe(11);
    expect(recordOn(after, '2026-06-30')?.value).toBe(11);
    expect(recordOn(after, '2026-07-01')?.value).toBe(12);
  });
});

describe('planChange with a structured value (a person assignment)', () => {
  type Assignment = { unitId: string; jobPosition: string };
  const a = (id: string, value: Assignment, validFrom: string, validTo: string | null): Period<Assignment> => ({ id, value, validFrom, validTo });

  test('the remainder carries the old value; the new value holds from the date', () => {
    const old = a('x', { unitId: 'u1', jobPosition: 'Chuyên viên' }, '2025-07-01', null);
    const plan = planChange([old], '2026-03-01', { unitId: 'u2', jobPosition: 'Phó Chủ tịch' });
    expect(plan.covering).toBe(old);
    expect(plan.insert).toEqual([
      { value: { unitId: 'u1', jobPosition: 'Chuyên viên' }, validFrom: '2025-07-01', validTo: '2026-03-01', carriedFrom: 'x' },
      { value: { unitId: 'u2', jobPosition: 'Phó Chủ tịch' }, validFrom: '2026-03-01', validTo: null, carriedFrom: null },
    ]);
  });
});
