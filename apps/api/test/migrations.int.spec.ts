import { Client } from 'pg';
import { createDataSource, dataSourceOptions, runMigrations } from '../src/core/database/data-source';
import { MIGRATIONS } from '../src/core/database/migrations';
import { createTestDatabase } from './harness';

/** Migrations from an empty database; no app boot needed. */
let db: Awaited<ReturnType<typeof createTestDatabase>>;
let client: Client;

beforeAll(async () => {
  db = await createTestDatabase();
  client = new Client({ connectionString: db.url });
  await client.connect();
});
afterAll(async () => {
  await client?.end();
  await db?.drop();
});

const TABLES = ['body', 'establishment_record', 'import_job', 'import_job_error', 'import_job_file', 'person', 'person_assignment', 'person_entry', 'person_record', 'person_revision', 'rule_setting', 'title', 'unit', 'unit_population', 'unit_succession'];

async function tables(): Promise<string[]> {
  const { rows } = await client.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
  );
  return rows.map((r) => r.table_name);
}

test('the database starts empty', async () => {
  expect(await tables()).toEqual([]);
});

test('the first run applies every migration in order and creates the tables', async () => {
  const applied = await runMigrations(db.url);
  expect(applied).toEqual(MIGRATIONS.map((m) => m.name));
  expect(applied).toEqual(MIGRATIONS.map((m) => new m().name));
  const present = await tables();
  for (const t of TABLES) expect(present).toContain(t);
  expect(present).toContain('schema_migration');
  const { rows } = await client.query(`SELECT name FROM schema_migration`);
  expect(rows.map((r) => r.name)).toEqual(MIGRATIONS.map((m) => m.name));
});

test('the schema enforces its invariants', async () => {
  const expectViolation = async (sql: string, constraint: RegExp) => {
    await expect(client.query(sql)).rejects.toThrow(constraint);
  };
  await expectViolation(
    `INSERT INTO unit (code, name, kind, valid_from, search_text) VALUES ('x', 'X', 'VILLAGE', '2025-07-01', 'x')`,
    /unit_kind_check/,
  );
  await expectViolation(
    `INSERT INTO unit (code, name, kind, valid_from, valid_to, search_text) VALUES ('x', 'X', 'COMMUNE', '2025-07-01', '2025-07-01', 'x')`,
    /unit_period/,
  );
  const { rows } = await client.query(
    `INSERT INTO unit (code, name, kind, valid_from, search_text) VALUES ('x', 'X', 'COMMUNE', '2025-07-01', 'x') RETURNING id`,
  );
  await expectViolation(
    `INSERT INTO unit (code, name, kind, valid_from, search_text) VALUES ('x', 'Y', 'COMMUNE', '2025-07-01', 'y')`,
    /unit_code_key/,
  );
  await expectViolation(
    `INSERT INTO establishment_record (unit_id, item_kind, item_key, value, valid_from, record_kind)
     VALUES ('${rows[0].id}', 'HEADCOUNT', 'k', 1, '2025-07-01', 'CHANGE')`,
    /establishment_item_shape/,
  );
  await expectViolation(
    `INSERT INTO establishment_record (unit_id, item_kind, item_key, staff_category, value, valid_from, record_kind)
     VALUES ('${rows[0].id}', 'HEADCOUNT', 'k', 'CADRE', -1, '2025-07-01', 'CHANGE')`,
    /establishment_record_value_check/,
  );
  await expectViolation(
    `INSERT INTO person (full_name, gender, birth_date, national_id, search_text) VALUES ('A', 'MALE', '1990-01-01', '0792 010012', 'a')`,
    /person_national_id_format/,
  );
  await client.query(`INSERT INTO person (full_name, gender, birth_date, national_id, search_text) VALUES ('A', 'MALE', '1990-01-01', '079201001234', 'a')`);
  await expectViolation(
    `INSERT INTO person (full_name, gender, birth_date, national_id, search_text) VALUES ('B', 'FEMALE', '1990-01-01', '079201001234', 'b')`,
    /person_national_id_key/,
  );
  await client.query(`DELETE FROM person`);
  await client.query(`DELETE FROM unit`);
});

test('a second run applies nothing and changes nothing', async () => {
  const before = await tables();
  expect(await runMigrations(db.url)).toEqual([]);
  expect(await tables()).toEqual(before);
  const { rows } = await client.query(`SELECT count(*)::int AS n FROM schema_migration`);
  expect(rows[0].n).toBe(MIGRATIONS.length);
});


test('the schema is made by migrations only: synchronize and migrationsRun are off', () => {
  const options = dataSourceOptions('postgres://nobody@localhost/none');
  expect(options.synchronize).toBe(false);
  expect(options.migrationsRun).toBe(false);
  expect((options as { migrationsTableName?: string }).migrationsTableName).toBe('schema_migration');
});

test('concurrent first runs (replicas starting at once) apply each migration once; down() removes every table', async () => {
  const other = await createTestDatabase();
  try {
    const results = await Promise.all([runMigrations(other.url), runMigrations(other.url), runMigrations(other.url)]);
    expect(results.flat()).toEqual(MIGRATIONS.map((m) => m.name));
    const ds = createDataSource(other.url, 1);
    await ds.initialize();
    try {
      for (let i = 0; i < MIGRATIONS.length; i++) await ds.undoLastMigration({ transaction: 'each' });
      const rows: { table_name: string }[] = await ds.query(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
      );
      expect(rows.map((r) => r.table_name)).toEqual(['schema_migration']);
    } finally {
      await ds.destroy();
    }
  } finally {
    await other.drop();
  }
});
