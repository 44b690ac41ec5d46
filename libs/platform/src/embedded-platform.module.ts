import type { AccountDirectory, TokenService } from '@gongkai/auth';
import { GraphqlApiModule, HealthController, inProcessRateLimits, READINESS } from '@gongkai/graphql';
import type { JsonLogger } from '@gongkai/observability';
import { MetricsController } from '@gongkai/observability/nest';
import { type DynamicModule, Module } from '@nestjs/common';
import { READ_MODULES, SERVICE_MODULES } from './contexts';
import type { EmbeddedRuntime } from './embedded-runtime';
import { RuntimeProvidersModule } from './runtime-providers.module';

export interface EmbeddedPlatformDependencies {
  readonly runtime: EmbeddedRuntime;
  readonly production: boolean;
  readonly tokens: TokenService;
  readonly accounts: AccountDirectory;
  readonly logger: JsonLogger;
}

/** Every context's write and read side and the gateway, in one process. */
@Module({})
export class EmbeddedPlatformModule {
  static forRoot(dependencies: EmbeddedPlatformDependencies): DynamicModule {
    const { runtime, production, tokens, accounts, logger } = dependencies;
    return {
      module: EmbeddedPlatformModule,
      imports: [
        RuntimeProvidersModule.forInfrastructure(runtime),
        GraphqlApiModule.forRoot({ production, tokens, accounts, logger, rateLimits: inProcessRateLimits }),
        ...Object.values(SERVICE_MODULES),
        ...READ_MODULES,
      ],
      controllers: [HealthController, MetricsController],
      providers: [{ provide: READINESS, useValue: { check: async () => runtime.readiness() } }],
    };
  }
}
