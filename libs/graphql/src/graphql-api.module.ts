import type { AccountDirectory, TokenService } from '@gongkai/auth';
import type { JsonLogger } from '@gongkai/observability';
import { type DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { MercuriusDriver, type MercuriusDriverConfig } from '@nestjs/mercurius';
import { ACCOUNT_DIRECTORY, AuthResolver, TOKEN_SERVICE } from './auth.resolver';
import { AuthenticationGuard } from './authentication.guard';
import { mercuriusErrorFormatter } from './error-formatting';
import { ParkedEventsResolver } from './parked-events.resolver';
import { gatewayContextFactory } from './gateway-context';
import { hardeningRules } from './hardening';
import { InstantScalar } from './instant.scalar';
import { LocalDateScalar } from './local-date.scalar';
import { withoutPropertyResolvers } from './plain-field-resolvers';
import { RateLimitGuard } from './rate-limit';
import { RATE_LIMIT_STORE, type RateLimitStore } from './rate-limit-store';

export interface GraphqlApiOptions {
  /** NODE_ENV=production: no introspection, no field suggestions, no GraphiQL. */
  readonly production: boolean;
  readonly tokens: TokenService;
  readonly accounts: AccountDirectory;
  readonly logger: JsonLogger;
  /** Where `@RateLimited` counts calls: in this process, or shared by every gateway replica. */
  readonly rateLimits: RateLimitStore;
}

/**
 * The GraphQL endpoint at /graphql: Mercurius with graphql-jit (chosen by measurement, see
 * docs/adr/0002), hardened as the OWASP GraphQL cheat sheet asks.
 */
@Module({})
export class GraphqlApiModule {
  static forRoot(options: GraphqlApiOptions): DynamicModule {
    return {
      module: GraphqlApiModule,
      global: true,
      imports: [
        GraphQLModule.forRoot<MercuriusDriverConfig>({
          driver: MercuriusDriver,
          autoSchemaFile: true,
          sortSchema: true,
          path: '/graphql',
          graphiql: !options.production,
          jit: 1,
          // Plain fields read as graphql-jit reads fields without resolver: see plain-field-resolvers.ts.
          transformSchema: withoutPropertyResolvers,
          allowBatchedQueries: false,
          validationRules: hardeningRules(options.production),
          errorFormatter: mercuriusErrorFormatter(options.production, (error, correlationId) => options.logger.event('error', 'resolver failed', { error: String(error), correlationId })),
          context: gatewayContextFactory(options.tokens),
        }),
      ],
      providers: [
        AuthResolver,
        ParkedEventsResolver,
        LocalDateScalar,
        InstantScalar,
        { provide: TOKEN_SERVICE, useValue: options.tokens },
        { provide: ACCOUNT_DIRECTORY, useValue: options.accounts },
        { provide: APP_GUARD, useClass: AuthenticationGuard },
        { provide: RATE_LIMIT_STORE, useValue: options.rateLimits },
        { provide: APP_GUARD, useClass: RateLimitGuard },
      ],
      exports: [TOKEN_SERVICE],
    };
  }
}
