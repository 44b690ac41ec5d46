import { badInput } from '@gongkai/kernel';
import { READ_STORE, type ReadStore } from '@gongkai/read-store';
import { Inject } from '@nestjs/common';
import { Args, Field, ID, Int, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { PUBLICATION_REVIEWS, type PublicationReviewDocument } from '../publication-review-document';

@ObjectType({ description: 'The version of an item the public could see at an instant, as the review gate published it.' })
export class PublishedVersionAsOf {
  @Field(() => String) itemType!: string;
  @Field(() => ID) itemId!: string;
  @Field(() => Int) version!: number;
  @Field(() => String, { description: 'SHA-256 of the canonical content that was reviewed and published: match it in the owner’s events.' }) contentHash!: string;
  @Field(() => String) title!: string;
  @Field(() => ID) reviewId!: string;
  @Field(() => String) publishedAt!: string;
}

/**
 * Point in time, at the review gate: which reviewed version of an item was the latest published at
 * an instant. The gate sees publications, not retirements (each owning context records those), so
 * an item withdrawn from the public afterwards still answers with its last published version.
 */
@Resolver(() => PublishedVersionAsOf)
export class PointInTimeResolver {
  constructor(@Inject(READ_STORE) private readonly store: ReadStore) {}

  @Query(() => PublishedVersionAsOf, { nullable: true, description: 'What the review gate had published of an item at `at` (UTC instant); null when nothing yet.' })
  async publishedVersionAsOf(
    @Args('itemType', { type: () => String }) itemType: string,
    @Args('itemId', { type: () => ID }) itemId: string,
    @Args('at', { type: () => String }) at: string,
  ): Promise<PublishedVersionAsOf | null> {
    const instant = Date.parse(at);
    if (!/^\d{4}-\d{2}-\d{2}T/.test(at) || Number.isNaN(instant)) throw badInput('INVALID_INSTANT', 'at must be an ISO-8601 instant such as 2026-03-02T02:00:00Z.', { field: 'at' });
    const [review] = await this.store
      .collection<PublicationReviewDocument>(PUBLICATION_REVIEWS)
      .find({ itemType, itemId, publishedAt: { $ne: null, $lte: new Date(instant).toISOString() } }, { sort: { publishedAt: -1 }, limit: 1 });
    return review && review.publishedAt ? { itemType, itemId, version: review.itemVersion, contentHash: review.contentHash, title: review.title, reviewId: review._id, publishedAt: review.publishedAt } : null;
  }
}
