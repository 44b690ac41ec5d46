import { type CanActivate, type ExecutionContext, Inject, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { rateLimited } from './error-formatting';
import { RATE_LIMIT_STORE, type RateLimit, RateLimiters, type RateLimitStore } from './rate-limit-store';
import { gatewayContextOf } from './request-context';

const RATE_LIMIT = Symbol('RateLimit');

/** Marks a mutation that anonymous callers may use, so flooding it is refused per client. */
export const RateLimited = (limit: RateLimit): MethodDecorator => SetMetadata(RATE_LIMIT, limit);

@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly limiters: RateLimiters;

  constructor(
    private readonly reflector: Reflector,
    @Inject(RATE_LIMIT_STORE) store: RateLimitStore,
  ) {
    this.limiters = new RateLimiters(store);
  }

  /** Synchronous for the many resolvers without a limit: no promise to settle on every query. */
  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    const limit = this.reflector.get<RateLimit | undefined>(RATE_LIMIT, context.getHandler());
    if (!limit || context.getType<string>() !== 'graphql') return true;
    return this.consume(limit, gatewayContextOf(context).clientKey);
  }

  private async consume(limit: RateLimit, clientKey: string): Promise<boolean> {
    const outcome = await this.limiters.consume(limit, clientKey);
    if (!outcome.allowed) throw rateLimited(`${limit.name.toUpperCase()}_RATE_LIMITED`, outcome.retryAfterSeconds);
    return true;
  }
}
