import { PERMISSIONS } from '@canbo/shared';
import { Controller, Get, HttpCode, Logger, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import multer from 'multer';
import { CurrentPrincipal, CurrentScope, Principal } from '../../core/permissions/principal';
import { RequirePermission } from '../../core/permissions/require-permission.decorator';
import { Scope } from '../../core/permissions/scope';
import { ImportErrorsQuery } from './dto/import-errors.query';
import { ImportErrors } from './person-import.errors';
import { ImportErrorView, ImportJobView, PersonImportService, UploadedFile } from './person-import.service';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Content-Disposition with a Vietnamese file name (ASCII stand-in + UTF-8 `filename*`, RFC 6266). */
function attachment(name: string): string {
  const nfc = name.normalize('NFC');
  const ascii = nfc
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/gu, '')
    .replace(/[đĐ]/gu, 'd')
    .replace(/[^A-Za-z0-9 ._()-]/gu, '_');
  const encoded = encodeURIComponent(nfc).replace(/['()*]/gu, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/**
 * Imports of personal files from spreadsheets, as plain HTTP beside GraphQL: the template, the upload (multipart
 * field "file", size-limited, checked by content), the job's status and progress (polled), its errors (pages, and
 * an XLSX of the submitted values with an error column), the caller's recent imports. Errors answer as JSON
 * { code, message, fields } with their status. See docs/import-template.md.
 */
@Controller('files')
export class PersonImportController {
  private readonly logger = new Logger('PersonImport');
  private readonly receiveFile: ReturnType<ReturnType<typeof multer>['single']>;

  constructor(private readonly imports: PersonImportService) {
    this.receiveFile = multer({
      storage: multer.memoryStorage(),
      limits: { fileSize: imports.limits.maxBytes, files: 1, fields: 10, parts: 12 },
    }).single('file');
  }

  /** GET /files/import-template.xlsx: the template, with the catalogues of the caller's units. */
  @Get('import-template.xlsx')
  @RequirePermission(PERMISSIONS.PERSONNEL_WRITE)
  async template(@CurrentScope() scope: Scope, @Res() res: Response): Promise<void> {
    const buf = await this.imports.template(scope);
    res.setHeader('Content-Type', XLSX_TYPE);
    res.setHeader('Content-Disposition', attachment('mau-nhap-ho-so-can-bo.xlsx'));
    res.setHeader('Cache-Control', 'no-store');
    res.end(buf);
  }

  /** GET /files/import-template.csv: the header line of the CSV form (UTF-8). */
  @Get('import-template.csv')
  @RequirePermission(PERMISSIONS.PERSONNEL_WRITE)
  csvTemplate(@Res() res: Response): void {
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', attachment('mau-nhap-ho-so-can-bo.csv'));
    res.setHeader('Cache-Control', 'no-store');
    res.end(this.imports.csvTemplate());
  }

  /** POST /files/imports (multipart, field "file"): checks the file and queues its import. 202 with the job. */
  @Post('imports')
  @HttpCode(202)
  @RequirePermission(PERMISSIONS.PERSONNEL_WRITE)
  async upload(
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @CurrentPrincipal() principal: Principal,
    @CurrentScope() scope: Scope,
  ): Promise<ImportJobView> {
    const file = await new Promise<UploadedFile | undefined>((resolve, reject) => {
      this.receiveFile(req, res, (error: unknown) => {
        if (!error) return resolve((req as Request & { file?: UploadedFile }).file);
        if (error instanceof multer.MulterError) {
          if (error.code === 'LIMIT_FILE_SIZE') return reject(ImportErrors.tooLarge(this.imports.limits.maxBytes));
          if (error.code === 'LIMIT_FILE_COUNT') return reject(ImportErrors.tooManyFiles());
          if (error.code === 'LIMIT_UNEXPECTED_FILE') return reject(ImportErrors.noFile());
        }
        this.logger.warn({ msg: 'upload not received', error: String(error) });
        reject(ImportErrors.refused('Không nhận được tệp tải lên (dữ liệu gửi lên không đúng dạng multipart/form-data).'));
      });
    });
    res.setHeader('Cache-Control', 'no-store');
    return this.imports.submit(file, principal, scope);
  }

  /** GET /files/imports: the caller's latest imports. */
  @Get('imports')
  @RequirePermission(PERMISSIONS.PERSONNEL_WRITE)
  async list(@CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) res: Response): Promise<{ items: ImportJobView[] }> {
    res.setHeader('Cache-Control', 'no-store');
    return { items: await this.imports.list(principal) };
  }

  /** GET /files/imports/:id: status, progress and counts (the importer, or an administrator of users). */
  @Get('imports/:id')
  @RequirePermission(PERMISSIONS.PERSONNEL_WRITE)
  async get(@Param('id') id: string, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) res: Response): Promise<ImportJobView> {
    res.setHeader('Cache-Control', 'no-store');
    return this.imports.get(id, principal);
  }

  /** GET /files/imports/:id/errors?offset=0&limit=50: a page of the errors, by row and column. */
  @Get('imports/:id/errors')
  @RequirePermission(PERMISSIONS.PERSONNEL_WRITE)
  async errors(
    @Param('id') id: string,
    @Query() query: ImportErrorsQuery,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) res: Response,
  ): Promise<{ total: number; offset: number; items: ImportErrorView[] }> {
    res.setHeader('Cache-Control', 'no-store');
    const offset = query.offset ?? 0;
    return { offset, ...(await this.imports.errors(id, principal, offset, query.limit ?? 50)) };
  }

  /** GET /files/imports/:id/errors.xlsx: the submitted rows with the column "Lỗi" (rejected imports). */
  @Get('imports/:id/errors.xlsx')
  @RequirePermission(PERMISSIONS.PERSONNEL_WRITE)
  async errorsXlsx(@Param('id') id: string, @CurrentPrincipal() principal: Principal, @Res() res: Response): Promise<void> {
    const prepared = await this.imports.writeErrorsFile(id, principal, res);
    res.status(200);
    res.setHeader('Content-Type', XLSX_TYPE);
    res.setHeader('Content-Disposition', attachment(prepared.fileName));
    res.setHeader('Cache-Control', 'no-store');
    try {
      await prepared.start();
    } catch (error) {
      this.logger.error(error instanceof Error ? error : String(error));
      res.destroy(error instanceof Error ? error : undefined);
    }
  }
}
