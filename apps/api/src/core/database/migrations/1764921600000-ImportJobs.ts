import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Imports of personal files from spreadsheets run as background jobs kept in PostgreSQL: the job (status,
 * progress, counts, who), the uploaded file (bytea, so any replica can run the job and build the errors file),
 * and the errors found, by row and column. PostgreSQL 15 only, no extensions.
 */
export class ImportJobs1764921600000 implements MigrationInterface {
  name = 'ImportJobs1764921600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE import_job (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        status varchar(12) NOT NULL DEFAULT 'QUEUED'
          CHECK (status IN ('QUEUED','VALIDATING','IMPORTING','FAILED','SUCCEEDED','REJECTED')),
        file_name varchar(255) NOT NULL,
        file_format varchar(4) NOT NULL CHECK (file_format IN ('XLSX','CSV')),
        checksum char(64) NOT NULL CHECK (checksum ~ '^[0-9a-f]{64}$'),
        size_bytes bigint NOT NULL CHECK (size_bytes > 0),
        total_rows integer,
        processed_rows integer NOT NULL DEFAULT 0,
        created_count integer NOT NULL DEFAULT 0,
        updated_count integer NOT NULL DEFAULT 0,
        unchanged_count integer NOT NULL DEFAULT 0,
        error_count integer NOT NULL DEFAULT 0,
        error_row_count integer NOT NULL DEFAULT 0,
        import_date date,
        failure_reason varchar(1000),
        scope jsonb NOT NULL,
        created_by_type varchar(20) NOT NULL,
        created_by_id uuid,
        created_by_name varchar(200) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      )`);
    await q.query(`CREATE INDEX import_job_creator_idx ON import_job (created_by_id, created_at DESC)`);
    await q.query(`CREATE INDEX import_job_active_idx ON import_job (created_at) WHERE status IN ('QUEUED','VALIDATING','IMPORTING')`);

    await q.query(`
      CREATE TABLE import_job_file (
        job_id uuid PRIMARY KEY REFERENCES import_job(id) ON DELETE CASCADE,
        content bytea NOT NULL
      )`);

    await q.query(`
      CREATE TABLE import_job_error (
        id bigserial PRIMARY KEY,
        job_id uuid NOT NULL REFERENCES import_job(id) ON DELETE CASCADE,
        row_number integer NOT NULL,
        column_name varchar(100),
        value varchar(500),
        message varchar(1000) NOT NULL
      )`);
    await q.query(`CREATE INDEX import_job_error_job_idx ON import_job_error (job_id, row_number, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS import_job_error`);
    await q.query(`DROP TABLE IF EXISTS import_job_file`);
    await q.query(`DROP TABLE IF EXISTS import_job`);
  }
}
