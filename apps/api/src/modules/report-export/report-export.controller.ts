import { PERMISSIONS } from '@canbo/shared';
import { Controller, Get, Logger, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { CurrentPrincipal, CurrentScope, Principal } from '../../core/permissions/principal';
import { RequirePermission } from '../../core/permissions/require-permission.decorator';
import { Scope } from '../../core/permissions/scope';
import { contentDisposition, sendPdf } from '../../core/http/file-answers';
import { parseReportQuery, ReportExportService } from './report-export.service';

/**
 * The situation report as files, beside the GraphQL `situationReport` queries (same permission, scope and checks
 * of the reference date and unit): the workbook of every table and the narrative PDF. Errors answer as JSON
 * { code, message, fields } with their status (400 for a date out of range, 404 for a unit outside the scope).
 */
@Controller('files/reports')
export class ReportExportController {
  private readonly logger = new Logger('ReportExport');

  constructor(private readonly exports: ReportExportService) {}

  /** GET /files/reports/situation.xlsx?asOf=YYYY-MM-DD&unitId=<uuid>: one sheet per table. */
  @Get('situation.xlsx')
  @RequirePermission(PERMISSIONS.REPORT_READ)
  async situationXlsx(
    @Query('asOf') asOf: unknown,
    @Query('unitId') unitId: unknown,
    @CurrentScope() scope: Scope,
    @CurrentPrincipal() principal: Principal,
    @Res() res: Response,
  ): Promise<void> {
    const file = await this.exports.xlsx(parseReportQuery(asOf, unitId), scope, principal);
    res.status(200);
    res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.setHeader('Content-Disposition', contentDisposition('attachment', file.fileName));
    res.setHeader('Content-Length', String(file.body.length));
    res.setHeader('Cache-Control', 'no-store');
    res.end(file.body);
  }

  /** GET /files/reports/situation.pdf?asOf=YYYY-MM-DD&unitId=<uuid>: the narrative in the style of section I. */
  @Get('situation.pdf')
  @RequirePermission(PERMISSIONS.REPORT_READ)
  async situationPdf(
    @Query('asOf') asOf: unknown,
    @Query('unitId') unitId: unknown,
    @CurrentScope() scope: Scope,
    @CurrentPrincipal() principal: Principal,
    @Res() res: Response,
  ): Promise<void> {
    const file = await this.exports.pdf(parseReportQuery(asOf, unitId), scope, principal);
    await sendPdf(res, file.doc, file.fileName, this.logger);
  }
}
