import { TARGET_DEFINITIONS, TARGET_STATUS_LABELS, TargetId } from '@canbo/shared';
import type { TargetStatus } from '../../generated/graphql';
import { describe, expect, it } from 'vitest';
import {
  compareNullable,
  dateProblem,
  definitionOf,
  formatPoints,
  graphqlTargetId,
  heatRows,
  linePath,
  measureCode,
  progressOf,
  rankUnits,
  sharedTargetId,
  sortHeatRows,
  STATUS_STYLES,
  STATUSES,
  statusCounts,
  statusLabel,
  statusStyle,
  TARGET_KEYS,
  trendSeries,
  trendSeriesByTarget,
  UnitTargets,
  xOf,
  yOf,
} from './target-helpers';

const unit = (unitName: string, value: number | null, status: TargetStatus = 'AT_RISK', extra: Partial<UnitTargets> = {}): UnitTargets => ({
  unitId: `id-${unitName}`,
  unitName,
  committeeMinorityShare: null,
  populationMinorityShare: null,
  targets: [
    { targetId: 'RATED_GOOD', count: value === null ? 0 : Math.round(value), base: value === null ? 0 : 100, value, status },
    { targetId: 'DIGITAL_SKILLS', count: 1, base: 2, value: 50, status: 'ON_TRACK' },
  ],
  ...extra,
});

describe('target ids', () => {
  it('maps the GraphQL enum names to the shared ids and back, in the resolution’s order', () => {
    expect(TARGET_KEYS).toEqual(['RATED_GOOD', 'THEORY_STANDARD', 'STANDING_POSTGRADUATE', 'DIGITAL_SKILLS', 'YOUNG_KEY_TITLES', 'COMMITTEE_MINORITY']);
    expect(graphqlTargetId(TargetId.RATED_GOOD)).toBe('RATED_GOOD');
    expect(sharedTargetId('COMMITTEE_MINORITY')).toBe(TargetId.COMMITTEE_MINORITY);
    expect(sharedTargetId('rated_good')).toBeNull();
    expect(definitionOf('DIGITAL_SKILLS')).toBe(TARGET_DEFINITIONS.find((d) => d.id === TargetId.DIGITAL_SKILLS));
    expect(definitionOf('NOPE')).toBeNull();
  });

  it('codes the measures 1, 2a, 2b, 3, 4, 5', () => {
    expect(TARGET_KEYS.map(measureCode)).toEqual(['1', '2a', '2b', '3', '4', '5']);
  });
});

describe('statuses', () => {
  it('colours each status (green, blue, red, grey) with a symbol, so the status never rests on colour alone', () => {
    expect(STATUS_STYLES.MET.tag).toBe('green');
    expect(STATUS_STYLES.ON_TRACK.tag).toBe('blue');
    expect(STATUS_STYLES.AT_RISK.tag).toBe('red');
    expect(STATUS_STYLES.NO_DATA.tag).toBe('default');
    expect(new Set(STATUSES.map((s) => STATUS_STYLES[s].symbol)).size).toBe(4);
    expect(new Set(STATUSES.map((s) => STATUS_STYLES[s].background)).size).toBe(4);
    expect(statusStyle('SOMETHING')).toBe(STATUS_STYLES.NO_DATA);
    expect(STATUSES.map((s) => statusLabel(s))).toEqual(['Đạt', 'Đúng lộ trình', 'Có nguy cơ không đạt', 'Chưa có số liệu']);
    expect(statusLabel('AT_RISK', 'en')).toBe('At risk');
    // the same statuses as the shared labels
    expect([...STATUSES].sort()).toEqual(Object.keys(TARGET_STATUS_LABELS).sort());
  });

  it('fills the progress bar with the value’s share of the target, 0 without a value', () => {
    expect(progressOf(60, 95)).toBe(63.2);
    expect(progressOf(50, 10)).toBe(100);
    expect(progressOf(null, 95)).toBe(0);
    expect(progressOf(0, 0)).toBe(100);
  });

  it('counts the units per status on a measure', () => {
    expect(statusCounts([unit('A', 10), unit('B', null, 'NO_DATA'), unit('C', 99, 'MET')], 'RATED_GOOD')).toEqual({ MET: 1, ON_TRACK: 0, AT_RISK: 1, NO_DATA: 1 });
  });
});

describe('ranking and sorting units', () => {
  const units = [unit('Xã Bình', 50), unit('Xã An', 66.7), unit('Xã Trống', null, 'NO_DATA'), unit('Phường Cũ', 50), unit('Xã Ấp', null, 'NO_DATA')];

  it('ranks worst first, equal values sharing a rank, units without data last (by name) with no rank', () => {
    const rows = rankUnits(units, 'RATED_GOOD');
    expect(rows.map((r) => [r.unitName, r.rank, r.value])).toEqual([
      ['Phường Cũ', 1, 50],
      ['Xã Bình', 1, 50],
      ['Xã An', 3, 66.7],
      ['Xã Ấp', null, null],
      ['Xã Trống', null, null],
    ]);
    expect(rows[3]).toMatchObject({ count: 0, base: 0, status: 'NO_DATA' });
  });

  it('best first keeps the ranks and still puts units without data last', () => {
    const rows = rankUnits(units, 'RATED_GOOD', 'descend');
    expect(rows.map((r) => [r.unitName, r.rank])).toEqual([
      ['Xã An', 3],
      ['Phường Cũ', 1],
      ['Xã Bình', 1],
      ['Xã Ấp', null],
      ['Xã Trống', null],
    ]);
  });

  it('a measure a unit lacks counts as no data; target 5 carries the two minority shares', () => {
    const rows = rankUnits([unit('Xã X', 10, 'AT_RISK', { committeeMinorityShare: 0, populationMinorityShare: 10 })], 'COMMITTEE_MINORITY');
    expect(rows[0]).toMatchObject({ value: null, status: 'NO_DATA', rank: null, committeeMinorityShare: 0, populationMinorityShare: 10 });
  });

  it('compares values with nulls last in either direction', () => {
    expect([3, null, 1, 2].sort((a, b) => compareNullable(a, b, 'ascend'))).toEqual([1, 2, 3, null]);
    expect([3, null, 1, 2].sort((a, b) => compareNullable(a, b, 'descend'))).toEqual([3, 2, 1, null]);
  });

  it('sorts the heat table by name or by a measure', () => {
    const rows = heatRows(units);
    expect(rows[0].cells.RATED_GOOD?.value).toBe(50);
    expect(sortHeatRows(rows, { key: 'unitName', order: 'ascend' }).map((r) => r.unitName)).toEqual(['Phường Cũ', 'Xã An', 'Xã Ấp', 'Xã Bình', 'Xã Trống']);
    expect(sortHeatRows(rows, { key: 'unitName', order: 'descend' }).map((r) => r.unitName)[0]).toBe('Xã Trống');
    expect(sortHeatRows(rows, { key: 'RATED_GOOD', order: 'descend' }).map((r) => r.unitName)).toEqual(['Xã An', 'Phường Cũ', 'Xã Bình', 'Xã Ấp', 'Xã Trống']);
    expect(sortHeatRows(rows, { key: 'RATED_GOOD', order: 'ascend' }).map((r) => r.unitName)).toEqual(['Phường Cũ', 'Xã Bình', 'Xã An', 'Xã Ấp', 'Xã Trống']);
  });
});

describe('the trend', () => {
  const points = [
    { snapshotId: 's26', year: 2026, asOf: '2026-12-31', targets: [{ targetId: 'RATED_GOOD', count: 7, base: 10, value: 70, status: 'ON_TRACK' as const }] },
    { snapshotId: 's25', year: 2025, asOf: '2025-12-31', targets: [{ targetId: 'RATED_GOOD', count: 6, base: 10, value: 60, status: 'ON_TRACK' as const }] },
  ];

  it('places the yearly snapshots and the live value by date', () => {
    const s = trendSeries(points, { asOf: '2026-06-01', targetId: 'RATED_GOOD', count: 13, base: 20, value: 65, status: 'AT_RISK' });
    expect(s.map((p) => [p.kind, p.date, p.value])).toEqual([
      ['yearly', '2025-12-31', 60],
      ['current', '2026-06-01', 65],
      ['yearly', '2026-12-31', 70],
    ]);
    expect(s[0].year).toBe(2025);
  });

  it('with no snapshot, one point: the live value; a snapshot on the live date comes first', () => {
    expect(trendSeries([], { asOf: '2025-10-01', targetId: 'RATED_GOOD', count: 0, base: 0, value: null, status: 'NO_DATA' })).toEqual([
      { date: '2025-10-01', year: null, kind: 'current', count: 0, base: 0, value: null, status: 'NO_DATA' },
    ]);
    const same = trendSeries(points, { asOf: '2025-12-31', targetId: 'RATED_GOOD', count: 6, base: 10, value: 60, status: 'ON_TRACK' });
    expect(same.slice(0, 2).map((p) => p.kind)).toEqual(['yearly', 'current']);
  });

  it('builds every measure’s series; a measure missing from a snapshot skips it', () => {
    const m = trendSeriesByTarget(points, '2026-01-15', [
      { targetId: 'RATED_GOOD', count: 1, base: 2, value: 50, status: 'AT_RISK' },
      { targetId: 'DIGITAL_SKILLS', count: 1, base: 4, value: 25, status: 'AT_RISK' },
    ]);
    expect(m.get('RATED_GOOD')!.length).toBe(3);
    expect(m.get('DIGITAL_SKILLS')!.map((p) => p.kind)).toEqual(['current']);
  });

  it('scales dates and percents into the chart, and draws a line with gaps for missing values', () => {
    expect(xOf('2025-07-01', '2025-07-01', '2030-12-31', 500)).toBe(0);
    expect(xOf('2030-12-31', '2025-07-01', '2030-12-31', 500)).toBe(500);
    expect(xOf('2035-01-01', '2025-07-01', '2030-12-31', 500)).toBe(500);
    expect(yOf(0, 200)).toBe(200);
    expect(yOf(100, 200)).toBe(0);
    expect(yOf(150, 200)).toBe(0);
    expect(linePath([{ x: 0, y: 10 }, { x: 5, y: 20 }, { x: 7, y: null }, { x: 9, y: 1 }])).toBe('M0.0,10.0L5.0,20.0M9.0,1.0');
  });
});

describe('reference dates and points', () => {
  it('refuses dates before 01/07/2025, after today and invalid ones', () => {
    expect(dateProblem('2025-10-01', '2026-11-28')).toBeNull();
    expect(dateProblem('2025-07-01', '2026-11-28')).toBeNull();
    expect(dateProblem('2025-06-30', '2026-11-28')).toBe('tooEarly');
    expect(dateProblem('2026-11-29', '2026-11-28')).toBe('future');
    expect(dateProblem('2025-02-30', '2026-11-28')).toBe('invalid');
    expect(dateProblem(null, '2026-11-28')).toBe('invalid');
  });

  it('formats percentage points with one decimal, — without a value', () => {
    expect(formatPoints(35, 'vi')).toBe('35,0');
    expect(formatPoints(66.7, 'en')).toBe('66.7');
    expect(formatPoints(null)).toBe('—');
  });
});
