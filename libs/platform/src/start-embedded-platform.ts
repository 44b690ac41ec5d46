import { createTokenService, InMemoryAccountDirectory, loadDemoAccounts } from '@gongkai/auth';
import { createLogger, JsonLogger, startTracing } from '@gongkai/observability';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { EmbeddedPlatformModule } from './embedded-platform.module';
import { EmbeddedRuntime } from './embedded-runtime';
import type { PlatformConfig } from './platform-config';
import type { RunningProcess } from './run-process';
import { trustProxyOption } from './trusted-proxies';

export interface RunningPlatform extends RunningProcess {
  /** Where GraphQL is served, e.g. http://127.0.0.1:3000/graphql. */
  readonly graphqlUrl: string;
}

/** A GraphQL request is a few kilobytes; a larger body is refused before it is parsed. */
export const BODY_LIMIT_BYTES = 256 * 1024;

export const startEmbeddedPlatform = async (config: PlatformConfig): Promise<RunningPlatform> => {
  const pino = createLogger({ level: config.logLevel, name: 'gongkai-platform' });
  const logger = new JsonLogger(pino);
  for (const warning of config.warnings) logger.event('warn', warning, {});
  const tracing = startTracing('gongkai-platform', { keepsAsyncContext: false });
  const runtime = new EmbeddedRuntime(config.eventStoreFile, logger);
  try {
    const accounts = new InMemoryAccountDirectory(config.auth.demoAccounts ? await loadDemoAccounts() : []);
    const tokens = createTokenService(config.auth);
    await runtime.replayReadModels();
    const app = await NestFactory.create<NestFastifyApplication>(
      EmbeddedPlatformModule.forRoot({ runtime, production: config.production, tokens, accounts, logger }),
      new FastifyAdapter({ bodyLimit: BODY_LIMIT_BYTES, ...trustProxyOption(config.trustedProxies) }),
      { logger, abortOnError: false },
    );
    await app.init();
    await runtime.startRelay();
    await app.listen({ port: config.port, host: config.host });
    const address = app.getHttpServer().address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const baseUrl = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
    logger.event('info', 'platform ready', { graphql: `${baseUrl}/graphql`, dataFile: config.eventStoreFile, production: config.production });
    return {
      graphqlUrl: `${baseUrl}/graphql`,
      baseUrl,
      logger,
      close: async () => {
        await app.close();
        await runtime.close();
        await tracing.shutdown();
      },
    };
  } catch (error) {
    await runtime.close();
    throw error;
  }
};
