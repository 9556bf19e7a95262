/** Configuration read from the environment, once. See the README's table of variables. */
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
}

function int(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const databaseUrl = env.DATABASE_URL;
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
  };
}
