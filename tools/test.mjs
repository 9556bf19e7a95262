// npm test: every test of the workspace (unit, API integration over real HTTP on real PostgreSQL, browser e2e in
// headless Chromium). With DATABASE_URL set (CI) tests use that server; otherwise an embedded PostgreSQL is
// started in a temporary folder for the run and removed afterwards. Each test file creates and drops its own
// database.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { bin, resolveDatabase, run, say } from './lib.mjs';

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

const extra = process.argv.slice(2);
let tempRoot = null;
let db;
if (process.env.DATABASE_URL) {
  db = await resolveDatabase({ database: new URL(process.env.DATABASE_URL).pathname.slice(1) || 'postgres' });
  say('tests use the PostgreSQL server of DATABASE_URL');
} else {
  tempRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'canbo-test-'));
  fs.chmodSync(tempRoot, 0o755);
  db = await resolveDatabase({ persistent: false, dataRoot: tempRoot, database: 'postgres', port: await freePort() });
  say(`tests use an embedded PostgreSQL in ${tempRoot}`);
}

let code = 0;
try {
  await run(bin('nx'), ['run-many', '-t', 'build', 'typecheck', 'test', '--outputStyle=stream', ...extra], {
    env: { ...process.env, DATABASE_URL: db.url, NX_DAEMON: 'false', NX_TUI: 'false', FORCE_COLOR: '0' },
  });
} catch (error) {
  console.error(error.message);
  code = 1;
} finally {
  await db.stop();
  if (tempRoot) fs.rmSync(tempRoot, { recursive: true, force: true });
}
process.exit(code);
