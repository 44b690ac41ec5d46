import { type CanActivate, type ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { rateLimited } from './error-formatting';
import { gatewayContextOf } from './request-context';

/** How often one client may call one mutation: `points` calls per `durationSeconds`. */
export interface RateLimit {
  readonly name: string;
  readonly points: number;
  readonly durationSeconds: number;
}

const RATE_LIMIT = Symbol('RateLimit');

/** Marks a mutation that anonymous callers may use, so flooding it is refused per client. */
export const RateLimited = (limit: RateLimit): MethodDecorator => SetMetadata(RATE_LIMIT, limit);

@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly limiters = new Map<string, RateLimiterMemory>();

  constructor(private readonly reflector: Reflector) {}

  /** Synchronous for the many resolvers without a limit: no promise to settle on every query. */
  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    const limit = this.reflector.get<RateLimit | undefined>(RATE_LIMIT, context.getHandler());
    if (!limit || context.getType<string>() !== 'graphql') return true;
    return this.consume(limit, gatewayContextOf(context).clientKey);
  }

  private async consume(limit: RateLimit, clientKey: string): Promise<boolean> {
    try {
      await this.limiterFor(limit).consume(clientKey);
      return true;
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) throw rateLimited(`${limit.name.toUpperCase()}_RATE_LIMITED`, Math.ceil(rejection.msBeforeNext / 1000));
      throw rejection;
    }
  }

  private limiterFor(limit: RateLimit): RateLimiterMemory {
    let limiter = this.limiters.get(limit.name);
    if (!limiter) {
      limiter = new RateLimiterMemory({ keyPrefix: limit.name, points: limit.points, duration: limit.durationSeconds });
      this.limiters.set(limit.name, limiter);
    }
    return limiter;
  }
}
