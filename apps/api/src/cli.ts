import 'reflect-metadata';
import { createDataSource, runMigrations } from './core/database/data-source';
import { ensureAppLoginRole } from './core/database/app-role';
import { ensureFirstAdmin, seedRoles } from './modules/auth/first-start';
import { seedRegistry } from './seed/seed';

/**
 * `node cli.js migrate|seed|setup` against DATABASE_URL (the owner): schema migrations, the application's
 * login role (APP_DATABASE_URL), the registry, the default roles and the first administrator.
 */
async function main(command: string | undefined): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set');
  if (!['migrate', 'seed', 'setup'].includes(command ?? '')) throw new Error('usage: cli migrate | seed | setup');
  if (command === 'migrate' || command === 'setup') {
    const applied = await runMigrations(url);
    console.log(JSON.stringify({ msg: 'migrations', applied }));
    if (process.env.APP_DATABASE_URL) {
      const role = await ensureAppLoginRole(url, process.env.APP_DATABASE_URL);
      console.log(JSON.stringify({ msg: 'application database role', role }));
    }
  }
  if (command === 'seed' || command === 'setup') {
    const ds = createDataSource(url, 2);
    await ds.initialize();
    try {
      console.log(JSON.stringify({ msg: 'seed', ...(await seedRegistry(ds)), roles: await seedRoles(ds) }));
      const admin = await ensureFirstAdmin(ds, process.env.CANBO_ADMIN_PASSWORD);
      if (admin.created && admin.password) {
        process.stdout.write(
          `\n  First administrator created. Sign in as "${admin.username}" with the password below (shown once;\n` +
            `  you will be asked to change it):\n\n      ${admin.password}\n\n`,
        );
      } else if (admin.created) {
        process.stdout.write(`\n  First administrator "${admin.username}" created with the password of CANBO_ADMIN_PASSWORD.\n\n`);
      }
    } finally {
      await ds.destroy();
    }
  }
}

main(process.argv[2]).catch((error) => {
  console.error(error?.stack ?? error);
  process.exit(1);
});
