import { CONTEXTS, hasPublicationRequest, hasReviewWithdrawal } from '@gongkai/contracts';
import type { RecordedEvent } from '@gongkai/event-sourcing';
import { systemActor } from '@gongkai/kernel';
import type { CommandBus, EventConsumer } from '@gongkai/messaging';

const actor = systemActor('oversight.review-gate');

/**
 * The review gate (先审查、后公开) listens to every context: a publication request opens a review
 * of exactly that content; a revision or retirement of that content supersedes its review.
 */
export const reviewGate = (commands: CommandBus): EventConsumer => ({
  durableName: 'oversight.review-gate',
  async handle(event: RecordedEvent) {
    const metadata = { actor, correlationId: event.metadata.correlationId, causationId: event.id };
    if (hasPublicationRequest(event.data)) {
      const subject = event.data.publicationRequest;
      await commands.send({
        context: CONTEXTS.oversight,
        type: 'OpenPublicationReview',
        data: { subject },
        metadata: { ...metadata, idempotencyKey: `open:${subject.reviewId}` },
      });
    }
    if (hasReviewWithdrawal(event.data)) {
      const reviewId = event.data.withdrawnReviewId;
      await commands.send({
        context: CONTEXTS.oversight,
        type: 'SupersedePublicationReview',
        data: { reviewId, reason: `The item changed (${event.type}) after this version was submitted for review.` },
        metadata: { ...metadata, idempotencyKey: `supersede:${reviewId}` },
      });
    }
  },
});
