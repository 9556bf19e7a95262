import { ActorType, PERMISSIONS, PersonRecordKind, StaffCategory, todayIso, UnitKind } from '@canbo/shared';
import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import v8 from 'node:v8';
import vm from 'node:vm';
import { Writable } from 'node:stream';
import { DataSource, EntityManager, QueryFailedError, QueryRunner } from 'typeorm';
import { AppConfig, importPolicy, ImportPolicy } from '../../config';
import { InjectConfig } from '../../core/config.module';
import { Actor, runAs } from '../../core/logging/request-context';
import { Principal } from '../../core/permissions/principal';
import { Scope } from '../../core/permissions/scope';
import { AuditService } from '../audit/audit.service';
import { PersonRecordsService, TitleGrant } from '../person/person-records.service';
import { inspectXlsx, sniffFormat } from './import-file';
import {
  Cell,
  DuplicateTracker,
  HeaderMap,
  headerOf,
  ImportRow,
  isBlank,
  isBlankRow,
  matchHeaders,
  parseRow,
  PartialImportRow,
  RowError,
} from './import-parse';
import { applyWrites, ConcurrentChangeError, emptyWrites, loadCatalog, loadStates, nameKey, planRow, PlanContext, referenceErrors } from './import-planner';
import { sourceRows, UnreadableFileError } from './import-source';
import { buildCsvTemplate, buildTemplate, TemplateCatalog, writeErrorsWorkbook } from './import-template';
import { ImportFileFormat, ImportJobEntity, ImportJobStatus, ImportScopeSnapshot } from './import-job.entity';
import { FAILURE_REASONS, ImportErrors, RowMessages } from './person-import.errors';
import type { ImportJobView } from '@canbo/shared';

/** What the routes answer about a job (libs/shared: the SPA reads the same shape). */
export type { ImportJobView };

export interface ImportErrorView {
  row: number;
  column: string | null;
  value: string | null;
  message: string;
}

export interface UploadedFile {
  originalname: string;
  buffer: Buffer;
  size: number;
}

/** Rows per batch: read, planned and written together. */
const BATCH = 1000;
/** Rows planned and written together inside a batch. */
const WRITE_BATCH = 250;
/** Errors kept per job (all are counted). */
export const MAX_STORED_ERRORS = 50_000;
/** How often an idle worker looks for queued jobs (any replica may run any job). */
const POLL_MS = 2000;
/** Every this many polls, orphaned jobs are looked for and old uploads removed. */
const MAINTENANCE_TICKS = 15;
/** Days the upload of a rejected job is kept (for its errors file). */
export const FILE_RETENTION_DAYS = 30;
/** Advisory lock namespace: a job being run holds (LOCK_NAMESPACE, hashtext(id)) on its connection. */
const LOCK_NAMESPACE = 73104027;

/**
 * A full garbage collection when the heap has grown past HEAP_RELIEF_BYTES. Parsing a large XLSX with exceljs
 * leaves about 100 MB of short-lived objects per 50,000 rows in the old generation, which V8 lets grow to four
 * times the live set before collecting: the resident memory of the API would pass 500 MB for a job whose live data
 * is a few MB. Collected between batches instead (a few ms each). Without access to the collector: nothing.
 */
const HEAP_RELIEF_BYTES = 160 * 1024 * 1024;
const collect: (() => void) | null = (() => {
  try {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as unknown;
    return typeof gc === 'function' ? (gc as () => void) : null;
  } catch {
    return null;
  }
})();

function relieveHeap(): void {
  if (collect && process.memoryUsage().heapUsed > HEAP_RELIEF_BYTES) collect();
}

/** Errors found by the import pass (the registry changed since validation): the job is rejected with them. */
class RejectedError extends Error {
  constructor(readonly errors: RowError[]) {
    super('rejected');
  }
}

class StoppingError extends Error {}

interface Batch {
  rows: ImportRow[];
  /** rows with errors: what could be read of them, for the registry's checks (validation only) */
  partials: PartialImportRow[];
  errors: RowError[];
  /** rows read so far (data rows, blank ones excluded) */
  read: number;
}

function toView(job: ImportJobEntity, storedErrorCount: number): ImportJobView {
  return {
    id: job.id,
    status: job.status,
    fileName: job.fileName,
    fileFormat: job.fileFormat,
    checksum: job.checksum,
    sizeBytes: job.sizeBytes,
    totalRows: job.totalRows,
    processedRows: job.processedRows,
    createdCount: job.createdCount,
    updatedCount: job.updatedCount,
    unchangedCount: job.unchangedCount,
    errorCount: job.errorCount,
    errorRowCount: job.errorRowCount,
    storedErrorCount,
    failureReason: job.failureReason,
    createdByName: job.createdByName,
    createdAt: job.createdAt.toISOString(),
    startedAt: job.startedAt?.toISOString() ?? null,
    finishedAt: job.finishedAt?.toISOString() ?? null,
  };
}

/** A file name fit for storing and showing: NFC, no path, no control characters, bounded. */
export function cleanFileName(name: string): string {
  // multer hands the name over as latin1 bytes of the UTF-8 name
  let decoded = name;
  const bytes = Buffer.from(name, 'latin1');
  if (bytes.toString('latin1') === name) {
    try {
      decoded = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      decoded = name;
    }
  }
  const base = decoded.normalize('NFC').split(/[\\/]/u).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  return base.replace(/[\u0000-\u001f\u007f<>"]/gu, '_').trim().slice(0, 255) || 'tep-nhap';
}

/**
 * Imports of personal files from spreadsheets: the upload (content checks), background jobs kept in
 * PostgreSQL (claimed by any replica, one at a time per process), the validation of every row, the import in one
 * transaction, the errors and the templates. See docs/import-template.md.
 */
@Injectable()
export class PersonImportService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('PersonImport');
  private readonly policy: ImportPolicy;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopping = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly records: PersonRecordsService,
    @InjectConfig() config: AppConfig,
  ) {
    this.policy = config.imports ?? importPolicy({});
  }

  get limits(): ImportPolicy {
    return this.policy;
  }

  // ---- lifecycle: recovery at boot, the worker ----

  async onApplicationBootstrap(): Promise<void> {
    await this.recover();
    let ticks = 0;
    this.timer = setInterval(() => {
      this.kick();
      // now and then: jobs orphaned by another replica that died, and old uploads
      if (++ticks % MAINTENANCE_TICKS === 0 && !this.stopping) {
        this.recover()
          .then(() => this.purgeFiles())
          .catch((error) => this.logger.warn({ msg: 'import maintenance failed', error: String(error) }));
      }
    }, POLL_MS);
    this.timer.unref();
    this.kick();
  }

  /** Uploaded files kept for the errors file of rejected jobs are removed after FILE_RETENTION_DAYS. */
  async purgeFiles(): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM import_job_file f USING import_job j
        WHERE j.id = f.job_id AND j.status IN ('${ImportJobStatus.REJECTED}', '${ImportJobStatus.FAILED}', '${ImportJobStatus.SUCCEEDED}')
          AND j.finished_at < now() - make_interval(days => $1)`,
      [FILE_RETENTION_DAYS],
    );
  }

  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /**
   * Jobs left VALIDATING or IMPORTING by a process that died (crash, kill, restart): nobody holds their lock, so
   * they are marked FAILED. Their transaction died with the process: the database is as it was before.
   */
  async recover(): Promise<number> {
    const active: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM import_job WHERE status IN ('${ImportJobStatus.VALIDATING}', '${ImportJobStatus.IMPORTING}')`,
    );
    if (!active.length) return 0;
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    let failed = 0;
    try {
      for (const { id } of active) {
        const [{ free }] = await runner.query(`SELECT pg_try_advisory_lock($1, hashtext($2)) AS free`, [LOCK_NAMESPACE, id]);
        if (!free) continue; // another replica is running it
        try {
          const [, count] = await runner.query(
            `UPDATE import_job SET status = $2, failure_reason = $3, finished_at = now(), updated_at = now(), version = version + 1
              WHERE id = $1 AND status IN ('${ImportJobStatus.VALIDATING}', '${ImportJobStatus.IMPORTING}')`,
            [id, ImportJobStatus.FAILED, FAILURE_REASONS.restarted],
          );
          failed += count;
          if (count) this.logger.warn({ msg: 'import job left running by a stopped process marked failed', jobId: id });
        } finally {
          await runner.query(`SELECT pg_advisory_unlock($1, hashtext($2))`, [LOCK_NAMESPACE, id]);
        }
      }
    } finally {
      await runner.release();
    }
    return failed;
  }

  /** Starts the worker if idle: it runs queued jobs one after the other until none is left. */
  kick(): void {
    if (this.running || this.stopping) return;
    this.running = (async () => {
      try {
        while (!this.stopping && (await this.runNext()));
      } catch (error) {
        this.logger.error(error instanceof Error ? error : String(error));
      }
    })().finally(() => {
      this.running = null;
    });
  }

  /** Claims the oldest queued job (SKIP LOCKED: replicas share the queue) and runs it. False when none. */
  private async runNext(): Promise<boolean> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    let jobId: string | null = null;
    try {
      await runner.startTransaction();
      try {
        const [rows] = await runner.query(
          `UPDATE import_job SET status = '${ImportJobStatus.VALIDATING}', started_at = now(), updated_at = now(), version = version + 1
            WHERE id = (SELECT id FROM import_job WHERE status = '${ImportJobStatus.QUEUED}' ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED)
            RETURNING id`,
        );
        jobId = (rows as { id: string }[])[0]?.id ?? null;
        // held on this connection while the job runs: recovery at another replica's boot sees it alive
        if (jobId) await runner.query(`SELECT pg_advisory_lock($1, hashtext($2))`, [LOCK_NAMESPACE, jobId]);
        await runner.commitTransaction();
      } catch (error) {
        await runner.rollbackTransaction();
        throw error;
      }
      if (!jobId) return false;
      try {
        await this.run(runner, jobId);
      } finally {
        await runner.query(`SELECT pg_advisory_unlock($1, hashtext($2))`, [LOCK_NAMESPACE, jobId]).catch(() => undefined);
      }
      return true;
    } finally {
      await runner.release();
    }
  }

  // ---- routes ----

  /** Checks an uploaded file by content and queues its import. File-level problems answer at once (400). */
  async submit(file: UploadedFile | undefined, principal: Principal, scope: Scope): Promise<ImportJobView> {
    if (!principal.has(PERMISSIONS.PERSONNEL_READ_SENSITIVE)) throw ImportErrors.sensitiveRequired();
    if (!file) throw ImportErrors.noFile();
    if (file.size === 0 || file.buffer.length === 0) throw ImportErrors.empty();
    if (file.buffer.length > this.policy.maxBytes) throw ImportErrors.tooLarge(this.policy.maxBytes);
    const fileName = cleanFileName(file.originalname ?? '');
    const sniffed = sniffFormat(file.buffer);
    if ('refused' in sniffed) throw ImportErrors.refused(sniffed.refused);
    let totalRows: number;
    if (sniffed.format === 'XLSX') {
      const report = await inspectXlsx(file.buffer, { maxUncompressedBytes: this.policy.maxUncompressedBytes });
      if (report.refused) throw ImportErrors.refused(report.refused);
      totalRows = Math.max(0, report.rowCount - 1);
    } else {
      let lines = 0;
      for (let i = 0; i < file.buffer.length; i++) if (file.buffer[i] === 0x0a) lines++;
      if (file.buffer[file.buffer.length - 1] !== 0x0a) lines++;
      totalRows = Math.max(0, lines - 1);
    }
    const checksum = createHash('sha256').update(file.buffer).digest('hex');
    const snapshot: ImportScopeSnapshot = {
      grants: scope.grants.map((g) => ({ allUnits: g.allUnits, unitIds: [...g.unitIds], categories: g.categories ? [...g.categories] : null })),
    };
    const job = await this.dataSource.transaction(async (manager) => {
      const saved = await manager.save(
        manager.create(ImportJobEntity, {
          status: ImportJobStatus.QUEUED,
          fileName,
          fileFormat: sniffed.format === 'XLSX' ? ImportFileFormat.XLSX : ImportFileFormat.CSV,
          checksum,
          sizeBytes: file.buffer.length,
          totalRows,
          processedRows: 0,
          scope: snapshot,
          createdByType: principal.type,
          createdById: principal.id,
          createdByName: principal.name,
        }),
      );
      await manager.query(`INSERT INTO import_job_file (job_id, content) VALUES ($1, $2)`, [saved.id, file.buffer]);
      return saved;
    });
    this.logger.log({ msg: 'import queued', jobId: job.id, fileName, format: job.fileFormat, sizeBytes: job.sizeBytes, checksum });
    this.kick();
    return toView(await this.dataSource.manager.findOneByOrFail(ImportJobEntity, { id: job.id }), 0);
  }

  /**
   * A job the caller may see: their own, or any for an administrator of users who may read sensitive data (the
   * errors show submitted national IDs). NOT_FOUND otherwise.
   */
  private async visibleJob(id: string, principal: Principal): Promise<ImportJobEntity> {
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu.test(id)) throw ImportErrors.jobNotFound(id);
    const job = await this.dataSource.manager.findOneBy(ImportJobEntity, { id });
    const administrator = principal.has(PERMISSIONS.ADMIN_USERS) && principal.has(PERMISSIONS.PERSONNEL_READ_SENSITIVE);
    if (!job || (job.createdById !== principal.id && !administrator)) throw ImportErrors.jobNotFound(id);
    return job;
  }

  private async storedErrors(id: string): Promise<number> {
    const [{ n }] = await this.dataSource.query(`SELECT count(*)::int AS n FROM import_job_error WHERE job_id = $1`, [id]);
    return n;
  }

  async get(id: string, principal: Principal): Promise<ImportJobView> {
    const job = await this.visibleJob(id, principal);
    return toView(job, await this.storedErrors(job.id));
  }

  /** The caller's latest imports, newest first. */
  async list(principal: Principal, limit = 20): Promise<ImportJobView[]> {
    const jobs = await this.dataSource.manager.find(ImportJobEntity, {
      where: { createdById: principal.id },
      order: { createdAt: 'DESC' },
      take: limit,
    });
    const counts: { job_id: string; n: number }[] = jobs.length
      ? await this.dataSource.query(`SELECT job_id, count(*)::int AS n FROM import_job_error WHERE job_id = ANY($1) GROUP BY job_id`, [jobs.map((j) => j.id)])
      : [];
    const byJob = new Map(counts.map((c) => [c.job_id, c.n]));
    return jobs.map((j) => toView(j, byJob.get(j.id) ?? 0));
  }

  /** One page of a job's errors, by row then column. */
  async errors(id: string, principal: Principal, offset: number, limit: number): Promise<{ total: number; items: ImportErrorView[] }> {
    const job = await this.visibleJob(id, principal);
    const items: ImportErrorView[] = await this.dataSource.query(
      `SELECT row_number AS "row", column_name AS "column", value, message FROM import_job_error
        WHERE job_id = $1 ORDER BY row_number, id OFFSET $2 LIMIT $3`,
      [job.id, offset, limit],
    );
    return { total: await this.storedErrors(job.id), items };
  }

  /** Writes the errors file of a rejected job: its rows as submitted, with the column "Lỗi". */
  async writeErrorsFile(id: string, principal: Principal, out: Writable): Promise<{ fileName: string; start: () => Promise<void> }> {
    const job = await this.visibleJob(id, principal);
    if (job.status !== ImportJobStatus.REJECTED) throw ImportErrors.notRejected();
    const [file] = await this.dataSource.query(`SELECT content FROM import_job_file WHERE job_id = $1`, [job.id]);
    if (!file) throw ImportErrors.fileGone(FILE_RETENTION_DAYS);
    const fileName = `loi-${job.fileName.replace(/\.(xlsx|csv)$/iu, '')}.xlsx`;
    return {
      fileName,
      start: async () => {
        const fileErrors: string[] = (
          await this.dataSource.query(`SELECT message FROM import_job_error WHERE job_id = $1 AND row_number <= 1 ORDER BY id`, [job.id])
        ).map((r: { message: string }) => r.message);
        // errors are read in row order alongside the rows, a page at a time
        let page: ImportErrorView[] = [];
        let offset = 0;
        let done = false;
        const errorsOf = async (rowNumber: number) => {
          const out: ImportErrorView[] = [];
          for (;;) {
            while (page.length && page[0].row < rowNumber) page.shift();
            while (page.length && page[0].row === rowNumber) out.push(page.shift()!);
            if (page.length || done) return out;
            page = await this.dataSource.query(
              `SELECT row_number AS "row", column_name AS "column", value, message FROM import_job_error
                WHERE job_id = $1 AND row_number > 1 ORDER BY row_number, id OFFSET $2 LIMIT 2000`,
              [job.id, offset],
            );
            offset += page.length;
            if (page.length < 2000) done = true;
            if (!page.length) return out;
          }
        };
        let header: Cell[] | null = null;
        const rows = this.rawRows(file.content as Buffer, job, (h) => (header = h));
        // the header is taken from the first row before the workbook's header row is written
        const iterator = rows[Symbol.asyncIterator]();
        const first = await iterator.next();
        const rest = {
          async *[Symbol.asyncIterator]() {
            if (!first.done) yield first.value;
            for (;;) {
              const next = await iterator.next();
              if (next.done) return;
              yield next.value;
            }
          },
        };
        await writeErrorsWorkbook(out, header, rest, errorsOf, fileErrors);
      },
    };
  }

  /** The data rows of a stored file as submitted (blank rows skipped); `onHeader` receives the header row first. */
  private async *rawRows(buf: Buffer, job: ImportJobEntity, onHeader: (cells: Cell[]) => void): AsyncGenerator<{ number: number; cells: Cell[] }> {
    const sheet = job.fileFormat === ImportFileFormat.XLSX ? (await inspectXlsx(buf, { maxUncompressedBytes: this.policy.maxUncompressedBytes })).dataSheet?.name : null;
    let header: HeaderMap | null = null;
    try {
      for await (const r of sourceRows(buf, job.fileFormat, sheet ?? null)) {
        if (!header) {
          if (r.cells.every(isBlank)) continue;
          header = matchHeaders(r.cells);
          onHeader(r.cells);
          continue;
        }
        if (isBlankRow(r.cells, header)) continue;
        yield r;
      }
    } catch (error) {
      if (!(error instanceof UnreadableFileError)) throw error;
    }
  }

  /** The template with the catalogues of the caller's scope (units, their bodies, titles). */
  async template(scope: Scope): Promise<Buffer> {
    const params: Record<string, unknown> = {};
    const units: { id: string; name: string; kind: UnitKind }[] = await this.dataSource
      .createQueryBuilder()
      .select(['u.id AS id', 'u.name AS name', 'u.kind AS kind'])
      .from('unit', 'u')
      .where(`(u.valid_to IS NULL OR u.valid_to > CURRENT_DATE) AND ${scope.unitCondition('u.id', params)}`)
      .setParameters(params)
      .orderBy(`CASE u.kind WHEN 'PROVINCE' THEN 0 WHEN 'PROVINCE_AGENCY' THEN 2 ELSE 1 END`)
      .addOrderBy('u.name')
      .getRawMany();
    const bodies: { unit_id: string; name: string }[] = units.length
      ? await this.dataSource.query(
          `SELECT unit_id, name FROM body WHERE unit_id = ANY($1) AND (valid_to IS NULL OR valid_to > CURRENT_DATE) ORDER BY sort_order, name`,
          [units.map((u) => u.id)],
        )
      : [];
    // the titles with seats in those units (the only ones a row may give there)
    const titles: { name: string }[] = units.length
      ? await this.dataSource.query(
          `SELECT t.name FROM title t
            WHERE EXISTS (SELECT 1 FROM establishment_record e
                           WHERE e.title_id = t.id AND e.unit_id = ANY($1) AND e.item_kind = 'TITLE_SEATS' AND e.superseded_at IS NULL
                             AND e.value > 0 AND (e.valid_to IS NULL OR e.valid_to > CURRENT_DATE))
            ORDER BY t.level DESC, t.sort_order, t.name`,
          [units.map((u) => u.id)],
        )
      : [];
    const catalog: TemplateCatalog = {
      units: units.map((u) => ({ name: u.name, kind: u.kind, bodies: bodies.filter((b) => b.unit_id === u.id).map((b) => b.name) })),
      titles: [...new Set(titles.map((t) => t.name))],
    };
    return buildTemplate(catalog);
  }

  csvTemplate(): Buffer {
    return buildCsvTemplate();
  }

  // ---- the job ----

  private async run(runner: QueryRunner, jobId: string): Promise<void> {
    const job = await runner.manager.findOneByOrFail(ImportJobEntity, { id: jobId });
    const actor: Actor = {
      type: job.createdByType as ActorType,
      id: job.createdById,
      name: job.createdByName,
    };
    const started = Date.now();
    await runAs(actor, async () => {
      try {
        const [file] = await runner.query(`SELECT content FROM import_job_file WHERE job_id = $1`, [job.id]);
        if (!file) return await this.finish(job.id, ImportJobStatus.FAILED, { failure_reason: FAILURE_REASONS.missingFile });
        const buf = file.content as Buffer;
        const today = todayIso();
        await this.dataSource.query(`UPDATE import_job SET import_date = $2, updated_at = now() WHERE id = $1`, [job.id, today]);
        const scope = new Scope(job.scope.grants.map((g) => ({ ...g, categories: g.categories as StaffCategory[] | null })));
        const ctx: PlanContext = {
          catalog: await loadCatalog(runner.manager),
          scope,
          today,
          job: { id: job.id, fileName: job.fileName, checksum: job.checksum },
        };
        const validation = await this.validate(runner.manager, job, buf, ctx);
        if (validation.errors) {
          await this.finish(job.id, ImportJobStatus.REJECTED, {});
          this.logger.log({ msg: 'import rejected', jobId: job.id, errors: validation.errors, ms: Date.now() - started });
          return;
        }
        await this.dataSource.query(
          `UPDATE import_job SET status = $2, processed_rows = 0, updated_at = now(), version = version + 1 WHERE id = $1`,
          [job.id, ImportJobStatus.IMPORTING],
        );
        const counts = await this.importAll(runner, job, buf, ctx);
        await this.finish(job.id, ImportJobStatus.SUCCEEDED, {
          created_count: counts.create,
          updated_count: counts.update,
          unchanged_count: counts.unchanged,
        });
        // the file is not needed any more (its checksum stays, with the audit)
        await this.dataSource.query(`DELETE FROM import_job_file WHERE job_id = $1`, [job.id]);
        this.logger.log({ msg: 'import succeeded', jobId: job.id, ...counts, ms: Date.now() - started });
      } catch (error) {
        if (error instanceof RejectedError) {
          await this.storeErrors(job.id, error.errors, 0);
          await this.dataSource.query(
            `UPDATE import_job SET error_count = $2, error_row_count = $3 WHERE id = $1`,
            [job.id, error.errors.length, new Set(error.errors.map((e) => e.row)).size],
          );
          await this.finish(job.id, ImportJobStatus.REJECTED, {});
          return;
        }
        let reason = FAILURE_REASONS.internal;
        if (error instanceof StoppingError) reason = FAILURE_REASONS.shutdown;
        else if (error instanceof ConcurrentChangeError || (error instanceof QueryFailedError && (error as unknown as { code?: string }).code === '23505')) {
          reason = FAILURE_REASONS.concurrent;
        }
        this.logger.error({ msg: 'import failed', jobId: job.id, error: String((error as Error)?.stack ?? error) });
        await this.finish(job.id, ImportJobStatus.FAILED, { failure_reason: reason }).catch(() => undefined);
        // a failed job is uploaded again; its file serves nothing
        await this.dataSource.query(`DELETE FROM import_job_file WHERE job_id = $1`, [job.id]).catch(() => undefined);
      }
    });
  }

  private async finish(id: string, status: ImportJobStatus, set: Record<string, unknown>): Promise<void> {
    const keys = Object.keys(set);
    await this.dataSource.query(
      `UPDATE import_job SET status = $2, finished_at = now(), updated_at = now(), version = version + 1
         ${keys.map((k, i) => `, ${k} = $${i + 3}`).join('')}
        WHERE id = $1`,
      [id, status, ...keys.map((k) => set[k])],
    );
  }

  /** The file's rows in batches: header checked, blank rows skipped, each row read, duplicates found. */
  private async *batches(buf: Buffer, job: ImportJobEntity, today: string): AsyncGenerator<Batch> {
    const sheet =
      job.fileFormat === ImportFileFormat.XLSX
        ? (await inspectXlsx(buf, { maxUncompressedBytes: this.policy.maxUncompressedBytes })).dataSheet?.name
        : null;
    let header: HeaderMap | null = null;
    const duplicates = new DuplicateTracker();
    let batch: Batch = { rows: [], partials: [], errors: [], read: 0 };
    let read = 0;
    const fileError = (message: string, row = 1): Batch => ({ rows: [], partials: [], errors: [{ row, column: null, value: null, message }], read });
    try {
      for await (const r of sourceRows(buf, job.fileFormat, sheet ?? null)) {
        if (!header) {
          if (r.cells.every(isBlank)) continue;
          header = matchHeaders(r.cells);
          if (header.errors.length) {
            yield { rows: [], partials: [], errors: header.errors, read };
            return;
          }
          continue;
        }
        if (isBlankRow(r.cells, header)) continue;
        if (++read > this.policy.maxRows) {
          yield fileError(RowMessages.tooManyRows(this.policy.maxRows), 0);
          return;
        }
        const parsed = parseRow(r.number, r.cells, header, today);
        batch.errors.push(...parsed.errors);
        const duplicate = parsed.nationalId ? duplicates.check(r.number, parsed.nationalId) : null;
        if (duplicate) batch.errors.push(duplicate);
        else if (parsed.row) batch.rows.push(parsed.row);
        else if (parsed.partial) batch.partials.push(parsed.partial);
        if (batch.rows.length + batch.errors.length >= BATCH) {
          batch.read = read;
          yield batch;
          batch = { rows: [], partials: [], errors: [], read };
        }
        if (this.stopping) throw new StoppingError();
      }
    } catch (error) {
      if (!(error instanceof UnreadableFileError)) throw error;
      // what the parser said (the importer reads the general message)
      this.logger.warn({ msg: 'import file unreadable', jobId: job.id, cause: error.message });
      yield fileError(RowMessages.unreadable);
      return;
    }
    if (!header) {
      yield fileError(RowMessages.headerEmpty);
      return;
    }
    if (read === 0) {
      yield fileError(RowMessages.noRows, 2);
      return;
    }
    batch.read = read;
    yield batch;
  }

  /** Stores errors (up to MAX_STORED_ERRORS per job; `stored` already kept). Returns how many were stored. */
  private async storeErrors(jobId: string, errors: RowError[], stored: number): Promise<number> {
    const room = Math.max(0, MAX_STORED_ERRORS - stored);
    const keep = errors.slice(0, room);
    for (let i = 0; i < keep.length; i += 1000) {
      const part = keep.slice(i, i + 1000);
      await this.dataSource.query(
        `INSERT INTO import_job_error (job_id, row_number, column_name, value, message)
         SELECT $1, * FROM unnest($2::int[], $3::text[], $4::text[], $5::text[])`,
        [
          jobId,
          part.map((e) => e.row),
          part.map((e) => e.column?.slice(0, 100) ?? null),
          part.map((e) => e.value?.slice(0, 500) ?? null),
          part.map((e) => e.message.slice(0, 1000)),
        ],
      );
    }
    return keep.length;
  }

  /**
   * Pass 1: every row read and planned against the registry, nothing written. Errors are stored by row and
   * column; counts of what the import would do are kept for the progress view.
   */
  private async validate(manager: EntityManager, job: ImportJobEntity, buf: Buffer, ctx: PlanContext): Promise<{ errors: number }> {
    let errors = 0;
    let stored = 0;
    const errorRows = new Set<number>();
    const counts = { create: 0, update: 0, unchanged: 0 };
    for await (const batch of this.batches(buf, job, ctx.today)) {
      const found: RowError[] = [...batch.errors];
      if (batch.rows.length) {
        const states = await loadStates(manager, batch.rows.map((r) => r.nationalId), ctx.scope, false);
        for (const row of batch.rows) {
          // what a plan would write is dropped at once (short-lived garbage: the heap stays small)
          const outcome = planRow(row, states.get(row.nationalId), ctx, emptyWrites());
          if (outcome.errors) found.push(...outcome.errors);
          else counts[outcome.action]++;
        }
      }
      if (batch.partials.length) {
        const ids = batch.partials.flatMap((r) => (r.nationalId ? [r.nationalId] : []));
        const states = await loadStates(manager, ids, ctx.scope, false);
        for (const partial of batch.partials) found.push(...referenceErrors(partial, partial.nationalId ? states.get(partial.nationalId) : undefined, ctx));
      }
      // by row (stable: a row's own errors in the order found)
      found.sort((a, b) => a.row - b.row);
      errors += found.length;
      for (const e of found) errorRows.add(e.row);
      stored += await this.storeErrors(job.id, found, stored);
      await this.dataSource.query(
        `UPDATE import_job SET processed_rows = $2, error_count = $3, error_row_count = $4, created_count = $5, updated_count = $6,
                unchanged_count = $7, updated_at = now() WHERE id = $1`,
        [job.id, batch.read, errors, errorRows.size, counts.create, counts.update, counts.unchanged],
      );
      relieveHeap();
      if (this.stopping) throw new StoppingError();
    }
    return { errors };
  }

  /**
   * Pass 2: the whole file in ONE transaction on the job's connection. Each batch's people are locked and
   * planned again (the registry may have changed since pass 1), then written in bulk. Any error rolls
   * everything back.
   */
  private async importAll(runner: QueryRunner, job: ImportJobEntity, buf: Buffer, ctx: PlanContext): Promise<{ create: number; update: number; unchanged: number }> {
    const counts = { create: 0, update: 0, unchanged: 0 };
    await runner.startTransaction('READ COMMITTED');
    try {
      const manager = runner.manager;
      const [{ now }] = await manager.query('SELECT now() AS now');
      const fresh: PlanContext = { ...ctx, catalog: await loadCatalog(manager) };
      const rejected: RowError[] = [];
      // the titles the rows give, by row: checked against the units' seats once everything is written
      const grants: (TitleGrant & { row: number })[] = [];
      let rows = 0;
      for await (const batch of this.batches(buf, job, ctx.today)) {
        rejected.push(...batch.errors);
        if (!batch.rows.length) continue;
        const states = await loadStates(manager, batch.rows.map((r) => r.nationalId), ctx.scope, true);
        // planned and written a few hundred rows at a time: what they write dies young (the heap stays small)
        for (let i = 0; i < batch.rows.length; i += WRITE_BATCH) {
          const writes = emptyWrites();
          for (const row of batch.rows.slice(i, i + WRITE_BATCH)) {
            const planned = writes.newRecords.length;
            const outcome = planRow(row, states.get(row.nationalId), fresh, writes);
            if (outcome.errors) rejected.push(...outcome.errors);
            else counts[outcome.action]++;
            for (const r of writes.newRecords.slice(planned)) {
              if (r.kind === PersonRecordKind.TITLE && r.content.unitId && r.content.titleId) {
                grants.push({ row: row.row, unitId: r.content.unitId, titleId: r.content.titleId, validFrom: r.validFrom, validTo: r.validTo });
              }
            }
          }
          if (!rejected.length) {
            await this.lockUnits(manager, writes, fresh);
            await applyWrites(manager, this.audit, writes, now);
          }
        }
        rows += batch.rows.length;
        await this.dataSource.query(`UPDATE import_job SET processed_rows = $2, updated_at = now() WHERE id = $1`, [job.id, batch.read]);
        relieveHeap();
        if (this.stopping) throw new StoppingError();
      }
      if (!rejected.length) rejected.push(...(await this.seatErrors(manager, grants)));
      if (rejected.length) throw new RejectedError(rejected.sort((a, b) => a.row - b.row));
      await this.audit.record(manager, {
        operation: 'importPersons',
        entity: 'importJob',
        entityId: job.id,
        details: {
          importJobId: job.id,
          fileName: job.fileName,
          checksum: job.checksum,
          sizeBytes: job.sizeBytes,
          format: job.fileFormat,
          rows,
          created: counts.create,
          updated: counts.update,
          unchanged: counts.unchanged,
        },
      });
      await runner.commitTransaction();
      return counts;
    } catch (error) {
      await runner.rollbackTransaction().catch(() => undefined);
      throw error;
    }
  }

  /**
   * With every row written: the dates at which a unit's title has more holders than seats. Each row that gives
   * that title in that unit on such a date is reported once, with the first such date (like PersonRecordsService's
   * check of an interactive edit).
   */
  private async seatErrors(manager: EntityManager, grants: (TitleGrant & { row: number })[]): Promise<RowError[]> {
    const overfills = await this.records.overfilledSeats(manager, grants);
    if (!overfills.length) return [];
    const pending = new Map<string, (TitleGrant & { row: number })[]>();
    for (const g of grants) {
      const key = `${g.unitId}|${g.titleId}`;
      if (!pending.has(key)) pending.set(key, []);
      pending.get(key)!.push(g);
    }
    const column = headerOf('title');
    const errors: RowError[] = [];
    for (const o of overfills) {
      const key = `${o.unitId}|${o.titleId}`;
      const message = RowMessages.column(column, this.records.describeOverfill(o));
      const rest: (TitleGrant & { row: number })[] = [];
      for (const g of pending.get(key) ?? []) {
        if (g.validFrom <= o.date && (g.validTo === null || g.validTo > o.date)) errors.push({ row: g.row, column, value: o.titleName, message });
        else rest.push(g);
      }
      pending.set(key, rest);
    }
    return errors;
  }

  /**
   * Locks (FOR SHARE) the units a batch writes to, like the interactive edits lock the unit they write to, and
   * checks they still have the period the plans were made with.
   */
  private async lockUnits(manager: EntityManager, writes: ReturnType<typeof emptyWrites>, ctx: PlanContext): Promise<void> {
    const ids = [...new Set([...writes.newAssignments.map((a) => a.value.unitId), ...writes.newRecords.map((r) => r.content.unitId).filter((x): x is string => Boolean(x))])].sort();
    if (!ids.length) return;
    const rows: { id: string; name: string; valid_from: string; valid_to: string | null }[] = await manager.query(
      `SELECT id, name, to_char(valid_from, 'YYYY-MM-DD') AS valid_from, to_char(valid_to, 'YYYY-MM-DD') AS valid_to
         FROM unit WHERE id = ANY($1) ORDER BY id FOR SHARE`,
      [ids],
    );
    for (const u of rows) {
      const known = ctx.catalog.unitsByName.get(nameKey(u.name))?.find((x) => x.id === u.id);
      if (!known || known.validFrom !== u.valid_from || known.validTo !== u.valid_to) throw new ConcurrentChangeError(`unit ${u.id} changed`);
    }
    if (rows.length !== ids.length) throw new ConcurrentChangeError('unit removed');
  }
}

