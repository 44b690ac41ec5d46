import { CONTEXTS, PUBLICATION_REVIEW_APPROVED, type PublicationReviewApprovedData, REVIEWED_VERSION_OUTDATED } from '@gongkai/contracts';
import type { RecordedEvent } from '@gongkai/event-sourcing';
import { isDomainError, systemActor } from '@gongkai/kernel';
import type { CommandBus, EventConsumer } from '@gongkai/messaging';
import { PUBLIC_MESSAGE_ITEM_TYPE } from '@gongkai/participation/domain';

const actor = systemActor('participation.publication');

/**
 * 先审查、后公开: when a reviewer approves an answered message, publish exactly that question and
 * answer; if it was hidden or changed since, nothing is published and the review is superseded.
 */
export const publishReviewedPublicMessage = (commands: CommandBus): EventConsumer => ({
  durableName: 'participation.publish-reviewed-message',
  contexts: [CONTEXTS.oversight],
  async handle(event: RecordedEvent) {
    if (event.type !== PUBLICATION_REVIEW_APPROVED) return;
    const { reviewId, subject } = event.data as PublicationReviewApprovedData;
    if (subject.itemType !== PUBLIC_MESSAGE_ITEM_TYPE) return;
    const metadata = { actor, correlationId: event.metadata.correlationId, causationId: event.id };
    try {
      await commands.send({
        context: CONTEXTS.participation,
        type: 'PublishReviewedPublicMessage',
        data: { messageId: subject.itemId, version: subject.itemVersion, contentHash: subject.contentHash, reviewId },
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
    await commands.send({ context: CONTEXTS.oversight, type: 'RecordReviewedVersionPublished', data: { reviewId }, metadata: { ...metadata, idempotencyKey: `published:${reviewId}` } });
  },
});
