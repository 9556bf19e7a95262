import { LoggerService } from '@nestjs/common';
import { currentRequestId } from './request-context';

const LEVELS = { debug: 10, info: 20, warn: 30, error: 40 } as const;
type Level = keyof typeof LEVELS;

/** Structured JSON logs, one line per event, with the request id when there is one. */
export class JsonLogger implements LoggerService {
  constructor(private readonly minLevel: Level = 'info', private readonly out: NodeJS.WritableStream = process.stdout) {}

  private write(level: Level, message: unknown, context?: string, extra?: Record<string, unknown>): void {
    if (LEVELS[level] < LEVELS[this.minLevel]) return;
    const line: Record<string, unknown> = { time: new Date().toISOString(), level };
    const requestId = currentRequestId();
    if (requestId) line.requestId = requestId;
    if (context) line.context = context;
    if (message instanceof Error) {
      line.msg = message.message;
      line.stack = message.stack;
    } else if (typeof message === 'object' && message !== null) {
      Object.assign(line, message);
    } else {
      line.msg = String(message);
    }
    if (extra) Object.assign(line, extra);
    this.out.write(JSON.stringify(line) + '\n');
  }

  log(message: unknown, context?: string): void {
    this.write('info', message, context);
  }
  info(message: unknown, extra?: Record<string, unknown>): void {
    this.write('info', message, undefined, extra);
  }
  error(message: unknown, stackOrContext?: string, context?: string): void {
    const ctx = context ?? (stackOrContext && !stackOrContext.includes('\n') ? stackOrContext : undefined);
    const stack = stackOrContext && stackOrContext.includes('\n') ? stackOrContext : undefined;
    this.write('error', message, ctx, stack ? { stack } : undefined);
  }
  warn(message: unknown, context?: string): void {
    this.write('warn', message, context);
  }
  debug(message: unknown, context?: string): void {
    this.write('debug', message, context);
  }
  verbose(message: unknown, context?: string): void {
    this.write('debug', message, context);
  }
}
