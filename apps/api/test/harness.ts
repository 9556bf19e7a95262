import { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createApp } from '../src/bootstrap';
import { AppConfig } from '../src/config';
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
  ds: DataSource;
  logs: string[];
  gql<T = any>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GqlResult<T>>;
  close(): Promise<void>;
}

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
    ...overrides,
  };
}

/** Boots the real app once per test file against its own migrated and seeded database, on a random port. */
export async function bootTestApp(overrides: Partial<AppConfig> = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  await runMigrations(db.url);
  const ds = createDataSource(db.url, 2);
  await ds.initialize();
  await seedRegistry(ds);
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, cb) {
      logs.push(String(chunk));
      cb();
    },
  });
  const config = testConfig(db.url, overrides);
  const app = await createApp(config, new JsonLogger('info', sink));
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address();
  const baseUrl = `http://127.0.0.1:${address.port}`;
  return {
    app,
    baseUrl,
    ds,
    logs,
    async gql(query, variables, headers = {}) {
      const res = await fetch(`${baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return (await res.json()) as GqlResult;
    },
    async close() {
      await app.close();
      await ds.destroy();
      await db.drop();
    },
  };
}
