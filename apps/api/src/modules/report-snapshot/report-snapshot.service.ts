import { RuleKey, targetDefinition, TargetsValue, todayIso } from '@canbo/shared';
import { Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Connection, decodeCursor, toConnection } from '../../core/graphql/pagination';
import { ActorType } from '@canbo/shared';
import { Principal } from '../../core/permissions/principal';
import { Scope } from '../../core/permissions/scope';
import { AuditService } from '../audit/audit.service';
import { ReportService } from '../report/report.service';
import { ReportFigure, ReportRuleVersion } from '../report/report.types';
import { RuleService } from '../rule/rule.service';
import { BaselineCounts, TargetResult, TargetService } from '../target/target.service';
import { TargetValue } from '../target/target.types';
import { CreateReportSnapshotInput, ReportSnapshotArgs, ReportSnapshotsArgs, TargetTrendArgs } from './dto/report-snapshot.args';
import { ReportSnapshotErrors } from './report-snapshot.errors';
import { FrozenReport, ReportSnapshot, ReportSnapshotKind, TargetTrendPoint } from './report-snapshot.types';

/** What a snapshot keeps for the province (and, per unit, the same without the unit-less metadata). */
interface FrozenFigures {
  figures: ReportFigure[];
  targets: TargetValue[];
}

interface SnapshotRow {
  id: string;
  kind: ReportSnapshotKind;
  year: number | null;
  as_of: string;
  label: string;
  rules: ReportRuleVersion[];
  created_by_name: string | null;
  created_at: Date;
  created_us: string;
}

/** SQL: the creation time in microseconds since the epoch (the list's keyset cursor). */
const CREATED_US = `(extract(epoch FROM s.created_at) * 1000000)::bigint`;
const SNAPSHOT_COLUMNS = `s.id, s.kind, s.year, to_char(s.as_of, 'YYYY-MM-DD') AS as_of, s.label, s.rules, s.created_at,
  ${CREATED_US}::text AS created_us, (SELECT display_name FROM app_user WHERE id = s.created_by) AS created_by_name`;
/** The figure of everyone in post (libs/shared metrics.ts). */
const STAFF_TOTAL = 'staff_total';
/** How often the API checks whether a yearly snapshot is due. */
const YEARLY_CHECK_MS = 6 * 3600 * 1000;

const withDefinition = (r: TargetResult): TargetValue => ({
  ...r,
  number: targetDefinition(r.targetId).number,
  name: targetDefinition(r.targetId).name.vi,
});

/**
 * Frozen copies of the situation report and the targets: on demand, and yearly on the day the TARGETS rule names
 * (the trend of the dashboard). A snapshot keeps the figures of the province and of every commune-level unit as
 * computed, with the rule versions and the data date used; the rows are never updated (a trigger refuses it), so a
 * frozen report reads the same after records change. Readers see the province only with a province-wide scope of
 * every category, and the units of their scope otherwise.
 */
@Injectable()
export class ReportSnapshotService implements OnModuleInit, OnApplicationShutdown {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reports: ReportService,
    private readonly targets: TargetService,
    private readonly rules: RuleService,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.targets.registerFrozenBaseline((date, scope, unitId) => this.frozenBaseline(date, scope, unitId));
  }

  /** Freezes the report and the targets as of a date, on demand. */
  async freeze(input: CreateReportSnapshotInput, principal: Principal): Promise<ReportSnapshot> {
    const asOf = this.reports.referenceDate(input.asOf);
    return (await this.create(ReportSnapshotKind.ON_DEMAND, asOf, input.label, null, principal.type === ActorType.USER ? principal.id : null))!;
  }

  /**
   * Freezes every yearly snapshot that is due and missing: one per year from the baseline's year, on the day of the
   * year the TARGETS rule in force names, once that day has passed. Returns the years frozen.
   */
  async ensureYearly(today: string = todayIso()): Promise<number[]> {
    const rule = (await this.rules.inForce(RuleKey.TARGETS, today)).value as TargetsValue;
    await this.ensureBaseline(rule.baselineDate, today);
    const frozen: number[] = [];
    for (let year = Number(rule.baselineDate.slice(0, 4)); year <= Number(today.slice(0, 4)); year++) {
      const asOf = `${year}-${rule.yearlySnapshotDay}`;
      if (asOf >= today || asOf < rule.baselineDate) continue;
      const done = await this.dataSource.transaction(async (m) => {
        await m.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`yearly-snapshot:${year}`]);
        const [exists] = await m.query(`SELECT 1 FROM report_snapshot WHERE kind = 'YEARLY' AND year = $1`, [year]);
        return !!exists;
      });
      if (done) continue;
      try {
        if (await this.create(ReportSnapshotKind.YEARLY, asOf, `Số liệu năm ${year}`, year, null)) frozen.push(year);
      } catch (error) {
        // another instance froze it meanwhile (the unique index on the year)
        if ((error as { code?: string }).code !== '23505') throw error;
      }
    }
    return frozen;
  }

  /** Freezes the baseline of the targets once its date has passed (their straight lines start from it). */
  private async ensureBaseline(baselineDate: string, today: string): Promise<void> {
    if (baselineDate >= today) return;
    const [exists] = await this.dataSource.query(`SELECT 1 FROM report_snapshot WHERE kind = 'BASELINE' AND as_of = $1`, [baselineDate]);
    if (exists) return;
    try {
      await this.create(ReportSnapshotKind.BASELINE, baselineDate, `Số liệu mốc ngày ${baselineDate.split('-').reverse().join('/')}`, null, null);
    } catch (error) {
      // another instance froze it meanwhile (the unique index on the date)
      if ((error as { code?: string }).code !== '23505') throw error;
    }
  }

  /**
   * The frozen counts of the targets on a baseline date, for a scope of every staff category (a scope of some
   * categories only gets none: its baseline is computed): the province's, or the sum of the units of the scope.
   */
  private async frozenBaseline(baselineDate: string, scope: Scope, unitId: string | null): Promise<BaselineCounts | null> {
    if (!scope.grants.length || scope.grants.some((g) => g.categories !== null)) return null;
    const [snapshot]: { id: string; province: FrozenFigures }[] = await this.dataSource.query(
      `SELECT id, province FROM report_snapshot WHERE kind = 'BASELINE' AND as_of = $1 ORDER BY created_at DESC LIMIT 1`,
      [baselineDate],
    );
    if (!snapshot) return null;
    const params: Record<string, unknown> = { snapshotId: snapshot.id, unitId };
    const rows = await this.query<{ unit_id: string; targets: TargetValue[] }>(
      `SELECT unit_id, targets FROM report_snapshot_unit
        WHERE snapshot_id = :snapshotId ${unitId ? 'AND unit_id = :unitId' : ''} AND ${scope.unitCondition('unit_id', params)}`,
      params,
    );
    const counts = (targets: TargetValue[]) => targets.map((t) => ({ targetId: t.targetId, count: t.count, base: t.base }));
    const units = rows.map((r) => ({ unitId: r.unit_id, counts: counts(r.targets) }));
    const total =
      scope.allUnits && !unitId
        ? counts(snapshot.province.targets)
        : (units[0]?.counts ?? []).map((c) => ({
            targetId: c.targetId,
            count: units.reduce((n, u) => n + (u.counts.find((x) => x.targetId === c.targetId)?.count ?? 0), 0),
            base: units.reduce((n, u) => n + (u.counts.find((x) => x.targetId === c.targetId)?.base ?? 0), 0),
          }));
    return { total, units, snapshotId: snapshot.id };
  }

  /** Checks for a due yearly snapshot now and every few hours (the API's main process only). */
  startYearly(onError: (error: unknown) => void): void {
    const run = () => void this.ensureYearly().catch(onError);
    run();
    this.timer = setInterval(run, YEARLY_CHECK_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async list(args: ReportSnapshotsArgs): Promise<Connection<ReportSnapshot>> {
    const after = args.after ? decodeCursor(args.after) : null;
    const [{ n }] = await this.dataSource.query(`SELECT count(*)::int AS n FROM report_snapshot`);
    const rows: SnapshotRow[] = await this.dataSource.query(
      `SELECT ${SNAPSHOT_COLUMNS} FROM report_snapshot s
        ${after ? `WHERE (${CREATED_US}, s.id) < ($2::bigint, $3::uuid)` : ''}
        ORDER BY s.created_at DESC, s.id DESC LIMIT $1`,
      after ? [args.first + 1, String(after.sort), after.id] : [args.first + 1],
    );
    const stamps = new Map(rows.map((r) => [r.id, r.created_us]));
    return toConnection(rows.map(toSnapshot), args.first, n, !!after, (s) => stamps.get(s.id)!);
  }

  /** The frozen figures and targets of a snapshot: the province, or one unit of the caller's scope. */
  async frozen(args: ReportSnapshotArgs, scope: Scope): Promise<FrozenReport> {
    const [row] = (await this.dataSource.query(`SELECT ${SNAPSHOT_COLUMNS}, s.province FROM report_snapshot s WHERE s.id = $1`, [args.id])) as (SnapshotRow & {
      province: FrozenFigures;
    })[];
    if (!row) throw ReportSnapshotErrors.notFound(args.id);
    const snapshot = toSnapshot(row);
    const unitId = args.unitId ?? (await this.onlyUnit(scope, args.id));
    if (!unitId) {
      if (!scope.coversEveryCategory(null)) throw ReportSnapshotErrors.partialScope();
      return { snapshot, unitId: null, unitName: null, figures: row.province.figures, targets: row.province.targets };
    }
    const unit = await this.unitRow(args.id, unitId, scope);
    const meta = new Map(row.province.figures.map((f) => [f.metricId, f]));
    return {
      snapshot,
      unitId,
      unitName: unit.unit_name,
      figures: unit.figures.flatMap((f) => (meta.has(f.metricId) ? [{ ...meta.get(f.metricId)!, count: f.count, base: f.base, percent: f.percent }] : [])),
      targets: unit.targets,
    };
  }

  /** The target values of the yearly snapshots, by year: the province, or one unit of the caller's scope. */
  async trend(args: TargetTrendArgs, scope: Scope): Promise<TargetTrendPoint[]> {
    if (args.unitId) {
      const [unit] = await this.dataSource.query(`SELECT 1 FROM unit WHERE id = $1`, [args.unitId]);
      if (!unit || !scope.includesUnit(args.unitId)) throw ReportSnapshotErrors.unitNotInSnapshot(args.unitId);
    }
    const unitId = args.unitId ?? (scope.coversEveryCategory(null) ? null : await this.onlyUnit(scope, null));
    if (unitId === null && !scope.coversEveryCategory(null)) throw ReportSnapshotErrors.partialScope();
    if (unitId && !(scope.includesUnit(unitId) && scope.coversEveryCategory(unitId))) throw ReportSnapshotErrors.unitNotInSnapshot(unitId);
    const params: Record<string, unknown> = { unitId };
    const rows: { id: string; year: number; as_of: string; targets: TargetValue[] }[] = unitId
      ? await this.query(
          `SELECT s.id, s.year, to_char(s.as_of, 'YYYY-MM-DD') AS as_of, su.targets
             FROM report_snapshot s JOIN report_snapshot_unit su ON su.snapshot_id = s.id AND su.unit_id = :unitId
            WHERE s.kind = 'YEARLY' AND ${scope.unitCondition('su.unit_id', params)} ORDER BY s.year`,
          params,
        )
      : await this.query(
          `SELECT s.id, s.year, to_char(s.as_of, 'YYYY-MM-DD') AS as_of, s.province->'targets' AS targets
             FROM report_snapshot s WHERE s.kind = 'YEARLY' ORDER BY s.year`,
          params,
        );
    return rows.map((r) => ({
      snapshotId: r.id,
      year: r.year,
      asOf: r.as_of,
      targets: r.targets.map((t) => ({ targetId: t.targetId, count: t.count, base: t.base, value: t.value, status: t.status })),
    }));
  }

  /**
   * Freezes the report and the targets of a date. The automatic kinds (yearly, baseline) are not frozen for a
   * province without anyone in post on that date (a new installation before its data is loaded): null, tried again
   * at the next check.
   */
  private async create(kind: ReportSnapshotKind, asOf: string, label: string, year: number | null, createdBy: string | null): Promise<ReportSnapshot | null> {
    const everything = Scope.everything();
    const [report, byUnit, targets] = await Promise.all([
      this.reports.situationReport({ asOf }, everything),
      this.reports.byUnit({ asOf }, everything),
      this.targets.compute(asOf, everything),
    ]);
    const staff = report.figures.find((f) => f.metricId === STAFF_TOTAL)?.count ?? 0;
    if (kind !== ReportSnapshotKind.ON_DEMAND && staff === 0) return null;
    const rules = [...new Map([...report.rules, ...targets.context.rules].map((r) => [r.key, r])).values()];
    const province: FrozenFigures = { figures: report.figures, targets: targets.total.map(withDefinition) };
    const unitTargets = new Map(targets.units.map((u) => [u.unitId, u.results.map(withDefinition)]));
    return this.dataSource.transaction(async (m) => {
      const [{ id }] = await m.query(
        `INSERT INTO report_snapshot (kind, year, as_of, label, rules, province, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [kind, year, asOf, label, JSON.stringify(rules), JSON.stringify(province), createdBy],
      );
      const units = byUnit.units.map((u) => [id, u.unitId, u.unitName, JSON.stringify(u.figures), JSON.stringify(unitTargets.get(u.unitId) ?? [])]);
      for (let i = 0; i < units.length; i += 500) {
        const chunk = units.slice(i, i + 500);
        await m.query(
          `INSERT INTO report_snapshot_unit (snapshot_id, unit_id, unit_name, figures, targets) VALUES ${chunk
            .map((_, j) => `($${j * 5 + 1}, $${j * 5 + 2}, $${j * 5 + 3}, $${j * 5 + 4}, $${j * 5 + 5})`)
            .join(', ')}`,
          chunk.flat(),
        );
      }
      await this.audit.record(m, {
        operation: kind === ReportSnapshotKind.YEARLY ? 'freezeYearlyReportSnapshot' : 'createReportSnapshot',
        entity: 'reportSnapshot',
        entityId: id,
        after: { kind, year, asOf, label, units: units.length, rules: rules.map((r) => `${r.key}@${r.validFrom}`) },
      });
      const [row] = await m.query(`SELECT ${SNAPSHOT_COLUMNS} FROM report_snapshot s WHERE s.id = $1`, [id]);
      return toSnapshot(row);
    });
  }

  /** The caller's only unit in the snapshot (or among their units when no snapshot is named); null with a province-wide scope. */
  private async onlyUnit(scope: Scope, snapshotId: string | null): Promise<string | null> {
    if (scope.allUnits) return null;
    const params: Record<string, unknown> = { snapshotId };
    const units: { unit_id: string }[] = await this.query(
      snapshotId
        ? `SELECT unit_id FROM report_snapshot_unit WHERE snapshot_id = :snapshotId AND ${scope.unitCondition('unit_id', params)} LIMIT 2`
        : `SELECT id AS unit_id FROM unit WHERE ${scope.unitCondition('id', params)} AND valid_to IS NULL LIMIT 2`,
      params,
    );
    if (units.length !== 1) throw ReportSnapshotErrors.chooseUnit();
    return units[0].unit_id;
  }

  private async unitRow(snapshotId: string, unitId: string, scope: Scope): Promise<{ unit_name: string; figures: ReportFigure[]; targets: TargetValue[] }> {
    if (!scope.includesUnit(unitId)) throw ReportSnapshotErrors.unitNotInSnapshot(unitId);
    if (!scope.coversEveryCategory(unitId)) throw ReportSnapshotErrors.partialScope();
    const params: Record<string, unknown> = { snapshotId, unitId };
    const [unit] = await this.query<{ unit_name: string; figures: ReportFigure[]; targets: TargetValue[] }>(
      `SELECT unit_name, figures, targets FROM report_snapshot_unit
        WHERE snapshot_id = :snapshotId AND unit_id = :unitId AND ${scope.unitCondition('unit_id', params)}`,
      params,
    );
    if (!unit) throw ReportSnapshotErrors.unitNotInSnapshot(unitId);
    return unit;
  }

  private async query<T>(sql: string, params: Record<string, unknown>): Promise<T[]> {
    const [text, values] = this.dataSource.driver.escapeQueryWithParameters(sql, params);
    return this.dataSource.query(text, values);
  }
}

function toSnapshot(r: SnapshotRow): ReportSnapshot {
  return {
    id: r.id,
    kind: r.kind,
    year: r.year,
    asOf: r.as_of,
    label: r.label,
    rules: r.rules,
    createdByName: r.created_by_name,
    createdAt: r.created_at,
  };
}
