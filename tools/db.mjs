// npm run db:migrate | db:seed — against DATABASE_URL, or the embedded PostgreSQL when it is unset.
import { appDatabaseUrl, bin, resolveDatabase, root, run, say } from './lib.mjs';

const command = process.argv[2];
if (!['migrate', 'seed', 'setup'].includes(command)) {
  console.error('usage: node tools/db.mjs migrate | seed | setup');
  process.exit(2);
}
await run(bin('nx'), ['run-many', '-t', 'build', '-p', 'shared', 'api', '--outputStyle=static'], {
  env: { ...process.env, NX_DAEMON: 'false' },
});
const db = await resolveDatabase();
if (db.embedded) say(`embedded PostgreSQL, data in ${db.embedded.dataDir}`);
try {
  await run(process.execPath, [`${root}/dist/api/cli.js`, command], {
    env: { ...process.env, DATABASE_URL: db.url, APP_DATABASE_URL: appDatabaseUrl(db.url, db.dataRoot) },
  });
} finally {
  await db.stop();
}
