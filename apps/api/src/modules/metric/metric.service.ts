import {
  AGE_BAND_RULES,
  COMMITTEE_KIND_LABELS,
  COMMUNE_LEVEL_KINDS,
  KINH_ETHNICITY_CODE,
  MetricBase,
  MetricDefinition,
  metricDefinition,
  MetricFilter,
  MetricPopulation,
  MetricValue,
  numeratorFilter,
  politicalTheoryLevelsCountingAs,
  QualificationLevel,
  RuleKey,
  specialistStudyNames,
  StaffCategory,
  TitleSelector,
  youngBirthCutoff,
} from '@canbo/shared';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { analyticQuery } from '../../core/database/analytic-query';
import { Scope } from '../../core/permissions/scope';
import { RuleSettingEntity } from '../rule/rule-setting.entity';
import { RuleService } from '../rule/rule.service';

export interface MetricOptions {
  /** the reference date */
  asOf: string;
  /** one unit only (default: every commune-level unit of the scope) */
  unitId?: string | null;
  /** where the caller may read: people, seats and posts outside it are not counted */
  scope: Scope;
}

type Params = Record<string, unknown>;

/** SQL: the bitemporal row `r` is in force on :asOf and of current knowledge. */
const CURRENT = (r: string) => `${r}.superseded_at IS NULL AND ${r}.valid_from <= :asOf AND (${r}.valid_to IS NULL OR ${r}.valid_to > :asOf)`;
/** SQL: the unit `u` is a commune-level unit in force on :asOf. */
const COMMUNE_LEVEL = (u: string) =>
  `${u}.kind = ANY(:communeKinds) AND ${u}.valid_from <= :asOf AND (${u}.valid_to IS NULL OR ${u}.valid_to > :asOf)`;
/** SQL: the staff category of the assignment in force of the person `personExpr` (null without one). */
const HOLDER_CATEGORY = (personExpr: string) =>
  `(SELECT ha.staff_category FROM person_assignment ha WHERE ha.person_id = ${personExpr} AND ${CURRENT('ha')} ORDER BY ha.valid_from DESC LIMIT 1)`;
/** SQL: the level of the person record of a kind in force (the highest held: one is in force at a time). */
const LEVEL_IN_FORCE = (alias: string, kind: string) =>
  `LEFT JOIN LATERAL (SELECT lr.level FROM person_record lr WHERE lr.person_id = m.person_id AND lr.kind = '${kind}' AND ${CURRENT(
    'lr',
  )} ORDER BY lr.valid_from DESC LIMIT 1) ${alias} ON true`;

/**
 * SQL: the level of the person record of a kind in force, for every person at once (`alias`.level), to be merged with
 * the members in person order: one pass over the index of person records (newest first per person and kind) instead
 * of one lookup per member. For the large populations (every person in post of the scope).
 */
const LEVELS_IN_FORCE = (alias: string, kind: string, shard?: Shard) =>
  `LEFT JOIN (SELECT DISTINCT ON (jr.person_id) jr.person_id, jr.level FROM person_record jr
     WHERE jr.kind = '${kind}' AND ${CURRENT('jr')}${shardCondition('jr.person_id', shard)}
     ORDER BY jr.person_id, jr.valid_from DESC) ${alias} ON ${alias}.person_id = m.person_id`;

/**
 * The joins the filters need (qualification and political theory in force): per member
 * (lateral lookups, small populations) or merged over every person (`setBased`, large populations).
 */
function filterJoins(filters: MetricFilter[], setBased = false, shard?: Shard): string {
  const joins: string[] = [];
  const level = (alias: string, kind: string) => (setBased ? LEVELS_IN_FORCE(alias, kind, shard) : LEVEL_IN_FORCE(alias, kind));
  if (filters.some((f) => f.qualification || f.qualificationRecorded !== undefined)) joins.push(level('q', 'QUALIFICATION'));
  if (filters.some((f) => f.politicalTheory)) joins.push(level('t', 'POLITICAL_THEORY'));
  return joins.join('\n');
}

let counter = 0;
const param = (params: Params, value: unknown): string => {
  const name = `m${++counter}`;
  params[name] = value;
  return `:${name}`;
};

/**
 * Computes the shared metric definitions (libs/shared metrics.ts) in SQL for any reference date, unit and scope:
 * one query per population (every filter a FILTER clause of it) and one over the establishment for the bases.
 */
@Injectable()
export class MetricService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rules: RuleService,
  ) {}

  async compute(ids: readonly string[], options: MetricOptions): Promise<MetricValue[]> {
    const [row] = await this.computeGrouped(ids, options, false);
    return row.values;
  }

  /**
   * The same figures per commune-level unit of the scope (or the one unit asked for), in the same few queries
   * grouped by unit. A unit without staff answers zero counts (its percents are then null).
   */
  async computeByUnit(ids: readonly string[], options: MetricOptions): Promise<UnitMetricValues[]> {
    return this.computeGrouped(ids, options, true);
  }

  /**
   * The members behind a figure's numerator, ordered by name then row id, a page after a keyset cursor (up to
   * first + 1 rows), with the total: one row per person for a staff population (row id = person id), one row per
   * seat held for a committee or title population (row id = the seat's person_record id: a person holding two
   * titles is listed twice). Figures counting posts, planned seats or shortfalls have no members.
   */
  async members(id: string, options: MetricOptions, page: { first: number; after?: { sort: string; id: string } | null }): Promise<MetricMembers> {
    const d = metricDefinition(id);
    if (!hasMembers(d)) throw new Error(`Metric ${id} does not count people or seats held`);
    const keyTitles = usesKeyTitles(d) ? await this.keyTitleCodes(options.asOf) : [];
    const ctx: Ctx = { ...options, keyTitles };
    const params = baseParams(ctx);
    const filter = numeratorFilter(d);
    const cutoff = youngBirthCutoff(ctx.asOf, AGE_BAND_RULES.youngUnderAge);
    const where = filterSql(filter, params, cutoff);
    const from = `FROM (${this.membersSql(d.population, ctx, params)}) m JOIN person p ON p.id = m.person_id JOIN unit mu ON mu.id = m.unit_id
         ${filterJoins([filter])}
        WHERE ${where}`;
    const [{ n }] = await this.query<{ n: number }>(`SELECT count(*)::int AS n ${from}`, params);
    const after = page.after ? ` AND (p.full_name, m.row_id) > (${param(params, page.after.sort)}, ${param(params, page.after.id)}::uuid)` : '';
    const rows = await this.query<{
      row_id: string;
      person_id: string;
      full_name: string;
      unit_id: string;
      unit_name: string;
      seat_id: string | null;
      title_name: string | null;
      committee: string | null;
    }>(
      `SELECT m.row_id, p.id AS person_id, p.full_name, m.unit_id, mu.name AS unit_name, m.seat_id,
              (SELECT st.name FROM title st WHERE st.id = m.title_id) AS title_name, m.committee
         ${from}${after}
        ORDER BY p.full_name, m.row_id LIMIT ${param(params, page.first + 1)}`,
      params,
    );
    return {
      totalCount: n,
      rows: rows.map((r) => ({
        rowId: r.row_id,
        personId: r.person_id,
        fullName: r.full_name,
        unitId: r.unit_id,
        unitName: r.unit_name,
        seatId: r.seat_id,
        seatName: r.title_name ?? (r.committee ? COMMITTEE_KIND_LABELS[r.committee as keyof typeof COMMITTEE_KIND_LABELS].vi : null),
      })),
    };
  }

  private async computeGrouped(ids: readonly string[], options: MetricOptions, byUnit: boolean): Promise<UnitMetricValues[]> {
    const defs = ids.map((id) => metricDefinition(id));
    const keyTitles = defs.some((d) => usesKeyTitles(d)) ? await this.keyTitleCodes(options.asOf) : [];
    const ctx: Ctx = { ...options, keyTitles };
    const ALL = '';

    // populations: one query each, counting every filter the definitions ask of it
    const populations = new Map<string, { population: MetricPopulation; filters: Map<string, MetricFilter> }>();
    for (const d of defs) {
      if (d.population.of === 'units') continue;
      const key = JSON.stringify(d.population);
      const entry = populations.get(key) ?? { population: d.population, filters: new Map() };
      populations.set(key, entry);
      entry.filters.set(JSON.stringify({}), {});
      if (d.base?.of === 'population') entry.filters.set(JSON.stringify(d.base.filter ?? {}), d.base.filter ?? {});
      entry.filters.set(JSON.stringify(numeratorFilter(d)), numeratorFilter(d));
    }
    // counts by `${unit}|${population}|${filter}` (unit '' when not grouped)
    // the population queries, the establishment and the units run concurrently (each on its own connection)
    const establishmentBases = defs.map((d) => d.base).filter((b): b is Exclude<MetricBase, { of: 'population' }> => !!b && b.of !== 'population');
    const [populationRows, bases, units] = await Promise.all([
      Promise.all([...populations.values()].map(({ population, filters }) => this.countPopulationSharded(population, [...filters.values()], ctx, byUnit))),
      establishmentBases.length ? this.establishmentTotals(establishmentBases, ctx, byUnit) : Promise.resolve(new Map<string, number>()),
      this.unitsOf(ctx),
    ]);
    const counts = new Map<string, number>();
    [...populations.entries()].forEach(([key, { filters }], p) => {
      for (const row of populationRows[p]) {
        [...filters.keys()].forEach((f, i) => {
          const k = `${row.unit ?? ALL}|${key}|${f}`;
          counts.set(k, (counts.get(k) ?? 0) + row.counts[i]);
        });
      }
    });
    const countOf = (unit: string, d: MetricDefinition, filter: MetricFilter) =>
      counts.get(`${unit}|${JSON.stringify(d.population)}|${JSON.stringify(filter)}`) ?? 0;

    const valuesFor = (unit: string, unitCount: number): MetricValue[] =>
      defs.map((d) => {
        if (d.population.of === 'units') return { id: d.id, count: unitCount, base: null };
        let base: number | null = null;
        if (d.base?.of === 'population') base = countOf(unit, d, d.base.filter ?? {});
        else if (d.base) base = bases.get(`${unit}|${JSON.stringify(d.base)}`) ?? 0;
        const count = d.numerator.of === 'unfilled' ? (base ?? 0) - countOf(unit, d, numeratorFilter(d)) : countOf(unit, d, numeratorFilter(d));
        return { id: d.id, count, base };
      });
    if (!byUnit) return [{ unitId: null, unitName: null, values: valuesFor(ALL, units.length) }];
    return units.map((u) => ({ unitId: u.id, unitName: u.name, values: valuesFor(u.id, 1) }));
  }

  /** The dated rule settings the figures are computed by on the reference date (e.g. the key-leadership titles). */
  async rulesUsed(ids: readonly string[], asOf: string): Promise<RuleSettingEntity[]> {
    return ids.some((id) => usesKeyTitles(metricDefinition(id))) ? [await this.rules.inForce(RuleKey.KEY_LEADERSHIP_TITLES, asOf)] : [];
  }

  private async keyTitleCodes(asOf: string): Promise<string[]> {
    const rule = await this.rules.inForce(RuleKey.KEY_LEADERSHIP_TITLES, asOf);
    return rule.value.titleCodes;
  }

  private query<T>(sql: string, params: Params): Promise<T[]> {
    return analyticQuery<T>(this.dataSource, sql, params);
  }

  /** The commune-level units in force of the scope (or the one unit asked for), by name. */
  private async unitsOf(ctx: Ctx): Promise<{ id: string; name: string }[]> {
    const params = baseParams(ctx);
    const unit = ctx.unitId ? ` AND u.id = ${param(params, ctx.unitId)}` : '';
    return this.query<{ id: string; name: string }>(
      `SELECT u.id, u.name FROM unit u WHERE ${COMMUNE_LEVEL('u')}${unit} AND ${ctx.scope.unitCondition('u.id', params)} ORDER BY u.name, u.id`,
      params,
    );
  }

  /**
   * SQL: the members of a population (person_id, unit_id, row_id, seat_id, title_id, committee): one row per person
   * in post (row_id the person), or per seat held (row_id and seat_id the seat's person_record).
   */
  private membersSql(population: MetricPopulation, ctx: Ctx, params: Params, shard?: Shard): string {
    if (population.of === 'staff') {
      let unit = ctx.unitId ? ` AND a.unit_id = ${param(params, ctx.unitId)}` : '';
      unit += shardCondition('a.person_id', shard);
      return `SELECT DISTINCT ON (a.person_id) a.person_id, a.unit_id, a.person_id AS row_id, NULL::uuid AS seat_id, NULL::uuid AS title_id, NULL::varchar AS committee
        FROM person_assignment a JOIN unit u ON u.id = a.unit_id
        WHERE ${CURRENT('a')} AND ${COMMUNE_LEVEL('u')} AND a.staff_category = ANY(${param(params, population.categories)})${unit}
          AND ${ctx.scope.unitCategoryCondition('a.unit_id', 'a.staff_category', params)}
        ORDER BY a.person_id, a.valid_from DESC, a.unit_id`;
    }
    if (population.of === 'units') throw new Error('units are counted by unitsOf');
    const which =
      population.of === 'committee'
        ? `r.kind = 'COMMITTEE' AND r.committee = ${param(params, population.committee)}`
        : `r.kind = 'TITLE' AND r.title_id IN (${titleIds(population.titles, ctx, params)})`;
    const unit = ctx.unitId ? ` AND r.unit_id = ${param(params, ctx.unitId)}` : '';
    return `SELECT r.person_id, r.unit_id, r.id AS row_id, r.id AS seat_id, r.title_id, r.committee
        FROM person_record r JOIN unit u ON u.id = r.unit_id
        WHERE ${which} AND ${CURRENT('r')} AND ${COMMUNE_LEVEL('u')}${unit}
          AND ${ctx.scope.unitCategoryCondition('r.unit_id', HOLDER_CATEGORY('r.person_id'), params)}`;
  }

  /**
   * A staff population is counted in STAFF_SHARDS queries run concurrently, each over the people whose id falls in
   * one range (every assignment of a person falls in the same one, so the counts add up exactly): the largest
   * population (tens of thousands of public employees) then uses more than one core. Seat populations are small.
   */
  private async countPopulationSharded(
    population: MetricPopulation,
    filters: MetricFilter[],
    ctx: Ctx,
    byUnit: boolean,
  ): Promise<{ unit: string | null; counts: number[] }[]> {
    if (population.of !== 'staff' || ctx.unitId) return this.countPopulation(population, filters, ctx, byUnit);
    const parts = await Promise.all(PERSON_ID_SHARDS.map((shard) => this.countPopulation(population, filters, ctx, byUnit, shard)));
    return parts.flat();
  }

  /** The count of each filter over the members of a population (one row, or one row per unit with members). */
  private async countPopulation(
    population: MetricPopulation,
    filters: MetricFilter[],
    ctx: Ctx,
    byUnit: boolean,
    shard?: Shard,
  ): Promise<{ unit: string | null; counts: number[] }[]> {
    const params = baseParams(ctx);
    const members = this.membersSql(population, ctx, params, shard);
    const cutoff = youngBirthCutoff(ctx.asOf, AGE_BAND_RULES.youngUnderAge);
    const columns = filters.map((f, i) => `count(*) FILTER (WHERE ${filterSql(f, params, cutoff)})::int AS c${i}`);
    // levels merged over every person of the shard for the large populations (public employees), looked up per
    // member for the others
    const setBased = population.of === 'staff' && !ctx.unitId && population.categories.includes(StaffCategory.PUBLIC_EMPLOYEE);
    // the person row only when a filter reads it (a plain count of the members does not)
    const needsPerson = filters.some((f) => f.gender || f.young !== undefined || f.minority !== undefined);
    const rows = await this.query<Record<string, number | string>>(
      `WITH m AS (${members})
       SELECT ${byUnit ? 'm.unit_id, ' : ''}${columns.join(', ')}
         FROM m ${needsPerson ? `JOIN person p ON p.id = m.person_id${shardCondition('p.id', shard)}` : ''}
         ${filterJoins(filters, setBased, shard)}
         ${byUnit ? 'GROUP BY m.unit_id' : ''}`,
      params,
    );
    return rows.map((row) => ({ unit: byUnit ? String(row.unit_id) : null, counts: filters.map((_, i) => Number(row[`c${i}`])) }));
  }

  /** Sums of approved posts, planned committee seats, title seats and specialists needed in force (one query). */
  private async establishmentTotals(bases: Exclude<MetricBase, { of: 'population' }>[], ctx: Ctx, byUnit: boolean): Promise<Map<string, number>> {
    const params = baseParams(ctx);
    const distinct = new Map(bases.map((b) => [JSON.stringify(b), b]));
    const columns = [...distinct.values()].map((b, i) => {
      let condition: string;
      if (b.of === 'approvedPosts') condition = `e.item_kind = 'HEADCOUNT' AND e.staff_category = ANY(${param(params, b.categories)})`;
      else if (b.of === 'plannedSeats') condition = `e.item_kind = 'COMMITTEE_SEATS' AND e.committee = ${param(params, b.committee)}`;
      else if (b.of === 'specialistPosts') condition = `e.item_kind = 'SPECIALISTS' AND e.field = ${param(params, b.field)}`;
      else condition = `e.item_kind = 'TITLE_SEATS' AND e.title_id IN (${titleIds(b.titles, ctx, params)})`;
      return `coalesce(sum(e.value) FILTER (WHERE ${condition}), 0)::int AS b${i}`;
    });
    const unit = ctx.unitId ? ` AND e.unit_id = ${param(params, ctx.unitId)}` : '';
    const rows = await this.query<Record<string, number | string>>(
      `SELECT ${byUnit ? 'e.unit_id, ' : ''}${columns.join(', ')}
         FROM establishment_record e JOIN unit u ON u.id = e.unit_id
        WHERE ${CURRENT('e')} AND ${COMMUNE_LEVEL('u')}${unit}
          AND ${ctx.scope.unitCategoryCondition('e.unit_id', 'e.staff_category', params)}
        ${byUnit ? 'GROUP BY e.unit_id' : ''}`,
      params,
    );
    // keyed `${unit}|${base}` (unit '' when not grouped)
    const totals = new Map<string, number>();
    for (const row of rows) [...distinct.keys()].forEach((k, i) => totals.set(`${byUnit ? String(row.unit_id) : ''}|${k}`, Number(row[`b${i}`])));
    return totals;
  }
}

/** The figures of one unit (unitId null: the whole scope, or the one unit asked for). */
export interface UnitMetricValues {
  unitId: string | null;
  unitName: string | null;
  values: MetricValue[];
}

export interface MetricMember {
  /** the person (staff figures) or the seat's person_record (committee and title figures): the pagination key */
  rowId: string;
  personId: string;
  fullName: string;
  unitId: string;
  unitName: string;
  /** the title or committee membership record of a seat figure (null for people) */
  seatId: string | null;
  /** the title's name, or the committee's (null for people) */
  seatName: string | null;
}

export interface MetricMembers {
  totalCount: number;
  /** up to first + 1 rows (one more than the page tells whether another follows) */
  rows: MetricMember[];
}

/** A range of person ids [from, to) (null: open). */
interface Shard {
  from: string | null;
  to: string | null;
}

/** SQL: the person id column within the shard's range (constants of PERSON_ID_SHARDS). */
function shardCondition(column: string, shard?: Shard): string {
  return `${shard?.from ? ` AND ${column} >= '${shard.from}'::uuid` : ''}${shard?.to ? ` AND ${column} < '${shard.to}'::uuid` : ''}`;
}

/** Staff populations are counted in two halves of the person ids (random UUIDs spread evenly), concurrently. */
const PERSON_ID_SHARDS: Shard[] = [
  { from: null, to: '80000000-0000-0000-0000-000000000000' },
  { from: '80000000-0000-0000-0000-000000000000', to: null },
];

interface Ctx extends MetricOptions {
  keyTitles: string[];
}

function baseParams(ctx: Ctx): Params {
  return { asOf: ctx.asOf, communeKinds: [...COMMUNE_LEVEL_KINDS] };
}

/** Whether a figure's numerator counts members that can be listed: people in post, or seats held (committees, titles). */
export function hasMembers(d: MetricDefinition): boolean {
  return d.numerator.of === 'population' && ['staff', 'committee', 'titles'].includes(d.population.of);
}

function usesKeyTitles(d: MetricDefinition): boolean {
  const isRule = (s: TitleSelector) => 'rule' in s;
  return (d.population.of === 'titles' && isRule(d.population.titles)) || (d.base?.of === 'titleSeats' && isRule(d.base.titles));
}

/** SQL: the ids of the titles a selector names (by code, by the key-leadership rule in force, or by class). */
function titleIds(selector: TitleSelector, ctx: Ctx, params: Params): string {
  if ('codes' in selector) return `SELECT id FROM title WHERE code = ANY(${param(params, selector.codes)})`;
  if ('rule' in selector) return `SELECT id FROM title WHERE code = ANY(${param(params, ctx.keyTitles)})`;
  return `SELECT id FROM title WHERE equivalence_class = ${param(params, selector.equivalenceClass)}`;
}

/**
 * SQL: a person filter over `m` (the member), `p` (person), `q` (qualification level in force), `t` (political theory
 * level in force).
 */
function filterSql(f: MetricFilter, params: Params, youngCutoff: string): string {
  const parts: string[] = ['TRUE'];
  if (f.gender) parts.push(`p.gender = ${param(params, f.gender)}`);
  if (f.young !== undefined) parts.push(`p.birth_date ${f.young ? '>' : '<='} ${param(params, youngCutoff)}::date`);
  if (f.minority !== undefined) {
    const kinh = param(params, KINH_ETHNICITY_CODE);
    parts.push(f.minority ? `(p.ethnicity_code IS NOT NULL AND p.ethnicity_code <> '' AND p.ethnicity_code <> ${kinh})` : `p.ethnicity_code = ${kinh}`);
  }
  if (f.qualificationRecorded !== undefined) {
    const recorded = `(q.level IS NOT NULL AND q.level <> ${param(params, QualificationLevel.NOT_RECORDED)})`;
    parts.push(f.qualificationRecorded ? recorded : `NOT ${recorded}`);
  }
  if (f.qualification) parts.push(`q.level = ANY(${param(params, f.qualification)})`);
  if (f.politicalTheory) parts.push(`t.level = ANY(${param(params, politicalTheoryLevelsCountingAs(f.politicalTheory))})`);
  // a qualification obtained by :asOf (current knowledge) in the field: the people holding one, found by the
  // index on the folded field of study (person_record_field_idx), then a hashed membership test per member
  if (f.specialistField) {
    parts.push(`m.person_id IN (SELECT sq.person_id FROM person_record sq WHERE sq.kind = 'QUALIFICATION' AND sq.superseded_at IS NULL
      AND sq.valid_from <= :asOf AND canbo_fold(sq.value->>'field') = ANY(${param(params, specialistStudyNames(f.specialistField))}::text[]))`);
  }
  return parts.join(' AND ');
}
