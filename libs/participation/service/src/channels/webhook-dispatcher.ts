import { CONTEXTS } from '@gongkai/contracts';
import type { RecordedEvent } from '@gongkai/event-sourcing';
import { type SealedPersonalData, systemActor } from '@gongkai/kernel';
import type { CommandBus, EventConsumer } from '@gongkai/messaging';
import {
  channelPublicationOf,
  type ChannelPublication,
  deliveryIdOf,
  matchesFilter,
  REVIEWED_VERSION_PUBLISHED,
  type RetryPolicy,
  type ReviewedVersionPublishedData,
  type WebhookDeliveryEvent,
  type WebhookEvent,
} from '@gongkai/participation/domain';
import { type DeliveryOutcome, sendWebhook, type WebhookTarget } from './webhook-sender';

const actor = systemActor('participation.webhooks');

export interface WebhookSettings extends RetryPolicy {
  readonly timeoutMs: number;
  readonly tickMs: number;
}

export const DEFAULT_WEBHOOK_SETTINGS: WebhookSettings = { baseDelayMs: 30_000, maxAttempts: 8, timeoutMs: 10_000, tickMs: 1_000 };

const WEBHOOK_SETTING_NAMES: Readonly<Record<keyof WebhookSettings, string>> = {
  baseDelayMs: 'PARTICIPATION_WEBHOOK_RETRY_BASE_MS',
  maxAttempts: 'PARTICIPATION_WEBHOOK_MAX_ATTEMPTS',
  timeoutMs: 'PARTICIPATION_WEBHOOK_TIMEOUT_MS',
  tickMs: 'PARTICIPATION_WEBHOOK_TICK_MS',
};

/**
 * Operators tune the retry series per deployment; tests shorten it to milliseconds. A value that is
 * not a positive whole number is a problem named at start, never a silent fallback: an operator who
 * set eight hours by mistake in minutes would otherwise never learn why deliveries go unretried.
 */
export const checkWebhookSettings = (env: Readonly<Record<string, string | undefined>>, problems: string[]): WebhookSettings => {
  const setting = (key: keyof WebhookSettings): number => {
    const name = WEBHOOK_SETTING_NAMES[key];
    const text = env[name];
    if (text === undefined || text === '') return DEFAULT_WEBHOOK_SETTINGS[key];
    if (!/^[1-9]\d*$/.test(text)) problems.push(`${name} must be a positive whole number (got "${text}").`);
    return Number(text);
  };
  return { baseDelayMs: setting('baseDelayMs'), maxAttempts: setting('maxAttempts'), timeoutMs: setting('timeoutMs'), tickMs: setting('tickMs') };
};

/** The settings, or an error naming every bad one. */
export const webhookSettingsFrom = (env: Readonly<Record<string, string | undefined>>): WebhookSettings => {
  const problems: string[] = [];
  const settings = checkWebhookSettings(env, problems);
  if (problems.length > 0) throw new Error(`The webhook channel cannot start:\n- ${problems.join('\n- ')}`);
  return settings;
};

interface Subscriber extends WebhookTarget {
  readonly contexts: readonly string[];
  readonly categories: readonly string[];
}

interface Pending {
  readonly webhookId: string;
  readonly publication: ChannelPublication;
  /** The number of the next attempt. */
  readonly attempt: number;
  /** Epoch ms; Infinity while an attempt's outcome is on its way into the log. */
  readonly dueAt: number;
}

/** Opens a sealed signing secret; undefined once its key was erased (the subscriber is then forgotten). */
export type OpenSecret = (sealed: SealedPersonalData) => Promise<string | undefined>;

type Send = (target: WebhookTarget, deliveryId: string, publication: ChannelPublication, now: Date, timeoutMs: number) => Promise<DeliveryOutcome>;

/**
 * The webhook channel as a process manager. It follows the log — subscribers, publications of
 * every context (the review gate's ReviewedVersionPublished), and its own deliveries — and a timer
 * asks it to make the attempts that are due. Everything it knows is rebuilt from the log at each
 * start, so a restart resumes the retries where the log left them, and a delivery recorded as
 * succeeded is never sent again. The delivery id is the same for every attempt, so that a receiver
 * can drop the one duplicate a crash between a 2xx and its record could cause.
 */
export class WebhookDispatcher {
  private readonly subscribers = new Map<string, Subscriber>();
  private readonly pending = new Map<string, Pending>();
  /** Deliveries that ended, with the number their next attempt would have: a replay starts from there. */
  private readonly parked = new Map<string, Pending>();
  private ticking = false;

  constructor(
    private readonly commands: CommandBus,
    private readonly now: () => Date,
    private readonly settings: WebhookSettings,
    private readonly openSecret: OpenSecret,
    private readonly send: Send = sendWebhook,
    private readonly onError: (deliveryId: string, error: unknown) => void = () => undefined,
  ) {}

  consumer(): EventConsumer {
    return {
      durableName: 'participation.webhook-dispatcher',
      contexts: [CONTEXTS.oversight, CONTEXTS.participation],
      checkpoint: { load: async () => undefined, save: async () => undefined },
      handle: (event) => this.handle(event),
    };
  }

  async handle(event: RecordedEvent): Promise<void> {
    if (event.type === 'WebhookRegistered') {
      const data = event.data as Extract<WebhookEvent, { type: 'WebhookRegistered' }>['data'];
      const secret = data.sealedSecret ? await this.openSecret(data.sealedSecret) : data.secret;
      if (secret === undefined) return;
      this.subscribers.set(data.webhookId, { webhookId: data.webhookId, url: data.url, secret, contexts: data.contexts, categories: data.categories });
    } else if (event.type === REVIEWED_VERSION_PUBLISHED) {
      await this.schedule(channelPublicationOf(event.data as ReviewedVersionPublishedData), event);
    } else {
      this.follow(event);
    }
  }

  /** Makes every attempt that is due; a tick still running makes the next one wait. */
  async tick(): Promise<void> {
    if (this.ticking) return;
    this.ticking = true;
    try {
      const now = this.now().getTime();
      const due = [...this.pending].filter(([, pending]) => pending.dueAt <= now);
      await Promise.all(due.map(([deliveryId, pending]) => this.attempt(deliveryId, pending)));
    } finally {
      this.ticking = false;
    }
  }

  pendingDeliveries(): ReadonlyMap<string, Pending> {
    return this.pending;
  }

  private async schedule(publication: ChannelPublication, cause: RecordedEvent): Promise<void> {
    // Only subscribers registered before the publication receive it: the map holds exactly those.
    for (const subscriber of this.subscribers.values()) {
      if (!matchesFilter(subscriber, publication)) continue;
      const deliveryId = deliveryIdOf(subscriber.webhookId, publication.reviewId);
      await this.commands.send({
        context: CONTEXTS.participation,
        type: 'ScheduleWebhookDelivery',
        data: { deliveryId, webhookId: subscriber.webhookId, publication },
        metadata: { actor, correlationId: cause.metadata.correlationId, causationId: cause.id, idempotencyKey: `schedule:${deliveryId}` },
      });
    }
  }

  private follow(event: RecordedEvent): void {
    const type = event.type as WebhookDeliveryEvent['type'];
    const data = event.data as { deliveryId: string };
    const current = this.pending.get(data.deliveryId);
    switch (type) {
      case 'WebhookDeliveryScheduled': {
        const scheduled = event.data as Extract<WebhookDeliveryEvent, { type: 'WebhookDeliveryScheduled' }>['data'];
        this.pending.set(scheduled.deliveryId, { webhookId: scheduled.webhookId, publication: scheduled.publication, attempt: 1, dueAt: Date.parse(scheduled.nextAttemptAt) });
        return;
      }
      case 'WebhookDeliveryFailed': {
        const failed = event.data as Extract<WebhookDeliveryEvent, { type: 'WebhookDeliveryFailed' }>['data'];
        if (current) this.pending.set(failed.deliveryId, { ...current, attempt: failed.attempt + 1, dueAt: Date.parse(failed.nextAttemptAt) });
        return;
      }
      case 'WebhookDeliverySucceeded':
      case 'WebhookDeliveryDeadLettered': {
        const ended = event.data as { deliveryId: string; attempt: number };
        if (current) this.parked.set(ended.deliveryId, { ...current, attempt: ended.attempt + 1 });
        this.pending.delete(ended.deliveryId);
        return;
      }
      case 'WebhookDeliveryReplayRequested': {
        const parked = this.parked.get(data.deliveryId);
        if (parked) this.pending.set(data.deliveryId, { ...parked, dueAt: Date.parse(event.occurredAt) });
        return;
      }
    }
  }

  private async attempt(deliveryId: string, pending: Pending): Promise<void> {
    const subscriber = this.subscribers.get(pending.webhookId);
    if (!subscriber) return;
    this.pending.set(deliveryId, { ...pending, dueAt: Number.POSITIVE_INFINITY });
    const outcome = await this.send(subscriber, deliveryId, pending.publication, this.now(), this.settings.timeoutMs);
    try {
      await this.commands.send({
        context: CONTEXTS.participation,
        type: 'RecordWebhookDeliveryAttempt',
        data: { deliveryId, attempt: pending.attempt, ...outcome, retry: { baseDelayMs: this.settings.baseDelayMs, maxAttempts: this.settings.maxAttempts } },
        metadata: { actor, correlationId: `webhook-delivery:${deliveryId}`, idempotencyKey: `attempt:${deliveryId}:${pending.attempt}` },
      });
    } catch (error) {
      // Not recorded: the same attempt is made again at the next tick, under the same delivery id.
      if (this.pending.get(deliveryId)?.dueAt === Number.POSITIVE_INFINITY) this.pending.set(deliveryId, pending);
      this.onError(deliveryId, error);
    }
  }
}
