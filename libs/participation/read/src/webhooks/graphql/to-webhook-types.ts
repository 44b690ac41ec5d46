import { toPublishedItem } from '../../channels/graphql/published-item.type';
import type { WebhookDeliveryDocument, WebhookDocument } from '../webhook-documents';
import type { Webhook, WebhookDelivery } from './webhook.types';

export const toWebhook = (webhook: WebhookDocument): Webhook => ({
  id: webhook._id,
  name: webhook.name,
  url: webhook.url,
  contexts: [...webhook.contexts],
  categories: [...webhook.categories],
  registeredBy: webhook.registeredBy,
  registeredAt: webhook.registeredAt,
});

export const toWebhookDelivery = (delivery: WebhookDeliveryDocument): WebhookDelivery => ({
  id: delivery._id,
  webhookId: delivery.webhookId,
  webhookName: delivery.webhookName,
  status: delivery.status,
  publication: toPublishedItem(delivery.publication),
  attempts: delivery.attempts,
  failedAttempts: delivery.failedAttempts,
  replays: delivery.replays,
  scheduledAt: delivery.scheduledAt,
  nextAttemptAt: delivery.nextAttemptAt,
  deliveredAt: delivery.deliveredAt,
  deadLetteredAt: delivery.deadLetteredAt,
  lastError: delivery.lastError,
  log: delivery.log.map((line) => ({ ...line })),
});
