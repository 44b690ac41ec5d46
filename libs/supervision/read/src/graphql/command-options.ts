import type { CommandOptions, GatewayContext } from '@gongkai/graphql';

/** The caller's idempotency key and, where the law or the user says why, the reason for the history. */
export const commandOptions = (request: GatewayContext, reason?: string): CommandOptions => ({
  ...(request.idempotencyKey ? { idempotencyKey: request.idempotencyKey } : {}),
  ...(reason ? { reason } : {}),
});
