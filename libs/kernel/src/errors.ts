/**
 * The error codes a caller can rely on. GraphQL puts the code in `extensions.code`; `rule` names
 * the specific rule that was broken so that a client can react to it without parsing the message.
 */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'SERVICE_UNAVAILABLE';

export class DomainError extends Error {
  override readonly name = 'DomainError';
  constructor(
    readonly code: ErrorCode,
    /** Machine-readable name of the rule, e.g. `SUPPLEMENT_NOTICE_TOO_LATE`. */
    readonly rule: string,
    message: string,
    /** Extra facts for the caller, e.g. the offending field. Never personal data. */
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
  }
}

export const badInput = (rule: string, message: string, details: Record<string, unknown> = {}): DomainError =>
  new DomainError('BAD_USER_INPUT', rule, message, details);
export const forbidden = (rule: string, message: string): DomainError => new DomainError('FORBIDDEN', rule, message);
export const notFound = (rule: string, message: string): DomainError => new DomainError('NOT_FOUND', rule, message);
export const conflict = (rule: string, message: string, details: Record<string, unknown> = {}): DomainError =>
  new DomainError('CONFLICT', rule, message, details);

export const isDomainError = (error: unknown): error is DomainError => error instanceof DomainError;

const HTTP_STATUS: Readonly<Record<ErrorCode, number>> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  SERVICE_UNAVAILABLE: 503,
};

/**
 * The HTTP status of an error code, for the plain HTTP endpoints (reports, exports, uploads) beside
 * GraphQL; a code this build does not know (relayed from another process) is a plain server error.
 */
export const httpStatusOf = (code: ErrorCode): number => HTTP_STATUS[code] ?? 500;
