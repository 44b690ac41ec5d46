import type { Actor, DomainError } from '@gongkai/kernel';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';

/** What the gateway knows about the caller of one GraphQL request. */
export interface GatewayContext {
  readonly actor: Actor;
  /** The client's address: the key of per-client rate limits. Never logged with personal data. */
  readonly clientKey: string;
  readonly correlationId: string;
  /** From the `Idempotency-Key` header: a retried mutation with the same key takes effect once. */
  readonly idempotencyKey?: string;
  /** W3C trace context the client sent (traceparent, tracestate), continued by the command's span. */
  readonly traceHeaders?: Readonly<Record<string, string>>;
  /** A bad token or header: raised by AuthenticationGuard, so that it reaches the caller as a GraphQL error. */
  readonly refusal?: DomainError;
}

export const gatewayContextOf = (context: ExecutionContext): GatewayContext => GqlExecutionContext.create(context).getContext<GatewayContext>();

/** The authenticated actor, or the anonymous public. */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => gatewayContextOf(context).actor);

export const CurrentRequest = createParamDecorator((_: unknown, context: ExecutionContext): GatewayContext => gatewayContextOf(context));
