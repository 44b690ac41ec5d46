import type { ChannelPublication } from '@gongkai/participation/domain';
import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'One published version of an item of any context, as the channels carry it.' })
export class PublishedItem {
  @Field(() => String, { description: 'e.g. SERVICE_GUIDE, CONSULTATION_DRAFT, OUTREACH_ACTIVITY.' }) itemType!: string;
  @Field(() => ID) itemId!: string;
  @Field(() => Int) itemVersion!: number;
  @Field(() => String, { description: 'The context, as the feeds name it, e.g. services-catalog.' }) context!: string;
  @Field(() => String, { description: 'The category, as the feeds name it, e.g. service-guide.' }) category!: string;
  @Field(() => String) title!: string;
  @Field(() => String) publishedAt!: string;
}

export const toPublishedItem = (publication: ChannelPublication): PublishedItem => ({
  itemType: publication.itemType,
  itemId: publication.itemId,
  itemVersion: publication.itemVersion,
  context: publication.context,
  category: publication.category,
  title: publication.title,
  publishedAt: publication.publishedAt,
});
