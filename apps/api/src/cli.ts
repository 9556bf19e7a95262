import 'reflect-metadata';
import { createDataSource, runMigrations } from './core/database/data-source';
import { seedRegistry } from './seed/seed';

/** `node cli.js migrate|seed|setup`: schema migrations and the registry seed, against DATABASE_URL. */
async function main(command: string | undefined): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set');
  if (command === 'migrate' || command === 'setup') {
    const applied = await runMigrations(url);
    console.log(JSON.stringify({ msg: 'migrations', applied }));
  }
  if (command === 'seed' || command === 'setup') {
    const ds = createDataSource(url, 2);
    await ds.initialize();
    try {
      console.log(JSON.stringify({ msg: 'seed', ...(await seedRegistry(ds)) }));
    } finally {
      await ds.destroy();
    }
  }
  if (!['migrate', 'seed', 'setup'].includes(command ?? '')) {
    throw new Error('usage: cli migrate | seed | setup');
  }
}

main(process.argv[2]).catch((error) => {
  console.error(error?.stack ?? error);
  process.exit(1);
});
