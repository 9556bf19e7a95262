import { createApp } from './bootstrap';
import { loadConfig } from './config';
import { JsonLogger } from './core/logging/json-logger';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = new JsonLogger(config.logLevel);
  const app = await createApp(config, logger);
  await app.listen(config.port, config.host);
  logger.info({ msg: 'canbo API listening', url: `http://localhost:${config.port}/graphql` });
}

main().catch((error) => {
  process.stderr.write(JSON.stringify({ level: 'error', msg: String(error?.stack ?? error) }) + '\n');
  process.exit(1);
});
