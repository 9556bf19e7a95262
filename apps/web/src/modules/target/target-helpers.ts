import { Locale, TARGET_DEFINITIONS, TARGET_STATUS_LABELS, TargetDefinition, TargetId as SharedTargetId, TargetStatus as SharedTargetStatus } from '@canbo/shared';
import type { TargetId, TargetStatus } from '../../generated/graphql';

/**
 * Pure helpers of the targets dashboard: the GraphQL target ids (the enum's key names, RATED_GOOD) and the shared
 * definitions (keyed by the enum's values, rated_good), the status colours, the ranking and sorting of units, the
 * series of the trend chart and the reference date's checks.
 */

/** The measures in the resolution's order (target 2 has two), as the GraphQL enum names them. */
export const TARGET_KEYS: TargetId[] = TARGET_DEFINITIONS.map((d) => graphqlTargetId(d.id));

/** RATED_GOOD (GraphQL) for rated_good (shared). */
export function graphqlTargetId(id: SharedTargetId): TargetId {
  const key = (Object.keys(SharedTargetId) as (keyof typeof SharedTargetId)[]).find((k) => SharedTargetId[k] === id);
  if (!key) throw new Error(`Unknown target ${id}`);
  return key as TargetId;
}

/** rated_good (shared) for RATED_GOOD (GraphQL); null for an id this SPA does not know. */
export function sharedTargetId(key: string): SharedTargetId | null {
  return (SharedTargetId as Record<string, SharedTargetId>)[key] ?? null;
}

/** The shared definition of a GraphQL target id (null when unknown). */
export function definitionOf(key: string): TargetDefinition | null {
  const id = sharedTargetId(key);
  return TARGET_DEFINITIONS.find((d) => d.id === id) ?? null;
}

/** The measure's code: 1, 2a, 2b, 3, 4, 5 (target 2 has two measures). */
export function measureCode(key: string): string {
  const def = definitionOf(key);
  if (!def) return key;
  const same = TARGET_DEFINITIONS.filter((d) => d.number === def.number);
  return same.length > 1 ? `${def.number}${String.fromCharCode(97 + same.indexOf(def))}` : String(def.number);
}

/** The measure's name in the locale (the API's Vietnamese name when the SPA does not know it). */
export function measureName(key: string, fallback: string, locale: Locale): string {
  return definitionOf(key)?.name[locale] ?? fallback;
}

// ---- statuses ----

export const STATUSES: TargetStatus[] = ['MET', 'ON_TRACK', 'AT_RISK', 'NO_DATA'];

export interface StatusStyle {
  /** antd Tag colour */
  tag: string;
  /** a heat-table cell's background and text */
  background: string;
  color: string;
  /** a progress bar's or a chart point's colour */
  stroke: string;
  /** shown beside the value, so the status never rests on colour alone */
  symbol: string;
}

export const STATUS_STYLES: Record<TargetStatus, StatusStyle> = {
  MET: { tag: 'green', background: '#d9f7be', color: '#135200', stroke: '#52c41a', symbol: '✓' },
  ON_TRACK: { tag: 'blue', background: '#d6e4ff', color: '#10239e', stroke: '#1677ff', symbol: '↗' },
  AT_RISK: { tag: 'red', background: '#ffccc7', color: '#820014', stroke: '#f5222d', symbol: '!' },
  NO_DATA: { tag: 'default', background: '#f0f0f0', color: '#595959', stroke: '#bfbfbf', symbol: '–' },
};

export function statusStyle(status: string): StatusStyle {
  return STATUS_STYLES[status as TargetStatus] ?? STATUS_STYLES.NO_DATA;
}

/** A status in words (the shared labels: Đạt, Đúng lộ trình, Có nguy cơ không đạt, Chưa có số liệu). */
export function statusLabel(status: string, locale: Locale = 'vi'): string {
  return TARGET_STATUS_LABELS[status as SharedTargetStatus]?.[locale] ?? status;
}

/** How worse a status is (for sorting by status): at risk first, then on track, met, no data last. */
export const STATUS_ORDER: Record<TargetStatus, number> = { AT_RISK: 0, ON_TRACK: 1, MET: 2, NO_DATA: 3 };

/** The progress bar's filling: the value as a share of the target (0–100); 0 without a value. */
export function progressOf(value: number | null, target: number): number {
  if (value === null || !Number.isFinite(value)) return 0;
  if (target <= 0) return 100;
  return Math.max(0, Math.min(100, Math.round((value / target) * 1000) / 10));
}

// ---- units: ranking and sorting ----

export interface UnitTargetCell {
  targetId: TargetId;
  count: number;
  base: number;
  value: number | null;
  status: TargetStatus;
}

export interface UnitTargets {
  unitId: string;
  unitName: string;
  committeeMinorityShare: number | null;
  populationMinorityShare: number | null;
  targets: UnitTargetCell[];
}

export interface RankedUnit {
  unitId: string;
  unitName: string;
  /** 1 = the worst; units with the same value share a rank; null without a value */
  rank: number | null;
  count: number;
  base: number;
  value: number | null;
  status: TargetStatus;
  committeeMinorityShare: number | null;
  populationMinorityShare: number | null;
}

export type SortOrder = 'ascend' | 'descend';

const byName = (a: string, b: string) => a.localeCompare(b, 'vi');

/** Compares two values, nulls (no data) last in either direction. */
export function compareNullable(a: number | null, b: number | null, order: SortOrder = 'ascend'): number {
  if (a === null && b === null) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return order === 'ascend' ? a - b : b - a;
}

/**
 * The units on one measure, worst first (lowest value; `descend`: best first); units without data (no base) last,
 * by name; ties by name. Ranks count from the worst: equal values share a rank (1, 2, 2, 4).
 */
export function rankUnits(units: readonly UnitTargets[], targetId: string, order: SortOrder = 'ascend'): RankedUnit[] {
  const rows = units.map((u) => {
    const cell = u.targets.find((x) => x.targetId === targetId);
    return {
      unitId: u.unitId,
      unitName: u.unitName,
      rank: null as number | null,
      count: cell?.count ?? 0,
      base: cell?.base ?? 0,
      value: cell?.value ?? null,
      status: cell?.status ?? ('NO_DATA' as TargetStatus),
      committeeMinorityShare: u.committeeMinorityShare,
      populationMinorityShare: u.populationMinorityShare,
    };
  });
  const valued = rows.filter((r) => r.value !== null).sort((a, b) => compareNullable(a.value, b.value, 'ascend') || byName(a.unitName, b.unitName));
  valued.forEach((r, i) => {
    r.rank = i > 0 && valued[i - 1].value === r.value ? valued[i - 1].rank : i + 1;
  });
  const sorted = order === 'ascend' ? valued : [...valued].sort((a, b) => compareNullable(a.value, b.value, 'descend') || byName(a.unitName, b.unitName));
  const empty = rows.filter((r) => r.value === null).sort((a, b) => byName(a.unitName, b.unitName));
  return [...sorted, ...empty];
}

/** The heat table's rows: a unit with its value per measure. */
export interface HeatRow {
  unitId: string;
  unitName: string;
  cells: Partial<Record<TargetId, UnitTargetCell>>;
}

export function heatRows(units: readonly UnitTargets[]): HeatRow[] {
  return units.map((u) => ({ unitId: u.unitId, unitName: u.unitName, cells: Object.fromEntries(u.targets.map((x) => [x.targetId, x])) }));
}

export type HeatSort = { key: 'unitName' | TargetId; order: SortOrder };

/** Sorts the heat table: by name, or by a measure's value (nulls last either way, then by name). */
export function sortHeatRows(rows: readonly HeatRow[], sort: HeatSort): HeatRow[] {
  const out = [...rows];
  if (sort.key === 'unitName') {
    out.sort((a, b) => (sort.order === 'ascend' ? byName(a.unitName, b.unitName) : byName(b.unitName, a.unitName)));
  } else {
    const key = sort.key;
    out.sort((a, b) => compareNullable(a.cells[key]?.value ?? null, b.cells[key]?.value ?? null, sort.order) || byName(a.unitName, b.unitName));
  }
  return out;
}

/** How many units are in each status on a measure. */
export function statusCounts(units: readonly UnitTargets[], targetId: string): Record<TargetStatus, number> {
  const counts: Record<TargetStatus, number> = { MET: 0, ON_TRACK: 0, AT_RISK: 0, NO_DATA: 0 };
  for (const u of units) counts[u.targets.find((x) => x.targetId === targetId)?.status ?? 'NO_DATA']++;
  return counts;
}

// ---- the trend ----

export interface TrendPointInput {
  snapshotId: string;
  year: number | null;
  asOf: string;
  targets: readonly { targetId: string; count: number; base: number; value: number | null; status: TargetStatus }[];
}

export interface TrendSeriesPoint {
  /** yyyy-mm-dd */
  date: string;
  year: number | null;
  kind: 'yearly' | 'current';
  count: number;
  base: number;
  value: number | null;
  status: TargetStatus;
}

/**
 * One measure's points: the yearly snapshots (by date) and the live value on the reference date, placed by date.
 * A live date equal to a snapshot's keeps both (the snapshot first).
 */
export function trendSeries(
  points: readonly TrendPointInput[],
  current: { asOf: string; targetId: string; count: number; base: number; value: number | null; status: TargetStatus } | null,
): TrendSeriesPoint[] {
  const targetId = current?.targetId;
  const out: TrendSeriesPoint[] = [];
  for (const p of points) {
    const v = p.targets.find((x) => x.targetId === targetId);
    if (!v) continue;
    out.push({ date: p.asOf, year: p.year, kind: 'yearly', count: v.count, base: v.base, value: v.value, status: v.status });
  }
  if (current) {
    out.push({ date: current.asOf, year: null, kind: 'current', count: current.count, base: current.base, value: current.value, status: current.status });
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.kind === 'yearly' ? -1 : 1));
}

/** Every measure's series at once (the yearly points may be empty). */
export function trendSeriesByTarget(
  points: readonly TrendPointInput[],
  asOf: string,
  current: readonly { targetId: string; count: number; base: number; value: number | null; status: TargetStatus }[],
): Map<string, TrendSeriesPoint[]> {
  return new Map(current.map((c) => [c.targetId, trendSeries(points, { ...c, asOf })]));
}

const DAY = 86_400_000;
const time = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

/** A date's x position between `from` and `to` on a width (clamped). */
export function xOf(date: string, from: string, to: string, width: number): number {
  const span = (time(to) - time(from)) / DAY;
  if (span <= 0) return 0;
  const at = (time(date) - time(from)) / DAY;
  return Math.max(0, Math.min(width, (at / span) * width));
}

/** A percent's y position on a height (0% at the bottom, 100% at the top; clamped). */
export function yOf(percent: number, height: number): number {
  return height - (Math.max(0, Math.min(100, percent)) / 100) * height;
}

/** The SVG path through the points with a value (a gap where a point has none). */
export function linePath(points: readonly { x: number; y: number | null }[]): string {
  let path = '';
  let pen = false;
  for (const p of points) {
    if (p.y === null) {
      pen = false;
      continue;
    }
    path += `${pen ? 'L' : 'M'}${p.x.toFixed(1)},${p.y.toFixed(1)}`;
    pen = true;
  }
  return path;
}

// ---- the reference date ----

export const TARGETS_FIRST_DATE = '2025-07-01';

export type DateProblem = 'invalid' | 'tooEarly' | 'future';

/** What is wrong with a reference date (yyyy-mm-dd) on `today`, or null. */
export function dateProblem(iso: string | null | undefined, today: string): DateProblem | null {
  if (!iso || !/^\d{4}-\d{2}-\d{2}$/.test(iso)) return 'invalid';
  const d = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso) return 'invalid';
  if (iso < TARGETS_FIRST_DATE) return 'tooEarly';
  if (iso > today) return 'future';
  return null;
}

/** A number of percentage points with one decimal: 35,0 (vi) or 35.0 (en). */
export function formatPoints(value: number | null | undefined, locale: Locale = 'vi'): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return new Intl.NumberFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
}
