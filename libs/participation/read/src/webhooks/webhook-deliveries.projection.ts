import { localDateOf } from '@gongkai/calendar';
import type { RecordedEvent } from '@gongkai/event-sourcing';
import type { WebhookDeliveryEvent, WebhookEvent } from '@gongkai/participation/domain';
import type { Projection, ReadStore } from '@gongkai/read-store';
import { type DeliveryLogEntry, WEBHOOK_DELIVERIES, type WebhookDeliveryDocument, WEBHOOKS, type WebhookDocument } from './webhook-documents';

type DeliveryEventOf<T extends WebhookDeliveryEvent['type']> = Extract<WebhookDeliveryEvent, { type: T }>['data'];

/** The year of a publication instant as the bureau counts it: Asia/Shanghai. */
export const publishedYearOf = (publishedAt: string): number => Number(localDateOf(new Date(publishedAt)).slice(0, 4));

const entry = (change: Partial<DeliveryLogEntry> & Pick<DeliveryLogEntry, 'at' | 'outcome'>): DeliveryLogEntry => ({ attempt: null, statusCode: null, error: null, by: null, ...change });

/** Subscribers (without their secrets) and the delivery log of every publication to each of them. */
export const webhookDeliveriesProjection: Projection = {
  name: 'participation.webhook-deliveries',
  version: 1,
  collections: [WEBHOOKS, WEBHOOK_DELIVERIES],
  indexes: {
    [WEBHOOK_DELIVERIES]: [
      { keys: { webhookId: 1, scheduledAt: -1 } },
      { keys: { status: 1, scheduledAt: -1 } },
      { keys: { 'publication.itemType': 1, 'publication.itemId': 1, 'publication.itemVersion': 1 } },
      { keys: { publishedYear: 1 } },
    ],
  },
  handles: ['WebhookRegistered', 'WebhookDeliveryScheduled', 'WebhookDeliveryFailed', 'WebhookDeliverySucceeded', 'WebhookDeliveryDeadLettered', 'WebhookDeliveryReplayRequested'],

  async apply(event: RecordedEvent, store: ReadStore): Promise<void> {
    const deliveries = store.collection<WebhookDeliveryDocument>(WEBHOOK_DELIVERIES);
    const type = event.type as WebhookEvent['type'] | WebhookDeliveryEvent['type'];
    switch (type) {
      case 'WebhookRegistered': {
        // The secret is deliberately left behind: no read model can show it.
        const { webhookId, name, url, contexts, categories, registeredBy, registeredAt } = event.data as WebhookEvent['data'];
        await store.collection<WebhookDocument>(WEBHOOKS).replaceOne({ _id: webhookId }, { _id: webhookId, name, url, contexts, categories, registeredBy, registeredAt }, { upsert: true });
        return;
      }
      case 'WebhookDeliveryScheduled': {
        const data = event.data as DeliveryEventOf<'WebhookDeliveryScheduled'>;
        const webhook = await store.collection<WebhookDocument>(WEBHOOKS).findOne({ _id: data.webhookId });
        await deliveries.replaceOne(
          { _id: data.deliveryId },
          {
            _id: data.deliveryId,
            webhookId: data.webhookId,
            webhookName: webhook?.name ?? data.webhookId,
            publication: data.publication,
            publishedYear: publishedYearOf(data.publication.publishedAt),
            status: 'PENDING',
            attempts: 0,
            failedAttempts: 0,
            replays: 0,
            scheduledAt: data.scheduledAt,
            nextAttemptAt: data.nextAttemptAt,
            deliveredAt: null,
            deadLetteredAt: null,
            lastError: null,
            log: [],
          },
          { upsert: true },
        );
        return;
      }
      case 'WebhookDeliveryFailed': {
        const data = event.data as DeliveryEventOf<'WebhookDeliveryFailed'>;
        await deliveries.updateOne(
          { _id: data.deliveryId },
          {
            $set: { attempts: data.attempt, nextAttemptAt: data.nextAttemptAt, lastError: data.error },
            $inc: { failedAttempts: 1 },
            $push: { log: entry({ attempt: data.attempt, at: data.attemptedAt, outcome: 'FAILED', statusCode: data.statusCode ?? null, error: data.error }) },
          },
        );
        return;
      }
      case 'WebhookDeliverySucceeded': {
        const data = event.data as DeliveryEventOf<'WebhookDeliverySucceeded'>;
        await deliveries.updateOne(
          { _id: data.deliveryId },
          {
            $set: { status: 'DELIVERED', attempts: data.attempt, nextAttemptAt: null, deliveredAt: data.attemptedAt },
            $push: { log: entry({ attempt: data.attempt, at: data.attemptedAt, outcome: 'DELIVERED', statusCode: data.statusCode }) },
          },
        );
        return;
      }
      case 'WebhookDeliveryDeadLettered': {
        const data = event.data as DeliveryEventOf<'WebhookDeliveryDeadLettered'>;
        await deliveries.updateOne(
          { _id: data.deliveryId },
          {
            $set: { status: 'DEAD_LETTER', attempts: data.attempt, nextAttemptAt: null, deadLetteredAt: data.attemptedAt, lastError: data.error },
            $inc: { failedAttempts: 1 },
            $push: { log: entry({ attempt: data.attempt, at: data.attemptedAt, outcome: 'DEAD_LETTER', statusCode: data.statusCode ?? null, error: data.error }) },
          },
        );
        return;
      }
      case 'WebhookDeliveryReplayRequested': {
        const data = event.data as DeliveryEventOf<'WebhookDeliveryReplayRequested'>;
        await deliveries.updateOne(
          { _id: data.deliveryId },
          {
            $set: { status: 'PENDING', nextAttemptAt: data.requestedAt, deadLetteredAt: null },
            $inc: { replays: 1 },
            $push: { log: entry({ at: data.requestedAt, outcome: 'REPLAY_REQUESTED', by: data.requestedBy }) },
          },
        );
        return;
      }
    }
  },
};
