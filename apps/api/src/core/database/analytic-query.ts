import { DataSource } from 'typeorm';

/**
 * Runs one aggregate statement (named parameters, `:name`) in a read-only transaction of its own with JIT compilation
 * off (the report's and the targets' queries are estimated costly enough for PostgreSQL's JIT, whose compilation,
 * over 300 ms, costs more than the query), without parallel workers (such queries already run concurrently, each on
 * its own connection) and with room to sort a few hundred thousand rows in memory.
 */
export async function analyticQuery<T>(dataSource: DataSource, sql: string, params: Record<string, unknown>): Promise<T[]> {
  const [text, values] = dataSource.driver.escapeQueryWithParameters(sql, params);
  const runner = dataSource.createQueryRunner();
  try {
    await runner.connect();
    await runner.query('BEGIN READ ONLY');
    try {
      await runner.query('SET LOCAL jit = off');
      await runner.query('SET LOCAL max_parallel_workers_per_gather = 0');
      await runner.query(`SET LOCAL work_mem = '32MB'`);
      const rows = await runner.query(text, values);
      await runner.query('COMMIT');
      return rows;
    } catch (error) {
      await runner.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  } finally {
    await runner.release();
  }
}
