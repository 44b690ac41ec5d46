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

/**
 * The GraphQL context of a resolver call. A query's, mutation's or field's resolver gets
 * (parent, args, context, info), with the context third: read where it is, without building
 * Nest's GraphQL execution context on every guard and parameter; any other shape of call goes
 * through Nest's own reading.
 */
export const gatewayContextOf = (context: ExecutionContext): GatewayContext => {
  const args = context.getArgs();
  if (args.length === 4 && isResolveInfo(args[3])) return args[2] as GatewayContext;
  return GqlExecutionContext.create(context).getContext<GatewayContext>();
};

const isResolveInfo = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && typeof (value as { fieldName?: unknown }).fieldName === 'string' && 'returnType' in value && 'parentType' in value;

/** The authenticated actor, or the anonymous public. */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => gatewayContextOf(context).actor);

export const CurrentRequest = createParamDecorator((_: unknown, context: ExecutionContext): GatewayContext => gatewayContextOf(context));
