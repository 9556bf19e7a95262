import { METRIC_DEFINITIONS, SECTION_1_FIGURES } from '@canbo/shared';
import { describe, expect, it } from 'vitest';
import {
  barPercent,
  figureName,
  groupFigures,
  isSensitiveFigure,
  parseUnitSort,
  reportDateProblem,
  REPORT_SECTIONS,
  sectionFromId,
  sectionOf,
  sortUnitRows,
} from './report-figures';

describe('grouping the figures of the situation report', () => {
  it('puts every figure of section I in the section the resolution gives it', () => {
    const sections = Object.fromEntries(SECTION_1_FIGURES.map((f) => [f.id, sectionOf(f.id)]));
    expect(sections).toMatchObject({
      commune_level_units: 'staff',
      staff_total: 'staff',
      staff_shortfall: 'staff',
      cbcc_total: 'staff',
      pe_total: 'staff',
      cbcc_women: 'composition',
      pe_minority: 'composition',
      cbcc_young: 'composition',
      cbcc_qualification_recorded: 'qualification',
      cbcc_bachelor: 'qualification',
      pe_postgraduate: 'qualification',
      cbcc_theory_advanced: 'qualification',
      exec_committee_filled: 'committees',
      standing_committee_minority: 'committees',
      standing_committee_theory_advanced: 'committees',
      party_secretary_filled: 'titles',
      key_titles_women: 'titles',
      mass_org_head_theory_advanced: 'titles',
    });
    // none of section I falls in "other"
    expect(Object.values(sections)).not.toContain('other');
  });

  it('groups in page order, keeps the API order inside a section and leaves empty sections out', () => {
    const figures = [{ metricId: 'cbcc_women' }, { metricId: 'staff_total' }, { metricId: 'pe_women' }, { metricId: 'commune_level_units' }];
    expect(groupFigures(figures)).toEqual([
      { section: 'staff', figures: [{ metricId: 'staff_total' }, { metricId: 'commune_level_units' }] },
      { section: 'composition', figures: [{ metricId: 'cbcc_women' }, { metricId: 'pe_women' }] },
    ]);
    expect(groupFigures([])).toEqual([]);
  });

  it('places figures it has no definition of by their id, and the rest in "other"', () => {
    expect(sectionFromId('specialists_agriculture')).toBe('specialists');
    expect(sectionFromId('cadre_total')).toBe('staff');
    expect(sectionFromId('civil_servant_women')).toBe('composition');
    expect(sectionFromId('pc_vice_chair_filled')).toBe('titles');
    expect(sectionFromId('something_new')).toBe('other');
    const grouped = groupFigures([{ metricId: 'something_new' }, { metricId: 'specialists_it' }, { metricId: 'staff_total' }]);
    expect(grouped.map((g) => g.section)).toEqual(['staff', 'specialists', 'other']);
  });

  it('puts the additional figures with them: per staff category with the headcounts, specialists per professional field apart', () => {
    const ids = METRIC_DEFINITIONS.map((d) => d.id);
    for (const id of ['cadre_total', 'civil_servant_shortfall', 'pe_shortfall'].filter((x) => ids.includes(x))) expect(sectionOf(id)).toBe('staff');
    for (const id of ids.filter((x) => x.startsWith('specialists_'))) expect(sectionOf(id)).toBe('specialists');
  });

  it('covers every shared definition, each in a known section', () => {
    for (const d of METRIC_DEFINITIONS) expect(REPORT_SECTIONS).toContain(sectionOf(d.id));
  });

  it('knows the figures by ethnicity (their people need personnel.read_sensitive)', () => {
    expect(isSensitiveFigure('cbcc_minority')).toBe(true);
    expect(isSensitiveFigure('pe_minority')).toBe(true);
    expect(isSensitiveFigure('cbcc_women')).toBe(false);
    expect(isSensitiveFigure('new_minority_share')).toBe(true);
  });

  it('names a figure in the locale, and falls back to the API name', () => {
    expect(figureName('cbcc_women', 'x', 'vi')).toBe('Nữ trong cán bộ, công chức');
    expect(figureName('cbcc_women', 'x', 'en')).toBe('Women among cadres and civil servants');
    expect(figureName('unknown_id', 'Tên mới', 'en')).toBe('Tên mới');
  });
});

describe('bars', () => {
  it('draws count over base within 0–100, nothing without a base', () => {
    expect(barPercent(47557, 55152)).toBeCloseTo(86.229, 2);
    expect(barPercent(5, 0)).toBe(0);
    expect(barPercent(5, null)).toBe(0);
    expect(barPercent(12, 10)).toBe(100);
    expect(barPercent(Number.NaN, 10)).toBe(0);
  });
});

describe('the reference date', () => {
  const today = '2026-11-28';
  it('accepts dates from 01/07/2025 to today', () => {
    expect(reportDateProblem('2025-07-01', today)).toBeNull();
    expect(reportDateProblem('2025-10-01', today)).toBeNull();
    expect(reportDateProblem(today, today)).toBeNull();
  });
  it('refuses earlier dates, future dates and non-dates', () => {
    expect(reportDateProblem('2025-06-30', today)).toBe('tooEarly');
    expect(reportDateProblem('2026-11-29', today)).toBe('future');
    expect(reportDateProblem('2025-02-30', today)).toBe('invalid');
    expect(reportDateProblem('01/10/2025', today)).toBe('invalid');
  });
});

describe('sorting per-unit rows', () => {
  const rows = [
    { unitId: '1', unitName: 'Xã Mỹ Đức', count: 30, base: 70, percent: 42.9 },
    { unitId: '2', unitName: 'Phường Long Xuyên', count: 45, base: 90, percent: 50 },
    { unitId: '3', unitName: 'Đặc khu Phú Quốc', count: 0, base: 0, percent: null },
    { unitId: '4', unitName: 'Xã An Phú', count: 30, base: 60, percent: 50 },
  ];
  it('parses the URL sort, defaulting to the count, largest first', () => {
    expect(parseUnitSort('name_asc')).toEqual({ key: 'name', dir: 'asc' });
    expect(parseUnitSort('percent_desc')).toEqual({ key: 'percent', dir: 'desc' });
    expect(parseUnitSort(null)).toEqual({ key: 'count', dir: 'desc' });
    expect(parseUnitSort('bogus_up')).toEqual({ key: 'count', dir: 'desc' });
  });
  it('sorts by count with ties by name, and by percent with missing percents last either way', () => {
    expect(sortUnitRows(rows, 'count', 'desc').map((r) => r.unitId)).toEqual(['2', '4', '1', '3']);
    expect(sortUnitRows(rows, 'count', 'asc').map((r) => r.unitId)).toEqual(['3', '4', '1', '2']);
    expect(sortUnitRows(rows, 'percent', 'desc').map((r) => r.unitId)).toEqual(['2', '4', '1', '3']);
    expect(sortUnitRows(rows, 'percent', 'asc').map((r) => r.unitId)).toEqual(['1', '2', '4', '3']);
  });
  it('sorts names the Vietnamese way', () => {
    expect(sortUnitRows(rows, 'name', 'asc').map((r) => r.unitName)).toEqual(['Đặc khu Phú Quốc', 'Phường Long Xuyên', 'Xã An Phú', 'Xã Mỹ Đức']);
  });
});
