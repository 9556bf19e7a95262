import { ArgumentsHost, Catch, HttpServer, Inject } from '@nestjs/common';
import { BaseExceptionFilter, HttpAdapterHost } from '@nestjs/core';

/**
 * In GraphQL, errors go back to Apollo untouched: `formatError` gives them their code, and logs (once, with the
 * request id) only the unexpected ones. Without this filter Nest would log every expected NOT_FOUND, CONFLICT
 * and BAD_USER_INPUT as an error. HTTP routes keep Nest's default handling.
 */
@Catch()
export class GraphQLPassThroughFilter extends BaseExceptionFilter {
  constructor(@Inject(HttpAdapterHost) adapterHost: HttpAdapterHost) {
    super(adapterHost.httpAdapter as HttpServer);
  }

  override catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<string>() === 'graphql') return exception;
    return super.catch(exception, host);
  }
}
