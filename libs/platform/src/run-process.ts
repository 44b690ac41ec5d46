import type { JsonLogger } from '@gongkai/observability';
import { ConfigurationError } from './platform-config';
/** A started process that can be stopped gracefully. */
export interface RunningProcess {
  readonly baseUrl: string;
  readonly logger: JsonLogger;
  /** Graceful stop: readiness off, work in flight finished, subscriptions drained, stores closed. */
  close(): Promise<void>;
}

/** Shutdown must finish within this, or the process exits non-zero so that the orchestrator notices. */
const SHUTDOWN_DEADLINE_MS = 10_000;

/** Starts a process and stops it gracefully on SIGTERM or SIGINT: exit 0 when everything closed in time. */
export const runProcess = (start: () => Promise<RunningProcess>): void => {
  // Through a promise, so that a configuration error thrown at once is reported like any other.
  Promise.resolve().then(start).then(
    (running) => {
      let stopping = false;
      const stop = (signal: string): void => {
        if (stopping) return;
        stopping = true;
        running.logger.event('info', 'stopping', { signal });
        const deadline = setTimeout(() => {
          running.logger.event('error', 'shutdown took too long', { ms: SHUTDOWN_DEADLINE_MS });
          process.exit(1);
        }, SHUTDOWN_DEADLINE_MS);
        deadline.unref();
        running.close().then(
          () => process.exit(0),
          (error: unknown) => {
            running.logger.event('error', 'shutdown failed', { error: String(error) });
            process.exit(1);
          },
        );
      };
      process.on('SIGTERM', () => stop('SIGTERM'));
      process.on('SIGINT', () => stop('SIGINT'));
    },
    (error: unknown) => {
      const message = error instanceof ConfigurationError || error instanceof Error ? error.message : String(error);
      process.stderr.write(`${JSON.stringify({ level: 'fatal', msg: 'the process could not start', error: message })}\n`);
      process.exit(1);
    },
  );
};
