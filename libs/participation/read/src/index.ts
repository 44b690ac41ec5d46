import type { WorkingDayCalendar } from '@gongkai/kernel';
import type { Projection } from '@gongkai/read-store';
import { outreachActivitiesProjection } from './activities/outreach-activities.projection';
import { publicationChannelsProjection } from './channels/publication-channels.projection';
import { feedEntriesProjection } from './feeds/feed-entries.projection';
import { publicMessagesProjection } from './messages/public-messages.projection';
import { webhookDeliveriesProjection } from './webhooks/webhook-deliveries.projection';

export * from './participation-read.module';
export * from './feeds/feed-entries.projection';
export * from './feeds/atom-feed';
export * from './messages/public-messages.projection';

/** The read models this context contributes to the gateway, on the process's live calendar (the one the deciders use). */
export const participationProjections = (calendar: WorkingDayCalendar): readonly Projection[] => [
  feedEntriesProjection,
  outreachActivitiesProjection,
  webhookDeliveriesProjection,
  publicationChannelsProjection,
  publicMessagesProjection(calendar),
];
