import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { DeliveryStatus, WebhookDelivery } from '../../webhooks/graphql/webhook.types';
import { PublishedItem } from './published-item.type';

@ObjectType({ description: 'One channel a publication was delivered to: the Atom feeds, or one webhook subscriber.' })
export class ChannelDelivery {
  @Field(() => String, { description: 'ATOM_FEED or WEBHOOK.' }) channel!: string;
  @Field(() => String) name!: string;
  @Field(() => DeliveryStatus) status!: string;
  @Field(() => String, { nullable: true }) deliveredAt!: string | null;
  @Field(() => String, { nullable: true, description: 'The feeds listing it, space-separated; null for a webhook.' }) location!: string | null;
}

@ObjectType({ description: 'The channels one published version of an item reached (多渠道发布), each proven by a delivery record.' })
export class PublicationChannels {
  @Field(() => PublishedItem) publication!: PublishedItem;
  @Field(() => String, { description: 'The Atom entry id (RFC 4287 atom:id) the item has in every feed.' }) feedEntryId!: string;
  @Field(() => [String], { description: 'Names of the channels it was delivered to.' }) channelsDelivered!: string[];
  @Field(() => [ChannelDelivery], { description: 'The public sees delivered channels; the bureau also pending and dead-lettered ones.' }) deliveries!: ChannelDelivery[];
  @Field(() => [WebhookDelivery], { description: 'The full delivery logs, for bureau staff in scope; empty for everyone else.' }) webhookDeliveries!: WebhookDelivery[];
}

@ObjectType('ChannelFigures')
export class ChannelFiguresType {
  @Field(() => Int) deliveries!: number;
  @Field(() => Int) delivered!: number;
  @Field(() => Int) pending!: number;
  @Field(() => Int) deadLettered!: number;
  @Field(() => Int, { description: 'Failed attempts, including those retried successfully afterwards.' }) failedAttempts!: number;
  @Field(() => Int) replays!: number;
}

@ObjectType({ description: 'Deliveries of one channel.' })
export class ChannelStatisticsRow extends ChannelFiguresType {
  @Field(() => String, { description: 'ATOM_FEED or WEBHOOK.' }) channel!: string;
  @Field(() => ID, { nullable: true }) webhookId!: string | null;
  @Field(() => String) name!: string;
}

@ObjectType('ChannelDeliveryStatistics', { description: 'Deliveries by channel and failures, for the publications of one year (Asia/Shanghai).' })
export class ChannelDeliveryStatisticsType {
  @Field(() => Int) year!: number;
  @Field(() => Int) publications!: number;
  @Field(() => [ChannelStatisticsRow]) channels!: ChannelStatisticsRow[];
  @Field(() => ChannelFiguresType) totals!: ChannelFiguresType;
}
