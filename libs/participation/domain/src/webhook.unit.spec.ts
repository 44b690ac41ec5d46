import type { Actor } from '@gongkai/kernel';
import { DeciderSpecification } from '@gongkai/kernel/testing';
import type { ChannelPublication } from './channel-publication';
import { deliveryIdOf, requireWebhookSecret, retryDelayMs, webhookDecider, type WebhookCommand, webhookDeliveryDecider, webhookSecretKeyOf } from './webhook-commands';
import type { WebhookDeliveryEvent } from './webhook-events';

const admin: Actor = { id: 'demo-admin', roles: ['admin'], agencyCode: '445300' };
const office: Actor = { id: 'demo-office', roles: ['office', 'staff'], agencyCode: '445300', departmentCode: 'OFFICE' };
const window: Actor = { id: 'demo-window', roles: ['staff'], agencyCode: '445300', departmentCode: 'SERVICE_WINDOW' };
const supervision: Actor = { id: 'demo-supervision', roles: ['staff'], agencyCode: '445300', departmentCode: 'SUPERVISION' };

/** What the vault writes; the decider sees only this, never the secret. */
const sealedSecret = { keyId: webhookSecretKeyOf('w1'), ciphertext: 'pd1.aXY.dGFn.c2VjcmV0' };

const register = (change: Record<string, unknown> = {}): WebhookCommand =>
  ({ type: 'RegisterWebhook', data: { webhookId: 'w1', name: '微信公众号', url: 'https://wechat.example/hook', sealedSecret, contexts: ['services-catalog'], ...change } }) as unknown as WebhookCommand;

describe('Webhook subscriber', () => {
  const given = DeciderSpecification.for(webhookDecider);

  it('is registered by an admin with its filters', () => {
    expect(given([]).when(register(), { actor: admin }).events()).toEqual([
      {
        type: 'WebhookRegistered',
        data: { webhookId: 'w1', name: '微信公众号', url: 'https://wechat.example/hook', contexts: ['services-catalog'], categories: [], sealedSecret, registeredBy: 'demo-admin', registeredAt: '2026-03-02T02:00:00.000Z' },
      },
    ]);
  });

  it.each([
    ['a URL that is not http(s)', { url: 'ftp://wechat.example/hook' }, 'NOT_URL'],
    ['a secret in clear', { sealedSecret: 'sixteen-chars-or-more' }, 'SECRET_NOT_SEALED'],
    ['a secret sealed under another webhook’s key', { sealedSecret: { ...sealedSecret, keyId: webhookSecretKeyOf('w2') } }, 'SECRET_NOT_SEALED'],
    ['a filter that is not a context or category name', { categories: ['Service Guide'] }, 'INVALID_FILTER'],
    ['the instance metadata address', { url: 'http://169.254.169.254/latest/meta-data/' }, 'WEBHOOK_ADDRESS_LINK_LOCAL'],
    ['an IPv6 link-local address', { url: 'http://[fe80::1]:8080/hook' }, 'WEBHOOK_ADDRESS_LINK_LOCAL'],
    ['an IPv4-mapped link-local address', { url: 'http://[::ffff:169.254.169.254]/' }, 'WEBHOOK_ADDRESS_LINK_LOCAL'],
  ])('refuses %s', (_, change, rule) => {
    given([]).when(register(change), { actor: admin }).thenThrows('BAD_USER_INPUT', rule);
  });

  it('refuses a secret shorter than 16 characters at the edge, before it is sealed', () => {
    expect(() => requireWebhookSecret('short')).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', rule: 'SECRET_TOO_SHORT' }));
    expect(requireWebhookSecret('sixteen-chars-or-more')).toBe('sixteen-chars-or-more');
  });

  it('accepts a subscriber on the bureau’s own network', () => {
    expect(given([]).when(register({ url: 'http://127.0.0.1:8080/hook' }), { actor: admin }).events()).toHaveLength(1);
  });

  it('is for admins only', () => {
    given([]).when(register(), { actor: office }).thenThrows('FORBIDDEN', 'ROLE_REQUIRED');
  });
});

describe('Webhook delivery', () => {
  const given = DeciderSpecification.for(webhookDeliveryDecider);
  const publication: ChannelPublication = {
    reviewId: 'review-1',
    context: 'services-catalog',
    category: 'service-guide',
    itemType: 'SERVICE_GUIDE',
    itemId: 'item-1',
    itemVersion: 1,
    title: '排污许可证核发',
    agencyCode: '445300',
    departmentCode: 'SERVICE_WINDOW',
    publishedAt: '2026-03-02T02:00:00.000Z',
  };
  const deliveryId = deliveryIdOf('w1', 'review-1');
  const scheduled: WebhookDeliveryEvent = { type: 'WebhookDeliveryScheduled', data: { deliveryId, webhookId: 'w1', publication, scheduledAt: '2026-03-02T02:00:00.000Z', nextAttemptAt: '2026-03-02T02:00:00.000Z' } };
  const deadLettered: WebhookDeliveryEvent = { type: 'WebhookDeliveryDeadLettered', data: { deliveryId, attempt: 3, error: 'timeout', attemptedAt: '2026-03-02T02:01:00.000Z' } };
  const replay = { type: 'ReplayWebhookDelivery' as const, data: { deliveryId } };

  it('backs off exponentially', () => {
    expect([1, 2, 3].map((attempt) => retryDelayMs({ baseDelayMs: 100, maxAttempts: 4 }, attempt))).toEqual([100, 200, 400]);
  });

  it('is replayed once dead-lettered, by staff of the publishing department, the office or an admin', () => {
    const requested = { type: 'WebhookDeliveryReplayRequested', data: { deliveryId, requestedBy: 'demo-window', requestedAt: '2026-03-02T02:00:00.000Z' } };
    given([scheduled, deadLettered]).when(replay, { actor: window }).then([requested as WebhookDeliveryEvent]);
    expect(given([scheduled, deadLettered]).when(replay, { actor: office }).events()).toHaveLength(1);
    given([scheduled, deadLettered]).when(replay, { actor: supervision }).thenThrows('FORBIDDEN', 'OUTSIDE_DEPARTMENT_SCOPE');
    given([scheduled, deadLettered]).when(replay, { actor: { id: 'anonymous', roles: ['public'] } }).thenThrows('UNAUTHENTICATED', 'ROLE_REQUIRED');
  });

  it('replays only what is dead-lettered', () => {
    given([scheduled]).when(replay, { actor: admin }).thenThrows('CONFLICT', 'DELIVERY_NOT_DEAD_LETTERED');
    given([]).when(replay, { actor: admin }).thenThrows('NOT_FOUND', 'WEBHOOK_DELIVERY_NOT_FOUND');
  });
});
