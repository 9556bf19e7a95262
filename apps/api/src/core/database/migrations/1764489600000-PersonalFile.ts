import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The personal file, first part: the person's current identity, its append-only recorded-time history
 * (person_revision) and the bitemporal assignments to units (person_assignment). PostgreSQL 15 only.
 */
export class PersonalFile1764489600000 implements MigrationInterface {
  name = 'PersonalFile1764489600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE person (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        full_name varchar(200) NOT NULL,
        other_names varchar(200),
        gender varchar(10) NOT NULL CHECK (gender IN ('MALE','FEMALE')),
        birth_date date NOT NULL,
        birth_place varchar(500),
        hometown varchar(500),
        permanent_residence varchar(500),
        current_residence varchar(500),
        national_id varchar(12) NOT NULL CONSTRAINT person_national_id_key UNIQUE
          CONSTRAINT person_national_id_format CHECK (national_id ~ '^[0-9]{12}$'),
        ethnicity_code varchar(2),
        religion varchar(100),
        health_status varchar(200),
        phone varchar(20),
        email varchar(200),
        status varchar(20) NOT NULL DEFAULT 'SERVING'
          CHECK (status IN ('SERVING','ON_LEAVE','SECONDED_OUT','RETIRED','LEFT','DECEASED')),
        started_work_on date,
        entered_civil_service_on date,
        search_text text NOT NULL,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // the person list is sorted by the folded name (keyset pagination on (search_text, id))
    await q.query(`CREATE INDEX person_sort_idx ON person (search_text, id)`);

    // Recorded-time history of the identity: one row per write, with the whole identity after it.
    await q.query(`
      CREATE TABLE person_revision (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        person_id uuid NOT NULL REFERENCES person(id),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        record_kind varchar(10) NOT NULL CHECK (record_kind IN ('CHANGE','CORRECTION')),
        reason varchar(1000),
        data jsonb NOT NULL,
        actor_name varchar(200)
      )`);
    await q.query(`CREATE INDEX person_revision_person_idx ON person_revision (person_id, recorded_at)`);
    // append-only for the application
    await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON person_revision FROM canbo_app`);

    // Bitemporal like establishment_record: [valid_from, valid_to) when it holds, [recorded_at, superseded_at)
    // when it was the registry's knowledge. Never deleted or overwritten, only superseded.
    await q.query(`
      CREATE TABLE person_assignment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        person_id uuid NOT NULL REFERENCES person(id),
        unit_id uuid NOT NULL REFERENCES unit(id),
        body_id uuid REFERENCES body(id),
        staff_category varchar(20) NOT NULL CHECK (staff_category IN ('CADRE','CIVIL_SERVANT','PUBLIC_EMPLOYEE','CONTRACT')),
        job_position varchar(200) NOT NULL,
        seconded_to_unit_id uuid REFERENCES unit(id),
        valid_from date NOT NULL,
        valid_to date,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        superseded_at timestamptz,
        record_kind varchar(10) NOT NULL CHECK (record_kind IN ('CHANGE','CORRECTION')),
        corrects_id uuid REFERENCES person_assignment(id),
        reason varchar(1000),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT person_assignment_period CHECK (valid_to IS NULL OR valid_to > valid_from),
        CONSTRAINT person_assignment_recorded CHECK (superseded_at IS NULL OR superseded_at >= recorded_at),
        CONSTRAINT person_assignment_secondment CHECK (seconded_to_unit_id IS NULL OR seconded_to_unit_id <> unit_id)
      )`);
    await q.query(
      `CREATE INDEX person_assignment_current_idx ON person_assignment (person_id, valid_from) WHERE superseded_at IS NULL`,
    );
    await q.query(
      `CREATE INDEX person_assignment_unit_idx ON person_assignment (unit_id, staff_category, valid_from) WHERE superseded_at IS NULL`,
    );
    await q.query(
      `CREATE INDEX person_assignment_host_idx ON person_assignment (seconded_to_unit_id)
        WHERE superseded_at IS NULL AND seconded_to_unit_id IS NOT NULL`,
    );
    await q.query(`CREATE INDEX person_assignment_history_idx ON person_assignment (person_id, recorded_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['person_assignment', 'person_revision', 'person']) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
