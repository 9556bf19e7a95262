import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The personal file, second part: bitemporal person records (titles, committee memberships, qualification,
 * political theory, state-management / IT / foreign-language levels, civil-service rank and salary step), dated
 * entries with recorded-time history (training, annual ratings, commendations, discipline), and the manual
 * override of "local or not". PostgreSQL 15 only, no extensions.
 */
export class PersonRecords1764576000000 implements MigrationInterface {
  name = 'PersonRecords1764576000000';

  async up(q: QueryRunner): Promise<void> {
    // The same folding as foldForSearch (libs/shared/src/text.ts), for the derived "local" test in SQL.
    await q.query(`
      CREATE FUNCTION canbo_fold(value text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT btrim(regexp_replace(lower(translate(regexp_replace(normalize(coalesce(value, ''), NFD), '[\\u0300-\\u036f]', '', 'g'), 'đĐ', 'dd')), '\\s+', ' ', 'g'))
      $$`);

    await q.query(`ALTER TABLE person ADD COLUMN local_override boolean, ADD COLUMN local_override_reason varchar(1000)`);

    // Bitemporal like person_assignment: [valid_from, valid_to) when it holds, [recorded_at, superseded_at) when
    // it was the registry's knowledge. The kind's details are in `value`; what queries filter on is typed.
    await q.query(`
      CREATE TABLE person_record (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        person_id uuid NOT NULL REFERENCES person(id),
        kind varchar(20) NOT NULL CHECK (kind IN ('TITLE','COMMITTEE','QUALIFICATION','POLITICAL_THEORY','STATE_MANAGEMENT','IT','FOREIGN_LANGUAGE','CIVIL_SERVICE_RANK')),
        unit_id uuid REFERENCES unit(id),
        title_id uuid REFERENCES title(id),
        committee varchar(10) CHECK (committee IN ('EXECUTIVE','STANDING')),
        term varchar(9) CHECK (term ~ '^[0-9]{4}-[0-9]{4}$'),
        level varchar(200),
        value jsonb NOT NULL DEFAULT '{}'::jsonb,
        valid_from date NOT NULL,
        valid_to date,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        superseded_at timestamptz,
        record_kind varchar(10) NOT NULL CHECK (record_kind IN ('CHANGE','CORRECTION')),
        corrects_id uuid REFERENCES person_record(id),
        reason varchar(1000),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT person_record_period CHECK (valid_to IS NULL OR valid_to > valid_from),
        CONSTRAINT person_record_recorded CHECK (superseded_at IS NULL OR superseded_at >= recorded_at),
        CONSTRAINT person_record_title CHECK (kind <> 'TITLE' OR (title_id IS NOT NULL AND unit_id IS NOT NULL)),
        CONSTRAINT person_record_committee CHECK (kind <> 'COMMITTEE' OR (committee IS NOT NULL AND term IS NOT NULL AND unit_id IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX person_record_current_idx ON person_record (person_id, kind, valid_from) WHERE superseded_at IS NULL`);
    await q.query(`CREATE INDEX person_record_title_idx ON person_record (title_id, valid_from) WHERE superseded_at IS NULL AND title_id IS NOT NULL`);
    await q.query(`CREATE INDEX person_record_unit_idx ON person_record (unit_id) WHERE superseded_at IS NULL AND unit_id IS NOT NULL`);
    await q.query(`CREATE INDEX person_record_level_idx ON person_record (kind, level, valid_from) WHERE superseded_at IS NULL`);
    await q.query(`CREATE INDEX person_record_history_idx ON person_record (person_id, recorded_at)`);

    // Dated entries (no effective period of their own): corrections supersede and re-record, nothing overwritten.
    await q.query(`
      CREATE TABLE person_entry (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        person_id uuid NOT NULL REFERENCES person(id),
        kind varchar(20) NOT NULL CHECK (kind IN ('TRAINING','RATING','COMMENDATION','DISCIPLINE')),
        date_from date,
        date_to date,
        year integer CHECK (year BETWEEN 1900 AND 2999),
        value jsonb NOT NULL DEFAULT '{}'::jsonb,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        superseded_at timestamptz,
        record_kind varchar(10) NOT NULL CHECK (record_kind IN ('CHANGE','CORRECTION')),
        corrects_id uuid REFERENCES person_entry(id),
        reason varchar(1000),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT person_entry_period CHECK (date_to IS NULL OR date_from IS NULL OR date_to >= date_from),
        CONSTRAINT person_entry_recorded CHECK (superseded_at IS NULL OR superseded_at >= recorded_at),
        CONSTRAINT person_entry_rating CHECK (kind <> 'RATING' OR year IS NOT NULL),
        CONSTRAINT person_entry_dated CHECK (kind = 'RATING' OR date_from IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX person_entry_current_idx ON person_entry (person_id, kind, date_from) WHERE superseded_at IS NULL`);
    await q.query(`CREATE INDEX person_entry_history_idx ON person_entry (person_id, recorded_at)`);
    // one annual rating per person and year (of current knowledge)
    await q.query(
      `CREATE UNIQUE INDEX person_entry_rating_key ON person_entry (person_id, year) WHERE kind = 'RATING' AND superseded_at IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS person_entry`);
    await q.query(`DROP TABLE IF EXISTS person_record`);
    await q.query(`ALTER TABLE person DROP COLUMN IF EXISTS local_override, DROP COLUMN IF EXISTS local_override_reason`);
    await q.query(`DROP FUNCTION IF EXISTS canbo_fold(text)`);
  }
}
