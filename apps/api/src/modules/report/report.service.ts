import { METRIC_DEFINITIONS, MetricDefinition, metricPercent, MetricValue, SECTION_1_FIGURES, todayIso } from '@canbo/shared';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Connection, decodeCursor, toConnection } from '../../core/graphql/pagination';
import { Scope } from '../../core/permissions/scope';
import { MetricService } from '../metric/metric.service';
import { SituationReportArgs, SituationReportByUnitArgs, SituationReportPeopleArgs } from './dto/report.args';
import { REPORT_FIRST_DATE, ReportErrors } from './report.errors';
import { ReportFigure, ReportFigureKind, ReportPerson, SituationReport, SituationReportByUnit } from './report.types';

/** The figures of section I, in the resolution's order. */
const SECTION_1_IDS = SECTION_1_FIGURES.map((f) => f.id);
const DEFINITIONS = new Map(METRIC_DEFINITIONS.map((d) => [d.id, d]));

/** Whether a figure counts people whose list can be shown (the numerator of a staff population). */
export function drillsToPeople(d: MetricDefinition): boolean {
  return d.kind === 'people' && d.population.of === 'staff' && d.numerator.of === 'population';
}

/** Whether listing a figure's people reveals ethnicity (needs personnel.read_sensitive). */
function bySensitiveFilter(d: MetricDefinition): boolean {
  const f = { ...(d.base?.of === 'population' ? d.base.filter : {}), ...(d.numerator.of === 'population' ? d.numerator.filter : {}) };
  return f.minority !== undefined;
}

/**
 * The situation report (section I of the resolution) computed live by the shared metric definitions, for any
 * reference date, for the caller's scope or one unit, per unit, and the people behind each figure counting people.
 */
@Injectable()
export class ReportService {
  constructor(
    private readonly metrics: MetricService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async situationReport(args: SituationReportArgs, scope: Scope): Promise<SituationReport> {
    const asOf = this.referenceDate(args.asOf);
    const unit = args.unitId ? await this.unitInScope(args.unitId, asOf, scope) : null;
    const values = await this.metrics.compute(SECTION_1_IDS, { asOf, unitId: unit?.id ?? null, scope });
    const rules = await this.metrics.rulesUsed(SECTION_1_IDS, asOf);
    return {
      asOf,
      unitId: unit?.id ?? null,
      unitName: unit?.name ?? null,
      figures: values.map((v) => figure(v)),
      rules: rules.map((r) => ({ key: r.key, versionLabel: r.versionLabel, validFrom: r.validFrom, validTo: r.validTo })),
    };
  }

  async byUnit(args: SituationReportByUnitArgs, scope: Scope): Promise<SituationReportByUnit> {
    const asOf = this.referenceDate(args.asOf);
    const ids = args.metricIds?.length ? [...new Set(args.metricIds)] : SECTION_1_IDS;
    for (const id of ids) if (!DEFINITIONS.has(id)) throw ReportErrors.unknownMetric('metricIds', id);
    const rows = await this.metrics.computeByUnit(ids, { asOf, scope });
    return {
      asOf,
      units: rows.map((r) => ({
        unitId: r.unitId!,
        unitName: r.unitName!,
        figures: r.values.map((v) => ({ metricId: v.id, count: v.count, base: v.base, percent: metricPercent(v.count, v.base) })),
      })),
    };
  }

  async people(args: SituationReportPeopleArgs, scope: Scope, canReadSensitive: boolean): Promise<Connection<ReportPerson & { id: string }>> {
    const d = DEFINITIONS.get(args.metricId);
    if (!d) throw ReportErrors.unknownMetric('metricId', args.metricId);
    if (!drillsToPeople(d)) throw ReportErrors.notPeople(d.id);
    if (bySensitiveFilter(d) && !canReadSensitive) throw ReportErrors.sensitiveDrillDown();
    const asOf = this.referenceDate(args.asOf);
    const unit = args.unitId ? await this.unitInScope(args.unitId, asOf, scope) : null;
    const after = args.after ? decodeCursor(args.after) : null;
    const { totalCount, rows } = await this.metrics.members(
      d.id,
      { asOf, unitId: unit?.id ?? null, scope },
      { first: args.first, after: after ? { sort: String(after.sort ?? ''), id: after.id } : null },
    );
    return toConnection(
      rows.map((r) => ({ ...r, id: r.personId })),
      args.first,
      totalCount,
      !!after,
      (r) => r.fullName,
    );
  }

  /** The reference date: today by default, not in the future nor before REPORT_FIRST_DATE. */
  private referenceDate(asOf?: string | null): string {
    const today = todayIso();
    const date = asOf ?? today;
    if (date < REPORT_FIRST_DATE) throw ReportErrors.asOfTooEarly();
    if (date > today) throw ReportErrors.asOfInFuture();
    return date;
  }

  /** A commune-level unit of the scope (NOT_FOUND otherwise, so that units outside it are not revealed). */
  private async unitInScope(unitId: string, asOf: string, scope: Scope): Promise<{ id: string; name: string }> {
    if (!scope.includesUnit(unitId)) throw ReportErrors.unitNotFound(unitId);
    const [unit] = await this.dataSource.query(
      `SELECT id, name FROM unit WHERE id = $1 AND kind IN ('COMMUNE', 'WARD', 'SPECIAL_ZONE') AND valid_from <= $2 AND (valid_to IS NULL OR valid_to > $2)`,
      [unitId, asOf],
    );
    if (!unit) throw ReportErrors.unitNotFound(unitId);
    return unit;
  }
}

function figure(v: MetricValue): ReportFigure {
  const d = DEFINITIONS.get(v.id)!;
  return {
    metricId: v.id,
    name: d.name.vi,
    kind: d.kind as ReportFigureKind,
    count: v.count,
    base: v.base,
    percent: metricPercent(v.count, v.base),
    drillsToPeople: drillsToPeople(d),
  };
}
