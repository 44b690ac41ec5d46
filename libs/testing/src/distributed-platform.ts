import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AppProcess, startAppProcess } from './app-process';
import { type NatsServer, startNatsServer } from './nats-server';

const SERVICE_READY = /"health":"(http:\/\/[^"]+)\/health\/ready"/;
const GATEWAY_READY = /"graphql":"(http:\/\/[^"]+)\/graphql"/;

export interface DistributedPlatform {
  readonly baseUrl: string;
  readonly nats: NatsServer;
  readonly gateway: AppProcess;
  /** Running replicas per context. */
  readonly services: ReadonlyMap<string, readonly AppProcess[]>;
  readonly dataDir: string;
  /** Starts one more replica of a context's service (it joins the context's queue group). */
  startService(context: string): Promise<AppProcess>;
  /** Stops every process (SIGTERM), then nats-server, then removes the data unless it was given. */
  stop(): Promise<void>;
}

export interface DistributedPlatformOptions {
  readonly contexts: readonly string[];
  readonly replicas?: Readonly<Record<string, number>>;
  /** Kept when given (and not removed at stop), e.g. for `npm run start:distributed`. */
  readonly dataDir?: string;
  readonly gatewayPort?: number;
  readonly env?: Readonly<Record<string, string>>;
}

/**
 * The distributed runtime on one machine: a nats-server with JetStream, each context's service as
 * its own process (sharing one SQLite event log, as services on one host do), and the gateway.
 */
export const startDistributedPlatform = async (options: DistributedPlatformOptions): Promise<DistributedPlatform> => {
  const ownsData = options.dataDir === undefined;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'gongkai-distributed-'));
  // A given data directory keeps JetStream's store too, so that a restart finds its streams again.
  const nats = await startNatsServer(ownsData ? {} : { storeDir: join(dataDir, 'nats') });
  const services = new Map<string, AppProcess[]>();
  const env = { NATS_URL: nats.url, PERSONAL_DATA_FILE: join(dataDir, 'personal-data.db'), ...options.env };
  const startService = async (context: string): Promise<AppProcess> => {
    const app = await startAppProcess({ app: context, env: { ...env, EVENT_STORE_FILE: join(dataDir, 'events.db') }, ready: SERVICE_READY });
    services.set(context, [...(services.get(context) ?? []), app]);
    return app;
  };
  try {
    for (const context of options.contexts) for (let i = 0; i < (options.replicas?.[context] ?? 1); i++) await startService(context);
    const gateway = await startAppProcess({ app: 'gateway', env: { ...env, PORT: String(options.gatewayPort ?? 0) }, ready: GATEWAY_READY });
    return {
      baseUrl: gateway.baseUrl,
      nats,
      gateway,
      services,
      dataDir,
      startService,
      async stop() {
        await gateway.stop();
        await Promise.all([...services.values()].flat().map((service) => service.stop()));
        await nats.stop();
        if (ownsData) rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await Promise.all([...services.values()].flat().map((service) => service.kill()));
    await nats.stop();
    throw error;
  }
};
