/** Configuration read from the environment, once. See the README's table of variables. */
/** Sign-in protection. Account: slow down, then lock. Address: growing delays, never a hard lock. */
export interface AuthPolicy {
  accessTokenSeconds: number;
  refreshTokenHours: number;
  /**
   * A refresh token presented again this soon after its use is honoured (a reload that cut off the answer,
   * two tabs at once) instead of counting as theft. 0 turns it off.
   */
  refreshReuseGraceSeconds: number;
  /** failures of one account before each further attempt is slowed down */
  accountSlowdownAfter: number;
  slowdownBaseMs: number;
  slowdownMaxMs: number;
  /** failures of one account that lock it */
  accountLockAfter: number;
  accountLockMinutes: number;
  /** failures from one address (a whole office) before delays start */
  addressFreeFailures: number;
  addressDelayBaseMs: number;
  addressDelayMaxMs: number;
  /** failures older than this are forgotten */
  failureWindowMinutes: number;
  /** JWT signing secret; when unset, one is generated once and kept in the database (shared by replicas) */
  jwtSecret: string | null;
  secureCookies: boolean;
}

/** Imports of personal files from spreadsheets (person-import module). */
export interface ImportPolicy {
  /** largest accepted upload, in bytes */
  maxBytes: number;
  /** largest total uncompressed size of the entries of an XLSX (zip bomb guard), in bytes */
  maxUncompressedBytes: number;
  /** most data rows in one file */
  maxRows: number;
}

export function importPolicy(env: NodeJS.ProcessEnv = process.env): ImportPolicy {
  const mb = (name: string, fallback: number) => {
    const raw = env[name];
    const value = raw === undefined || raw === '' ? fallback : Number(raw);
    if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, got "${raw}"`);
    return Math.floor(value * 1024 * 1024);
  };
  const rows = env.IMPORT_MAX_ROWS ? Number(env.IMPORT_MAX_ROWS) : 100_000;
  if (!Number.isInteger(rows) || rows <= 0) throw new Error(`IMPORT_MAX_ROWS must be a positive integer, got "${env.IMPORT_MAX_ROWS}"`);
  return { maxBytes: mb('IMPORT_MAX_MB', 20), maxUncompressedBytes: mb('IMPORT_MAX_UNCOMPRESSED_MB', 300), maxRows: rows };
}

export interface AppConfig {
  databaseUrl: string;
  port: number;
  host: string;
  production: boolean;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  webDistDir: string | null;
  dbPoolSize: number;
  graphqlMaxDepth: number;
  graphqlMaxComplexity: number;
  /** trust X-Forwarded-For from this many proxies (nginx in docker-compose: 1) */
  trustProxy: number;
  auth: AuthPolicy;
  /** spreadsheet imports (defaults of importPolicy() when absent) */
  imports?: ImportPolicy;
}

export function authPolicy(env: NodeJS.ProcessEnv = process.env, production = env.NODE_ENV === 'production'): AuthPolicy {
  const n = (name: string, fallback: number) => {
    const raw = env[name];
    const value = raw === undefined || raw === '' ? fallback : Number(raw);
    if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a non-negative number, got "${raw}"`);
    return value;
  };
  return {
    accessTokenSeconds: n('AUTH_ACCESS_TOKEN_SECONDS', 900),
    refreshTokenHours: n('AUTH_REFRESH_TOKEN_HOURS', 12),
    refreshReuseGraceSeconds: n('AUTH_REFRESH_REUSE_GRACE_SECONDS', 10),
    accountSlowdownAfter: n('AUTH_ACCOUNT_SLOWDOWN_AFTER', 3),
    slowdownBaseMs: n('AUTH_SLOWDOWN_BASE_MS', 500),
    slowdownMaxMs: n('AUTH_SLOWDOWN_MAX_MS', 5000),
    accountLockAfter: n('AUTH_ACCOUNT_LOCK_AFTER', 8),
    accountLockMinutes: n('AUTH_ACCOUNT_LOCK_MINUTES', 15),
    addressFreeFailures: n('AUTH_ADDRESS_FREE_FAILURES', 20),
    addressDelayBaseMs: n('AUTH_ADDRESS_DELAY_BASE_MS', 1000),
    addressDelayMaxMs: n('AUTH_ADDRESS_DELAY_MAX_MS', 60000),
    failureWindowMinutes: n('AUTH_FAILURE_WINDOW_MINUTES', 15),
    jwtSecret: env.JWT_SECRET || null,
    secureCookies: env.COOKIE_SECURE ? env.COOKIE_SECURE === 'true' : production,
  };
}

function int(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  // the API connects as the application role when given (no UPDATE/DELETE on the audit log)
  const databaseUrl = env.APP_DATABASE_URL || env.DATABASE_URL;
  if (!databaseUrl) {
    throw new Error('DATABASE_URL is not set. Use `npm start` (embedded PostgreSQL) or set DATABASE_URL.');
  }
  const level = (env.LOG_LEVEL ?? 'info') as AppConfig['logLevel'];
  return {
    databaseUrl,
    port: int('PORT', 3000),
    host: env.HOST ?? '0.0.0.0',
    production: env.NODE_ENV === 'production',
    logLevel: ['debug', 'info', 'warn', 'error'].includes(level) ? level : 'info',
    webDistDir: env.WEB_DIST_DIR || null,
    dbPoolSize: int('DB_POOL_SIZE', 10),
    graphqlMaxDepth: int('GRAPHQL_MAX_DEPTH', 10),
    graphqlMaxComplexity: int('GRAPHQL_MAX_COMPLEXITY', 5000),
    trustProxy: env.TRUST_PROXY ? int('TRUST_PROXY', 1) : 0,
    auth: authPolicy(env, env.NODE_ENV === 'production'),
    imports: importPolicy(env),
  };
}
