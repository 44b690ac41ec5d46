import type { RecordedEvent } from '@gongkai/event-sourcing';
import type { Actor } from '@gongkai/kernel';
import { deliveryIdOf, type ChannelPublication } from '@gongkai/participation/domain';
import { InMemoryReadStore, ProjectionRunner } from '@gongkai/read-store';
import { WEBHOOK_DELIVERIES, type WebhookDeliveryDocument, WEBHOOKS, type WebhookDocument } from '../webhooks/webhook-documents';
import { webhookDeliveriesProjection } from '../webhooks/webhook-deliveries.projection';
import { channelDeliveryStatistics } from './channel-statistics';
import { deliveryScopeFilter, publicationScopeFilter } from './delivery-visibility';
import { PUBLICATION_CHANNELS, publicationChannelsProjection, type PublicationChannelsDocument } from './publication-channels.projection';
import { publicationChannelsView } from './publication-channels-view';

let position = 0;
const recorded = (streamId: string, type: string, data: object, occurredAt = '2026-03-02T02:00:00.000Z'): RecordedEvent => ({
  id: `event-${++position}`,
  type,
  schemaVersion: 1,
  streamId,
  revision: position,
  globalPosition: position,
  occurredAt,
  data,
  metadata: { actor: { id: 'system:participation.webhooks', roles: ['system'] }, correlationId: 'c', causationId: null },
  prevHash: '0'.repeat(64),
  hash: 'f'.repeat(64),
});

const guide = (n: number, publishedAt: string): ChannelPublication => ({
  reviewId: `review-${n}`,
  context: 'services-catalog',
  category: 'service-guide',
  itemType: 'SERVICE_GUIDE',
  itemId: `item-${n}`,
  itemVersion: 1,
  title: `办事指南 ${n}`,
  agencyCode: '445300',
  departmentCode: 'SERVICE_WINDOW',
  publishedAt,
});
const published = (publication: ChannelPublication) =>
  recorded(`oversight.PublicationReview-${publication.reviewId}`, 'ReviewedVersionPublished', {
    reviewId: publication.reviewId,
    subject: { ...publication, contentHash: 'a'.repeat(64), requestedBy: 'demo-window' },
    publishedAt: publication.publishedAt,
  }, publication.publishedAt);
const webhook = (webhookId: string, name: string) =>
  recorded(`participation.Webhook-${webhookId}`, 'WebhookRegistered', { webhookId, name, url: `https://${webhookId}.example/hook`, contexts: [], categories: [], secret: 'never-shown-to-anyone', registeredBy: 'demo-admin', registeredAt: '2026-01-01T00:00:00.000Z' });
const delivery = (webhookId: string, publication: ChannelPublication, type: string, data: object = {}) => {
  const deliveryId = deliveryIdOf(webhookId, publication.reviewId);
  const base = type === 'WebhookDeliveryScheduled' ? { webhookId, publication, scheduledAt: publication.publishedAt, nextAttemptAt: publication.publishedAt } : {};
  return recorded(`participation.WebhookDelivery-${deliveryId}`, type, { deliveryId, ...base, ...data });
};

/** Guide 1 reaches WeChat after two failures and is dead-lettered, then replayed, at SMS; guide 2 waits for WeChat. */
// Still 2025 in UTC, but 1 January 2026 in Shanghai: a 2026 publication.
const g0 = guide(0, '2025-12-31T17:00:00.000Z');
const g1 = guide(1, '2026-03-02T02:00:00.000Z');
const g2 = guide(2, '2026-03-03T02:00:00.000Z');
const history = (): RecordedEvent[] => [
  webhook('wechat', '微信公众号'),
  webhook('sms', '短信平台'),
  webhook('newspaper', '云浮日报'),
  published(g0),
  published(g1),
  delivery('wechat', g1, 'WebhookDeliveryScheduled'),
  delivery('wechat', g1, 'WebhookDeliveryFailed', { attempt: 1, error: 'HTTP 500', statusCode: 500, attemptedAt: '2026-03-02T02:00:01.000Z', nextAttemptAt: '2026-03-02T02:00:31.000Z' }),
  delivery('wechat', g1, 'WebhookDeliveryFailed', { attempt: 2, error: 'HTTP 502', statusCode: 502, attemptedAt: '2026-03-02T02:00:31.000Z', nextAttemptAt: '2026-03-02T02:01:31.000Z' }),
  delivery('wechat', g1, 'WebhookDeliverySucceeded', { attempt: 3, statusCode: 204, attemptedAt: '2026-03-02T02:01:31.000Z' }),
  delivery('sms', g1, 'WebhookDeliveryScheduled'),
  delivery('sms', g1, 'WebhookDeliveryDeadLettered', { attempt: 1, error: 'TimeoutError', attemptedAt: '2026-03-02T02:00:11.000Z' }),
  delivery('sms', g1, 'WebhookDeliveryReplayRequested', { requestedBy: 'demo-window', requestedAt: '2026-03-02T03:00:00.000Z' }),
  published(g2),
  delivery('wechat', g2, 'WebhookDeliveryScheduled'),
];

const office: Actor = { id: 'demo-office', roles: ['office', 'staff'], agencyCode: '445300', departmentCode: 'OFFICE' };
const supervision: Actor = { id: 'demo-supervision', roles: ['staff'], agencyCode: '445300', departmentCode: 'SUPERVISION' };
const window: Actor = { id: 'demo-window', roles: ['staff'], agencyCode: '445300', departmentCode: 'SERVICE_WINDOW' };

describe('Channel delivery read models', () => {
  let store: InMemoryReadStore;
  const deliveries = () => store.collection<WebhookDeliveryDocument>(WEBHOOK_DELIVERIES);

  beforeEach(async () => {
    store = new InMemoryReadStore();
    await new ProjectionRunner(store, [webhookDeliveriesProjection, publicationChannelsProjection]).start(history());
  });

  it('keeps every subscriber without its secret', async () => {
    const webhooks = await store.collection<WebhookDocument>(WEBHOOKS).find({});
    expect(webhooks.map((w) => w.name).sort()).toEqual(['云浮日报', '微信公众号', '短信平台']);
    expect(JSON.stringify(webhooks)).not.toContain('never-shown-to-anyone');
  });

  it('logs each attempt of a delivery, and a replay takes it out of the dead-letter list', async () => {
    const wechat = (await deliveries().findOne({ _id: deliveryIdOf('wechat', 'review-1') }))!;
    expect(wechat).toMatchObject({ status: 'DELIVERED', attempts: 3, failedAttempts: 2, deliveredAt: '2026-03-02T02:01:31.000Z', webhookName: '微信公众号', publishedYear: 2026 });
    expect(wechat.log.map((line) => [line.attempt, line.outcome, line.statusCode])).toEqual([
      [1, 'FAILED', 500],
      [2, 'FAILED', 502],
      [3, 'DELIVERED', 204],
    ]);
    const sms = (await deliveries().findOne({ _id: deliveryIdOf('sms', 'review-1') }))!;
    expect(sms).toMatchObject({ status: 'PENDING', replays: 1, deadLetteredAt: null });
    expect(sms.log.at(-1)).toMatchObject({ outcome: 'REPLAY_REQUESTED', by: 'demo-window' });
  });

  it('shows staff the deliveries of their own department only; the office all of its agency', async () => {
    expect(await deliveries().count(deliveryScopeFilter(window))).toBe(3);
    expect(await deliveries().count(deliveryScopeFilter(supervision))).toBe(0);
    expect(await deliveries().count(deliveryScopeFilter(office))).toBe(3);
  });

  it('proves the channels of one publication: the feeds at once, each webhook by its delivery record', async () => {
    const record = (await store.collection<PublicationChannelsDocument>(PUBLICATION_CHANNELS).findOne({ _id: 'SERVICE_GUIDE:item-1:1' }))!;
    expect(record).toMatchObject({ feedEntryId: 'tag:gongkai.yfepb.gov.cn,2017:SERVICE_GUIDE/item-1', feeds: ['all', 'services-catalog', 'services-catalog/service-guide'] });
    const logs = await deliveries().find({ 'publication.itemId': 'item-1' }, { sort: { webhookName: 1 } });
    const forPublic = publicationChannelsView(record, logs, false);
    expect(forPublic.channelsDelivered).toEqual(['Atom feeds', '微信公众号']);
    expect(forPublic.deliveries.map((d) => [d.channel, d.status])).toEqual([
      ['ATOM_FEED', 'DELIVERED'],
      ['WEBHOOK', 'DELIVERED'],
    ]);
    expect(publicationChannelsView(record, logs, true).deliveries.map((d) => [d.name, d.status])).toEqual([
      ['Atom feeds', 'DELIVERED'],
      ['微信公众号', 'DELIVERED'],
      ['短信平台', 'PENDING'],
    ]);
  });

  it('counts deliveries by channel and failures for the publications of one Shanghai year', async () => {
    const year2026 = await deliveries().find({ publishedYear: 2026 });
    const publications = await store.collection<PublicationChannelsDocument>(PUBLICATION_CHANNELS).count({ publishedYear: 2026 });
    const statistics = channelDeliveryStatistics(2026, publications, await store.collection<WebhookDocument>(WEBHOOKS).find({}), year2026);
    expect(statistics.publications).toBe(3);
    expect(statistics.channels.map((row) => [row.name, row.deliveries, row.delivered, row.pending, row.deadLettered, row.failedAttempts, row.replays])).toEqual([
      ['Atom feeds', 3, 3, 0, 0, 0, 0],
      ['云浮日报', 0, 0, 0, 0, 0, 0],
      ['微信公众号', 2, 1, 1, 0, 2, 0],
      ['短信平台', 1, 0, 1, 0, 1, 1],
    ]);
    expect(statistics.totals).toEqual({ deliveries: 6, delivered: 4, pending: 2, deadLettered: 0, failedAttempts: 3, replays: 1 });
    expect(await store.collection<PublicationChannelsDocument>(PUBLICATION_CHANNELS).count({ publishedYear: 2025 })).toBe(0);
    // A county bureau's office counts its own agency's publications and deliveries only.
    const countyOffice: Actor = { id: 'county-office', roles: ['office'], agencyCode: '445381', departmentCode: 'OFFICE' };
    expect(await store.collection<PublicationChannelsDocument>(PUBLICATION_CHANNELS).count({ publishedYear: 2026, ...publicationScopeFilter(countyOffice) })).toBe(0);
    expect(await deliveries().count({ publishedYear: 2026, ...deliveryScopeFilter(countyOffice) })).toBe(0);
    expect(await store.collection<PublicationChannelsDocument>(PUBLICATION_CHANNELS).count({ publishedYear: 2026, ...publicationScopeFilter(office) })).toBe(3);
  });
});
