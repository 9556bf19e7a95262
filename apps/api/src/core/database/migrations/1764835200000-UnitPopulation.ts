import { MigrationInterface, QueryRunner } from 'typeorm';

const CORRECTED_TABLES = ['person_assignment', 'person_record', 'person_entry'];

/**
 * The population of a unit and its ethnic-minority share, dated (an admin enters them from the statistics of a
 * year; the target on minority cadres compares the cadres' share with it). Also indexes on the self-references of
 * the personal file's bitemporal tables (corrects_id): deleting people (the demo's reload) checks them row by row,
 * which without an index reads the whole table for every row. PostgreSQL 15 only.
 */
export class UnitPopulation1764835200000 implements MigrationInterface {
  name = 'UnitPopulation1764835200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE unit_population (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        unit_id uuid NOT NULL REFERENCES unit(id),
        valid_from date NOT NULL,
        valid_to date,
        population integer NOT NULL CHECK (population >= 0),
        ethnic_minority_share numeric(5,4) NOT NULL CHECK (ethnic_minority_share BETWEEN 0 AND 1),
        source varchar(500),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT unit_population_period CHECK (valid_to IS NULL OR valid_to > valid_from),
        CONSTRAINT unit_population_version_unique UNIQUE (unit_id, valid_from)
      )`);
    for (const table of CORRECTED_TABLES) {
      await q.query(`CREATE INDEX ${table}_corrects_idx ON ${table} (corrects_id) WHERE corrects_id IS NOT NULL`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of CORRECTED_TABLES) await q.query(`DROP INDEX IF EXISTS ${table}_corrects_idx`);
    await q.query(`DROP TABLE IF EXISTS unit_population`);
  }
}
