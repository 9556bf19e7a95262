import { PoliticalTheoryLevel } from './enums';
import type { MetricText } from './metrics';
import { PoliticalTheoryStandardValue, TargetId, TargetsValue } from './rules';
import { isValidIsoDate } from './validation';

/**
 * The five targets of the resolution for 2025–2030 (section II.2.2). The measures are code (here, compiled to SQL by
 * the API's TargetService); what changes by decision (target values, baseline date, deadline, the tolerance of
 * target 5, the political-theory standard of each post) is data: the dated rule settings TARGETS and
 * POLITICAL_THEORY_STANDARD (rules.ts), whose versions each computed result names.
 *
 * Conventions (those of the metric definitions, metrics.ts): commune-level units in force on the reference date,
 * staff = cadres, civil servants and public employees in post, current knowledge of the records in force.
 */
export interface TargetDefinition {
  id: TargetId;
  /** the target's number in the resolution (target 2 has two measures) */
  number: 1 | 2 | 3 | 4 | 5;
  name: MetricText;
  /** the measure in words: who is counted, over what */
  description: MetricText;
  /** what the count and base count */
  counts: 'people' | 'units';
}

export const TARGET_DEFINITIONS: readonly TargetDefinition[] = [
  {
    id: TargetId.RATED_GOOD,
    number: 1,
    name: { vi: 'Xếp loại hoàn thành tốt nhiệm vụ trở lên', en: 'Rated good or excellent' },
    description: {
      vi: 'Số cán bộ, công chức, viên chức cấp xã đang công tác được xếp loại hoàn thành tốt hoặc xuất sắc nhiệm vụ trong năm đánh giá gần nhất (năm trước năm của ngày tham chiếu có kết quả xếp loại), trên số người đang công tác có kết quả xếp loại năm đó.',
      en: 'Commune-level staff in post rated good or excellent in the latest rated year (the latest year before the reference date’s year with ratings), over the staff in post rated that year.',
    },
    counts: 'people',
  },
  {
    id: TargetId.THEORY_STANDARD,
    number: 2,
    name: { vi: 'Đạt chuẩn lý luận chính trị theo chức danh', en: 'Meeting the political-theory standard of their post' },
    description: {
      vi: 'Số cán bộ, công chức, viên chức cấp xã đang công tác có trình độ lý luận chính trị đạt tiêu chuẩn của chức danh, vị trí (bảng tiêu chuẩn là tham số quy định), trên số người đang công tác mà vị trí có yêu cầu về lý luận chính trị.',
      en: 'Commune-level staff in post whose political theory meets the standard of their post (the standard is a rule table), over the staff in post whose post requires one.',
    },
    counts: 'people',
  },
  {
    id: TargetId.STANDING_POSTGRADUATE,
    number: 2,
    name: { vi: 'Ủy viên ban thường vụ có trình độ thạc sĩ, tiến sĩ', en: 'Standing-committee members with a master’s degree or doctorate' },
    description: {
      vi: 'Số ủy viên ban thường vụ đảng ủy cấp xã hiện có (mỗi người một lần) có trình độ thạc sĩ hoặc tiến sĩ, trên số ủy viên ban thường vụ hiện có.',
      en: 'Seated commune-level standing-committee members (each person once) with a master’s degree or doctorate, over the seated members.',
    },
    counts: 'people',
  },
  {
    id: TargetId.DIGITAL_SKILLS,
    number: 3,
    name: { vi: 'Được bồi dưỡng kỹ năng số', en: 'Trained in digital skills' },
    description: {
      vi: 'Số cán bộ, công chức, viên chức cấp xã đang công tác đã qua bồi dưỡng kỹ năng số (khóa bắt đầu không sau ngày tham chiếu), trên số người đang công tác.',
      en: 'Commune-level staff in post with a digital-skills training begun on or before the reference date, over the staff in post.',
    },
    counts: 'people',
  },
  {
    id: TargetId.YOUNG_KEY_TITLES,
    number: 4,
    name: { vi: 'Cán bộ trẻ (dưới 42 tuổi) giữ chức danh chủ chốt', en: 'Under-42s among key-title holders' },
    description: {
      vi: 'Số người dưới 42 tuổi đang giữ ít nhất một chức danh chủ chốt cấp xã (mỗi người một lần), trên số người đang giữ chức danh chủ chốt.',
      en: 'Distinct people under 42 holding at least one commune-level key leadership title, over the distinct holders.',
    },
    counts: 'people',
  },
  {
    id: TargetId.COMMITTEE_MINORITY,
    number: 5,
    name: {
      vi: 'Tỷ lệ người dân tộc thiểu số trong cấp ủy phù hợp với cơ cấu dân số',
      en: 'Party committees whose minority share matches the population',
    },
    description: {
      vi: 'Số đơn vị cấp xã có tỷ lệ ủy viên ban chấp hành đảng bộ là người dân tộc thiểu số chênh lệch với tỷ lệ người dân tộc thiểu số trong dân số của đơn vị không quá mức cho phép, trên số đơn vị có cấp ủy và có số liệu dân số.',
      en: 'Commune-level units whose executive committee’s minority share is within the tolerance of the minority share of their population, over the units with a seated committee and population data.',
    },
    counts: 'units',
  },
];

export function targetDefinition(id: TargetId): TargetDefinition {
  const d = TARGET_DEFINITIONS.find((t) => t.id === id);
  if (!d) throw new Error(`Unknown target ${id}`);
  return d;
}

export enum TargetStatus {
  /** at or above the target */
  MET = 'MET',
  /** below the target but at or above the straight line from the baseline to the target by the deadline */
  ON_TRACK = 'ON_TRACK',
  /** below that line */
  AT_RISK = 'AT_RISK',
  /** nothing to measure (no one counted) */
  NO_DATA = 'NO_DATA',
}

export const TARGET_STATUS_LABELS: Record<TargetStatus, MetricText> = {
  [TargetStatus.MET]: { vi: 'Đạt', en: 'Met' },
  [TargetStatus.ON_TRACK]: { vi: 'Đúng lộ trình', en: 'On track' },
  [TargetStatus.AT_RISK]: { vi: 'Có nguy cơ không đạt', en: 'At risk' },
  [TargetStatus.NO_DATA]: { vi: 'Chưa có số liệu', en: 'No data' },
};

const DAY = 24 * 3600 * 1000;
const days = (from: string, to: string) => (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY;

/**
 * The value expected on `asOf` on the straight line from the baseline (on the baseline date) to the target (on the
 * deadline): the baseline before the baseline date, the target after the deadline. Null without a baseline.
 */
export function onTrackValue(baseline: number | null, target: number, asOf: string, rule: Pick<TargetsValue, 'baselineDate' | 'deadline'>): number | null {
  if (baseline === null) return null;
  const span = days(rule.baselineDate, rule.deadline);
  const elapsed = Math.min(Math.max(days(rule.baselineDate, asOf), 0), span);
  const expected = baseline + ((target - baseline) * elapsed) / span;
  return Math.round(expected * 10) / 10;
}

/**
 * The status of a measure: met at or above the target; on track at or above the straight line from the baseline
 * (or, without a baseline, never: at risk); at risk below it; no data when nothing is measured (value null).
 */
export function targetStatus(value: number | null, target: number, expected: number | null): TargetStatus {
  if (value === null) return TargetStatus.NO_DATA;
  if (value >= target) return TargetStatus.MET;
  if (expected !== null && value >= expected) return TargetStatus.ON_TRACK;
  return TargetStatus.AT_RISK;
}

/** The gap to the target in percentage points (0 when met; null without a value). */
export function targetGap(value: number | null, target: number): number | null {
  if (value === null) return null;
  return Math.max(0, Math.round((target - value) * 10) / 10);
}

/** The levels that meet a required political-theory level (a political-science bachelor counts as advanced). */
export function politicalTheoryLevelsMeeting(required: PoliticalTheoryLevel): PoliticalTheoryLevel[] {
  const order = [PoliticalTheoryLevel.ELEMENTARY, PoliticalTheoryLevel.INTERMEDIATE, PoliticalTheoryLevel.ADVANCED];
  const rank = (l: PoliticalTheoryLevel) => order.indexOf(l === PoliticalTheoryLevel.BACHELOR ? PoliticalTheoryLevel.ADVANCED : l);
  return Object.values(PoliticalTheoryLevel).filter((l) => rank(l) >= rank(required));
}

/** Checks a TARGETS value; returns a Vietnamese message naming the wrong field, or null. */
export function targetsValueProblem(value: unknown): string | null {
  const v = value as Partial<TargetsValue> | null;
  if (!v || typeof v !== 'object') return 'Giá trị phải là một đối tượng';
  if (!isValidIsoDate(v.baselineDate)) return 'baselineDate: ngày mốc không hợp lệ (YYYY-MM-DD)';
  if (!isValidIsoDate(v.deadline)) return 'deadline: thời hạn không hợp lệ (YYYY-MM-DD)';
  if (v.deadline <= v.baselineDate) return 'deadline: thời hạn phải sau ngày mốc';
  if (typeof v.yearlySnapshotDay !== 'string' || !isValidIsoDate(`2024-${v.yearlySnapshotDay}`)) {
    return 'yearlySnapshotDay: ngày chốt số liệu hằng năm không hợp lệ (MM-DD)';
  }
  if (!v.targets || typeof v.targets !== 'object') return 'targets: thiếu giá trị chỉ tiêu';
  for (const id of Object.values(TargetId)) {
    const t = (v.targets as Record<string, unknown>)[id];
    if (typeof t !== 'number' || !Number.isFinite(t) || t < 0 || t > 100) {
      return `targets.${id}: chỉ tiêu phải là số phần trăm từ 0 đến 100`;
    }
  }
  const unknown = Object.keys(v.targets).find((k) => !(Object.values(TargetId) as string[]).includes(k));
  if (unknown) return `targets.${unknown}: không có chỉ tiêu này`;
  const tol = v.minorityTolerancePoints;
  if (typeof tol !== 'number' || !Number.isFinite(tol) || tol < 0 || tol > 100) {
    return 'minorityTolerancePoints: mức chênh lệch cho phép phải là số điểm phần trăm từ 0 đến 100';
  }
  return null;
}

const STANDARD_KEYS: (keyof PoliticalTheoryStandardValue)[] = [
  'keyTitles',
  'standingCommittee',
  'cadresAndCivilServants',
  'publicEmployeeManagers',
  'publicEmployees',
];

/** Checks a POLITICAL_THEORY_STANDARD value; returns a Vietnamese message naming the wrong field, or null. */
export function politicalTheoryStandardProblem(value: unknown): string | null {
  const v = value as Record<string, unknown> | null;
  if (!v || typeof v !== 'object') return 'Giá trị phải là một đối tượng';
  for (const key of STANDARD_KEYS) {
    if (!(key in v)) return `${key}: thiếu trình độ yêu cầu (null nếu không yêu cầu)`;
    const level = v[key];
    if (level !== null && !(Object.values(PoliticalTheoryLevel) as unknown[]).includes(level)) {
      return `${key}: trình độ lý luận chính trị không hợp lệ`;
    }
  }
  const unknown = Object.keys(v).find((k) => !(STANDARD_KEYS as string[]).includes(k));
  return unknown ? `${unknown}: không có loại vị trí này` : null;
}
