import { randomUUID } from 'node:crypto';
import { invalidToken, type TokenService } from '@gongkai/auth';
import { ANONYMOUS, badInput, type DomainError, isDomainError } from '@gongkai/kernel';
import type { FastifyRequest } from 'fastify';
import type { GatewayContext } from './request-context';

const SAFE_HEADER_VALUE = /^[A-Za-z0-9._:-]{1,128}$/;

const headerValue = (request: FastifyRequest, name: string): string | undefined => {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
};

const actorOf = async (tokens: TokenService, authorization: string | undefined) => {
  if (authorization === undefined) return ANONYMOUS;
  const match = /^Bearer (\S+)$/.exec(authorization);
  if (!match) throw invalidToken('The Authorization header must be `Bearer <token>`.');
  return tokens.verify(match[1]);
};

/**
 * Builds the GraphQL context of one request: who calls, from where, under which correlation id.
 * It never throws (Mercurius would answer outside GraphQL's error format): a refusal is recorded
 * and raised by AuthenticationGuard before any resolver runs.
 */
export const gatewayContextFactory =
  (tokens: TokenService) =>
  async (request: FastifyRequest): Promise<GatewayContext> => {
    let actor = ANONYMOUS;
    let refusal: DomainError | undefined;
    const authorization = headerValue(request, 'authorization');
    // The public sends no token: nothing to wait for.
    if (authorization !== undefined) {
      try {
        actor = await actorOf(tokens, authorization);
      } catch (error) {
        if (!isDomainError(error)) throw error;
        refusal = error;
      }
    }
    const correlation = headerValue(request, 'x-correlation-id');
    const idempotencyKey = headerValue(request, 'idempotency-key');
    if (idempotencyKey !== undefined && !SAFE_HEADER_VALUE.test(idempotencyKey)) {
      refusal ??= badInput('INVALID_IDEMPOTENCY_KEY', 'Idempotency-Key must be 1 to 128 letters, digits or . _ : -', { field: 'Idempotency-Key' });
    }
    let traceHeaders: Record<string, string> | undefined;
    for (const name of TRACE_HEADERS) {
      const value = headerValue(request, name);
      if (value && value.length <= 512) (traceHeaders ??= {})[name] = value;
    }
    const context: Mutable<GatewayContext> = { actor, clientKey: request.ip } as Mutable<GatewayContext>;
    if (traceHeaders) context.traceHeaders = traceHeaders;
    context.correlationId = correlation && SAFE_HEADER_VALUE.test(correlation) ? correlation : randomUUID();
    if (idempotencyKey && !refusal) context.idempotencyKey = idempotencyKey;
    if (refusal) context.refusal = refusal;
    return context;
  };

const TRACE_HEADERS = ['traceparent', 'tracestate'] as const;

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
