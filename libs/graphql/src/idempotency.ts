import { randomUUID } from 'node:crypto';
import { sha256Hex } from '@gongkai/kernel';
import type { GatewayContext } from './request-context';

/**
 * The id of a new aggregate: fresh, or, when the caller sent an idempotency key, derived from the
 * caller and the key so that a retried creation addresses the same aggregate instead of a second one.
 */
export const newAggregateId = (request: GatewayContext, purpose: string): string => {
  if (!request.idempotencyKey) return randomUUID();
  const h = sha256Hex(`${purpose}:${request.actor.id}:${request.idempotencyKey}`);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
};
