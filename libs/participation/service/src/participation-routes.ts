import { CONTEXTS, streamIdOf } from '@gongkai/contracts';
import { byIdField, type DeciderRoute, route } from '@gongkai/messaging';
import { answerLimitsDecider, outreachActivityDecider, publicMessageDecider, webhookDecider, webhookDeliveryDecider } from '@gongkai/participation/domain';

export const publicMessageStreamId = (messageId: string): string => streamIdOf(CONTEXTS.participation, 'PublicMessage', messageId);
export const answerLimitsStreamId = (agencyCode: string): string => streamIdOf(CONTEXTS.participation, 'AnswerLimits', agencyCode);
export const outreachActivityStreamId = (activityId: string): string => streamIdOf(CONTEXTS.participation, 'OutreachActivity', activityId);
export const webhookStreamId = (webhookId: string): string => streamIdOf(CONTEXTS.participation, 'Webhook', webhookId);
export const webhookDeliveryStreamId = (deliveryId: string): string => streamIdOf(CONTEXTS.participation, 'WebhookDelivery', deliveryId);

const messages = route(publicMessageDecider, byIdField(publicMessageStreamId, 'messageId'));
const answerLimits = route(answerLimitsDecider, byIdField(answerLimitsStreamId, 'agencyCode'));
const activities = route(outreachActivityDecider, byIdField(outreachActivityStreamId, 'activityId'));
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
  EscalateOverduePublicMessage: messages,
  SetMessageAnswerLimits: answerLimits,
  AnnounceActivity: activities,
  RecordActivityOutcome: activities,
  PublishReviewedActivity: activities,
  RegisterWebhook: webhooks,
  ScheduleWebhookDelivery: deliveries,
  RecordWebhookDeliveryAttempt: deliveries,
  ReplayWebhookDelivery: deliveries,
};
