import { isValidIsoDate, STAFF_CATEGORY_LABELS, StaffCategory } from '@canbo/shared';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { Principal } from '../../core/permissions/principal';
import { Scope } from '../../core/permissions/scope';
import { AuditService } from '../audit/audit.service';
import { ReportService } from '../report/report.service';
import { SituationReport, SituationReportByUnit } from '../report/report.types';
import { Narrative, situationNarrative } from './narrative';
import { renderSituationPdf } from './report-pdf';
import { ReportExportErrors } from './report-export.errors';
import { buildSituationWorkbook } from './report-xlsx';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu;

export interface ReportFileArgs {
  asOf: string | null;
  unitId: string | null;
}

export type ReportFileFormat = 'xlsx' | 'pdf';

/** The `asOf` (YYYY-MM-DD, default today) and `unitId` (optional) query parameters of a report file. */
export function parseReportQuery(asOf: unknown, unitId: unknown): ReportFileArgs {
  const args: ReportFileArgs = { asOf: null, unitId: null };
  if (asOf !== undefined && asOf !== '') {
    if (typeof asOf !== 'string') throw ReportExportErrors.asOfNotText();
    if (!isValidIsoDate(asOf)) throw ReportExportErrors.asOfInvalid();
    args.asOf = asOf;
  }
  if (unitId !== undefined && unitId !== '') {
    if (typeof unitId !== 'string') throw ReportExportErrors.unitIdNotText();
    if (!UUID.test(unitId)) throw ReportExportErrors.unitIdInvalid();
    args.unitId = unitId.toLowerCase();
  }
  return args;
}

/** "Báo cáo tình hình - <scope> - dd-mm-yyyy.<ext>". */
export function reportFileName(scopeLabel: string, asOf: string, ext: ReportFileFormat): string {
  const [y, m, d] = asOf.split('-');
  return `Báo cáo tình hình - ${scopeLabel.replace(/[\\/:*?"<>|]+/gu, ' ').trim()} - ${d}-${m}-${y}.${ext}`;
}

/** The report and everything a file of it shows. */
export interface SituationReportData {
  report: SituationReport;
  units: SituationReportByUnit['units'];
  scopeLabel: string;
  singleUnit: boolean;
  scopeNote: string | null;
}

/**
 * The situation report as files: the figures come from ReportService (the same reference date and unit checks,
 * the same scope as the GraphQL queries), laid out as a workbook (report-xlsx.ts) or told as a narrative PDF
 * (narrative.ts, report-pdf.ts). Every file handed out is recorded in the audit log before it is sent.
 */
@Injectable()
export class ReportExportService {
  private readonly logger = new Logger('ReportExport');

  constructor(
    private readonly reports: ReportService,
    private readonly audit: AuditService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async load(args: ReportFileArgs, scope: Scope): Promise<SituationReportData> {
    const report = await this.reports.situationReport({ asOf: args.asOf, unitId: args.unitId }, scope);
    const byUnit = await this.reports.byUnit({ asOf: report.asOf, metricIds: report.figures.map((f) => f.metricId) }, scope);
    const units = report.unitId ? byUnit.units.filter((u) => u.unitId === report.unitId) : byUnit.units;
    let scopeLabel: string;
    let singleUnit = false;
    if (report.unitName) {
      scopeLabel = report.unitName;
      singleUnit = true;
    } else if (scope.allUnits) {
      const [province] = (await this.dataSource.query(
        `SELECT name, short_name FROM unit WHERE kind = 'PROVINCE' AND valid_from <= $1 AND (valid_to IS NULL OR valid_to > $1) ORDER BY valid_from DESC LIMIT 1`,
        [report.asOf],
      )) as { name: string; short_name: string | null }[];
      const name = province?.short_name ?? province?.name.replace(/^tỉnh\s+/iu, '') ?? null;
      scopeLabel = name ? `Toàn tỉnh ${name}` : 'Toàn tỉnh';
    } else if (units.length === 1) {
      scopeLabel = units[0].unitName;
      singleUnit = true;
    } else {
      scopeLabel = `Các đơn vị được phân công (${units.length} đơn vị)`;
    }
    return { report, units, scopeLabel, singleUnit, scopeNote: categoryNote(scope) };
  }

  narrative(data: SituationReportData): Narrative {
    return situationNarrative({
      asOf: data.report.asOf,
      scopeLabel: data.scopeLabel,
      singleUnit: data.singleUnit,
      scopeNote: data.scopeNote,
      figures: data.report.figures,
      rules: data.report.rules,
    });
  }

  /** The workbook, as bytes, and its file name; the export audited. */
  async xlsx(args: ReportFileArgs, scope: Scope, principal: Principal): Promise<{ fileName: string; body: Buffer }> {
    const started = Date.now();
    const data = await this.load(args, scope);
    const workbook = buildSituationWorkbook({
      asOf: data.report.asOf,
      scopeLabel: data.scopeLabel,
      scopeNote: data.scopeNote,
      figures: data.report.figures,
      units: data.units,
      rules: this.narrative(data).rules,
      exportedBy: principal.name,
      exportedAt: new Date(),
    });
    const body = Buffer.from(await workbook.xlsx.writeBuffer());
    await this.record('xlsx', data);
    this.logger.log({ msg: 'exportSituationReport', format: 'xlsx', units: data.units.length, bytes: body.length, durationMs: Date.now() - started });
    return { fileName: reportFileName(data.scopeLabel, data.report.asOf, 'xlsx'), body };
  }

  /** The narrative PDF (a stream, already ended) and its file name; the export audited. */
  async pdf(args: ReportFileArgs, scope: Scope, principal: Principal): Promise<{ fileName: string; doc: Readable }> {
    const data = await this.load(args, scope);
    const narrative = this.narrative(data);
    await this.record('pdf', data);
    const doc = renderSituationPdf(narrative, { generatedAt: new Date(), exportedBy: principal.name });
    this.logger.log({ msg: 'exportSituationReport', format: 'pdf', units: data.units.length });
    return { fileName: reportFileName(data.scopeLabel, data.report.asOf, 'pdf'), doc };
  }

  private async record(format: ReportFileFormat, data: SituationReportData): Promise<void> {
    await this.audit.record(this.dataSource.manager, {
      operation: 'exportSituationReport',
      entity: 'report',
      entityId: data.report.unitId,
      details: {
        format,
        asOf: data.report.asOf,
        unitId: data.report.unitId,
        scope: data.scopeLabel,
        units: data.units.length,
        figures: data.report.figures.length,
      },
    });
  }
}

/** When every grant of the scope limits the staff categories: which ones the figures cover. */
function categoryNote(scope: Scope): string | null {
  if (!scope.grants.length || scope.grants.some((g) => g.categories === null)) return null;
  const categories = [...new Set(scope.grants.flatMap((g) => g.categories ?? []))] as StaffCategory[];
  if (!categories.length) return null;
  return `Số liệu chỉ gồm: ${categories.map((c) => STAFF_CATEGORY_LABELS[c]?.vi.toLocaleLowerCase('vi') ?? c).join(', ')} (theo phạm vi được phân công)`;
}

