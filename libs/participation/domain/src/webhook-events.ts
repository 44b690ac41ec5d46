import type { SealedPersonalData } from '@gongkai/kernel';
import type { ChannelPublication } from './channel-publication';

/**
 * A webhook subscriber (WeChat official account, SMS platform, app push, newspaper desk) and the
 * deliveries made to it. The secret is shared with the receiver to sign the bodies; the stream
 * keeps it sealed in the vault, which only the delivering process opens, and no read model shows it.
 */
export type WebhookEvent = {
  type: 'WebhookRegistered';
  data: {
    webhookId: string;
    name: string;
    url: string;
    contexts: string[];
    categories: string[];
    sealedSecret?: SealedPersonalData;
    /** Only in registrations recorded before secrets were sealed (2026-11-28). */
    secret?: string;
    registeredBy: string;
    registeredAt: string;
  };
};

export type WebhookState = { status: 'NONE' } | { status: 'ACTIVE'; webhookId: string };

export const evolveWebhook = (_state: WebhookState, event: WebhookEvent): WebhookState => ({ status: 'ACTIVE', webhookId: event.data.webhookId });

export type DeliveryStatus = 'PENDING' | 'DELIVERED' | 'DEAD_LETTER';

export type WebhookDeliveryEvent =
  | { type: 'WebhookDeliveryScheduled'; data: { deliveryId: string; webhookId: string; publication: ChannelPublication; scheduledAt: string; nextAttemptAt: string } }
  | { type: 'WebhookDeliveryFailed'; data: { deliveryId: string; attempt: number; error: string; statusCode?: number; attemptedAt: string; nextAttemptAt: string } }
  | { type: 'WebhookDeliverySucceeded'; data: { deliveryId: string; attempt: number; statusCode: number; attemptedAt: string } }
  | { type: 'WebhookDeliveryDeadLettered'; data: { deliveryId: string; attempt: number; error: string; statusCode?: number; attemptedAt: string } }
  | { type: 'WebhookDeliveryReplayRequested'; data: { deliveryId: string; requestedBy: string; requestedAt: string } };

export type WebhookDeliveryState =
  | { status: 'NONE' }
  | { status: DeliveryStatus; deliveryId: string; webhookId: string; attempts: number; agencyCode: string; departmentCode: string };

export const evolveWebhookDelivery = (state: WebhookDeliveryState, event: WebhookDeliveryEvent): WebhookDeliveryState => {
  if (event.type === 'WebhookDeliveryScheduled') {
    const { deliveryId, webhookId, publication } = event.data;
    return { status: 'PENDING', deliveryId, webhookId, attempts: 0, agencyCode: publication.agencyCode, departmentCode: publication.departmentCode };
  }
  if (state.status === 'NONE') return state;
  switch (event.type) {
    case 'WebhookDeliveryFailed':
      return { ...state, attempts: event.data.attempt };
    case 'WebhookDeliverySucceeded':
      return { ...state, status: 'DELIVERED', attempts: event.data.attempt };
    case 'WebhookDeliveryDeadLettered':
      return { ...state, status: 'DEAD_LETTER', attempts: event.data.attempt };
    case 'WebhookDeliveryReplayRequested':
      return { ...state, status: 'PENDING' };
  }
};
