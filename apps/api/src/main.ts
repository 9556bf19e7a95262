import { createApp } from './bootstrap';
import { loadConfig } from './config';
import { JsonLogger } from './core/logging/json-logger';
import { ReportSnapshotService } from './modules/report-snapshot/report-snapshot.service';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = new JsonLogger(config.logLevel);
  const app = await createApp(config, logger);
  await app.listen(config.port, config.host);
  logger.info({ msg: 'canbo API listening', url: `http://localhost:${config.port}/graphql` });
  // the yearly snapshots of the report and targets (the dashboard's trend): frozen when due (CANBO_YEARLY_SNAPSHOTS=off: not here)
  if (process.env.CANBO_YEARLY_SNAPSHOTS !== 'off') {
    app.get(ReportSnapshotService).startYearly((error) => logger.error({ msg: 'yearly snapshot failed', error: String((error as Error)?.stack ?? error) }));
  }
}

main().catch((error) => {
  process.stderr.write(JSON.stringify({ level: 'error', msg: String(error?.stack ?? error) }) + '\n');
  process.exit(1);
});
