import type { LoggerService } from '@nestjs/common';
import pino, { type Logger } from 'pino';
import { currentRequestScope } from './request-scope';
import { activeTraceIds } from './tracing';

/**
 * Paths that must never reach a log line: credentials, and the personal data of applicants
 * commenters and message authors (name, identity number, contact, address), and webhook
 * subscribers' signing secrets, wherever they sit in a logged object.
 */
export const REDACTED_PATHS = [
  'token',
  'password',
  'authorization',
  '*.token',
  '*.password',
  '*.authorization',
  'req.headers.authorization',
  'req.headers.cookie',
  '*.accessKey',
  '*.identityNumber',
  '*.contact',
  '*.address',
  '*.applicantName',
  '*.*.identityNumber',
  '*.*.contact',
  '*.*.address',
  '*.*.applicantName',
  '*.authorName',
  '*.*.authorName',
  '*.*.accessKey',
  '*.secret',
  '*.*.secret',
];

export const createLogger = (options: { level?: string; name?: string; destination?: pino.DestinationStream } = {}): Logger =>
  pino(
    {
      level: options.level ?? process.env['LOG_LEVEL'] ?? 'info',
      name: options.name ?? 'gongkai',
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      formatters: { level: (label) => ({ level: label }) },
      // Every line written while a request, command or event is handled says which one, and where in its trace.
      mixin: () => ({ ...currentRequestScope(), ...activeTraceIds() }),
    },
    options.destination,
  );

const asFields = (value: unknown): Record<string, unknown> =>
  // pino's own error serializer writes type, message and stack.
  value instanceof Error ? { err: value } : typeof value === 'object' && value !== null ? { ...value } : { detail: value };

/** Nest's logger interface over pino: one JSON object per line. */
export class JsonLogger implements LoggerService {
  constructor(private readonly logger: Logger = createLogger()) {}

  log(message: unknown, context?: string): void {
    this.write('info', message, context);
  }
  error(message: unknown, trace?: string, context?: string): void {
    this.write('error', message, context, trace);
  }
  warn(message: unknown, context?: string): void {
    this.write('warn', message, context);
  }
  debug(message: unknown, context?: string): void {
    this.write('debug', message, context);
  }
  verbose(message: unknown, context?: string): void {
    this.write('trace', message, context);
  }

  /** Structured facts for operators; never personal data (the redaction is a second line of defence). */
  event(level: 'info' | 'warn' | 'error', message: string, facts: Record<string, unknown> = {}): void {
    this.logger[level](facts, message);
  }

  private write(level: 'info' | 'warn' | 'error' | 'debug' | 'trace', message: unknown, context?: string, trace?: string): void {
    const fields = { ...(context ? { context } : {}), ...(trace ? { trace } : {}) };
    if (typeof message === 'string') this.logger[level](fields, message);
    else this.logger[level]({ ...fields, ...asFields(message) }, message instanceof Error ? message.message : 'log');
  }
}
