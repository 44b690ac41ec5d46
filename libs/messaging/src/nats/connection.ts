import { connect, type NatsConnection, type Status } from '@nats-io/transport-node';

export interface ConnectNatsOptions {
  /** Pause between reconnect attempts (ms); 2 s by default. Tests use less. */
  readonly reconnectTimeWaitMs?: number;
  /** Every status change of the connection (disconnect, reconnect, errors…): for metrics and logs. */
  readonly onStatus?: (status: Status) => void;
}

/**
 * A connection that never gives up: a NATS outage must not end a service, which would otherwise
 * have to be restarted by Kubernetes and lose its in-flight work. Commands fail fast meanwhile
 * (SERVICE_UNAVAILABLE) and JetStream consumers resume where they were once the server is back.
 */
export const connectNats = async (url: string | readonly string[], name: string, options: ConnectNatsOptions = {}): Promise<NatsConnection> => {
  const connection = await connect({
    servers: typeof url === 'string' ? url : [...url],
    name,
    maxReconnectAttempts: -1,
    reconnectTimeWait: options.reconnectTimeWaitMs ?? 2_000,
    // Otherwise every request (each command, each JetStream publish) builds two Errors up front
    // only for the stack trace of a timeout that rarely comes: several percent of a service's CPU
    // under load. Our callers turn a timeout into a DomainError that names the context anyway.
    noAsyncTraces: true,
  });
  if (options.onStatus) watchStatus(connection, options.onStatus);
  return connection;
};

export interface StatusWatch {
  stop(): void;
}

const isStoppable = (value: unknown): value is { stop(): void } =>
  typeof value === 'object' && value !== null && 'stop' in value && typeof value.stop === 'function';

/**
 * Calls `listener` with every status of the connection until the connection closes or the watch
 * is stopped. A failing listener (a metrics hook) must not end the watch.
 */
export const watchStatus = (connection: NatsConnection, listener: (status: Status) => void): StatusWatch => {
  const statuses = connection.status();
  void (async () => {
    try {
      for await (const status of statuses) {
        try {
          listener(status);
        } catch {
          // the listener's problem; the next status still arrives
        }
      }
    } catch {
      // the iterator ends with an error only when the connection closes with one: nothing left to watch
    }
  })();
  return {
    // The client returns a QueuedIterator whose stop() unregisters it; the public type only says AsyncIterable.
    stop: () => {
      if (isStoppable(statuses)) statuses.stop();
    },
  };
};
