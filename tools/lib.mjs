// Shared helpers of the workspace scripts (start, db, test, schema).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import os from 'node:os';
import { defaultDataRoot, ensureDatabase, startEmbeddedPostgres } from './embedded-pg.mjs';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function say(message) {
  process.stdout.write(`[canbo] ${message}\n`);
}

/** Runs a command from the workspace root; resolves on exit 0, rejects otherwise. */
export function run(command, args, { env = process.env, stdio = 'inherit' } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, env, stdio });
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? code})`)),
    );
  });
}

export function bin(name) {
  return path.join(root, 'node_modules', '.bin', name);
}

/**
 * The database to use: DATABASE_URL when set (created if missing), else an embedded PostgreSQL whose data
 * lives in CANBO_DATA_DIR. Returns { url, embedded, stop() }.
 */
export async function resolveDatabase({ persistent = true, dataRoot, database = 'canbo', port } = {}) {
  if (process.env.DATABASE_URL) {
    await ensureDatabase(process.env.DATABASE_URL);
    return { url: process.env.DATABASE_URL, embedded: null, stop: async () => {} };
  }
  const dir = dataRoot ?? defaultDataRoot();
  const pgPort = port ?? Number(process.env.EMBEDDED_PG_PORT || 54329);
  const pg = await startEmbeddedPostgres({ dataRoot: dir, port: pgPort, persistent });
  const url = pg.url(database);
  await ensureDatabase(url);
  return { url, embedded: pg, dataRoot: dir, stop: () => pg.stop() };
}

export function exists(relative) {
  return fs.existsSync(path.join(root, relative));
}

/**
 * The URL the API connects with: APP_DATABASE_URL when set, else the same server and database as the owner's
 * URL with the login role `canbo_api` and a password generated once and kept in the data folder. The setup
 * step creates that role (a member of canbo_app: no UPDATE or DELETE on the audit log).
 */
export function appDatabaseUrl(ownerUrl, dataRoot = defaultDataRoot()) {
  if (process.env.APP_DATABASE_URL) return process.env.APP_DATABASE_URL;
  fs.mkdirSync(dataRoot, { recursive: true });
  const file = path.join(dataRoot, 'app-db-password');
  if (!fs.existsSync(file)) fs.writeFileSync(file, randomBytes(18).toString('base64url') + '\n', { mode: 0o600 });
  const url = new URL(ownerUrl);
  url.username = 'canbo_api';
  url.password = fs.readFileSync(file, 'utf8').trim();
  return url.toString();
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/**
 * An embedded PostgreSQL for one run (tests, benchmarks): data in a temporary folder, on a free port;
 * `stop()` shuts it down and removes the folder. Returns the resolveDatabase() shape plus `dataRoot`.
 */
export async function temporaryEmbeddedDatabase(database) {
  const dataRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'canbo-run-'));
  fs.chmodSync(dataRoot, 0o755);
  const db = await resolveDatabase({ persistent: false, dataRoot, database, port: await freePort() });
  return {
    ...db,
    dataRoot,
    stop: async () => {
      await db.stop();
      fs.rmSync(dataRoot, { recursive: true, force: true });
    },
  };
}
