import { HealthController, READINESS } from '@gongkai/graphql';
import { createLogger, JsonLogger, startTracing } from '@gongkai/observability';
import { MetricsController } from '@gongkai/observability/nest';
import { type DynamicModule, Module, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { RunningProcess } from '../run-process';
import { RuntimeProvidersModule } from '../runtime-providers.module';
import type { ServiceProcessConfig } from './process-config';
import { ServiceRuntime } from './service-runtime';


@Module({})
class ServiceProcessModule {
  static forService(runtime: ServiceRuntime, serviceModule: DynamicModule | Type): DynamicModule {
    return {
      module: ServiceProcessModule,
      imports: [RuntimeProvidersModule.forInfrastructure(runtime), serviceModule],
      controllers: [HealthController, MetricsController],
      providers: [{ provide: READINESS, useValue: { check: async () => runtime.readiness() } }],
    };
  }
}

/** One bounded context as its own process: commands from its NATS queue group, events to JetStream. */
export const startContextService = async (config: ServiceProcessConfig, serviceModule: DynamicModule | Type): Promise<RunningProcess> => {
  const logger = new JsonLogger(createLogger({ level: config.logLevel, name: `gongkai-${config.context}` }));
  const tracing = startTracing(`gongkai-${config.context}`, { keepsAsyncContext: true });
  for (const warning of config.warnings) logger.event('warn', warning, { context: config.context });
  const runtime = await ServiceRuntime.open(config, logger);
  await runtime.followCalendar(logger);
  const app = await NestFactory.create<NestFastifyApplication>(ServiceProcessModule.forService(runtime, serviceModule), new FastifyAdapter(), { logger, abortOnError: false });
  await app.init();
  await runtime.startRelay();
  await app.listen({ port: config.port, host: config.host });
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const baseUrl = `http://${config.host}:${port}`;
  logger.event('info', 'service ready', { context: config.context, health: `${baseUrl}/health/ready`, store: config.eventStore.kind });
  return {
    baseUrl,
    logger,
    close: async () => {
      runtime.beginShutdown();
      await runtime.commands.close(); // stops taking commands, answers those in flight
      await app.close(); // process managers stop after the event in hand
      await runtime.close();
      await tracing.shutdown();
    },
  };
};
