import { ImportFileFormat, ImportJobStatus } from '@canbo/shared';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

export { ImportFileFormat, ImportJobStatus };

/** The importer's write scope, kept with the job (the job runs after the upload request has ended). */
export interface ImportScopeSnapshot {
  grants: { allUnits: boolean; unitIds: string[]; categories: string[] | null }[];
}

/**
 * One import of a spreadsheet of personal files: a background job kept in PostgreSQL (the SPA polls it). The
 * uploaded file is in import_job_file, the errors found in import_job_error (both read with SQL).
 */
@Entity('import_job')
export class ImportJobEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 12 })
  status: ImportJobStatus;

  @Column({ name: 'file_name', type: 'varchar', length: 255 })
  fileName: string;

  @Column({ name: 'file_format', type: 'varchar', length: 4 })
  fileFormat: ImportFileFormat;

  /** SHA-256 of the uploaded bytes, hex */
  @Column({ type: 'char', length: 64 })
  checksum: string;

  @Column({ name: 'size_bytes', type: 'bigint', transformer: { to: (v: number) => v, from: (v: string | null) => (v === null ? null : Number(v)) } })
  sizeBytes: number;

  /** data rows announced by the file (XLSX: rows of the data sheet; CSV: records), for progress */
  @Column({ name: 'total_rows', type: 'integer', nullable: true })
  totalRows: number | null;

  /** rows handled so far in the current phase (validating, then importing) */
  @Column({ name: 'processed_rows', type: 'integer', default: 0 })
  processedRows: number;

  @Column({ name: 'created_count', type: 'integer', default: 0 })
  createdCount: number;

  @Column({ name: 'updated_count', type: 'integer', default: 0 })
  updatedCount: number;

  @Column({ name: 'unchanged_count', type: 'integer', default: 0 })
  unchangedCount: number;

  /** errors found (all of them, even beyond those stored) */
  @Column({ name: 'error_count', type: 'integer', default: 0 })
  errorCount: number;

  /** rows with at least one error */
  @Column({ name: 'error_row_count', type: 'integer', default: 0 })
  errorRowCount: number;

  /** the date the job ran: the default effective date of its rows */
  @Column({ name: 'import_date', type: 'date', nullable: true })
  importDate: string | null;

  @Column({ name: 'failure_reason', type: 'varchar', length: 1000, nullable: true })
  failureReason: string | null;

  @Column({ type: 'jsonb' })
  scope: ImportScopeSnapshot;

  @Column({ name: 'created_by_type', type: 'varchar', length: 20 })
  createdByType: string;

  @Column({ name: 'created_by_id', type: 'uuid', nullable: true })
  createdById: string | null;

  @Column({ name: 'created_by_name', type: 'varchar', length: 200 })
  createdByName: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt: Date | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
