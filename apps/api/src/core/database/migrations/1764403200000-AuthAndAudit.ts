import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts, roles with scoped assignments, service accounts, refresh tokens, sign-in throttling, settings, and
 * the append-only audit log. Also the `canbo_app` group role the API runs as: it may read and write every
 * table but may only INSERT and SELECT audit rows (migrations keep running as the owner).
 */
export class AuthAndAudit1764403200000 implements MigrationInterface {
  name = 'AuthAndAudit1764403200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE app_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username varchar(60) NOT NULL UNIQUE,
        display_name varchar(200) NOT NULL,
        home_unit_id uuid REFERENCES unit(id),
        password_hash text NOT NULL,
        must_change_password boolean NOT NULL DEFAULT true,
        active boolean NOT NULL DEFAULT true,
        failed_attempts integer NOT NULL DEFAULT 0,
        locked_until timestamptz,
        last_sign_in_at timestamptz,
        password_changed_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE role (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code varchar(60) NOT NULL UNIQUE,
        name varchar(200) NOT NULL,
        description varchar(1000),
        permissions text[] NOT NULL DEFAULT '{}',
        system boolean NOT NULL DEFAULT false,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE service_account (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name varchar(200) NOT NULL UNIQUE,
        description varchar(1000),
        key_prefix varchar(16) NOT NULL UNIQUE,
        key_hash text NOT NULL,
        expires_at timestamptz,
        revoked_at timestamptz,
        last_used_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE role_assignment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid REFERENCES app_user(id),
        service_account_id uuid REFERENCES service_account(id),
        role_id uuid NOT NULL REFERENCES role(id),
        all_units boolean NOT NULL,
        unit_ids uuid[] NOT NULL DEFAULT '{}',
        staff_categories text[],
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT role_assignment_one_principal CHECK ((user_id IS NULL) <> (service_account_id IS NULL)),
        CONSTRAINT role_assignment_scope CHECK (all_units OR cardinality(unit_ids) > 0)
      )`);
    await q.query(`CREATE INDEX role_assignment_user_idx ON role_assignment (user_id)`);
    await q.query(`CREATE INDEX role_assignment_service_idx ON role_assignment (service_account_id)`);
    await q.query(`
      CREATE TABLE refresh_token (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user(id),
        family_id uuid NOT NULL,
        token_hash text NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        revoked_at timestamptz,
        client_ip varchar(64),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX refresh_token_family_idx ON refresh_token (family_id)`);
    await q.query(`
      CREATE TABLE auth_throttle (
        address varchar(64) PRIMARY KEY,
        failures integer NOT NULL DEFAULT 0,
        last_failure_at timestamptz NOT NULL DEFAULT now(),
        blocked_until timestamptz
      )`);
    await q.query(`
      CREATE TABLE app_setting (
        key varchar(60) PRIMARY KEY,
        value text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE audit_log (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT clock_timestamp(),
        actor_type varchar(20) NOT NULL CHECK (actor_type IN ('USER','SERVICE_ACCOUNT','SYSTEM')),
        actor_id uuid,
        actor_name varchar(200) NOT NULL,
        operation varchar(80) NOT NULL,
        entity varchar(60) NOT NULL,
        entity_id varchar(80),
        changes jsonb NOT NULL DEFAULT '{}',
        sensitive_fields text[] NOT NULL DEFAULT '{}',
        client_ip varchar(64),
        request_id varchar(100)
      )`);
    await q.query(`CREATE INDEX audit_log_entity_idx ON audit_log (entity, entity_id, id)`);
    await q.query(`CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, id)`);
    await q.query(`CREATE INDEX audit_log_at_idx ON audit_log (at)`);
    await q.query(`
      CREATE FUNCTION audit_log_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
        FOR EACH ROW EXECUTE FUNCTION audit_log_immutable()`);
    await q.query(`
      CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
        FOR EACH STATEMENT EXECUTE FUNCTION audit_log_immutable()`);

    // The application's group role. Creating a role needs CREATEROLE; where the owner lacks it, an operator
    // creates canbo_app beforehand and this migration only grants.
    await q.query(`
      DO $$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'canbo_app') THEN
          CREATE ROLE canbo_app NOLOGIN;
        END IF;
      EXCEPTION WHEN duplicate_object THEN NULL;
      END $$`);
    await q.query(`GRANT USAGE ON SCHEMA public TO canbo_app`);
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO canbo_app`);
    await q.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO canbo_app`);
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO canbo_app`);
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO canbo_app`);
    await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM canbo_app`);
    await q.query(`REVOKE ALL ON schema_migration FROM canbo_app`);
    await q.query(`GRANT SELECT ON schema_migration TO canbo_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM canbo_app`);
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON TABLES FROM canbo_app`);
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON SEQUENCES FROM canbo_app`);
    for (const table of ['audit_log', 'app_setting', 'auth_throttle', 'refresh_token', 'role_assignment', 'service_account', 'role', 'app_user']) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
    await q.query(`DROP FUNCTION IF EXISTS audit_log_immutable()`);
  }
}
