import { REVIEWED_ITEM_TYPES } from '@gongkai/contracts';
import { InstantValue } from '@gongkai/graphql';
import { requireOneOf } from '@gongkai/kernel';
import { READ_STORE, type ReadStore } from '@gongkai/read-store';
import { Inject } from '@nestjs/common';
import { Args, Field, ID, Int, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { PUBLICATION_REVIEWS, type PublicationReviewDocument } from '../publication-review-document';

@ObjectType({ description: 'The reviewed version of an item the review gate had last published by an instant (an audit record, not what the public saw: see asOfInstant).' })
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
 * Point in time, at the review gate: which reviewed version of an item was the latest published by
 * an instant, with the hash the reviewer approved — the audit question "which review let this out".
 * It does not need retirements: whether the item was still public then (not retired, withdrawn or
 * revoked) is the owning context's answer, given by `asOfInstant` on its public queries from the
 * publication history its read model keeps; a retired item answers here with its last reviewed version.
 */
@Resolver(() => PublishedVersionAsOf)
export class PointInTimeResolver {
  constructor(@Inject(READ_STORE) private readonly store: ReadStore) {}

  @Query(() => PublishedVersionAsOf, { nullable: true, description: 'The reviewed version the gate had last published of an item by `at` (UTC instant); null when none yet. What the public saw then: `asOfInstant` on the owning context’s queries.' })
  async publishedVersionAsOf(
    @Args('itemType', { type: () => String, description: 'One of the kinds the gate reviews, e.g. SERVICE_GUIDE.' }) itemTypeInput: string,
    @Args('itemId', { type: () => ID }) itemId: string,
    @Args('at', { type: () => InstantValue }) instant: string,
  ): Promise<PublishedVersionAsOf | null> {
    const itemType = requireOneOf('itemType', itemTypeInput, REVIEWED_ITEM_TYPES);
    const [review] = await this.store
      .collection<PublicationReviewDocument>(PUBLICATION_REVIEWS)
      .find({ itemType, itemId, publishedAt: { $ne: null, $lte: instant } }, { sort: { publishedAt: -1 }, limit: 1 });
    return review && review.publishedAt ? { itemType, itemId, version: review.itemVersion, contentHash: review.contentHash, title: review.title, reviewId: review._id, publishedAt: review.publishedAt } : null;
  }
}
