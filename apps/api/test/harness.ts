import { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createApp } from '../src/bootstrap';
import { DEFAULT_ROLES, ScopeKind } from '@canbo/shared';
import { AppConfig, authPolicy } from '../src/config';
import { ensureAppLoginRole } from '../src/core/database/app-role';
import { hashPassword } from '../src/modules/auth/auth.service';
import { seedRoles } from '../src/modules/auth/first-start';
import { createDataSource, runMigrations } from '../src/core/database/data-source';
import { JsonLogger } from '../src/core/logging/json-logger';
import { seedRegistry } from '../src/seed/seed';

export function adminUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new Error('DATABASE_URL is not set: run the suite with `npm test` (it starts an embedded PostgreSQL) or set it.');
  }
  return url;
}

function withDatabase(url: string, db: string): string {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}

/** A fresh database of its own for one test file; `drop()` removes it. */
export async function createTestDatabase(): Promise<{ url: string; name: string; drop: () => Promise<void> }> {
  const name = `canbo_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: withDatabase(adminUrl(), 'postgres') });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} ENCODING 'UTF8' TEMPLATE template0`);
  await admin.end();
  return {
    url: withDatabase(adminUrl(), name),
    name,
    drop: async () => {
      const c = new Client({ connectionString: withDatabase(adminUrl(), 'postgres') });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export interface GqlResult<T = any> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string; fields?: { field: string; code: string; message: string }[] } }[];
}

export interface TestApp {
  app: INestApplication;
  baseUrl: string;
  /** the owner's connection (migrations, setup, direct checks) */
  ds: DataSource;
  /** the application role's connection string (what the API uses) */
  appDatabaseUrl: string;
  logs: string[];
  /** GraphQL over HTTP, as the system administrator unless headers carry their own authorization */
  gql<T = any>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GqlResult<T>>;
  /** GraphQL as one of the seeded test users (one per default role: the role code is the user name) */
  as(username: string): <T = any>(query: string, variables?: Record<string, unknown>) => Promise<GqlResult<T>>;
  /** an access token of a seeded test user */
  token(username: string): Promise<string>;
  /** the unit the commune officer test user is scoped to */
  communeUnitId: string;
  close(): Promise<void>;
}

export const TEST_PASSWORD = 'Kiem-Thu-2025!';
export const APP_ROLE_PASSWORD = 'canbo-api-test';
/** the unit of the seeded commune officer */
export const COMMUNE_OFFICER_UNIT = 'Xã Mỹ Đức';

export function testConfig(databaseUrl: string, overrides: Partial<AppConfig> = {}): AppConfig {
  return {
    databaseUrl,
    port: 0,
    host: '127.0.0.1',
    production: false,
    logLevel: 'info',
    webDistDir: null,
    dbPoolSize: 5,
    graphqlMaxDepth: 10,
    graphqlMaxComplexity: 5000,
    trustProxy: 0,
    ...overrides,
    auth: {
      ...authPolicy({}, false),
      slowdownBaseMs: 5,
      refreshReuseGraceSeconds: 0,
      slowdownMaxMs: 20,
      addressDelayBaseMs: 1000,
      ...(overrides.auth ?? {}),
    },
  };
}

/** One test user per default role (user name = role code); the commune officer scoped to one unit. */
async function seedTestUsers(ds: DataSource): Promise<string> {
  const hash = await hashPassword(TEST_PASSWORD);
  const [{ id: communeUnitId }] = await ds.query(`SELECT id FROM unit WHERE name = $1`, [COMMUNE_OFFICER_UNIT]);
  for (const role of DEFAULT_ROLES) {
    const [user] = await ds.query(
      `INSERT INTO app_user (username, display_name, password_hash, must_change_password) VALUES ($1, $2, $3, false) RETURNING id`,
      [role.code.replace(/_/g, '-'), role.name.vi, hash],
    );
    const [{ id: roleId }] = await ds.query(`SELECT id FROM role WHERE code = $1`, [role.code]);
    const local = role.typicalScope.kind === ScopeKind.UNITS;
    await ds.query(`INSERT INTO role_assignment (user_id, role_id, all_units, unit_ids, staff_categories) VALUES ($1, $2, $3, $4, $5)`, [
      user.id,
      roleId,
      !local,
      local ? [communeUnitId] : [],
      role.typicalScope.categories,
    ]);
  }
  return communeUnitId;
}

/** Boots the real app once per test file against its own migrated and seeded database, on a random port. */
export async function bootTestApp(overrides: Partial<AppConfig> = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  await runMigrations(db.url);
  const appUrl = new URL(db.url);
  appUrl.username = 'canbo_api_test';
  appUrl.password = APP_ROLE_PASSWORD;
  await ensureAppLoginRole(db.url, appUrl.toString());
  const ds = createDataSource(db.url, 2);
  await ds.initialize();
  await seedRegistry(ds);
  await seedRoles(ds);
  const communeUnitId = await seedTestUsers(ds);
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, cb) {
      logs.push(String(chunk));
      cb();
    },
  });
  const config = testConfig(appUrl.toString(), overrides);
  const app = await createApp(config, new JsonLogger('info', sink));
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address();
  const baseUrl = `http://127.0.0.1:${address.port}`;
  const tokens = new Map<string, Promise<string>>();
  const token = (username: string) => {
    if (!tokens.has(username)) {
      tokens.set(
        username,
        fetch(`${baseUrl}/auth/sign-in`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username, password: TEST_PASSWORD }),
        }).then(async (res) => {
          const body = (await res.json()) as { accessToken?: string };
          if (!body.accessToken) throw new Error(`test sign-in of ${username} failed: ${JSON.stringify(body)}`);
          return body.accessToken;
        }),
      );
    }
    return tokens.get(username)!;
  };
  const post = async (query: string, variables: Record<string, unknown> | undefined, headers: Record<string, string>) => {
    const res = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as GqlResult;
  };
  return {
    app,
    baseUrl,
    ds,
    appDatabaseUrl: appUrl.toString(),
    logs,
    communeUnitId,
    token,
    async gql(query, variables, headers = {}) {
      const auth: Record<string, string> = Object.keys(headers).some((h) => ['authorization', 'x-api-key'].includes(h.toLowerCase()))
        ? {}
        : { authorization: `Bearer ${await token('system-admin')}` };
      return post(query, variables, { ...auth, ...headers });
    },
    as(username: string) {
      return async (query, variables) => post(query, variables, { authorization: `Bearer ${await token(username)}` });
    },
    async close() {
      await app.close();
      await ds.destroy();
      await db.drop();
    },
  };
}
