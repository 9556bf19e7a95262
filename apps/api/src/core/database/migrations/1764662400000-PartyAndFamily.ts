import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The personal file, third part: party membership (admitted, full membership, card number) as identity fields with
 * recorded-time history, and family relations (form 2C) as dated entries of kind FAMILY. Both are sensitive.
 */
export class PartyAndFamily1764662400000 implements MigrationInterface {
  name = 'PartyAndFamily1764662400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE person
        ADD COLUMN party_joined_on date,
        ADD COLUMN party_confirmed_on date,
        ADD COLUMN party_card_number varchar(20) CHECK (party_card_number ~ '^[0-9]{1,20}$'),
        ADD CONSTRAINT person_party_order CHECK (party_confirmed_on IS NULL OR party_joined_on IS NULL OR party_confirmed_on >= party_joined_on)`);
    await q.query(`ALTER TABLE person_entry DROP CONSTRAINT person_entry_kind_check`);
    await q.query(
      `ALTER TABLE person_entry ADD CONSTRAINT person_entry_kind_check CHECK (kind IN ('TRAINING','RATING','COMMENDATION','DISCIPLINE','FAMILY'))`,
    );
    await q.query(`ALTER TABLE person_entry DROP CONSTRAINT person_entry_dated`);
    await q.query(`ALTER TABLE person_entry ADD CONSTRAINT person_entry_dated CHECK (kind IN ('RATING','FAMILY') OR date_from IS NOT NULL)`);
    await q.query(`ALTER TABLE person_entry ADD CONSTRAINT person_entry_family CHECK (kind <> 'FAMILY' OR (value ? 'relation' AND value ? 'relativeName'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM person_entry WHERE kind = 'FAMILY'`);
    await q.query(`ALTER TABLE person_entry DROP CONSTRAINT person_entry_family`);
    await q.query(`ALTER TABLE person_entry DROP CONSTRAINT person_entry_dated`);
    await q.query(`ALTER TABLE person_entry ADD CONSTRAINT person_entry_dated CHECK (kind = 'RATING' OR date_from IS NOT NULL)`);
    await q.query(`ALTER TABLE person_entry DROP CONSTRAINT person_entry_kind_check`);
    await q.query(`ALTER TABLE person_entry ADD CONSTRAINT person_entry_kind_check CHECK (kind IN ('TRAINING','RATING','COMMENDATION','DISCIPLINE'))`);
    await q.query(`ALTER TABLE person DROP CONSTRAINT person_party_order`);
    await q.query(`ALTER TABLE person DROP COLUMN party_card_number, DROP COLUMN party_confirmed_on, DROP COLUMN party_joined_on`);
  }
}
