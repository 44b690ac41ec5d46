import { createTokenService, InMemoryAccountDirectory, loadDemoAccounts } from '@gongkai/auth';
import { GraphqlApiModule, HealthController, READINESS } from '@gongkai/graphql';
import { createLogger, JsonLogger, startTracing } from '@gongkai/observability';
import { MetricsController } from '@gongkai/observability/nest';
import { type DynamicModule, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { READ_MODULES } from '../contexts';
import { RuntimeProvidersModule } from '../runtime-providers.module';
import { BODY_LIMIT_BYTES } from '../start-embedded-platform';
import { GatewayRuntime } from './gateway-runtime';
import type { GatewayProcessConfig } from './process-config';
import type { RunningProcess } from '../run-process';
import { trustProxyOption } from '../trusted-proxies';

@Module({})
class GatewayProcessModule {
  static forGateway(runtime: GatewayRuntime, api: DynamicModule): DynamicModule {
    return {
      module: GatewayProcessModule,
      imports: [RuntimeProvidersModule.forInfrastructure(runtime), api, ...READ_MODULES],
      controllers: [HealthController, MetricsController],
      providers: [{ provide: READINESS, useValue: { check: async () => runtime.readiness() } }],
    };
  }
}

/** The GraphQL gateway as its own process: commands go out over NATS, read models come in from JetStream. */
export const startGateway = async (config: GatewayProcessConfig): Promise<RunningProcess & { readonly graphqlUrl: string }> => {
  const pino = createLogger({ level: config.logLevel, name: 'gongkai-gateway' });
  const logger = new JsonLogger(pino);
  const tracing = startTracing('gongkai-gateway', { keepsAsyncContext: false });
  for (const warning of config.warnings) logger.event('warn', warning, {});
  const runtime = await GatewayRuntime.open(config, logger);
  const accounts = new InMemoryAccountDirectory(config.auth.demoAccounts ? await loadDemoAccounts() : []);
  const api = GraphqlApiModule.forRoot({ production: config.production, tokens: createTokenService(config.auth), accounts, logger, rateLimits: runtime.rateLimits });
  await runtime.startReadModels();
  const app = await NestFactory.create<NestFastifyApplication>(GatewayProcessModule.forGateway(runtime, api), new FastifyAdapter({ bodyLimit: BODY_LIMIT_BYTES, ...trustProxyOption(config.trustedProxies) }), {
    logger,
    abortOnError: false,
  });
  await app.listen({ port: config.port, host: config.host });
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const baseUrl = `http://${config.host}:${port}`;
  logger.event('info', 'gateway ready', { graphql: `${baseUrl}/graphql`, readModels: config.mongodbUri ? 'mongodb' : 'memory' });
  return {
    baseUrl,
    graphqlUrl: `${baseUrl}/graphql`,
    logger,
    close: async () => {
      runtime.beginShutdown();
      await app.close(); // answers the requests in flight
      await runtime.close();
      await tracing.shutdown();
    },
  };
};
