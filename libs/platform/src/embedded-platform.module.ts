import type { AccountDirectory, TokenService } from '@gongkai/auth';
import { GraphqlApiModule, HealthController, READINESS } from '@gongkai/graphql';
import type { JsonLogger } from '@gongkai/observability';
import { MetricsController } from '@gongkai/observability/nest';
import { DecisionsReadModule } from '@gongkai/decisions/read';
import { DecisionsServiceModule } from '@gongkai/decisions/service';
import { OversightReadModule } from '@gongkai/oversight/read';
import { OversightServiceModule } from '@gongkai/oversight/service';
import { RequestsReadModule } from '@gongkai/requests/read';
import { RequestsServiceModule } from '@gongkai/requests/service';
import { ServicesCatalogReadModule } from '@gongkai/services-catalog/read';
import { ServicesCatalogServiceModule } from '@gongkai/services-catalog/service';
import { type DynamicModule, Module } from '@nestjs/common';
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
        RuntimeProvidersModule.forRuntime(runtime),
        GraphqlApiModule.forRoot({ production, tokens, accounts, logger }),
        ServicesCatalogServiceModule,
        OversightServiceModule,
        RequestsServiceModule,
        DecisionsServiceModule,
        ServicesCatalogReadModule,
        OversightReadModule,
        RequestsReadModule,
        DecisionsReadModule,
      ],
      controllers: [HealthController, MetricsController],
      providers: [{ provide: READINESS, useValue: { check: async () => runtime.readiness() } }],
    };
  }
}
