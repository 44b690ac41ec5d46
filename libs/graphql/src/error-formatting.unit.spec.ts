import { DomainError } from '@gongkai/kernel';
import { GraphQLError } from 'graphql';
import { mercuriusErrorFormatter } from './error-formatting';

const resolverError = (cause: Error, field = 'serviceItem'): GraphQLError => new GraphQLError(cause.message, { originalError: cause, path: [field] });

describe('GraphQL errors as callers see them', () => {
  const logged: { error: unknown; correlationId: string | undefined }[] = [];
  const format = mercuriusErrorFormatter(true, (error, correlationId) => logged.push({ error, correlationId }));
  beforeEach(() => logged.splice(0));

  it('answers a rule the caller broke with its code, rule and details, and logs nothing', () => {
    const refused = new DomainError('CONFLICT', 'VERSION_MISMATCH', 'Version 2 is not the current one.', { currentVersion: 3 });
    const { statusCode, response } = format({ data: { reviseServiceItem: null }, errors: [resolverError(refused, 'reviseServiceItem')] }, { correlationId: 'corr-1' });
    expect(statusCode).toBe(200);
    expect(response.errors).toEqual([{ message: 'Version 2 is not the current one.', path: ['reviseServiceItem'], locations: undefined, extensions: { code: 'CONFLICT', rule: 'VERSION_MISMATCH', currentVersion: 3 } }]);
    expect(logged).toEqual([]);
  });

  it('answers a failure of ours with 500, no detail, and the correlation id the operator finds in the log', () => {
    const failure = new Error('connection to /var/lib/gongkai/events.db lost');
    const { statusCode, response } = format({ data: null, errors: [resolverError(failure)] }, { correlationId: 'corr-2' });
    expect(statusCode).toBe(500);
    expect(response.errors).toEqual([{ message: 'Internal server error.', path: ['serviceItem'], locations: undefined, extensions: { code: 'INTERNAL_SERVER_ERROR', correlationId: 'corr-2' } }]);
    expect(JSON.stringify(response)).not.toContain('events.db');
    expect(logged).toEqual([{ error: failure, correlationId: 'corr-2' }]);
  });

  it('names no correlation id when the request never got a context', () => {
    const { response } = format({ data: null, errors: [resolverError(new Error('boom'))] });
    expect(response.errors?.[0].extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    expect(logged).toEqual([{ error: expect.any(Error), correlationId: undefined }]);
  });

  it('refuses an invalid request with 400 and, in production, without suggesting field names', () => {
    const invalid = new GraphQLError('Cannot query field "nam" on type "ServiceItem". Did you mean "name"?');
    const { statusCode, response } = format({ errors: [invalid] }, { correlationId: 'corr-3' });
    expect(statusCode).toBe(400);
    expect(response.errors).toEqual([{ message: 'Cannot query field "nam" on type "ServiceItem".', path: undefined, locations: undefined, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }]);
  });

  it('answers 429 when a rate limit refused the request', () => {
    const limited = new DomainError('RATE_LIMITED', 'COMMENTS_PER_MINUTE', 'Too many requests: try again in 30 s.', { retryAfterSeconds: 30 });
    const { statusCode, response } = format({ data: null, errors: [resolverError(limited, 'submitComment')] }, { correlationId: 'corr-4' });
    expect(statusCode).toBe(429);
    expect(response.errors?.[0].extensions).toEqual({ code: 'RATE_LIMITED', rule: 'COMMENTS_PER_MINUTE', retryAfterSeconds: 30 });
  });
});
