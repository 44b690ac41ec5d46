import type { Actor } from '@gongkai/kernel';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';

/** What the gateway knows about the caller of one GraphQL request. */
export interface GatewayContext {
  readonly actor: Actor;
  /** The client's address: the key of per-client rate limits. Never logged with personal data. */
  readonly clientKey: string;
  readonly correlationId: string;
}

export const gatewayContextOf = (context: ExecutionContext): GatewayContext => GqlExecutionContext.create(context).getContext<GatewayContext>();

/** The authenticated actor, or the anonymous public. */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => gatewayContextOf(context).actor);

export const CurrentRequest = createParamDecorator((_: unknown, context: ExecutionContext): GatewayContext => gatewayContextOf(context));
