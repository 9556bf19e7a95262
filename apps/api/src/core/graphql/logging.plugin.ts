import type { ApolloServerPlugin } from '@apollo/server';
import { JsonLogger } from '../logging/json-logger';

/** Logs each GraphQL operation with its name, duration and error codes. */
export function operationLoggingPlugin(logger: JsonLogger): ApolloServerPlugin {
  return {
    async requestDidStart({ request }) {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ errors, operationName }) {
          const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
          logger.info({
            msg: 'graphql',
            operationName: operationName ?? request.operationName ?? null,
            durationMs: Math.round(durationMs * 10) / 10,
            errors: errors?.map((e) => e.extensions?.code ?? 'UNKNOWN'),
          });
        },
      };
    },
  };
}
