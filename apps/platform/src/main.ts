import 'reflect-metadata';
import { assertSafeForProduction } from '@gongkai/auth';
import { ConfigurationError, loadPlatformConfig, startEmbeddedPlatform } from '@gongkai/platform';

/** The embedded platform: every context and the gateway in one process, SQLite on disk. */
const main = async (): Promise<void> => {
  const config = loadPlatformConfig(process.env);
  assertSafeForProduction(config.auth, process.env['NODE_ENV']);
  const platform = await startEmbeddedPlatform(config);
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    platform.logger.event('info', 'stopping', { signal });
    platform.close().then(
      () => process.exit(0),
      (error: unknown) => {
        platform.logger.event('error', 'stop failed', { error: String(error) });
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
};

main().catch((error: unknown) => {
  const message = error instanceof ConfigurationError || error instanceof Error ? error.message : String(error);
  process.stderr.write(`${JSON.stringify({ level: 'fatal', msg: 'the platform could not start', error: message })}\n`);
  process.exit(1);
});
