import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A trigram index on the folded names (pg_trgm, shipped with PostgreSQL and trusted: the database owner may
 * create it), so that a "contains" search of three letters or more does not read the whole person table.
 */
export class PersonSearchIndex1764748800000 implements MigrationInterface {
  name = 'PersonSearchIndex1764748800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`CREATE INDEX person_search_trgm_idx ON person USING gin (search_text gin_trgm_ops)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX person_search_trgm_idx`);
    await q.query(`DROP EXTENSION IF EXISTS pg_trgm`);
  }
}
