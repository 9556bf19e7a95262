import { METRIC_DEFINITIONS, metricPercent, SECTION_1_FIGURES } from '@canbo/shared';
import { FIGURE_GROUPS, groupFigures, groupOf } from '../figure-groups';
import { NarrativeFigure, NarrativeInput, situationNarrative } from '../narrative';

/** The figures of section I as the resolution states them (count, base, percent as the report computes it). */
const SECTION_1: NarrativeFigure[] = SECTION_1_FIGURES.map((f) => ({ metricId: f.id, count: f.count, base: f.base, percent: metricPercent(f.count, f.base) }));
const RULES = [{ key: 'KEY_LEADERSHIP_TITLES', versionLabel: 'Quy định 2025 (chính quyền địa phương 2 cấp)', validFrom: '2025-07-01', validTo: null }];

const province = (figures: NarrativeFigure[] = SECTION_1, extra: Partial<NarrativeInput> = {}) =>
  situationNarrative({ asOf: '2025-10-01', scopeLabel: 'Toàn tỉnh An Giang', singleUnit: false, figures, rules: RULES, ...extra });

const text = (n: ReturnType<typeof situationNarrative>) => [n.title, ...n.meta, n.heading, ...n.paragraphs, ...n.rules].join('\n');

describe('situationNarrative', () => {
  test('the province on 2025-10-01 reads like section I: 47.557 people on 55.152 posts (86,2%), 7.595 short (13,8%)', () => {
    const n = province();
    expect(n.title).toBe('BÁO CÁO TÌNH HÌNH ĐỘI NGŨ CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC CẤP XÃ');
    expect(n.meta).toEqual(['Phạm vi: Toàn tỉnh An Giang', 'Số liệu tại ngày: 01/10/2025']);
    expect(n.empty).toBe(false);
    expect(n.paragraphs[0]).toBe(
      'Tại ngày 01/10/2025, toàn tỉnh An Giang có 102 xã, phường, đặc khu. Tổng số cán bộ, công chức, viên chức cấp xã hiện có ' +
        '47.557 người trên 55.152 biên chế được phê duyệt (đạt 86,2%), còn thiếu 7.595 biên chế (13,8%); ' +
        'trong đó cán bộ, công chức có 7.362/11.185 người (65,8%); viên chức có 40.195/43.967 người (91,4%).',
    );
    const all = text(n);
    expect(all).toContain('Về cơ cấu, nữ trong cán bộ, công chức chiếm 41,4% (3.047/7.362)');
    expect(all).toContain('ban chấp hành đảng bộ cấp xã có 2.948/3.162 người (tỷ lệ 93,2%)');
    expect(all).toContain('chức danh phó bí thư đảng ủy được bố trí 202/204 (tỷ lệ 99,0%), còn khuyết 2');
    expect(all).toContain('cán bộ, công chức có trình độ lý luận chính trị cao cấp chiếm 18,2% (1.248/6.849)');
    // every figure is told: each count of section I (but the units, in the opening) appears as Vietnamese writes it
    for (const f of SECTION_1_FIGURES) expect({ id: f.id, found: all.includes(f.count.toLocaleString('de-DE')) }).toEqual({ id: f.id, found: true });
    expect(all).not.toMatch(/NaN|undefined|null|Infinity/u);
    expect(n.rules).toEqual(['Danh mục chức danh lãnh đạo chủ chốt: Quy định 2025 (chính quyền địa phương 2 cấp) (áp dụng từ ngày 01/07/2025)']);
  });

  test('a unit without staff reads "chưa có số liệu", never 0% or NaN; its approved posts are still told', () => {
    const figures = SECTION_1.map((f) => {
      if (f.metricId === 'commune_level_units') return { ...f, count: 1 };
      if (f.metricId === 'staff_total' || f.metricId === 'staff_shortfall') return { ...f, count: f.metricId === 'staff_total' ? 0 : 550, base: 550, percent: f.metricId === 'staff_total' ? 0 : 100 };
      return { ...f, count: 0, base: f.base === null ? null : 0, percent: null };
    });
    const n = situationNarrative({ asOf: '2025-10-01', scopeLabel: 'Xã Mỹ Đức', singleUnit: true, figures, rules: [] });
    expect(n.empty).toBe(true);
    expect(n.meta[0]).toBe('Phạm vi: Xã Mỹ Đức');
    expect(n.paragraphs).toEqual([
      'Tại ngày 01/10/2025, tình hình đội ngũ cán bộ, công chức, viên chức của Xã Mỹ Đức như sau.',
      'Chưa có số liệu về đội ngũ cán bộ, công chức, viên chức (biên chế được phê duyệt: 550).',
    ]);
    expect(text(n)).not.toMatch(/NaN|\b0%|0,0%|100,0%/u);
  });

  test('a unit with staff but no committee yet: the committees paragraph says so, the rest is told', () => {
    const figures = SECTION_1.map((f) => (f.metricId.startsWith('exec_committee') || f.metricId.startsWith('standing_committee') ? { ...f, count: 0, base: f.metricId.endsWith('_filled') ? 31 : 0, percent: f.metricId.endsWith('_filled') ? 0 : null } : f));
    const n = province(figures);
    expect(n.paragraphs).toContain('Về cấp ủy, chưa có số liệu.');
    expect(text(n)).not.toMatch(/\(tỷ lệ 0,0%\)|NaN/u);
  });

  test('figures added to the definitions are told without a change here: shortfalls, overstaffing, fields without establishment', () => {
    const extra: NarrativeFigure[] = [
      { metricId: 'cadre_total', count: 30, base: 40, percent: 75 },
      { metricId: 'cadre_shortfall', count: 10, base: 40, percent: 25 },
      { metricId: 'civil_servant_total', count: 72, base: 70, percent: metricPercent(72, 70) },
      { metricId: 'civil_servant_shortfall', count: -2, base: 70, percent: metricPercent(-2, 70) },
      { metricId: 'specialists_land_management', count: 1, base: 2, percent: 50 },
      { metricId: 'specialists_land_management_shortfall', count: 1, base: 2, percent: 50 },
      { metricId: 'specialists_justice', count: 2, base: 0, percent: null },
      { metricId: 'specialists_justice_shortfall', count: -2, base: 0, percent: null },
    ].filter((f) => METRIC_DEFINITIONS.some((d) => d.id === f.metricId));
    const all = text(province([...SECTION_1, ...extra]));
    if (extra.some((f) => f.metricId === 'cadre_total')) {
      expect(all).toContain('cán bộ có 30/40 người (75,0%), còn thiếu 10 biên chế (25,0%)');
      expect(all).toContain('công chức có 72/70 người (102,9%), vượt 2 biên chế so với biên chế được phê duyệt');
    }
    if (extra.some((f) => f.metricId === 'specialists_land_management')) {
      expect(all).toContain('Về cán bộ chuyên môn theo lĩnh vực, chuyên môn quản lý đất đai có 1/2 người (tỷ lệ 50,0%), còn thiếu 1 người (50,0%)');
      expect(all).toContain('có 2 người (chưa có nhu cầu theo định suất)');
    }
    expect(all).not.toMatch(/NaN|undefined|null/u);
  });
});

describe('figure groups', () => {
  test('every definition falls in a group by its shape; section I spreads over staff, composition, qualification, committees and key titles', () => {
    const byGroup = (id: string) => groupOf(METRIC_DEFINITIONS.find((d) => d.id === id));
    expect(byGroup('staff_total')).toBe('staff');
    expect(byGroup('staff_shortfall')).toBe('staff');
    expect(byGroup('commune_level_units')).toBe('staff');
    expect(byGroup('cbcc_women')).toBe('composition');
    expect(byGroup('pe_minority')).toBe('composition');
    expect(byGroup('cbcc_bachelor')).toBe('qualification');
    expect(byGroup('cbcc_theory_advanced')).toBe('qualification');
    expect(byGroup('exec_committee_filled')).toBe('committees');
    expect(byGroup('party_secretary_filled')).toBe('keyTitles');
    expect(byGroup('unknown')).toBe('other');
    for (const d of METRIC_DEFINITIONS) {
      if (d.id.startsWith('specialists_')) expect({ id: d.id, group: groupOf(d) }).toEqual({ id: d.id, group: 'specialists' });
    }
    const groups = groupFigures(SECTION_1).map((g) => g.group.key);
    expect(groups).toEqual(['staff', 'composition', 'qualification', 'committees', 'keyTitles']);
    for (const g of FIGURE_GROUPS) {
      expect(g.sheet.length).toBeLessThanOrEqual(31);
      expect(g.sheet).not.toMatch(/[:\\/?*[\]]/u);
    }
  });
});
