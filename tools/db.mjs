// npm run db:migrate | db:seed | seed — against DATABASE_URL, or the embedded PostgreSQL when it is unset.
// `demo [--scale N] [--reset]` (npm run seed) sets the database up, then loads the demo province.
import { appDatabaseUrl, bin, resolveDatabase, root, run, say } from './lib.mjs';

const command = process.argv[2];
const extra = process.argv.slice(3);
if (!['migrate', 'seed', 'setup', 'demo'].includes(command)) {
  console.error('usage: node tools/db.mjs migrate | seed | setup | demo [--scale N] [--reset]');
  process.exit(2);
}
await run(bin('nx'), ['run-many', '-t', 'build', '-p', 'shared', 'api', '--outputStyle=static'], {
  env: { ...process.env, NX_DAEMON: 'false' },
});
const db = await resolveDatabase();
if (db.embedded) say(`embedded PostgreSQL, data in ${db.embedded.dataDir}`);
try {
  const env = { ...process.env, DATABASE_URL: db.url, APP_DATABASE_URL: appDatabaseUrl(db.url, db.dataRoot) };
  if (command === 'demo') await run(process.execPath, [`${root}/dist/api/cli.js`, 'setup'], { env });
  await run(process.execPath, [`${root}/dist/api/cli.js`, command, ...extra], { env });
} finally {
  await db.stop();
}
