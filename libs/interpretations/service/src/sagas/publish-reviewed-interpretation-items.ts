import { CONTEXTS, PUBLICATION_REVIEW_APPROVED, type PublicationReviewApprovedData, type PublicationSubject, REVIEWED_VERSION_OUTDATED } from '@gongkai/contracts';
import type { RecordedEvent } from '@gongkai/event-sourcing';
import { INTERPRETATION_PUBLICATION_ITEM_TYPES } from '@gongkai/interpretations/domain';
import { isDomainError, systemActor } from '@gongkai/kernel';
import type { CommandBus, EventConsumer } from '@gongkai/messaging';

const actor = systemActor('interpretations.publication');

/** The command that publishes each kind of reviewed item, addressed to the aggregate that owns it. */
const publicationOf = (subject: PublicationSubject, reviewId: string): { type: string; data: Record<string, unknown> } | undefined => {
  const reviewed = { version: subject.itemVersion, contentHash: subject.contentHash, reviewId };
  switch (subject.itemType) {
    case INTERPRETATION_PUBLICATION_ITEM_TYPES.interpretation:
      return { type: 'PublishReviewedInterpretation', data: { interpretationId: subject.itemId, ...reviewed } };
    case INTERPRETATION_PUBLICATION_ITEM_TYPES.opinionResponse:
      return { type: 'PublishReviewedOpinionResponse', data: { caseId: subject.itemId, ...reviewed } };
    default:
      return undefined;
  }
};

/**
 * 先审查、后公开: when a reviewer approves an interpretation or the record of a response, publish
 * exactly the reviewed version (an interpretation approved before its document waits for it). If it
 * changed in the meantime nothing is published and the review is superseded. Telling oversight
 * that it went out is `reportPublishedInterpretationItems`' job, because a held interpretation
 * goes out later, with its document.
 */
export const publishReviewedInterpretationItems = (commands: CommandBus): EventConsumer => ({
  durableName: 'interpretations.publish-reviewed',
  contexts: [CONTEXTS.oversight],
  async handle(event: RecordedEvent) {
    if (event.type !== PUBLICATION_REVIEW_APPROVED) return;
    const { reviewId, subject } = event.data as PublicationReviewApprovedData;
    const publication = publicationOf(subject, reviewId);
    if (!publication) return;
    const metadata = { actor, correlationId: event.metadata.correlationId, causationId: event.id };
    try {
      await commands.send({ context: CONTEXTS.interpretations, ...publication, metadata: { ...metadata, idempotencyKey: `publish:${reviewId}` } });
    } catch (error) {
      if (!isDomainError(error) || error.rule !== REVIEWED_VERSION_OUTDATED) throw error;
      await commands.send({
        context: CONTEXTS.oversight,
        type: 'SupersedePublicationReview',
        data: { reviewId, reason: error.message },
        metadata: { ...metadata, idempotencyKey: `supersede:${reviewId}` },
      });
    }
  },
});
