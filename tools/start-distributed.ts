import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { CONTEXTS } from '@gongkai/contracts';
import { startDistributedPlatform } from '@gongkai/testing';

/**
 * npm run start:distributed — the production topology on one machine, without Docker: a
 * nats-server with JetStream from the PATH, every context's service as its own process and the
 * gateway. Data under $DATA_DIR/distributed (./data by default). Ctrl-C stops everything.
 */
const main = async (): Promise<void> => {
  const dataDir = resolve(process.env['DATA_DIR'] ?? './data', 'distributed');
  mkdirSync(dataDir, { recursive: true });
  const platform = await startDistributedPlatform({ contexts: Object.values(CONTEXTS), dataDir, gatewayPort: Number(process.env['PORT'] ?? 3000) });
  process.stdout.write(
    [
      `nats-server (JetStream): ${platform.nats.url}`,
      ...[...platform.services].map(([context, replicas]) => `${context}: ${replicas.map((r) => r.baseUrl).join(', ')}`),
      `GraphQL: ${platform.baseUrl}/graphql`,
      '',
    ].join('\n'),
  );
  const stop = (): void => {
    platform.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
};

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
