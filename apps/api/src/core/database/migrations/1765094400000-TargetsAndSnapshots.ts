import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The 2025–2030 targets (issue 6): their rule settings (target values, baseline, deadline, tolerance; the
 * political-theory standard of each post) for databases seeded before they existed (a fresh database gets them
 * from the seed), the permission to freeze reports, and the frozen snapshots of the situation report and targets:
 * on demand, yearly, and the baseline the targets' straight lines start from (never updated nor deleted: a trigger
 * refuses it).
 */
export class TargetsAndSnapshots1765094400000 implements MigrationInterface {
  name = 'TargetsAndSnapshots1765094400000';

  async up(q: QueryRunner): Promise<void> {
    const [{ seeded }] = await q.query(`SELECT EXISTS (SELECT 1 FROM rule_setting) AS seeded`);
    if (seeded) {
      // the values of libs/shared rules.ts (TARGETS_DEFAULT, POLITICAL_THEORY_STANDARD_DEFAULT) when this was written
      const rules: [string, string, Record<string, unknown>][] = [
        [
          'TARGETS',
          'Nghị quyết của Ban Thường vụ Tỉnh ủy về nâng cao chất lượng đội ngũ cán bộ cấp xã giai đoạn 2025–2030',
          {
            baselineDate: '2025-10-01',
            deadline: '2030-12-31',
            yearlySnapshotDay: '12-31',
            targets: {
              rated_good: 95,
              theory_standard: 100,
              standing_postgraduate: 50,
              digital_skills: 100,
              young_key_titles: 10,
              committee_minority: 100,
            },
            minorityTolerancePoints: 2,
          },
        ],
        [
          'POLITICAL_THEORY_STANDARD',
          'Tiêu chuẩn lý luận chính trị theo chức danh (Quy định 2025)',
          {
            keyTitles: 'ADVANCED',
            standingCommittee: 'ADVANCED',
            cadresAndCivilServants: 'INTERMEDIATE',
            publicEmployeeManagers: 'INTERMEDIATE',
            publicEmployees: null,
          },
        ],
      ];
      for (const [key, label, value] of rules) {
        await q.query(
          `INSERT INTO rule_setting (key, version_label, valid_from, value, recorded_at)
           SELECT $1, $2, '2025-07-01', $3::jsonb, now() WHERE NOT EXISTS (SELECT 1 FROM rule_setting WHERE key = $1)`,
          [key, label, JSON.stringify(value)],
        );
      }
    }
    await q.query(
      `UPDATE role SET permissions = array_append(permissions, 'report.snapshot')
        WHERE code IN ('system_admin', 'province_officer') AND NOT ('report.snapshot' = ANY(permissions))`,
    );
    await q.query(`
      CREATE TABLE report_snapshot (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind varchar(10) NOT NULL CHECK (kind IN ('YEARLY', 'ON_DEMAND', 'BASELINE')),
        year integer CHECK (year BETWEEN 2025 AND 2999),
        as_of date NOT NULL,
        label varchar(200) NOT NULL,
        rules jsonb NOT NULL,
        province jsonb NOT NULL,
        created_by uuid REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT report_snapshot_yearly CHECK ((kind = 'YEARLY') = (year IS NOT NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX report_snapshot_year_key ON report_snapshot (year) WHERE kind = 'YEARLY'`);
    await q.query(`CREATE UNIQUE INDEX report_snapshot_baseline_key ON report_snapshot (as_of) WHERE kind = 'BASELINE'`);
    await q.query(`CREATE INDEX report_snapshot_as_of_idx ON report_snapshot (as_of, created_at)`);
    await q.query(`
      CREATE TABLE report_snapshot_unit (
        snapshot_id uuid NOT NULL REFERENCES report_snapshot(id),
        unit_id uuid NOT NULL REFERENCES unit(id),
        unit_name varchar(300) NOT NULL,
        figures jsonb NOT NULL,
        targets jsonb NOT NULL,
        PRIMARY KEY (snapshot_id, unit_id)
      )`);
    await q.query(`
      CREATE FUNCTION report_snapshot_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'report snapshots are frozen: % on % refused', TG_OP, TG_TABLE_NAME;
      END $$`);
    for (const table of ['report_snapshot', 'report_snapshot_unit']) {
      await q.query(`CREATE TRIGGER ${table}_frozen BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION report_snapshot_frozen()`);
      await q.query(`REVOKE UPDATE, DELETE ON ${table} FROM canbo_app`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS report_snapshot_unit`);
    await q.query(`DROP TABLE IF EXISTS report_snapshot`);
    await q.query(`DROP FUNCTION IF EXISTS report_snapshot_frozen()`);
    await q.query(`UPDATE role SET permissions = array_remove(permissions, 'report.snapshot')`);
    await q.query(`DELETE FROM rule_setting WHERE key IN ('TARGETS', 'POLITICAL_THEORY_STANDARD')`);
  }
}
