import { PERMISSIONS } from '@canbo/shared';
import { Controller, Get, Logger, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { CurrentPrincipal, CurrentScope, Principal } from '../../core/permissions/principal';
import { RequirePermission } from '../../core/permissions/require-permission.decorator';
import { contentDisposition, sendPdf } from '../../core/http/file-answers';
import { Scope } from '../../core/permissions/scope';
import { renderForm2C } from './form-2c';
import { PersonExportErrors } from './person-export.errors';
import { parseListQuery, PersonExportService } from './person-export.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu;

/**
 * Files of the personal file, as plain HTTP beside GraphQL (binary answers): the XLSX export of a filtered person
 * list and the printable form 2C of one person. Errors answer as JSON { code, message, fields } with their status.
 */
@Controller('files')
export class PersonExportController {
  private readonly logger = new Logger('PersonExport');

  constructor(private readonly exports: PersonExportService) {}

  /**
   * GET /files/persons.xlsx?filter=<PersonFilter as JSON>&asOf=YYYY-MM-DD: the list the `persons` query gives
   * for that filter and date, in the caller's scope, every row (streamed). X-Total-Count carries the row count.
   */
  @Get('persons.xlsx')
  @RequirePermission(PERMISSIONS.PERSONNEL_READ)
  async personsXlsx(
    @Query('filter') filter: unknown,
    @Query('asOf') asOf: unknown,
    @CurrentScope() scope: Scope,
    @CurrentPrincipal() principal: Principal,
    @Res() res: Response,
  ): Promise<void> {
    const args = await parseListQuery(filter, asOf);
    const prepared = await this.exports.prepareXlsx(args, scope, principal);
    res.status(200);
    res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.setHeader('Content-Disposition', contentDisposition('attachment', prepared.fileName));
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('X-Total-Count', String(prepared.count));
    try {
      await prepared.write(res);
    } catch (error) {
      this.logger.error(error instanceof Error ? error : String(error));
      if (!res.headersSent) {
        // nothing sent yet: an ordinary error answer (JSON), not a file
        for (const header of ['Content-Type', 'Content-Disposition', 'X-Total-Count']) res.removeHeader(header);
        throw error;
      }
      // the answer has started: all that is left is to cut it, so the client sees a failed download
      res.destroy(error instanceof Error ? error : undefined);
    }
  }

  /** GET /files/persons/:id/form-2c.pdf: the person's form 2C-BNV/2008 as their file stands today (A4 PDF). */
  @Get('persons/:id/form-2c.pdf')
  @RequirePermission(PERMISSIONS.PERSONNEL_READ)
  async form2c(
    @Param('id') id: string,
    @CurrentScope() scope: Scope,
    @CurrentPrincipal() principal: Principal,
    @Res() res: Response,
  ): Promise<void> {
    if (!UUID.test(id)) throw PersonExportErrors.invalidPersonId();
    const data = await this.exports.form2c(id, scope, principal);
    const doc = renderForm2C(data);
    const [y, m, d] = data.printedOn.split('-');
    await sendPdf(res, doc, `Sơ yếu lý lịch 2C - ${data.fullName} - ${d}-${m}-${y}.pdf`, this.logger);
  }
}
