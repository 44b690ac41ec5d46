import { context, createContextKey } from '@opentelemetry/api';

/** What every log line written while handling one request, command or event should carry. */
export interface RequestScope {
  readonly correlationId: string;
}

// Kept in the active OpenTelemetry context: one async context for trace and scope (startTracing).
const REQUEST_SCOPE = createContextKey('gongkai.request-scope');

/**
 * Runs `work` so that log lines written inside it (and in what it awaits) carry the scope, where the
 * process keeps an async context (see `startTracing`); elsewhere it runs `work` as it is.
 */
export const withRequestScope = <T>(scope: RequestScope, work: () => T): T => context.with(context.active().setValue(REQUEST_SCOPE, scope), work);

export const currentRequestScope = (): RequestScope | undefined => context.active().getValue(REQUEST_SCOPE) as RequestScope | undefined;
