import { DomainError, type ErrorCode, isDomainError } from '@gongkai/kernel';
import { type ExecutionResult, type FormattedExecutionResult, GraphQLError } from 'graphql';

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

/** Fastify's own refusals of a request (body too large, wrong content type) carry a 4xx status. */
const clientErrorStatus = (error: unknown): number | undefined => {
  const status = (error as { statusCode?: unknown } | undefined)?.statusCode;
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof status === 'number' && status >= 400 && status < 500 && typeof code === 'string' && code.startsWith('FST_') ? status : undefined;
};

const fromCause = (cause: unknown): { message: string; extensions: FormattedError['extensions'] } | undefined => {
  if (isDomainError(cause)) return { message: cause.message, extensions: { code: cause.code, rule: cause.rule, ...cause.details } };
  const status = clientErrorStatus(cause);
  if (status) return { message: (cause as Error).message, extensions: { code: status === 413 ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST' } };
  if (isNestHttpException(cause)) {
    const code = HTTP_STATUS_OF_NEST[cause.getStatus()];
    if (code) return { message: cause.message, extensions: { code } };
  }
  return undefined;
};

/**
 * What a caller sees of `error`. A failure of ours is logged and answered without its message,
 * naming the request's correlation id so that the caller can quote it and an operator find the line.
 */
export const formatGraphqlError = (error: GraphQLError, production: boolean, log: (error: unknown) => void, correlationId?: string): FormattedError => {
  const base = { ...(error.path ? { path: error.path } : {}), ...(error.locations ? { locations: error.locations } : {}) };
  // A scalar's DomainError for a bad variable comes wrapped twice: Mercurius's GraphQLError around
  // graphql-jit's error object around it. Its code and rule are the same as for the same value
  // written in the query.
  const wrapped = error.originalError as { cause?: unknown; originalError?: unknown } | undefined;
  const known = fromCause(wrapped) ?? fromCause(wrapped?.cause) ?? fromCause(wrapped?.originalError);
  if (known) return { ...base, ...known };
  if (!error.originalError || error.originalError instanceof GraphQLError) {
    // Parsing and validation: the request itself is wrong.
    const message = production ? stripSuggestions(error.message) : error.message;
    const code = INPUT_PROBLEM.test(error.message) ? 'BAD_USER_INPUT' : 'GRAPHQL_VALIDATION_FAILED';
    return { ...base, message, extensions: { code } };
  }
  log(error.originalError);
  return { ...base, message: 'Internal server error.', extensions: { code: 'INTERNAL_SERVER_ERROR', ...(correlationId ? { correlationId } : {}) } };
};

/** Mercurius hands validation failures over as one error holding the list of GraphQL errors. */
const flatten = (errors: readonly GraphQLError[]): GraphQLError[] =>
  errors.flatMap((error) => {
    const inner = (error.originalError as { errors?: unknown } | undefined)?.errors;
    return Array.isArray(inner) ? inner.map((e: unknown) => (e instanceof GraphQLError ? e : new GraphQLError(String((e as Error).message ?? e)))) : [error];
  });

const refusedBeforeExecution = (error: FormattedError): boolean => !error.path && ['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED'].includes(error.extensions.code);

/**
 * Mercurius's errorFormatter: every error mapped to a code. A request refused before execution
 * (malformed, invalid, over a limit) answers 400; a rate limit 429; a failure of ours 500;
 * anything that ran answers 200 with its errors, as GraphQL over HTTP does for application/json.
 */
export const mercuriusErrorFormatter =
  (production: boolean, log: (error: unknown, correlationId: string | undefined) => void) =>
  (execution: ExecutionResult & { errors: readonly GraphQLError[] }, context?: unknown): { statusCode: number; response: FormattedExecutionResult } => {
    const flat = flatten(execution.errors);
    // The gateway's context (gatewayContextFactory), when the request got as far as having one.
    const correlationId = (context as { correlationId?: unknown } | undefined)?.correlationId;
    const known = typeof correlationId === 'string' ? correlationId : undefined;
    const errors = flat.map((error) => formatGraphqlError(error, production, (cause) => log(cause, known), known));
    const codes = errors.map((e) => e.extensions.code);
    const refusedByServer = flat.map((error) => clientErrorStatus(error.originalError)).find((status) => status !== undefined);
    const statusCode = refusedByServer
      ? refusedByServer
      : codes.includes('RATE_LIMITED')
      ? 429
      : codes.every((code) => code === 'INTERNAL_SERVER_ERROR')
        ? 500
        : !execution.data && errors.every(refusedBeforeExecution)
          ? 400
          : 200;
    const response = errors.map((error) => ({ ...error, path: error.path ? [...error.path] : undefined, locations: error.locations ? [...error.locations] : undefined }));
    return { statusCode, response: { data: execution.data ?? null, errors: response } };
  };

export const rateLimited = (rule: string, retryAfterSeconds: number): DomainError =>
  new DomainError('RATE_LIMITED', rule, `Too many requests: try again in ${retryAfterSeconds} s.`, { retryAfterSeconds });
