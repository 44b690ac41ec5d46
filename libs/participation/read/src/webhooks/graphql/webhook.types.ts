import { Connection } from '@gongkai/graphql';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PublishedItem } from '../../channels/graphql/published-item.type';

export const DeliveryStatus = { PENDING: 'PENDING', DELIVERED: 'DELIVERED', DEAD_LETTER: 'DEAD_LETTER' } as const;
registerEnumType(DeliveryStatus, { name: 'DeliveryStatus', description: 'Where a delivery to a webhook subscriber stands: still being tried, delivered, or in the dead-letter list.' });

@ObjectType({ description: 'A webhook subscriber: the WeChat official account, SMS platform, app push service or newspaper desk. Its secret is never shown.' })
export class Webhook {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String) url!: string;
  @Field(() => [String], { description: 'Contexts it receives (empty: all), e.g. services-catalog.' }) contexts!: string[];
  @Field(() => [String], { description: 'Categories it receives (empty: all), e.g. service-guide.' }) categories!: string[];
  @Field(() => String) registeredBy!: string;
  @Field(() => String) registeredAt!: string;
}

@InputType({ description: 'A webhook subscriber: bodies are signed with HMAC-SHA256 under its secret (header X-Gongkai-Signature: t=<seconds>,v1=<hex>).' })
export class WebhookInput {
  @Field(() => String, { nullable: true, description: 'What the subscriber is, e.g. 微信公众号; defaults to the URL’s host. Public: it names the channel a publication reached.' }) name?: string | null;
  @Field(() => String, { description: 'An http(s) address.' }) url!: string;
  @Field(() => [String], { nullable: true }) contexts?: string[] | null;
  @Field(() => [String], { nullable: true }) categories?: string[] | null;
  @Field(() => String, { description: 'At least 16 characters; shared with the receiver and never readable back.' }) secret!: string;
}

@ObjectType({ description: 'One line of a delivery log: an attempt and how it ended, or a replay and who asked for it.' })
export class DeliveryLogLine {
  @Field(() => Int, { nullable: true }) attempt!: number | null;
  @Field(() => String) at!: string;
  @Field(() => String, { description: 'FAILED, DELIVERED, DEAD_LETTER or REPLAY_REQUESTED.' }) outcome!: string;
  @Field(() => Int, { nullable: true }) statusCode!: number | null;
  @Field(() => String, { nullable: true }) error!: string | null;
  @Field(() => String, { nullable: true }) by!: string | null;
}

@ObjectType({ description: 'One publication delivered (or being delivered) to one webhook subscriber.' })
export class WebhookDelivery {
  @Field(() => ID, { description: 'Also sent as X-Gongkai-Delivery: the same for every attempt, for the receiver to deduplicate on.' }) id!: string;
  @Field(() => ID) webhookId!: string;
  @Field(() => String) webhookName!: string;
  @Field(() => DeliveryStatus) status!: string;
  @Field(() => PublishedItem) publication!: PublishedItem;
  @Field(() => Int) attempts!: number;
  @Field(() => Int) failedAttempts!: number;
  @Field(() => Int) replays!: number;
  @Field(() => String) scheduledAt!: string;
  @Field(() => String, { nullable: true }) nextAttemptAt!: string | null;
  @Field(() => String, { nullable: true }) deliveredAt!: string | null;
  @Field(() => String, { nullable: true }) deadLetteredAt!: string | null;
  @Field(() => String, { nullable: true }) lastError!: string | null;
  @Field(() => [DeliveryLogLine]) log!: DeliveryLogLine[];
}

@ObjectType()
export class WebhookDeliveryConnection extends Connection(WebhookDelivery, 'WebhookDelivery') {}
