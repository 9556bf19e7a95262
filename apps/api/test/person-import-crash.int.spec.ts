import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { Client } from 'pg';
import { createTestDatabase } from './harness';
import { bigXlsx, getJson, personRow, upload } from './import-helpers';

/**
 * The API process killed (SIGKILL) in the middle of an import, against the built API (`node dist/api/main.js`,
 * as tools/bench.mjs starts it) and a database of its own: nothing of the import is in the database, and once
 * the API is started again the job shows as FAILED with a Vietnamese reason.
 */
const ROOT = path.resolve(__dirname, '../../..');
const MAIN = path.join(ROOT, 'dist/api/main.js');
const ADMIN_PASSWORD = 'Crash-Test-Admin-2026!';
const NEW_PASSWORD = 'Crash-Test-Doi-2027!';
const ROWS = 15_000;

let db: Awaited<ReturnType<typeof createTestDatabase>>;
let owner: Client;
let env: NodeJS.ProcessEnv;
let api: ChildProcess | null = null;
let base = '';
const output: string[] = [];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/** Builds dist/api when it is missing or older than the import module's sources. */
function ensureBuilt(): void {
  const built = path.join(ROOT, 'dist/api/modules/person-import/person-import.service.js');
  const sources = fs.readdirSync(path.join(ROOT, 'apps/api/src/modules/person-import')).filter((f) => f.endsWith('.ts'));
  const newest = Math.max(...sources.map((f) => fs.statSync(path.join(ROOT, 'apps/api/src/modules/person-import', f)).mtimeMs));
  if (fs.existsSync(MAIN) && fs.existsSync(built) && fs.statSync(built).mtimeMs >= newest) return;
  const result = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'apps/api/tsconfig.app.json'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`building dist/api failed: ${result.stdout}${result.stderr}`);
}

async function startApi(): Promise<void> {
  const port = Number(env.PORT);
  api = spawn(process.execPath, [MAIN], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  api.stdout!.on('data', (d) => output.push(String(d)));
  api.stderr!.on('data', (d) => output.push(String(d)));
  base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${base}/health`)).ok) return;
    } catch {
      // starting
    }
    if (api.exitCode !== null) throw new Error(`the API exited: ${output.join('')}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the API did not start: ${output.join('')}`);
}

function stopApi(signal: NodeJS.Signals): Promise<void> {
  const proc = api;
  api = null;
  if (!proc || proc.exitCode !== null || proc.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    proc.once('exit', () => resolve());
    proc.kill(signal);
  });
}

async function post(p: string, body: unknown, token?: string): Promise<any> {
  const res = await fetch(`${base}${p}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return res.json();
}

async function counts(): Promise<Record<string, number>> {
  const { rows } = await owner.query(`SELECT
    (SELECT count(*)::int FROM person) AS person,
    (SELECT count(*)::int FROM person_revision) AS revisions,
    (SELECT count(*)::int FROM person_assignment) AS assignments,
    (SELECT count(*)::int FROM person_record) AS records,
    (SELECT count(*)::int FROM audit_log WHERE operation = 'importPersons') AS audits`);
  return rows[0];
}

beforeAll(async () => {
  ensureBuilt();
  db = await createTestDatabase();
  owner = new Client({ connectionString: db.url });
  await owner.connect();
  const appUrl = new URL(db.url);
  appUrl.username = 'canbo_api_crash';
  appUrl.password = 'crash-test-app';
  env = {
    ...process.env,
    DATABASE_URL: db.url,
    APP_DATABASE_URL: appUrl.toString(),
    CANBO_ADMIN_PASSWORD: ADMIN_PASSWORD,
    PORT: String(await freePort()),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    NODE_ENV: 'production',
    WEB_DIST_DIR: '',
  };
  const setup = spawnSync(process.execPath, [path.join(ROOT, 'dist/api/cli.js'), 'setup'], { cwd: ROOT, env, encoding: 'utf8' });
  if (setup.status !== 0) throw new Error(`cli setup failed: ${setup.stdout}${setup.stderr}`);
}, 180_000);

afterAll(async () => {
  await stopApi('SIGKILL');
  await owner?.end();
  await db?.drop();
});

test('killed with SIGKILL while IMPORTING: nothing written; after a restart the job is FAILED', async () => {
  await startApi();
  const first = await post('/auth/sign-in', { username: 'admin', password: ADMIN_PASSWORD });
  const token = (await post('/auth/password', { currentPassword: ADMIN_PASSWORD, newPassword: NEW_PASSWORD }, first.accessToken)).accessToken;
  expect(token).toEqual(expect.any(String));
  const units: { name: string }[] = (await owner.query(`SELECT name FROM unit WHERE kind IN ('COMMUNE', 'WARD') ORDER BY name`)).rows;
  const file = await bigXlsx(ROWS, (i) => personRow(i, { unit: units[i % units.length].name, body: null, nationalId: `0793${String(i).padStart(8, '0')}` }));
  const before = await counts();

  const res = await upload(base, token, file, 'lon.xlsx');
  expect(res.status).toBe(202);
  const id: string = res.body.id;
  // wait until the import pass has written into its (uncommitted) transaction: the API's connection holds
  // the lock an INSERT takes on person_revision, and a batch is done
  let seen: any = null;
  for (let i = 0; ; i++) {
    const { body } = await getJson(base, token, `/files/imports/${id}`);
    seen = body;
    if (body.status === 'IMPORTING' && body.processedRows >= 1000) {
      const { rows } = await owner.query(
        `SELECT count(*)::int AS n FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
          WHERE c.relname = 'person_revision' AND l.mode = 'RowExclusiveLock' AND l.granted`,
      );
      if (rows[0].n > 0) break;
    }
    if (!['QUEUED', 'VALIDATING', 'IMPORTING'].includes(body.status)) throw new Error(`the job ended before the kill: ${JSON.stringify(body)}`);
    if (i > 3000) throw new Error(`the job never reached IMPORTING: ${JSON.stringify(body)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  expect(seen.processedRows).toBeLessThan(ROWS);
  await stopApi('SIGKILL');

  // the transaction died with the process
  expect(await counts()).toEqual(before);
  const { rows: left } = await owner.query(`SELECT status FROM import_job WHERE id = $1`, [id]);
  expect(left[0].status).toBe('IMPORTING');

  // restart: the job left running by the dead process is marked FAILED, with a reason in Vietnamese
  await startApi();
  const { status, body } = await getJson(base, token, `/files/imports/${id}`);
  expect(status).toBe(200);
  expect(body.status).toBe('FAILED');
  expect(body.failureReason).toContain('Máy chủ đã dừng hoặc khởi động lại trong khi xử lý tệp');
  expect(body.failureReason).toContain('Không có dữ liệu nào được ghi');
  expect(await counts()).toEqual(before);
  await stopApi('SIGTERM');
}, 240_000);
