import 'reflect-metadata';
import { assertSafeForProduction } from '@gongkai/auth';
import { loadPlatformConfig, runProcess, startEmbeddedPlatform } from '@gongkai/platform';

/** The embedded platform: every context and the gateway in one process, SQLite on disk. */
runProcess(async () => {
  const config = loadPlatformConfig(process.env);
  assertSafeForProduction(config.auth, process.env['NODE_ENV']);
  return startEmbeddedPlatform(config);
});
