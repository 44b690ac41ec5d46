import type { ChannelPublication, DeliveryStatus } from '@gongkai/participation/domain';
import type { ReadDocument } from '@gongkai/read-store';

export const WEBHOOKS = 'participation.webhooks';
export const WEBHOOK_DELIVERIES = 'participation.webhook-deliveries';

/** A subscriber as the bureau sees it: the secret stays in the webhook's stream, for the dispatcher alone. */
export interface WebhookDocument extends ReadDocument {
  readonly _id: string;
  readonly name: string;
  readonly url: string;
  readonly contexts: readonly string[];
  readonly categories: readonly string[];
  readonly registeredBy: string;
  readonly registeredAt: string;
}

export type DeliveryLogOutcome = 'FAILED' | 'DELIVERED' | 'DEAD_LETTER' | 'REPLAY_REQUESTED';

/** One line of a delivery's log: an attempt and how it ended, or a replay and who asked for it. */
export interface DeliveryLogEntry {
  readonly attempt: number | null;
  readonly at: string;
  readonly outcome: DeliveryLogOutcome;
  readonly statusCode: number | null;
  readonly error: string | null;
  readonly by: string | null;
}

/** One publication's delivery to one subscriber, with its whole log. */
export interface WebhookDeliveryDocument extends ReadDocument {
  readonly _id: string;
  readonly webhookId: string;
  readonly webhookName: string;
  readonly publication: ChannelPublication;
  /** The Asia/Shanghai year of the publication, for the oversight statistics. */
  readonly publishedYear: number;
  readonly status: DeliveryStatus;
  readonly attempts: number;
  readonly failedAttempts: number;
  readonly replays: number;
  readonly scheduledAt: string;
  readonly nextAttemptAt: string | null;
  readonly deliveredAt: string | null;
  readonly deadLetteredAt: string | null;
  readonly lastError: string | null;
  readonly log: readonly DeliveryLogEntry[];
}
