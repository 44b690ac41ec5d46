import { AsyncLocalStorage } from 'node:async_hooks';

/** What every log line written while handling one request, command or event should carry. */
export interface RequestScope {
  readonly correlationId: string;
}

const storage = new AsyncLocalStorage<RequestScope>();

/** Runs `work` so that log lines written inside it (and in what it awaits) carry the scope. */
export const withRequestScope = <T>(scope: RequestScope, work: () => T): T => storage.run(scope, work);

export const currentRequestScope = (): RequestScope | undefined => storage.getStore();
