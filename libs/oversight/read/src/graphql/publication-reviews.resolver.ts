import { CONTEXTS } from '@gongkai/contracts';
import { agencyRef, CommandGateway, CurrentActor, CurrentRequest, departmentRef, type GatewayContext } from '@gongkai/graphql';
import { type Actor, agencyFilter, notFound, requireRole } from '@gongkai/kernel';
import { READ_STORE, type Filter, type ReadStore } from '@gongkai/read-store';
import { Inject } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { PUBLICATION_REVIEWS, type PublicationReviewDocument } from '../publication-review-document';
import { citedNegativeListItem } from '../negative-list/negative-list-citation';
import { PublicationReview, ReviewStatus } from './publication-review.types';

const toPublicationReview = (review: PublicationReviewDocument): PublicationReview => ({
  id: review._id,
  itemType: review.itemType,
  itemId: review.itemId,
  itemVersion: review.itemVersion,
  contentHash: review.contentHash,
  title: review.title,
  agency: agencyRef(review.agencyCode),
  department: departmentRef(review.departmentCode),
  requestedBy: review.requestedBy,
  status: review.status,
  openedAt: review.openedAt,
  decidedAt: review.decidedAt,
  decidedBy: review.decidedBy,
  comment: review.comment,
  reason: review.reason,
  negativeListItemCode: review.negativeListItemCode,
  negativeListVersion: review.negativeListVersion ?? null,
  noNegativeListItemReason: review.noNegativeListItemReason ?? null,
  publishedAt: review.publishedAt,
});

const MAX_REVIEWS = 500;

/** The review gate (先审查、后公开) for reviewers, the office and auditors. */
@Resolver(() => PublicationReview)
export class PublicationReviewsResolver {
  constructor(
    @Inject(READ_STORE) private readonly store: ReadStore,
    private readonly commands: CommandGateway,
  ) {}

  @Query(() => [PublicationReview], { description: 'Reviews in your agencies, oldest first; filter by status.' })
  async publicationReviews(
    @CurrentActor() actor: Actor,
    @Args('status', { type: () => ReviewStatus, nullable: true }) status: string | null,
  ): Promise<PublicationReview[]> {
    requireRole(actor, 'reviewer', 'office', 'auditor', 'admin');
    const agencies = agencyFilter(actor);
    const filter: Filter = { ...(status ? { status } : {}), ...(agencies ? { agencyCode: { $in: [...agencies] } } : {}) };
    const reviews = await this.store.collection<PublicationReviewDocument>(PUBLICATION_REVIEWS).find(filter, { sort: { openedAt: 1, _id: 1 }, limit: MAX_REVIEWS });
    return reviews.map(toPublicationReview);
  }

  @Mutation(() => PublicationReview, { description: 'Approves exactly the submitted version; its owner then publishes it.' })
  async approvePublicationReview(
    @CurrentRequest() request: GatewayContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('comment', { type: () => String, nullable: true }) comment: string | null,
  ): Promise<PublicationReview> {
    await this.commands.execute(request, CONTEXTS.oversight, 'ApprovePublicationReview', { reviewId: id, ...(comment ? { comment } : {}) });
    return this.current(id);
  }

  @Mutation(() => PublicationReview, { description: 'Rejects with a reason, citing the negative-list item it relies on, or saying why none applies.' })
  async rejectPublicationReview(
    @CurrentRequest() request: GatewayContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('reason', { type: () => String }) reason: string,
    @Args('negativeListItemCode', { type: () => String, nullable: true }) negativeListItemCode: string | null,
    @Args('noNegativeListItemReason', { type: () => String, nullable: true }) noNegativeListItemReason: string | null,
  ): Promise<PublicationReview> {
    // Who may reject is settled before the citation is looked up: nobody else learns anything from it.
    requireRole(request.actor, 'reviewer');
    const citation = negativeListItemCode ? await citedNegativeListItem(this.store, (await this.current(id)).agency.code, negativeListItemCode) : {};
    await this.commands.execute(
      request,
      CONTEXTS.oversight,
      'RejectPublicationReview',
      { reviewId: id, reason, ...citation, ...(noNegativeListItemReason ? { noNegativeListItemReason } : {}) },
      { reason },
    );
    return this.current(id);
  }

  private async current(id: string): Promise<PublicationReview> {
    const review = await this.store.collection<PublicationReviewDocument>(PUBLICATION_REVIEWS).findOne({ _id: id });
    if (!review) throw notFound('REVIEW_NOT_FOUND', `There is no publication review ${id}.`);
    return toPublicationReview(review);
  }
}
