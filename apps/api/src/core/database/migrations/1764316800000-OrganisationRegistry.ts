import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The organisation registry: units with validity and successors, bodies inside units, the title catalogue,
 * dated rule settings and the bitemporal establishment. Uses only features of PostgreSQL 15.
 */
export class OrganisationRegistry1764316800000 implements MigrationInterface {
  name = 'OrganisationRegistry1764316800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE unit (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code varchar(60) NOT NULL UNIQUE,
        name varchar(200) NOT NULL,
        short_name varchar(100),
        kind varchar(20) NOT NULL CHECK (kind IN ('PROVINCE','COMMUNE','WARD','SPECIAL_ZONE','PROVINCE_AGENCY')),
        branch varchar(10) CHECK (branch IN ('PARTY','STATE','FRONT')),
        parent_id uuid REFERENCES unit(id),
        valid_from date NOT NULL,
        valid_to date,
        search_text text NOT NULL,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT unit_period CHECK (valid_to IS NULL OR valid_to > valid_from)
      )`);
    await q.query(`CREATE INDEX unit_parent_idx ON unit (parent_id)`);
    await q.query(`CREATE INDEX unit_kind_sort_idx ON unit (kind, search_text, id)`);
    await q.query(`CREATE INDEX unit_sort_idx ON unit (search_text, id)`);

    await q.query(`
      CREATE TABLE unit_succession (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        predecessor_id uuid NOT NULL REFERENCES unit(id),
        successor_id uuid NOT NULL REFERENCES unit(id),
        effective_date date NOT NULL,
        note varchar(1000),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT unit_succession_distinct CHECK (predecessor_id <> successor_id),
        CONSTRAINT unit_succession_unique UNIQUE (predecessor_id, successor_id)
      )`);
    await q.query(`CREATE INDEX unit_succession_successor_idx ON unit_succession (successor_id)`);

    await q.query(`
      CREATE TABLE body (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        unit_id uuid NOT NULL REFERENCES unit(id),
        kind varchar(40) NOT NULL CHECK (kind IN ('PARTY_COMMITTEE','PEOPLES_COUNCIL','PEOPLES_COMMITTEE',
          'FATHERLAND_FRONT','SOCIO_POLITICAL_ORGANISATION','PUBLIC_SERVICE_UNIT','AGENCY_OFFICE')),
        name varchar(200) NOT NULL,
        sort_order integer NOT NULL DEFAULT 0,
        valid_from date NOT NULL,
        valid_to date,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT body_period CHECK (valid_to IS NULL OR valid_to > valid_from)
      )`);
    await q.query(`CREATE INDEX body_unit_idx ON body (unit_id, sort_order)`);

    await q.query(`
      CREATE TABLE title (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code varchar(60) NOT NULL UNIQUE,
        name varchar(200) NOT NULL,
        level varchar(10) NOT NULL CHECK (level IN ('COMMUNE','PROVINCE')),
        body_kind varchar(40),
        equivalence_class varchar(60) NOT NULL,
        sort_order integer NOT NULL DEFAULT 0,
        active boolean NOT NULL DEFAULT true,
        search_text text NOT NULL,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX title_equivalence_idx ON title (equivalence_class)`);

    await q.query(`
      CREATE TABLE rule_setting (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        key varchar(60) NOT NULL,
        version_label varchar(200) NOT NULL,
        valid_from date NOT NULL,
        valid_to date,
        value jsonb NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT rule_setting_period CHECK (valid_to IS NULL OR valid_to > valid_from),
        CONSTRAINT rule_setting_version_unique UNIQUE (key, valid_from)
      )`);

    // Bitemporal: [valid_from, valid_to) is when the value holds; [recorded_at, superseded_at) is when the
    // record was the registry's knowledge. Records are never deleted or overwritten, only superseded.
    await q.query(`
      CREATE TABLE establishment_record (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        unit_id uuid NOT NULL REFERENCES unit(id),
        body_id uuid REFERENCES body(id),
        item_kind varchar(20) NOT NULL CHECK (item_kind IN ('HEADCOUNT','COMMITTEE_SEATS','TITLE_SEATS','SPECIALISTS')),
        item_key varchar(120) NOT NULL,
        staff_category varchar(20) CHECK (staff_category IN ('CADRE','CIVIL_SERVANT','PUBLIC_EMPLOYEE','CONTRACT')),
        committee varchar(10) CHECK (committee IN ('EXECUTIVE','STANDING')),
        term varchar(9),
        title_id uuid REFERENCES title(id),
        field varchar(40),
        value integer NOT NULL CHECK (value >= 0),
        valid_from date NOT NULL,
        valid_to date,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        superseded_at timestamptz,
        record_kind varchar(10) NOT NULL CHECK (record_kind IN ('CHANGE','CORRECTION')),
        corrects_id uuid REFERENCES establishment_record(id),
        reason varchar(1000),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT establishment_period CHECK (valid_to IS NULL OR valid_to > valid_from),
        CONSTRAINT establishment_recorded CHECK (superseded_at IS NULL OR superseded_at >= recorded_at),
        CONSTRAINT establishment_item_shape CHECK (
          (item_kind = 'HEADCOUNT' AND staff_category IS NOT NULL) OR
          (item_kind = 'COMMITTEE_SEATS' AND committee IS NOT NULL AND term IS NOT NULL) OR
          (item_kind = 'TITLE_SEATS' AND title_id IS NOT NULL) OR
          (item_kind = 'SPECIALISTS' AND field IS NOT NULL))
      )`);
    await q.query(
      `CREATE INDEX establishment_current_idx ON establishment_record (unit_id, item_key, valid_from) WHERE superseded_at IS NULL`,
    );
    await q.query(`CREATE INDEX establishment_history_idx ON establishment_record (unit_id, item_key, recorded_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['establishment_record', 'rule_setting', 'title', 'body', 'unit_succession', 'unit']) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
