import {
  AGE_BAND_RULES,
  AnnualRating,
  COMMUNE_LEVEL_KINDS,
  CommitteeKind,
  KINH_ETHNICITY_CODE,
  metricPercent,
  onTrackValue,
  PoliticalTheoryLevel,
  PoliticalTheoryStandardValue,
  politicalTheoryLevelsMeeting,
  politicalTheoryStandardProblem,
  QualificationLevel,
  RuleKey,
  StaffCategory,
  TARGET_DEFINITIONS,
  targetGap,
  TargetId,
  TargetStatus,
  targetStatus,
  TargetsValue,
  targetsValueProblem,
  TrainingKind,
  youngBirthCutoff,
} from '@canbo/shared';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { analyticQuery } from '../../core/database/analytic-query';
import { Scope } from '../../core/permissions/scope';
import { RuleService } from '../rule/rule.service';

type Params = Record<string, unknown>;

/** One measure's count over base, for the scope or one unit (base 0: nothing to measure). */
export interface TargetCount {
  targetId: TargetId;
  count: number;
  base: number;
}

/** One measure, computed and judged against its target. */
export interface TargetResult extends TargetCount {
  /** count / base in percent, one decimal (null when the base is 0) */
  value: number | null;
  target: number;
  /** percentage points still missing (0 when met) */
  gap: number | null;
  /** the value on the baseline date */
  baseline: number | null;
  /** the value the straight line from the baseline to the target expects on the reference date */
  expected: number | null;
  status: TargetStatus;
}

/** The rule versions a computation used. */
export interface RuleVersionUsed {
  key: string;
  versionLabel: string;
  validFrom: string;
  validTo: string | null;
}

export interface TargetContext {
  asOf: string;
  targets: TargetsValue;
  standard: PoliticalTheoryStandardValue;
  keyTitles: string[];
  /** the latest rated year before the reference date's year (target 1), null without ratings */
  ratingYear: number | null;
  rules: RuleVersionUsed[];
  /** the frozen snapshot the baseline was read from (null: computed from the records now) */
  baselineSnapshotId?: string | null;
}

/** Per-unit extra of target 5: the committee's and the population's minority shares, in percent. */
export interface UnitMinorityShares {
  committeeShare: number | null;
  populationShare: number | null;
}

/** The counts of the baseline date, for the scope (or one unit) and per unit. */
export interface BaselineCounts {
  total: TargetCount[];
  units: { unitId: string; counts: TargetCount[] }[];
  /** the frozen snapshot they come from (null: computed now) */
  snapshotId?: string;
}

/** Finds the frozen counts of a baseline date for a scope (null: none frozen, or not for this scope). */
export type FrozenBaselineSource = (baselineDate: string, scope: Scope, unitId: string | null) => Promise<BaselineCounts | null>;

export interface TargetComputation {
  context: TargetContext;
  total: TargetResult[];
  units: UnitTargetRow[];
}

export interface UnitTargetRow {
  unitId: string;
  unitName: string;
  results: TargetResult[];
  minority: UnitMinorityShares;
}

/** SQL: the bitemporal row `r` is in force on :asOf and of current knowledge. */
const CURRENT = (r: string) => `${r}.superseded_at IS NULL AND ${r}.valid_from <= :asOf AND (${r}.valid_to IS NULL OR ${r}.valid_to > :asOf)`;
/** SQL: the unit `u` is a commune-level unit in force on :asOf. */
const COMMUNE_LEVEL = (u: string) =>
  `${u}.kind = ANY(:communeKinds) AND ${u}.valid_from <= :asOf AND (${u}.valid_to IS NULL OR ${u}.valid_to > :asOf)`;
/** SQL: the staff category of the assignment in force of the person `personExpr`. */
const HOLDER_CATEGORY = (personExpr: string) =>
  `(SELECT ha.staff_category FROM person_assignment ha WHERE ha.person_id = ${personExpr} AND ${CURRENT('ha')} ORDER BY ha.valid_from DESC LIMIT 1)`;
/** SQL: the level of the person record of a kind in force for the person `personExpr`. */
const LEVEL_OF = (personExpr: string, kind: string) =>
  `(SELECT lr.level FROM person_record lr WHERE lr.person_id = ${personExpr} AND lr.kind = '${kind}' AND ${CURRENT('lr')} ORDER BY lr.valid_from DESC LIMIT 1)`;
const STAFF = [StaffCategory.CADRE, StaffCategory.CIVIL_SERVANT, StaffCategory.PUBLIC_EMPLOYEE];
const CBCC = [StaffCategory.CADRE, StaffCategory.CIVIL_SERVANT];

/**
 * The five targets of the resolution (libs/shared targets.ts) computed in PostgreSQL for any reference date, over the
 * caller's scope, for the scope and per commune-level unit in one pass each (GROUPING SETS), judged against the
 * dated TARGETS rule (straight line from the baseline to the target by the deadline).
 */
@Injectable()
export class TargetService implements OnModuleInit {
  private readonly inFlight = new Map<string, Promise<TargetComputation>>();
  private frozenBaseline: FrozenBaselineSource | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rules: RuleService,
  ) {}

  onModuleInit(): void {
    this.rules.registerCheck(RuleKey.TARGETS, async (value) => targetsValueProblem(value));
    this.rules.registerCheck(RuleKey.POLITICAL_THEORY_STANDARD, async (value) => politicalTheoryStandardProblem(value));
  }

  /** The module keeping snapshots gives the frozen baseline (a baseline that changes with later corrections is none). */
  registerFrozenBaseline(source: FrozenBaselineSource): void {
    this.frozenBaseline = source;
  }

  /** The rules in force on the reference date and the latest rated year. */
  async context(asOf: string): Promise<TargetContext> {
    const [targets, standard, keyTitles, [{ year }]] = await Promise.all([
      this.rules.inForce(RuleKey.TARGETS, asOf),
      this.rules.inForce(RuleKey.POLITICAL_THEORY_STANDARD, asOf),
      this.rules.inForce(RuleKey.KEY_LEADERSHIP_TITLES, asOf),
      this.dataSource.query(
        `SELECT max(year)::int AS year FROM person_entry WHERE kind = 'RATING' AND superseded_at IS NULL AND year < $1`,
        [Number(asOf.slice(0, 4))],
      ) as Promise<{ year: number | null }[]>,
    ]);
    const used = (r: { key: string; versionLabel: string; validFrom: string; validTo: string | null }): RuleVersionUsed => ({
      key: r.key,
      versionLabel: r.versionLabel,
      validFrom: r.validFrom,
      validTo: r.validTo,
    });
    return {
      asOf,
      targets: targets.value as TargetsValue,
      standard: standard.value as PoliticalTheoryStandardValue,
      keyTitles: keyTitles.value.titleCodes,
      ratingYear: year,
      rules: [used(targets), used(standard), used(keyTitles)],
    };
  }

  /**
   * The five targets for the scope (or one unit) and per commune-level unit of it, with their baselines (the same
   * measures on the baseline date, by the rules in force then).
   */
  compute(asOf: string, scope: Scope, unitId: string | null = null): Promise<TargetComputation> {
    // the dashboard asks for the targets and the targets per unit at once: the same computation runs once
    // (only while in flight: nothing is cached after it)
    const key = JSON.stringify([asOf, unitId, scope.grants]);
    const running = this.inFlight.get(key);
    if (running) return running;
    const computation = this.computeNow(asOf, scope, unitId).finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, computation);
    return computation;
  }

  private async computeNow(asOf: string, scope: Scope, unitId: string | null): Promise<TargetComputation> {
    const context = await this.context(asOf);
    const baselineDate = context.targets.baselineDate;
    const useBaseline = baselineDate <= asOf;
    // the baseline: frozen on the baseline date when it was (the report-snapshot module keeps it), else computed now
    const frozen = useBaseline && baselineDate !== asOf && this.frozenBaseline ? await this.frozenBaseline(baselineDate, scope, unitId) : null;
    const [current, computed] = await Promise.all([
      this.counts(context, scope, unitId),
      useBaseline && baselineDate !== asOf && !frozen ? this.context(baselineDate).then((c) => this.counts(c, scope, unitId)) : Promise.resolve(null),
    ]);
    const base: BaselineCounts | null = frozen ?? computed ?? (useBaseline ? current : null);
    context.baselineSnapshotId = frozen?.snapshotId ?? null;
    const judge = (counts: TargetCount[], baselineCounts: TargetCount[] | null): TargetResult[] =>
      counts.map((c) => {
        const value = metricPercent(c.count, c.base);
        const target = context.targets.targets[c.targetId];
        const b = baselineCounts?.find((x) => x.targetId === c.targetId);
        const baselineValue = b ? metricPercent(b.count, b.base) : null;
        const expected = onTrackValue(baselineValue, target, asOf, context.targets);
        return { ...c, value, target, gap: targetGap(value, target), baseline: baselineValue, expected, status: targetStatus(value, target, expected) };
      });
    return {
      context,
      total: judge(current.total, base?.total ?? null),
      units: current.units.map((u) => ({
        unitId: u.unitId,
        unitName: u.unitName,
        results: judge(u.counts, base?.units.find((b) => b.unitId === u.unitId)?.counts ?? null).map((r) =>
          // a unit's committee either matches its population or not: met, or at risk
          r.targetId === TargetId.COMMITTEE_MINORITY && r.status === TargetStatus.ON_TRACK ? { ...r, status: TargetStatus.AT_RISK } : r,
        ),
        minority: u.minority,
      })),
    };
  }

  /** The counts of every measure for the scope (or one unit) and per unit. */
  private async counts(
    ctx: TargetContext,
    scope: Scope,
    unitId: string | null,
  ): Promise<{ total: TargetCount[]; units: { unitId: string; unitName: string; counts: TargetCount[]; minority: UnitMinorityShares }[] }> {
    const [units, staff, standing, young, committees] = await Promise.all([
      this.unitsOf(ctx, scope, unitId),
      this.staffCounts(ctx, scope, unitId),
      this.distinctHolders(ctx, scope, unitId, 'standing'),
      this.distinctHolders(ctx, scope, unitId, 'keyTitles'),
      this.committeeShares(ctx, scope, unitId),
    ]);
    const row = (rows: Map<string, number[]>, key: string) => rows.get(key) ?? [0, 0, 0, 0, 0, 0];
    const peopleCounts = (key: string): TargetCount[] => {
      const s = row(staff, key);
      const st = row(standing, key);
      const y = row(young, key);
      return [
        { targetId: TargetId.RATED_GOOD, count: s[0], base: s[1] },
        { targetId: TargetId.THEORY_STANDARD, count: s[2], base: s[3] },
        { targetId: TargetId.STANDING_POSTGRADUATE, count: st[0], base: st[1] },
        { targetId: TargetId.DIGITAL_SKILLS, count: s[4], base: s[5] },
        { targetId: TargetId.YOUNG_KEY_TITLES, count: y[0], base: y[1] },
      ];
    };
    const tolerance = ctx.targets.minorityTolerancePoints;
    const unitRows = units.map((u) => {
      const c = committees.get(u.id);
      const committeeShare = c && c.seated > 0 ? metricPercent(c.minority, c.seated) : null;
      const populationShare = c?.populationShare ?? null;
      const measured = committeeShare !== null && populationShare !== null;
      // compared unrounded, so that the tolerance is exact
      const within = measured && Math.abs((c!.minority / c!.seated) * 100 - populationShare) <= tolerance + 1e-9;
      return {
        unitId: u.id,
        unitName: u.name,
        counts: [...peopleCounts(u.id), { targetId: TargetId.COMMITTEE_MINORITY, count: within ? 1 : 0, base: measured ? 1 : 0 }],
        minority: { committeeShare, populationShare: populationShare === null ? null : Math.round(populationShare * 10) / 10 },
      };
    });
    const total: TargetCount[] = [
      ...peopleCounts(''),
      {
        targetId: TargetId.COMMITTEE_MINORITY,
        count: unitRows.reduce((n, u) => n + u.counts[5].count, 0),
        base: unitRows.reduce((n, u) => n + u.counts[5].base, 0),
      },
    ];
    // the order of the definitions
    const order = (counts: TargetCount[]) => TARGET_DEFINITIONS.map((d) => counts.find((c) => c.targetId === d.id)!);
    return { total: order(total), units: unitRows.map((u) => ({ ...u, counts: order(u.counts) })) };
  }

  private query<T>(sql: string, params: Params): Promise<T[]> {
    return analyticQuery<T>(this.dataSource, sql, params);
  }

  private baseParams(ctx: TargetContext, unitId: string | null): Params {
    return { asOf: ctx.asOf, communeKinds: [...COMMUNE_LEVEL_KINDS], unitId };
  }

  private async unitsOf(ctx: TargetContext, scope: Scope, unitId: string | null): Promise<{ id: string; name: string }[]> {
    const params = this.baseParams(ctx, unitId);
    return this.query(
      `SELECT u.id, u.name FROM unit u WHERE ${COMMUNE_LEVEL('u')} ${unitId ? 'AND u.id = :unitId' : ''} AND ${scope.unitCondition('u.id', params)}
        ORDER BY u.name, u.id`,
      params,
    );
  }

  /**
   * Targets 1, 2 (political theory) and 3 over the staff in post, per unit and for all (GROUPING SETS): rated good or
   * better / rated, meeting the standard / with a standard, trained in digital skills / all. Keyed by unit id ('' for all).
   */
  private async staffCounts(ctx: TargetContext, scope: Scope, unitId: string | null): Promise<Map<string, number[]>> {
    const params: Params = {
      ...this.baseParams(ctx, unitId),
      staff: STAFF,
      cbcc: CBCC,
      pe: StaffCategory.PUBLIC_EMPLOYEE,
      ratingYear: ctx.ratingYear ?? -1,
      good: [AnnualRating.EXCELLENT, AnnualRating.GOOD],
      digital: TrainingKind.DIGITAL_SKILLS,
      keyTitles: ctx.keyTitles,
      standing: CommitteeKind.STANDING,
      reqKey: ctx.standard.keyTitles,
      reqStanding: ctx.standard.standingCommittee,
      reqCbcc: ctx.standard.cadresAndCivilServants,
      reqPeManager: ctx.standard.publicEmployeeManagers,
      reqPe: ctx.standard.publicEmployees,
    };
    // a level meets a requirement when it is one of the levels meeting it
    const meets = Object.values(PoliticalTheoryLevel)
      .filter((l) => l !== PoliticalTheoryLevel.BACHELOR)
      .map((required) => {
        params[`meet_${required}`] = politicalTheoryLevelsMeeting(required);
        return `(s.required = '${required}' AND s.theory = ANY(:meet_${required}))`;
      })
      .join(' OR ');
    // each fact of a person is one set, joined by hash (not a subquery per person)
    const rows = await this.query<{ unit_id: string | null; c: number[] }>(
      `WITH staff AS (
         SELECT DISTINCT ON (a.person_id) a.person_id, a.unit_id, a.staff_category
           FROM person_assignment a JOIN unit u ON u.id = a.unit_id
          WHERE ${CURRENT('a')} AND ${COMMUNE_LEVEL('u')} AND a.staff_category = ANY(:staff) ${unitId ? 'AND a.unit_id = :unitId' : ''}
            AND ${scope.unitCategoryCondition('a.unit_id', 'a.staff_category', params)}
          ORDER BY a.person_id, a.valid_from DESC, a.unit_id
       ), theory AS (
         SELECT DISTINCT ON (r.person_id) r.person_id, r.level FROM person_record r
          WHERE r.kind = 'POLITICAL_THEORY' AND ${CURRENT('r')} ORDER BY r.person_id, r.valid_from DESC
       ), rating AS (
         SELECT DISTINCT ON (e.person_id) e.person_id, e.value->>'rating' AS rating FROM person_entry e
          WHERE e.kind = 'RATING' AND e.superseded_at IS NULL AND e.year = :ratingYear ORDER BY e.person_id, e.recorded_at DESC
       ), digital AS (
         SELECT DISTINCT e.person_id FROM person_entry e
          WHERE e.kind = 'TRAINING' AND e.superseded_at IS NULL AND e.value->>'trainingKind' = :digital AND e.date_from <= :asOf
       ), titles AS (
         SELECT r.person_id, bool_or(t.code = ANY(:keyTitles)) AS key_title FROM person_record r JOIN title t ON t.id = r.title_id
          WHERE r.kind = 'TITLE' AND ${CURRENT('r')} GROUP BY r.person_id
       ), standing AS (
         SELECT DISTINCT r.person_id FROM person_record r WHERE r.kind = 'COMMITTEE' AND r.committee = :standing AND ${CURRENT('r')}
       ), s AS (
         SELECT staff.unit_id, th.level AS theory, rt.rating, dg.person_id IS NOT NULL AS digital,
           COALESCE(
             CASE WHEN ti.key_title THEN CAST(:reqKey AS varchar) END,
             CASE WHEN st.person_id IS NOT NULL THEN CAST(:reqStanding AS varchar) END,
             CASE WHEN staff.staff_category = ANY(:cbcc) THEN CAST(:reqCbcc AS varchar) END,
             CASE WHEN staff.staff_category = :pe AND ti.person_id IS NOT NULL THEN CAST(:reqPeManager AS varchar) END,
             CASE WHEN staff.staff_category = :pe THEN CAST(:reqPe AS varchar) END
           ) AS required
         FROM staff
         LEFT JOIN theory th ON th.person_id = staff.person_id
         LEFT JOIN rating rt ON rt.person_id = staff.person_id
         LEFT JOIN digital dg ON dg.person_id = staff.person_id
         LEFT JOIN titles ti ON ti.person_id = staff.person_id
         LEFT JOIN standing st ON st.person_id = staff.person_id
       )
       SELECT s.unit_id, ARRAY[
           count(*) FILTER (WHERE s.rating = ANY(:good)), count(*) FILTER (WHERE s.rating IS NOT NULL),
           count(*) FILTER (WHERE s.required IS NOT NULL AND (${meets})), count(*) FILTER (WHERE s.required IS NOT NULL),
           count(*) FILTER (WHERE s.digital), count(*)
         ]::int[] AS c
         FROM s GROUP BY GROUPING SETS ((s.unit_id), ())`,
      params,
    );
    return new Map(rows.map((r) => [r.unit_id ?? '', r.c.map(Number)]));
  }

  /**
   * Distinct people (per unit, and over all) seated in a standing committee (target 2: with a master's degree or
   * doctorate) or holding a key leadership title (target 4: under 42). [count, base] keyed by unit id ('' for all).
   */
  private async distinctHolders(ctx: TargetContext, scope: Scope, unitId: string | null, which: 'standing' | 'keyTitles'): Promise<Map<string, number[]>> {
    const params: Params = {
      ...this.baseParams(ctx, unitId),
      standing: CommitteeKind.STANDING,
      keyTitles: ctx.keyTitles,
      postgraduate: [QualificationLevel.MASTER, QualificationLevel.DOCTORATE],
      youngCutoff: youngBirthCutoff(ctx.asOf, AGE_BAND_RULES.youngUnderAge),
    };
    const seat =
      which === 'standing'
        ? `r.kind = 'COMMITTEE' AND r.committee = :standing`
        : `r.kind = 'TITLE' AND r.title_id IN (SELECT id FROM title WHERE code = ANY(:keyTitles))`;
    const counted =
      which === 'standing' ? `${LEVEL_OF('h.person_id', 'QUALIFICATION')} = ANY(:postgraduate)` : `p.birth_date > CAST(:youngCutoff AS date)`;
    const rows = await this.query<{ unit_id: string | null; c: number[] }>(
      `WITH h AS (
         SELECT DISTINCT r.person_id, r.unit_id
           FROM person_record r JOIN unit u ON u.id = r.unit_id
          WHERE ${seat} AND ${CURRENT('r')} AND ${COMMUNE_LEVEL('u')} ${unitId ? 'AND r.unit_id = :unitId' : ''}
            AND ${scope.unitCategoryCondition('r.unit_id', HOLDER_CATEGORY('r.person_id'), params)}
       )
       SELECT h.unit_id, ARRAY[count(DISTINCT h.person_id) FILTER (WHERE ${counted}), count(DISTINCT h.person_id)]::int[] AS c
         FROM h JOIN person p ON p.id = h.person_id
        GROUP BY GROUPING SETS ((h.unit_id), ())`,
      params,
    );
    return new Map(rows.map((r) => [r.unit_id ?? '', r.c.map(Number)]));
  }

  /** Target 5 per unit: seated executive-committee members, the minorities among them, the population's minority share (percent). */
  private async committeeShares(
    ctx: TargetContext,
    scope: Scope,
    unitId: string | null,
  ): Promise<Map<string, { seated: number; minority: number; populationShare: number | null }>> {
    const params: Params = { ...this.baseParams(ctx, unitId), executive: CommitteeKind.EXECUTIVE, kinh: KINH_ETHNICITY_CODE };
    const rows = await this.query<{ unit_id: string; seated: number; minority: number; share: string | null }>(
      `SELECT u.id AS unit_id,
              count(r.id)::int AS seated,
              count(r.id) FILTER (WHERE p.ethnicity_code IS NOT NULL AND p.ethnicity_code <> '' AND p.ethnicity_code <> :kinh)::int AS minority,
              (SELECT up.ethnic_minority_share * 100 FROM unit_population up WHERE up.unit_id = u.id AND up.valid_from <= :asOf
                  AND (up.valid_to IS NULL OR up.valid_to > :asOf) ORDER BY up.valid_from DESC LIMIT 1) AS share
         FROM unit u
         LEFT JOIN person_record r ON r.unit_id = u.id AND r.kind = 'COMMITTEE' AND r.committee = :executive AND ${CURRENT('r')}
         LEFT JOIN person p ON p.id = r.person_id
        WHERE ${COMMUNE_LEVEL('u')} ${unitId ? 'AND u.id = :unitId' : ''} AND ${scope.unitCondition('u.id', params)}
        GROUP BY u.id`,
      params,
    );
    return new Map(rows.map((r) => [r.unit_id, { seated: Number(r.seated), minority: Number(r.minority), populationShare: r.share === null ? null : Number(r.share) }]));
  }
}
