import { METRIC_DEFINITIONS, MetricDefinition, numeratorFilter } from '@canbo/shared';

/**
 * The tables of the situation report: its figures grouped by what their metric definition counts (population,
 * numerator filter, base), not by a list of ids, so that a figure added to METRIC_DEFINITIONS lands in its table
 * (a definition of an unknown shape lands in "Chỉ tiêu khác").
 */
export type FigureGroupKey = 'staff' | 'composition' | 'qualification' | 'committees' | 'keyTitles' | 'specialists' | 'other';

export interface FigureGroup {
  key: FigureGroupKey;
  /** the sheet name (at most 31 characters, none of : \ / ? * [ ]) */
  sheet: string;
  /** the table's title */
  title: string;
  /** how the narrative opens the paragraph ("Về ...") */
  lead: string;
}

/** The groups in the order of section I. */
export const FIGURE_GROUPS: readonly FigureGroup[] = [
  { key: 'staff', sheet: 'Số lượng, biên chế', title: 'Số lượng cán bộ, công chức, viên chức so với biên chế được phê duyệt', lead: 'Về số lượng' },
  { key: 'composition', sheet: 'Cơ cấu', title: 'Cơ cấu giới tính, độ tuổi, dân tộc', lead: 'Về cơ cấu' },
  { key: 'qualification', sheet: 'Trình độ', title: 'Trình độ chuyên môn, lý luận chính trị', lead: 'Về trình độ chuyên môn, lý luận chính trị' },
  { key: 'committees', sheet: 'Cấp ủy', title: 'Cấp ủy đảng cấp xã', lead: 'Về cấp ủy' },
  { key: 'keyTitles', sheet: 'Chức danh chủ chốt', title: 'Các chức danh lãnh đạo chủ chốt và cấp trưởng', lead: 'Về các chức danh lãnh đạo chủ chốt' },
  { key: 'specialists', sheet: 'Chuyên môn theo lĩnh vực', title: 'Cán bộ, công chức chuyên môn theo lĩnh vực so với nhu cầu', lead: 'Về cán bộ chuyên môn theo lĩnh vực' },
  { key: 'other', sheet: 'Chỉ tiêu khác', title: 'Các chỉ tiêu khác', lead: 'Các chỉ tiêu khác' },
];

const DEFINITIONS = new Map(METRIC_DEFINITIONS.map((d) => [d.id, d]));

/** The definition of a figure (undefined for an id no definition has). */
export function definitionOf(metricId: string): MetricDefinition | undefined {
  return DEFINITIONS.get(metricId);
}

const COMPOSITION_KEYS = ['gender', 'young', 'minority'];
const QUALIFICATION_KEYS = ['qualificationRecorded', 'qualification', 'politicalTheory'];
/** A professional field anywhere in the definition (a filter, a base or a population naming one). */
const FIELD_KEY = /"(specialistField|professionalField|field|fields|specialty|speciality)"\s*:/u;

function filterKeys(d: MetricDefinition): string[] {
  return Object.entries(numeratorFilter(d) as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .map(([k]) => k);
}

/** The group of a figure, by its definition. */
export function groupOf(d: MetricDefinition | undefined): FigureGroupKey {
  if (!d) return 'other';
  const population = (d.population as { of: string }).of;
  const base = (d.base as { of: string } | null)?.of ?? null;
  if (base === 'specialistPosts' || FIELD_KEY.test(JSON.stringify([d.population, d.numerator, d.base]))) return 'specialists';
  if (population === 'units') return 'staff';
  if (population === 'committee') return 'committees';
  if (population === 'titles') return 'keyTitles';
  if (population === 'staff') {
    if (base === 'approvedPosts' || d.numerator.of === 'unfilled') return 'staff';
    const keys = filterKeys(d);
    if (keys.some((k) => QUALIFICATION_KEYS.includes(k))) return 'qualification';
    if (keys.some((k) => COMPOSITION_KEYS.includes(k))) return 'composition';
    if (!keys.length) return 'staff';
  }
  return 'other';
}

/** Figures (anything with a metricId) grouped, groups in FIGURE_GROUPS order, figures in their order; empty groups left out. */
export function groupFigures<F extends { metricId: string }>(figures: readonly F[]): { group: FigureGroup; figures: F[] }[] {
  return FIGURE_GROUPS.map((group) => ({ group, figures: figures.filter((f) => groupOf(definitionOf(f.metricId)) === group.key) })).filter(
    (g) => g.figures.length > 0,
  );
}
