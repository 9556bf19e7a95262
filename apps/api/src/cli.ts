import 'reflect-metadata';
import { createDataSource, runMigrations } from './core/database/data-source';
import { ensureAppLoginRole } from './core/database/app-role';
import { ensureFirstAdmin, seedRoles } from './modules/auth/first-start';
import { seedRegistry } from './seed/seed';
import { DemoAccount, ensureDemoAccounts } from './modules/demo/demo.accounts';
import { DEMO_REFERENCE_DATE } from './modules/demo/demo.generator';
import { loadDemoProvince } from './modules/demo/demo.loader';

const USAGE = 'usage: cli migrate | seed | setup | demo [--scale N] [--reset] [--if-empty]';

/**
 * `node cli.js migrate|seed|setup|demo` against DATABASE_URL (the owner): schema migrations, the application's
 * login role (APP_DATABASE_URL), the registry, the default roles and the first administrator; `demo` loads the
 * demo province (after setup) and its accounts.
 */
async function main(command: string | undefined, args: string[]): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set');
  if (!['migrate', 'seed', 'setup', 'demo'].includes(command ?? '')) throw new Error(USAGE);
  if (command === 'demo') return demo(url, args);
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

/** The options of `demo`: --scale N (or --scale=N), --reset, --if-empty. */
function demoArgs(args: string[]): { scale: number; reset: boolean; ifEmpty: boolean } {
  let scale = 1;
  let reset = false;
  let ifEmpty = false;
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = args[i].split('=');
    if (flag === '--scale') {
      scale = Number(inline ?? args[++i]);
      if (!Number.isInteger(scale) || scale < 1) throw new Error(`--scale needs a positive whole number\n${USAGE}`);
    } else if (flag === '--reset') reset = true;
    else if (flag === '--if-empty') ifEmpty = true;
    else throw new Error(`unknown option ${args[i]}\n${USAGE}`);
  }
  return { scale, reset, ifEmpty };
}

async function demo(url: string, args: string[]): Promise<void> {
  const options = demoArgs(args);
  const ds = createDataSource(url, 2);
  await ds.initialize();
  try {
    const result = await loadDemoProvince(ds, options);
    console.log(JSON.stringify({ msg: 'demo', ...result }));
    if (!result.loaded) {
      // at every later start the database holds people: nothing to say
      if (!options.ifEmpty) process.stdout.write(`\n  Demo province not loaded: ${result.reason}.\n\n`);
      return;
    }
    process.stdout.write(
      `\n  Demo province loaded: ${result.people.toLocaleString('en')} people of the commune-level units and the province agencies` +
        `${options.scale > 1 ? ` (${options.scale} copies)` : ''}, as of ${DEMO_REFERENCE_DATE}, in ${(result.milliseconds / 1000).toFixed(1)} s.\n`,
    );
    printAccounts(await ensureDemoAccounts(ds));
  } finally {
    await ds.destroy();
  }
}

function printAccounts(accounts: DemoAccount[]): void {
  const fresh = accounts.filter((a) => a.secret);
  const kept = accounts.filter((a) => !a.secret);
  if (fresh.length) {
    process.stdout.write(`  Demo accounts, one per role (passwords shown once, no change asked; sign in as any of them):\n\n`);
    for (const a of fresh) {
      const what = a.kind === 'user' ? a.secret : `API key (header X-Api-Key): ${a.secret}`;
      process.stdout.write(`      ${a.name.padEnd(46)} ${what}\n          ${a.roleName}, ${a.scope}\n`);
    }
    process.stdout.write('\n');
  }
  if (kept.length) process.stdout.write(`  Demo accounts kept with their passwords: ${kept.map((a) => a.name).join(', ')}.\n\n`);
}

main(process.argv[2], process.argv.slice(3)).catch((error) => {
  console.error(error?.stack ?? error);
  process.exit(1);
});
