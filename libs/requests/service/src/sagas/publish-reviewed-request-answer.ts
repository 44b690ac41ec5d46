import { CONTEXTS, PUBLICATION_REVIEW_APPROVED, type PublicationReviewApprovedData, REVIEWED_VERSION_OUTDATED } from '@gongkai/contracts';
import type { RecordedEvent } from '@gongkai/event-sourcing';
import { isDomainError, systemActor } from '@gongkai/kernel';
import type { CommandBus, EventConsumer } from '@gongkai/messaging';
import { REQUEST_ANSWER_ITEM_TYPE } from '@gongkai/requests/domain';

const actor = systemActor('requests.publication');

/**
 * 先审查、后公开: when a reviewer approves the disclosed content of an answer, publish exactly that
 * content. If it is not the content the answer holds, nothing is published and the review is superseded.
 */
export const publishReviewedRequestAnswer = (commands: CommandBus): EventConsumer => ({
  durableName: 'requests.publish-reviewed-answer',
  contexts: [CONTEXTS.oversight],
  async handle(event: RecordedEvent) {
    if (event.type !== PUBLICATION_REVIEW_APPROVED) return;
    const { reviewId, subject } = event.data as PublicationReviewApprovedData;
    if (subject.itemType !== REQUEST_ANSWER_ITEM_TYPE) return;
    const metadata = { actor, correlationId: event.metadata.correlationId, causationId: event.id };
    try {
      await commands.send({
        context: CONTEXTS.requests,
        type: 'PublishReviewedRequestAnswer',
        data: { requestId: subject.itemId, reviewId, contentHash: subject.contentHash },
        metadata: { ...metadata, idempotencyKey: `publish:${reviewId}` },
      });
    } catch (error) {
      if (!isDomainError(error) || error.rule !== REVIEWED_VERSION_OUTDATED) throw error;
      await commands.send({
        context: CONTEXTS.oversight,
        type: 'SupersedePublicationReview',
        data: { reviewId, reason: error.message },
        metadata: { ...metadata, idempotencyKey: `supersede:${reviewId}` },
      });
      return;
    }
    await commands.send({
      context: CONTEXTS.oversight,
      type: 'RecordReviewedVersionPublished',
      data: { reviewId },
      metadata: { ...metadata, idempotencyKey: `published:${reviewId}` },
    });
  },
});
