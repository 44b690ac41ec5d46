import { CONTEXTS, streamIdOf } from '@gongkai/contracts';
import { byIdField, type DeciderRoute, route } from '@gongkai/messaging';
import { publicMessageDecider, webhookDecider, webhookDeliveryDecider } from '@gongkai/participation/domain';

export const publicMessageStreamId = (messageId: string): string => streamIdOf(CONTEXTS.participation, 'PublicMessage', messageId);
export const webhookStreamId = (webhookId: string): string => streamIdOf(CONTEXTS.participation, 'Webhook', webhookId);
export const webhookDeliveryStreamId = (deliveryId: string): string => streamIdOf(CONTEXTS.participation, 'WebhookDelivery', deliveryId);

const messages = route(publicMessageDecider, byIdField(publicMessageStreamId, 'messageId'));
const webhooks = route(webhookDecider, byIdField(webhookStreamId, 'webhookId'));
const deliveries = route(webhookDeliveryDecider, byIdField(webhookDeliveryStreamId, 'deliveryId'));

/** Every command of the participation context and the aggregate stream it goes to. */
export const PARTICIPATION_ROUTES: Readonly<Record<string, DeciderRoute>> = {
  SubmitPublicMessage: messages,
  RoutePublicMessage: messages,
  AnswerPublicMessage: messages,
  PublishReviewedPublicMessage: messages,
  HidePublicMessage: messages,
  RatePublicMessage: messages,
  RegisterWebhook: webhooks,
  ScheduleWebhookDelivery: deliveries,
  RecordWebhookDeliveryAttempt: deliveries,
  ReplayWebhookDelivery: deliveries,
};
