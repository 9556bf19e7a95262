import { ErrorCode } from '@canbo/shared';
import { ArgumentsHost, Catch, HttpServer, Inject } from '@nestjs/common';
import { BaseExceptionFilter, HttpAdapterHost } from '@nestjs/core';
import type { Response } from 'express';
import { GraphQLError } from 'graphql';
import { AppError } from '../errors/app-errors';

const HTTP_STATUS: Record<string, number> = {
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.CONFLICT]: 409,
  [ErrorCode.TOO_MANY_REQUESTS]: 429,
};

/**
 * In GraphQL, errors go back to Apollo untouched: `formatError` gives them their code, and logs (once, with the
 * request id) only the unexpected ones. Without this filter Nest would log every expected NOT_FOUND, CONFLICT
 * and BAD_USER_INPUT as an error. On HTTP routes our typed errors answer with their status and a JSON body
 * `{ code, message, ...extensions }` (a few override the status: a file too large answers 413); anything else gets Nest's default handling.
 */
@Catch()
export class GraphQLPassThroughFilter extends BaseExceptionFilter {
  constructor(@Inject(HttpAdapterHost) adapterHost: HttpAdapterHost) {
    super(adapterHost.httpAdapter as HttpServer);
  }

  override catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<string>() === 'graphql') return exception;
    if (exception instanceof GraphQLError) {
      const { code, ...extensions } = exception.extensions as { code: string } & Record<string, unknown>;
      const status = (exception instanceof AppError && exception.httpStatus) || HTTP_STATUS[code];
      if (status) {
        const res = host.switchToHttp().getResponse<Response>();
        if (code === ErrorCode.TOO_MANY_REQUESTS && typeof extensions.retryAfter === 'number') {
          res.setHeader('Retry-After', String(extensions.retryAfter));
        }
        res.status(status).json({ code, message: exception.message, ...extensions });
        return;
      }
    }
    return super.catch(exception, host);
  }
}
