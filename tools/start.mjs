// npm start: builds the workspace, prepares the database (embedded PostgreSQL unless DATABASE_URL is set),
// migrates and seeds it, loads the demo province into a database without people (CANBO_SKIP_DEMO=1 skips it),
// then serves the API (/graphql) and the SPA.
import { spawn } from 'node:child_process';
import { appDatabaseUrl, bin, resolveDatabase, root, run, say } from './lib.mjs';

const port = Number(process.env.PORT || 3000);

say('building (shared, api, web)…');
await run(bin('nx'), ['run-many', '-t', 'build', '--outputStyle=static'], { env: { ...process.env, NX_DAEMON: 'false' } });

const db = await resolveDatabase();
if (db.embedded) {
  say(`embedded PostgreSQL 18 is running; its data lives in ${db.embedded.dataDir}`);
  say('(set CANBO_DATA_DIR to keep it elsewhere, or DATABASE_URL to use another server)');
} else {
  say(`using the PostgreSQL server of DATABASE_URL`);
}

// migrations and seeding run as the owner; the API runs as the application role
const env = {
  ...process.env,
  DATABASE_URL: db.url,
  APP_DATABASE_URL: appDatabaseUrl(db.url, db.dataRoot),
  PORT: String(port),
  WEB_DIST_DIR: `${root}/dist/web`,
};
try {
  await run(process.execPath, [`${root}/dist/api/cli.js`, 'setup'], { env });
  if (process.env.CANBO_SKIP_DEMO === '1') say('CANBO_SKIP_DEMO=1: the demo province is not loaded');
  else await run(process.execPath, [`${root}/dist/api/cli.js`, 'demo', '--if-empty'], { env });
} catch (error) {
  await db.stop();
  throw error;
}

const api = spawn(process.execPath, ['--enable-source-maps', `${root}/dist/api/main.js`], { cwd: root, env, stdio: 'inherit' });
let stopping = false;
async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  say('stopping…');
  if (api.exitCode === null) {
    api.kill('SIGTERM');
    await new Promise((resolve) => api.once('exit', resolve));
  }
  await db.stop();
  process.exit(code);
}
process.on('SIGINT', () => shutdown(0));
process.on('SIGTERM', () => shutdown(0));
api.on('exit', (code) => {
  if (!stopping) {
    say(`the API stopped (exit ${code})`);
    shutdown(code ?? 1);
  }
});

// announce the URLs once the API answers
for (let i = 0; i < 120 && !stopping; i++) {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/health`);
    if (res.ok) {
      say(`SPA:     http://localhost:${port}/`);
      say(`GraphQL: http://localhost:${port}/graphql`);
      say(`Health:  http://localhost:${port}/health`);
      say('press Ctrl+C to stop');
      break;
    }
  } catch {
    // not up yet
  }
  await new Promise((r) => setTimeout(r, 500));
}
