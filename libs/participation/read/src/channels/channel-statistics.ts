import type { WebhookDeliveryDocument, WebhookDocument } from '../webhooks/webhook-documents';

export type ChannelKind = 'ATOM_FEED' | 'WEBHOOK';

export interface ChannelFigures {
  readonly deliveries: number;
  readonly delivered: number;
  readonly pending: number;
  readonly deadLettered: number;
  /** Attempts that failed, including those that were retried successfully afterwards. */
  readonly failedAttempts: number;
  readonly replays: number;
}

export interface ChannelRow extends ChannelFigures {
  readonly channel: ChannelKind;
  readonly webhookId: string | null;
  readonly name: string;
}

export interface ChannelDeliveryStatistics {
  readonly year: number;
  readonly publications: number;
  readonly channels: readonly ChannelRow[];
  readonly totals: ChannelFigures;
}

const ZERO: ChannelFigures = { deliveries: 0, delivered: 0, pending: 0, deadLettered: 0, failedAttempts: 0, replays: 0 };

const add = (figures: ChannelFigures, delivery: WebhookDeliveryDocument): ChannelFigures => ({
  deliveries: figures.deliveries + 1,
  delivered: figures.delivered + (delivery.status === 'DELIVERED' ? 1 : 0),
  pending: figures.pending + (delivery.status === 'PENDING' ? 1 : 0),
  deadLettered: figures.deadLettered + (delivery.status === 'DEAD_LETTER' ? 1 : 0),
  failedAttempts: figures.failedAttempts + delivery.failedAttempts,
  replays: figures.replays + delivery.replays,
});

const sum = (rows: readonly ChannelFigures[]): ChannelFigures =>
  rows.reduce(
    (total, row) => ({
      deliveries: total.deliveries + row.deliveries,
      delivered: total.delivered + row.delivered,
      pending: total.pending + row.pending,
      deadLettered: total.deadLettered + row.deadLettered,
      failedAttempts: total.failedAttempts + row.failedAttempts,
      replays: total.replays + row.replays,
    }),
    ZERO,
  );

/**
 * Deliveries by channel for the publications of one year: the Atom feeds list every publication
 * the moment it is published (their read model applies the publication itself), each webhook
 * subscriber has its own delivery log. Every subscriber is listed, those with nothing to do too.
 */
export const channelDeliveryStatistics = (
  year: number,
  publications: number,
  webhooks: readonly WebhookDocument[],
  deliveries: readonly WebhookDeliveryDocument[],
): ChannelDeliveryStatistics => {
  const feed: ChannelRow = { channel: 'ATOM_FEED', webhookId: null, name: 'Atom feeds', ...ZERO, deliveries: publications, delivered: publications };
  const byWebhook = new Map<string, ChannelFigures>(webhooks.map((webhook) => [webhook._id, ZERO]));
  for (const delivery of deliveries) byWebhook.set(delivery.webhookId, add(byWebhook.get(delivery.webhookId) ?? ZERO, delivery));
  const names = new Map(webhooks.map((webhook) => [webhook._id, webhook.name]));
  const rows: ChannelRow[] = [...byWebhook].map(([webhookId, figures]) => ({ channel: 'WEBHOOK', webhookId, name: names.get(webhookId) ?? webhookId, ...figures }));
  rows.sort((a, b) => a.name.localeCompare(b.name) || (a.webhookId ?? '').localeCompare(b.webhookId ?? ''));
  const channels = [feed, ...rows];
  return { year, publications, channels, totals: sum(channels) };
};
