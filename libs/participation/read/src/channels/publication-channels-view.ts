import type { DeliveryStatus } from '@gongkai/participation/domain';
import type { WebhookDeliveryDocument } from '../webhooks/webhook-documents';
import type { PublicationChannelsDocument } from './publication-channels.projection';
import type { ChannelKind } from './channel-statistics';

export const ATOM_FEED_CHANNEL_NAME = 'Atom feeds';

export interface ChannelDeliveryRecord {
  readonly channel: ChannelKind;
  readonly name: string;
  readonly status: DeliveryStatus;
  readonly deliveredAt: string | null;
  /** Where the publication can be found on this channel: the feed's path; null for a webhook. */
  readonly location: string | null;
}

export interface PublicationChannelsView {
  readonly publication: PublicationChannelsDocument;
  readonly deliveries: readonly ChannelDeliveryRecord[];
  /** The channels that have it, proven by a delivery record each. */
  readonly channelsDelivered: readonly string[];
}

/**
 * The proof of where one publication went: listed in the Atom feeds, and delivered (or being
 * delivered) to each webhook subscriber. The public sees what was delivered; the bureau also what
 * is still being tried or was dead-lettered.
 */
export const publicationChannelsView = (publication: PublicationChannelsDocument, webhookDeliveries: readonly WebhookDeliveryDocument[], withFailures: boolean): PublicationChannelsView => {
  const feed: ChannelDeliveryRecord = {
    channel: 'ATOM_FEED',
    name: ATOM_FEED_CHANNEL_NAME,
    status: 'DELIVERED',
    deliveredAt: publication.listedAt,
    location: publication.feeds.map((path) => `/feeds/${path}.atom`).join(' '),
  };
  const webhooks: ChannelDeliveryRecord[] = webhookDeliveries
    .filter((delivery) => withFailures || delivery.status === 'DELIVERED')
    .map((delivery) => ({ channel: 'WEBHOOK', name: delivery.webhookName, status: delivery.status, deliveredAt: delivery.deliveredAt, location: null }));
  const deliveries = [feed, ...webhooks];
  return { publication, deliveries, channelsDelivered: [...new Set(deliveries.filter((d) => d.status === 'DELIVERED').map((d) => d.name))] };
};
