import { ADDITIONAL_METRIC_IDS, METRIC_DEFINITIONS, MetricDefinition, metricPercent, MetricValue, SECTION_1_METRIC_IDS, todayIso } from '@canbo/shared';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Connection, decodeCursor, toConnection } from '../../core/graphql/pagination';
import { Scope } from '../../core/permissions/scope';
import { hasMembers, MetricService } from '../metric/metric.service';
import { SituationReportArgs, SituationReportByUnitArgs, SituationReportPeopleArgs } from './dto/report.args';
import { REPORT_FIRST_DATE, ReportErrors } from './report.errors';
import { ReportFigure, ReportFigureKind, ReportPerson, SituationReport, SituationReportByUnit } from './report.types';

/** The figures of section I, in the resolution's order. */
const SECTION_1_IDS = [...SECTION_1_METRIC_IDS];
const SECTION_1 = new Set(SECTION_1_IDS);
/** Every figure of the report: section I first, then the additional figures (per staff category, per professional field). */
const REPORT_IDS = [...SECTION_1_IDS, ...ADDITIONAL_METRIC_IDS];
const DEFINITIONS = new Map(METRIC_DEFINITIONS.map((d) => [d.id, d]));

/**
 * Whether the people behind a figure can be listed (situationReportPeople): figures counting people in post (one
 * row per person) or seats held in committees and titles (one row per seat). Figures counting units, approved
 * posts, planned seats or shortfalls drill down to units only (situationReportByUnit).
 */
export function drillsToPeople(d: MetricDefinition): boolean {
  return hasMembers(d);
}

/** A specialist figure (base: the SPECIALISTS establishment of a field): reported only where the field has an establishment. */
function isSpecialistFigure(d: MetricDefinition): boolean {
  return d.base?.of === 'specialistPosts';
}

/** Whether listing a figure's people reveals ethnicity (needs personnel.read_sensitive). */
function bySensitiveFilter(d: MetricDefinition): boolean {
  const f = { ...(d.base?.of === 'population' ? d.base.filter : {}), ...(d.numerator.of === 'population' ? d.numerator.filter : {}) };
  return f.minority !== undefined;
}

/**
 * The situation report (section I of the resolution, then the additional figures) computed live by the shared
 * metric definitions, for any reference date, for the caller's scope or one unit, per unit, and the people behind
 * each figure counting people or seats held.
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
    const ids = args.sectionOneOnly ? SECTION_1_IDS : REPORT_IDS;
    const [values, rules] = await Promise.all([
      this.metrics.compute(ids, { asOf, unitId: unit?.id ?? null, scope }),
      this.metrics.rulesUsed(ids, asOf),
    ]);
    return {
      asOf,
      unitId: unit?.id ?? null,
      unitName: unit?.name ?? null,
      // specialist figures only for the fields with specialists in the establishment of the scope (or unit)
      figures: values.filter((v) => !isSpecialistFigure(DEFINITIONS.get(v.id)!) || (v.base ?? 0) > 0).map((v) => figure(v)),
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
      rows.map((r) => ({ ...r, id: r.rowId })),
      args.first,
      totalCount,
      !!after,
      (r) => r.fullName,
    );
  }

  /** The reference date: today by default, not in the future nor before REPORT_FIRST_DATE. */
  referenceDate(asOf?: string | null): string {
    const today = todayIso();
    const date = asOf ?? today;
    if (date < REPORT_FIRST_DATE) throw ReportErrors.asOfTooEarly();
    if (date > today) throw ReportErrors.asOfInFuture();
    return date;
  }

  /** A commune-level unit of the scope (NOT_FOUND otherwise, so that units outside it are not revealed). */
  async unitInScope(unitId: string, asOf: string, scope: Scope): Promise<{ id: string; name: string }> {
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
    sectionOne: SECTION_1.has(v.id),
  };
}
