import { formatDate, formatNumber, formatPercent, MetricDefinition, RuleKey, STAFF_CATEGORY_LABELS, StaffCategory } from '@canbo/shared';
import { definitionOf, FigureGroupKey, groupFigures } from './figure-groups';

/**
 * The situation report as Vietnamese prose in the style of section I of the resolution ("Tổng số cán bộ, công chức,
 * viên chức cấp xã hiện có 47.557 người trên 55.152 biên chế được phê duyệt (đạt 86,2%), còn thiếu 7.595 biên chế
 * (13,8%); ..."): pure, from the figures and their metric definitions (one paragraph per group of figures, each
 * figure phrased by the shape of its definition), so a new figure is told without changing this file.
 *
 * Numbers as Vietnamese write them (47.557; 86,2%). A figure with nothing behind it (nobody in post, a base of
 * zero) reads "chưa có số liệu", never 0% or NaN.
 */

export interface NarrativeFigure {
  metricId: string;
  count: number;
  base: number | null;
  /** percent, one decimal (null without a base or with a zero base) */
  percent: number | null;
}

export interface NarrativeRule {
  key: string;
  versionLabel: string;
  validFrom: string;
  validTo: string | null;
}

export interface NarrativeInput {
  /** the reference date, YYYY-MM-DD */
  asOf: string;
  /** what the report covers: "Toàn tỉnh An Giang", a unit's name, "Các đơn vị được phân công" */
  scopeLabel: string;
  /** whether the report covers one commune-level unit */
  singleUnit: boolean;
  /** a limit of the scope worth saying (e.g. only some staff categories) */
  scopeNote?: string | null;
  figures: readonly NarrativeFigure[];
  rules: readonly NarrativeRule[];
}

export interface Narrative {
  title: string;
  /** the lines under the title: scope, reference date */
  meta: string[];
  heading: string;
  paragraphs: string[];
  /** the rule versions the figures were computed by, one line each */
  rules: string[];
  /** true when no figure has anything behind it (a unit without staff) */
  empty: boolean;
}

export const NARRATIVE_TITLE = 'BÁO CÁO TÌNH HÌNH ĐỘI NGŨ CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC CẤP XÃ';
export const NO_DATA = 'chưa có số liệu';

const RULE_NAMES: Record<string, string> = {
  [RuleKey.KEY_LEADERSHIP_TITLES]: 'Danh mục chức danh lãnh đạo chủ chốt',
  [RuleKey.DEFAULT_COMMUNE_ESTABLISHMENT]: 'Định suất mặc định của đơn vị cấp xã',
};

const ALL_STAFF = [StaffCategory.CADRE, StaffCategory.CIVIL_SERVANT, StaffCategory.PUBLIC_EMPLOYEE];

const n = (x: number) => formatNumber(x, 'vi');
const pct = (f: NarrativeFigure) => (f.percent === null ? null : formatPercent(f.percent / 100, 'vi', 1));
/** lower-cases the first letter of a phrase, unless it opens an acronym (UBND) */
const lc = (s: string) => (s.length > 1 && s[1] === s[1].toLocaleLowerCase('vi') ? s[0].toLocaleLowerCase('vi') + s.slice(1) : s);
const uc = (s: string) => (s ? s[0].toLocaleUpperCase('vi') + s.slice(1) : s);
/** the part of a figure's name before ":" ("Ban chấp hành đảng bộ cấp xã: số hiện có trên số được phân bổ") */
const stem = (d: MetricDefinition) => d.name.vi.split(':')[0].trim();
const baseOf = (d: MetricDefinition) => (d.base as { of: string } | null)?.of ?? null;
const sameBase = (a: MetricDefinition, b: MetricDefinition) => JSON.stringify(a.base) === JSON.stringify(b.base);

/** Who a staff population is: "cán bộ, công chức, viên chức cấp xã", "cán bộ, công chức", "viên chức". */
function who(d: MetricDefinition): string {
  const categories = d.population.of === 'staff' ? d.population.categories : [];
  if (ALL_STAFF.every((c) => categories.includes(c)) && categories.length === ALL_STAFF.length) return 'cán bộ, công chức, viên chức cấp xã';
  if (!categories.length) return lc(stem(d));
  return categories.map((c) => STAFF_CATEGORY_LABELS[c]?.vi.toLocaleLowerCase('vi') ?? c).join(', ');
}

/** What a base counts, to name it beside a number ("biên chế được phê duyệt: 120"). */
function baseLabel(d: MetricDefinition): string {
  switch (baseOf(d)) {
    case 'approvedPosts':
      return 'biên chế được phê duyệt';
    case 'plannedSeats':
      return 'số được phân bổ';
    case 'titleSeats':
      return 'định suất';
    case 'specialistPosts':
      return 'nhu cầu theo định suất';
    default:
      return 'tổng số';
  }
}

/** What a shortfall is counted in ("còn thiếu 7.595 biên chế"). */
function shortfallNoun(d: MetricDefinition): string {
  switch (baseOf(d)) {
    case 'approvedPosts':
      return ' biên chế';
    case 'plannedSeats':
      return ' ủy viên';
    case 'titleSeats':
      return ' chức danh';
    default:
      return d.kind === 'people' ? ' người' : '';
  }
}

/** Whether a figure has anything behind it (else it reads "chưa có số liệu"). */
export function hasData(f: NarrativeFigure, d: MetricDefinition): boolean {
  if (f.base === null) return f.count > 0;
  if (d.numerator.of === 'unfilled') return f.base > 0 && f.count < f.base;
  if (baseOf(d) === 'population') return f.base > 0;
  return f.count > 0;
}

interface Clause {
  text: string;
  /** joined to the clause before with ", " (a shortfall after its filled figure) */
  attached?: boolean;
}

/**
 * One figure as a clause, by the shape of its definition; `leadingPosts`: the first staff-against-posts figure, told
 * in full ("Tổng số ... hiện có ... người trên ... biên chế được phê duyệt (đạt ...)").
 */
function clause(f: NarrativeFigure, d: MetricDefinition, prev: { f: NarrativeFigure; d: MetricDefinition } | null, leadingPosts: boolean): Clause {
  const p = pct(f);
  const base = baseOf(d);
  if (d.base === null) return { text: `${lc(d.name.vi)}: ${n(f.count)}` };
  if (d.numerator.of === 'unfilled') {
    const noun = shortfallNoun(d);
    const amount =
      f.count > 0
        ? `còn thiếu ${n(f.count)}${noun}${p ? ` (${p})` : ''}`
        : f.count === 0
          ? 'đã bố trí đủ'
          : `vượt ${n(-f.count)}${noun} so với ${baseLabel(d)}`;
    if (prev && sameBase(prev.d, d) && hasData(prev.f, prev.d)) return { text: amount, attached: true };
    return { text: `${lc(stem(d)).replace(/\s*còn thiếu$/u, '')}: ${amount}` };
  }
  if (base === 'population') return { text: `${lc(d.name.vi)} chiếm ${p} (${n(f.count)}/${n(f.base!)})` };
  // a population against an establishment: approved posts, planned seats, title seats, specialists needed
  const of = f.base! > 0 ? `${n(f.count)}/${n(f.base!)}` : `${n(f.count)}`;
  const rate = p ? ` (${base === 'approvedPosts' ? '' : 'tỷ lệ '}${p})` : ` (chưa có ${baseLabel(d)})`;
  if (base === 'approvedPosts') {
    if (leadingPosts) {
      const whom = who(d);
      const total = whom === 'cán bộ, công chức, viên chức cấp xã' ? `tổng số ${whom}` : whom;
      return {
        text:
          f.base! > 0
            ? `${total} hiện có ${n(f.count)} người trên ${n(f.base!)} biên chế được phê duyệt (đạt ${p})`
            : `${total} hiện có ${n(f.count)} người (chưa có biên chế được phê duyệt)`,
      };
    }
    return { text: `${who(d)} có ${of} người${rate}` };
  }
  if (base === 'titleSeats') {
    const vacant = f.base! - f.count;
    return { text: `${lc(d.name.vi)} ${of}${rate}${vacant > 0 ? `, còn khuyết ${n(vacant)}` : ''}` };
  }
  return { text: `${lc(stem(d))} có ${of}${d.kind === 'people' || base === 'plannedSeats' ? ' người' : ''}${rate}` };
}

/** What a figure without data is called in "chưa có số liệu về ...". */
function missingName(d: MetricDefinition): string {
  if (baseOf(d) === 'approvedPosts') return who(d);
  return lc(stem(d));
}

function joinClauses(clauses: Clause[]): string {
  return clauses.reduce((text, c, i) => (i === 0 ? c.text : `${text}${c.attached ? ', ' : '; '}${c.text}`), '');
}

/** The paragraph of one group of figures ("Về cơ cấu, ..."). */
function groupParagraph(key: FigureGroupKey, lead: string, figures: NarrativeFigure[], opening: string | null): string | null {
  const clauses: Clause[] = [];
  const missing: string[] = [];
  let prev: { f: NarrativeFigure; d: MetricDefinition } | null = null;
  let postsSeen = 0;
  for (const f of figures) {
    const d = definitionOf(f.metricId);
    if (!d) continue;
    if (d.population.of === 'units') continue; // told in the opening sentence
    if (!hasData(f, d)) {
      if (d.numerator.of !== 'unfilled') missing.push(missingName(d));
      prev = { f, d };
      continue;
    }
    const leadingPosts = key === 'staff' && baseOf(d) === 'approvedPosts' && d.numerator.of === 'population' && postsSeen === 0;
    const c = clause(f, d, prev, leadingPosts);
    if (key === 'staff' && baseOf(d) === 'approvedPosts' && d.numerator.of === 'population') {
      if (postsSeen === 1) c.text = `trong đó ${c.text}`;
      postsSeen += 1;
    }
    clauses.push(c);
    prev = { f, d };
  }
  if (!clauses.length) {
    if (key === 'staff') return opening ? `${opening} ${uc(NO_DATA)} về ${[...new Set(missing)].join(', ')}.` : null;
    return missing.length ? `${lead}, ${NO_DATA}.` : null;
  }
  if (missing.length) clauses.push({ text: `${NO_DATA} về ${[...new Set(missing)].join(', ')}` });
  const body = joinClauses(clauses);
  if (key === 'staff') return `${opening ? `${opening} ` : ''}${uc(body)}.`;
  return `${lead}, ${body}.`;
}

/** The rule versions used, one line each. */
function ruleLines(rules: readonly NarrativeRule[]): string[] {
  return rules.map(
    (r) => `${RULE_NAMES[r.key] ?? r.key}: ${r.versionLabel} (áp dụng từ ngày ${formatDate(r.validFrom)}${r.validTo ? ` đến ngày ${formatDate(r.validTo)}` : ''})`,
  );
}

/** The narrative of a situation report. */
export function situationNarrative(input: NarrativeInput): Narrative {
  const date = formatDate(input.asOf);
  const meta = [`Phạm vi: ${input.scopeLabel}`, ...(input.scopeNote ? [input.scopeNote] : []), `Số liệu tại ngày: ${date}`];
  const units = input.figures.find((f) => definitionOf(f.metricId)?.population.of === 'units');
  const opening = input.singleUnit
    ? `Tại ngày ${date}, tình hình đội ngũ cán bộ, công chức, viên chức của ${input.scopeLabel} như sau.`
    : `Tại ngày ${date}, ${lc(input.scopeLabel)}${units ? ` có ${n(units.count)} xã, phường, đặc khu` : ''}.`;
  const withData = input.figures.filter((f) => {
    const d = definitionOf(f.metricId);
    return d && d.population.of !== 'units' && hasData(f, d);
  });
  const rules = ruleLines(input.rules);
  const base = { title: NARRATIVE_TITLE, meta, heading: 'I. KHÁI QUÁT ĐẶC ĐIỂM TÌNH HÌNH', rules };
  if (!withData.length) {
    const posts = input.figures.find((f) => {
      const d = definitionOf(f.metricId);
      return d && baseOf(d) === 'approvedPosts' && f.base !== null && f.base > 0;
    });
    const postsText = posts ? ` (biên chế được phê duyệt: ${n(posts.base!)})` : '';
    return { ...base, paragraphs: [opening, `Chưa có số liệu về đội ngũ cán bộ, công chức, viên chức${postsText}.`], empty: true };
  }
  const paragraphs: string[] = [];
  let openingUsed = false;
  for (const { group, figures } of groupFigures(input.figures)) {
    const opens = group.key === 'staff' && !openingUsed;
    const text = groupParagraph(group.key, group.lead, figures, opens ? opening : null);
    if (opens) openingUsed = true;
    if (text) paragraphs.push(text);
  }
  if (!openingUsed) paragraphs.unshift(opening);
  return { ...base, paragraphs, empty: false };
}
