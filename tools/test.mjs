// npm test: every test of the workspace (unit, API integration over real HTTP on real PostgreSQL, browser e2e in
// headless Chromium). With DATABASE_URL set (CI) tests use that server; otherwise an embedded PostgreSQL is
// started in a temporary folder for the run and removed afterwards. Each test file creates and drops its own
// database.
import { bin, resolveDatabase, run, say, temporaryEmbeddedDatabase } from './lib.mjs';

const extra = process.argv.slice(2);
let db;
if (process.env.DATABASE_URL) {
  db = await resolveDatabase({ database: new URL(process.env.DATABASE_URL).pathname.slice(1) || 'postgres' });
  say('tests use the PostgreSQL server of DATABASE_URL');
} else {
  db = await temporaryEmbeddedDatabase('postgres');
  say(`tests use an embedded PostgreSQL in ${db.dataRoot}`);
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
}
process.exit(code);
