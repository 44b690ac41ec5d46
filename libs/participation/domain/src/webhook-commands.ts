import {
  assertNever,
  badInput,
  conflict,
  type DecideContext,
  type Decider,
  notFound,
  requireAgencyScope,
  requireDepartmentScope,
  requireList,
  requireRole,
  requireText,
  requireSealed,
  requireUrl,
  type SealedPersonalData,
  sha256Hex,
} from '@gongkai/kernel';
import type { ChannelPublication } from './channel-publication';
import {
  evolveWebhook,
  evolveWebhookDelivery,
  type WebhookDeliveryEvent,
  type WebhookDeliveryState,
  type WebhookEvent,
  type WebhookState,
} from './webhook-events';

const MIN_SECRET_LENGTH = 16;
const FILTER_VALUE = /^[a-z][a-z0-9-]{0,63}$/;
/** 169.254.0.0/16 and fe80::/10, also written as an IPv4-mapped IPv6 address. */
const LINK_LOCAL_HOST = /^(169\.254\.\d{1,3}\.\d{1,3}|\[fe[89ab][0-9a-f]?:.*\]|\[::ffff:(169\.254\.[\d.]+|a9fe:[0-9a-f]{1,4})\])$/i;

/**
 * Loopback and intranet subscribers are legitimate (the bureau's own SMS gateway sits on its
 * network), but no subscriber lives on a link-local address: there sits the cloud's instance
 * metadata service, whose credentials a delivery's error log would otherwise probe for.
 */
const requireSubscriberAddress = (url: string): string => {
  const host = URL.canParse(url) ? new URL(url).hostname : null;
  if (host === null) throw badInput('NOT_URL', 'url must be an http(s) address.', { field: 'url' });
  if (LINK_LOCAL_HOST.test(host)) {
    throw badInput('WEBHOOK_ADDRESS_LINK_LOCAL', 'url must not be a link-local address (169.254.0.0/16, fe80::/10): no subscriber lives there.', { field: 'url' });
  }
  return url;
};

/** The vault key a webhook's signing secret is sealed under. */
export const webhookSecretKeyOf = (webhookId: string): string => `webhook-secret:${webhookId}`;

/**
 * The rule on a signing secret, checked at the edge before it is sealed (the decider sees only
 * ciphertext): a short secret can be guessed, and a guessed secret forges the bureau's publications.
 */
export const requireWebhookSecret = (value: unknown): string => {
  const secret = requireText('secret', value, { max: 256 });
  if (secret.length < MIN_SECRET_LENGTH) {
    throw badInput('SECRET_TOO_SHORT', `secret must have at least ${MIN_SECRET_LENGTH} characters: a short secret can be guessed.`, { field: 'secret', min: MIN_SECRET_LENGTH });
  }
  return secret;
};

export type WebhookCommand = {
  type: 'RegisterWebhook';
  data: { webhookId: string; name: string; url: string; contexts?: readonly string[]; categories?: readonly string[]; sealedSecret: SealedPersonalData };
};

/** Filters are context and category names as the feeds spell them, e.g. `services-catalog`, `service-guide`. */
const requireFilter = (field: string, value: unknown): string[] =>
  value === undefined || value === null
    ? []
    : requireList(field, value, { max: 50 }, (item) => {
        if (typeof item !== 'string' || !FILTER_VALUE.test(item)) throw badInput('INVALID_FILTER', `${field} holds names such as services-catalog or service-guide.`, { field });
        return item;
      });

const register = (command: WebhookCommand, state: WebhookState, context: DecideContext): WebhookEvent[] => {
  requireRole(context.actor, 'admin');
  if (state.status !== 'NONE') throw conflict('WEBHOOK_EXISTS', `Webhook ${command.data.webhookId} already exists.`);
  const url = requireSubscriberAddress(requireUrl('url', command.data.url));
  // The secret is a credential: in clear in the log it would reach every auditor and every export.
  const sealedSecret = requireSealed(command.data.sealedSecret, webhookSecretKeyOf(command.data.webhookId), {
    maxLength: 1024,
    code: 'SECRET_NOT_SEALED',
    message: 'The signing secret is accepted only sealed in the vault under the webhook’s own key, never in clear.',
    field: 'secret',
  });
  return [
    {
      type: 'WebhookRegistered',
      data: {
        webhookId: command.data.webhookId,
        name: requireText('name', command.data.name, { max: 100 }),
        url,
        contexts: requireFilter('contexts', command.data.contexts),
        categories: requireFilter('categories', command.data.categories),
        sealedSecret,
        registeredBy: context.actor.id,
        registeredAt: context.now.toISOString(),
      },
    },
  ];
};

export const webhookDecider: Decider<WebhookCommand, WebhookEvent, WebhookState> = {
  initialState: () => ({ status: 'NONE' }),
  decide: (command, state, context) => {
    switch (command.type) {
      case 'RegisterWebhook':
        return register(command, state, context);
      default:
        return assertNever(command.type);
    }
  },
  evolve: evolveWebhook,
};

/** Exponential backoff: base, 2×base, 4×base… until `maxAttempts` attempts have failed. */
export interface RetryPolicy {
  readonly baseDelayMs: number;
  readonly maxAttempts: number;
}

export const retryDelayMs = (policy: RetryPolicy, failedAttempt: number): number => policy.baseDelayMs * 2 ** (failedAttempt - 1);

/** One delivery per subscriber and publication: the id the receiver deduplicates on, the same after any restart. */
export const deliveryIdOf = (webhookId: string, reviewId: string): string => {
  const h = sha256Hex(`webhook-delivery:${webhookId}:${reviewId}`);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

export type WebhookDeliveryCommand =
  | { type: 'ScheduleWebhookDelivery'; data: { deliveryId: string; webhookId: string; publication: ChannelPublication } }
  | {
      type: 'RecordWebhookDeliveryAttempt';
      data: { deliveryId: string; attempt: number; delivered: boolean; statusCode?: number; error?: string; retry: RetryPolicy };
    }
  | { type: 'ReplayWebhookDelivery'; data: { deliveryId: string } };

const requireDelivery = (state: WebhookDeliveryState, deliveryId: string): Exclude<WebhookDeliveryState, { status: 'NONE' }> => {
  if (state.status === 'NONE') throw notFound('WEBHOOK_DELIVERY_NOT_FOUND', `There is no webhook delivery ${deliveryId}.`);
  return state;
};

const schedule = (command: Extract<WebhookDeliveryCommand, { type: 'ScheduleWebhookDelivery' }>, state: WebhookDeliveryState, context: DecideContext): WebhookDeliveryEvent[] => {
  requireRole(context.actor, 'system');
  // The dispatcher replays the whole log at every start: a publication already scheduled is not scheduled again.
  if (state.status !== 'NONE') return [];
  const { deliveryId, webhookId, publication } = command.data;
  if (deliveryId !== deliveryIdOf(webhookId, publication.reviewId)) throw badInput('INVALID_DELIVERY_ID', 'deliveryId must be derived from the webhook and the publication.', { field: 'deliveryId' });
  const at = context.now.toISOString();
  return [{ type: 'WebhookDeliveryScheduled', data: { deliveryId, webhookId, publication, scheduledAt: at, nextAttemptAt: at } }];
};

const record = (command: Extract<WebhookDeliveryCommand, { type: 'RecordWebhookDeliveryAttempt' }>, state: WebhookDeliveryState, context: DecideContext): WebhookDeliveryEvent[] => {
  requireRole(context.actor, 'system');
  const delivery = requireDelivery(state, command.data.deliveryId);
  const { attempt, delivered, statusCode, retry } = command.data;
  // A late or repeated report of an attempt already recorded changes nothing.
  if (delivery.status !== 'PENDING' || attempt !== delivery.attempts + 1) return [];
  const attemptedAt = context.now.toISOString();
  const status = statusCode === undefined ? {} : { statusCode };
  if (delivered) return [{ type: 'WebhookDeliverySucceeded', data: { deliveryId: delivery.deliveryId, attempt, statusCode: statusCode ?? 200, attemptedAt } }];
  const error = (command.data.error ?? 'failed').slice(0, 500);
  // Attempts since the last replay count towards the limit, so that a replay gets a full series again.
  if (attempt % retry.maxAttempts === 0) return [{ type: 'WebhookDeliveryDeadLettered', data: { deliveryId: delivery.deliveryId, attempt, error, ...status, attemptedAt } }];
  const nextAttemptAt = new Date(context.now.getTime() + retryDelayMs(retry, attempt % retry.maxAttempts)).toISOString();
  return [{ type: 'WebhookDeliveryFailed', data: { deliveryId: delivery.deliveryId, attempt, error, ...status, attemptedAt, nextAttemptAt } }];
};

const replay = (command: Extract<WebhookDeliveryCommand, { type: 'ReplayWebhookDelivery' }>, state: WebhookDeliveryState, context: DecideContext): WebhookDeliveryEvent[] => {
  requireRole(context.actor, 'staff', 'office', 'admin');
  const delivery = requireDelivery(state, command.data.deliveryId);
  // Staff replay what their own department published; the office and admins any delivery.
  requireAgencyScope(context.actor, delivery.agencyCode);
  requireDepartmentScope(context.actor, delivery.departmentCode);
  if (delivery.status !== 'DEAD_LETTER') throw conflict('DELIVERY_NOT_DEAD_LETTERED', `Delivery ${delivery.deliveryId} is ${delivery.status.toLowerCase()}: only dead-lettered deliveries are replayed.`);
  return [{ type: 'WebhookDeliveryReplayRequested', data: { deliveryId: delivery.deliveryId, requestedBy: context.actor.id, requestedAt: context.now.toISOString() } }];
};

export const webhookDeliveryDecider: Decider<WebhookDeliveryCommand, WebhookDeliveryEvent, WebhookDeliveryState> = {
  initialState: () => ({ status: 'NONE' }),
  decide: (command, state, context) => {
    switch (command.type) {
      case 'ScheduleWebhookDelivery':
        return schedule(command, state, context);
      case 'RecordWebhookDeliveryAttempt':
        return record(command, state, context);
      case 'ReplayWebhookDelivery':
        return replay(command, state, context);
      default:
        return assertNever(command);
    }
  },
  evolve: evolveWebhookDelivery,
};
