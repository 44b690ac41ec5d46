import { DomainError, type ErrorCode, isDomainError } from '@gongkai/kernel';
import { type ExecutionResult, GraphQLError } from 'graphql';

/** A GraphQL error as callers see it: a message, a machine-readable code, never a stack trace. */
export interface FormattedError {
  readonly message: string;
  readonly path?: readonly (string | number)[];
  readonly locations?: readonly { line: number; column: number }[];
  readonly extensions: { readonly code: string; readonly rule?: string; readonly [key: string]: unknown };
}

const HTTP_STATUS_OF_NEST: Readonly<Record<number, ErrorCode>> = { 400: 'BAD_USER_INPUT', 401: 'UNAUTHENTICATED', 403: 'FORBIDDEN', 404: 'NOT_FOUND', 409: 'CONFLICT', 429: 'RATE_LIMITED' };

/** Input that GraphQL itself refused: wrong type, missing required field, unknown enum value. */
const INPUT_PROBLEM = /(Variable "\$|Argument "|Field ".*" of required type|Expected value of type|got invalid value|Expected type|cannot represent|Int cannot|String cannot|Enum ".*" cannot)/;

const stripSuggestions = (message: string): string => message.replace(/ Did you mean .*\?$/, '');

interface NestHttpLike {
  getStatus(): number;
  message: string;
}
const isNestHttpException = (error: unknown): error is NestHttpLike =>
  typeof error === 'object' && error !== null && typeof (error as { getStatus?: unknown }).getStatus === 'function';

const fromCause = (cause: unknown): { message: string; extensions: FormattedError['extensions'] } | undefined => {
  if (isDomainError(cause)) return { message: cause.message, extensions: { code: cause.code, rule: cause.rule, ...cause.details } };
  if (isNestHttpException(cause)) {
    const code = HTTP_STATUS_OF_NEST[cause.getStatus()];
    if (code) return { message: cause.message, extensions: { code } };
  }
  return undefined;
};

export const formatGraphqlError = (error: GraphQLError, production: boolean, log: (error: unknown) => void): FormattedError => {
  const base = { ...(error.path ? { path: error.path } : {}), ...(error.locations ? { locations: error.locations } : {}) };
  const known = fromCause(error.originalError) ?? fromCause((error.originalError as { cause?: unknown } | undefined)?.cause);
  if (known) return { ...base, ...known };
  if (!error.originalError || error.originalError instanceof GraphQLError) {
    // Parsing and validation: the request itself is wrong.
    const message = production ? stripSuggestions(error.message) : error.message;
    const code = INPUT_PROBLEM.test(error.message) ? 'BAD_USER_INPUT' : 'GRAPHQL_VALIDATION_FAILED';
    return { ...base, message, extensions: { code } };
  }
  log(error.originalError);
  return { ...base, message: 'Internal server error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
};

/** Mercurius's errorFormatter: every error mapped, the HTTP status 200 when some data was produced. */
export const mercuriusErrorFormatter =
  (production: boolean, log: (error: unknown) => void) =>
  (execution: ExecutionResult & { errors: readonly GraphQLError[] }): { statusCode: number; response: { data?: unknown; errors: FormattedError[] } } => {
    const errors = execution.errors.map((error) => formatGraphqlError(error, production, log));
    const statusCode = execution.data ? 200 : errors.every((e) => e.extensions.code === 'INTERNAL_SERVER_ERROR') ? 500 : errors.some((e) => e.extensions.code === 'RATE_LIMITED') ? 429 : 400;
    return { statusCode, response: { data: execution.data ?? null, errors } };
  };

export const rateLimited = (rule: string, retryAfterSeconds: number): DomainError =>
  new DomainError('RATE_LIMITED', rule, `Too many requests: try again in ${retryAfterSeconds} s.`, { retryAfterSeconds });
