import { METRIC_DEFINITIONS, MetricDefinition, numeratorFilter } from '@canbo/shared';

/**
 * Pure helpers of the situation report page: which section a figure belongs to (from its shared metric
 * definition, else from its id), the reference date's limits, and the sorting of per-unit rows. Written over the
 * list of figures the API returns, so that figures added to the API appear without page changes.
 */

/**
 * The sections of the page, in order: those of section I of the resolution (headcounts against approved posts, also
 * per staff category; composition; qualifications; committees; key titles), then specialists per professional
 * field, then anything else. The same tables as the XLSX/PDF export (apps/api report-export figure-groups).
 */
export const REPORT_SECTIONS = ['staff', 'composition', 'qualification', 'committees', 'titles', 'specialists', 'other'] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];

/** The minimum a figure needs for grouping. */
export interface FigureLike {
  metricId: string;
}

const DEFINITIONS = new Map<string, MetricDefinition>(METRIC_DEFINITIONS.map((d) => [d.id, d]));


export function definitionOf(metricId: string): MetricDefinition | undefined {
  return DEFINITIONS.get(metricId);
}

const COMPOSITION_KEYS = ['gender', 'young', 'minority', 'ageBand', 'ethnicity'];
const QUALIFICATION_KEYS = ['qualification', 'qualificationRecorded', 'politicalTheory', 'training', 'stateManagement'];

/** A section from the id alone (figures the SPA has no definition of). */
export function sectionFromId(metricId: string): ReportSection {
  const id = metricId.toLowerCase();
  if (/specialist|professional_field/.test(id)) return 'specialists';
  if (/committee/.test(id)) return 'committees';
  if (/secretary|chair|key_title|head|title/.test(id)) return 'titles';
  if (/women|female|minority|young|ethnic|age/.test(id)) return 'composition';
  if (/bachelor|postgraduate|master|doctor|theory|qualification|college/.test(id)) return 'qualification';
  if (/total|shortfall|unfilled|units|staff|cadre|civil_servant|public_employee|contract|cbcc|pe_/.test(id)) return 'staff';
  return 'other';
}

/** The section of a figure: by its shared definition (population, filters), else by its id. */
export function sectionOf(metricId: string, def: MetricDefinition | undefined = definitionOf(metricId)): ReportSection {
  if (!def) return sectionFromId(metricId);
  // read as plain strings: definitions of new kinds (e.g. specialists per professional field) may be added
  const population = String((def.population as { of: string }).of);
  const base = def.base ? String((def.base as { of: string }).of) : '';
  if (/specialist/i.test(population) || /specialist/i.test(base)) return 'specialists';
  if (population === 'units') return 'staff';
  if (population === 'committee') return 'committees';
  if (population === 'titles') return 'titles';
  if (population === 'staff') {
    const filter = numeratorFilter(def) as Record<string, unknown>;
    const keys = Object.keys(filter).filter((k) => filter[k] !== undefined);
    if (keys.some((k) => /field|specialist/i.test(k))) return 'specialists';
    if (keys.some((k) => QUALIFICATION_KEYS.includes(k))) return 'qualification';
    if (keys.some((k) => COMPOSITION_KEYS.includes(k))) return 'composition';
    // headcounts against approved posts and shortfalls (section I's, and the additional ones per staff category)
    if (keys.length === 0 || base === 'approvedPosts') return 'staff';
    return sectionFromId(metricId);
  }
  return sectionFromId(metricId);
}

export interface FigureGroup<F extends FigureLike> {
  section: ReportSection;
  figures: F[];
}

/** The figures grouped by section, sections in page order, figures in the API's order; empty sections left out. */
export function groupFigures<F extends FigureLike>(figures: readonly F[]): FigureGroup<F>[] {
  const bySection = new Map<ReportSection, F[]>();
  for (const f of figures) {
    const section = sectionOf(f.metricId);
    const list = bySection.get(section) ?? [];
    list.push(f);
    bySection.set(section, list);
  }
  return REPORT_SECTIONS.filter((s) => bySection.has(s)).map((section) => ({ section, figures: bySection.get(section)! }));
}

/** Whether listing a figure's people reveals ethnicity (the API answers FORBIDDEN without personnel.read_sensitive). */
export function isSensitiveFigure(metricId: string): boolean {
  const def = definitionOf(metricId);
  if (!def) return /minority|ethnic/i.test(metricId);
  const filter = numeratorFilter(def) as Record<string, unknown>;
  return filter.minority !== undefined || filter.ethnicity !== undefined || filter.ethnicityCode !== undefined;
}

/** The figure's name in the locale: the shared definition's, else the API's (Vietnamese). */
export function figureName(metricId: string, apiName: string | undefined, locale: 'vi' | 'en'): string {
  const def = definitionOf(metricId);
  return def ? def.name[locale] : (apiName ?? metricId);
}

/** The figure's definition in words, when the SPA knows it. */
export function figureDescription(metricId: string, locale: 'vi' | 'en'): string | null {
  return definitionOf(metricId)?.description[locale] ?? null;
}

/** How wide a bar is drawn, in percent of its track: count over base, within 0–100; 0 without a base. */
export function barPercent(count: number, base: number | null | undefined): number {
  if (base === null || base === undefined || !Number.isFinite(base) || base <= 0 || !Number.isFinite(count)) return 0;
  return Math.min(100, Math.max(0, (100 * count) / base));
}

// ---- the reference date ----

/** The first reference date of a report (the two-level local government took effect). */
export const REPORT_FIRST_DATE = '2025-07-01';

export type ReportDateProblem = 'invalid' | 'tooEarly' | 'future';

/** What is wrong with a reference date (ISO yyyy-mm-dd) on `today`, or null when it may be asked for. */
export function reportDateProblem(iso: string, today: string): ReportDateProblem | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return 'invalid';
  const d = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso) return 'invalid';
  if (iso < REPORT_FIRST_DATE) return 'tooEarly';
  if (iso > today) return 'future';
  return null;
}

// ---- sorting per-unit rows ----

export type UnitSortKey = 'name' | 'count' | 'base' | 'percent';
export type SortDir = 'asc' | 'desc';

export interface UnitFigureRow {
  unitId: string;
  unitName: string;
  count: number;
  base: number | null;
  percent: number | null;
}

/** Parses `count_desc` and the like (the URL's sort); default: by count, largest first. */
export function parseUnitSort(value: string | null): { key: UnitSortKey; dir: SortDir } {
  const [key, dir] = (value ?? '').split('_');
  const keys: UnitSortKey[] = ['name', 'count', 'base', 'percent'];
  if (keys.includes(key as UnitSortKey) && (dir === 'asc' || dir === 'desc')) return { key: key as UnitSortKey, dir };
  return { key: 'count', dir: 'desc' };
}

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/** Compares two rows by a column ascending (missing bases and percents after every value). */
export function compareUnitRows(a: UnitFigureRow, b: UnitFigureRow, key: UnitSortKey): number {
  if (key === 'name') return collator.compare(a.unitName, b.unitName);
  const x = a[key];
  const y = b[key];
  if (x === y) return 0;
  if (x === null) return 1;
  if (y === null) return -1;
  return x - y;
}

/** The rows sorted by a column and direction; missing values last in both directions, ties by unit name. */
export function sortUnitRows<R extends UnitFigureRow>(rows: readonly R[], key: UnitSortKey, dir: SortDir): R[] {
  return [...rows].sort((a, b) => {
    if (key !== 'name' && (a[key] === null) !== (b[key] === null)) return a[key] === null ? 1 : -1;
    const c = compareUnitRows(a, b, key);
    if (c !== 0) return dir === 'asc' ? c : -c;
    return collator.compare(a.unitName, b.unitName);
  });
}
