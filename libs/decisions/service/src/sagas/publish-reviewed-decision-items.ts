import { CONTEXTS, PUBLICATION_REVIEW_APPROVED, type PublicationReviewApprovedData, type PublicationSubject, REVIEWED_VERSION_OUTDATED } from '@gongkai/contracts';
import { DECISION_PUBLICATION_ITEM_TYPES } from '@gongkai/decisions/domain';
import type { RecordedEvent } from '@gongkai/event-sourcing';
import { isDomainError, systemActor } from '@gongkai/kernel';
import type { CommandBus, EventConsumer } from '@gongkai/messaging';

const actor = systemActor('decisions.publication');

interface Publication {
  readonly type: string;
  readonly data: Record<string, unknown>;
}

/** The command that publishes each kind of reviewed item, addressed to the aggregate that owns it. */
const publicationOf = (subject: PublicationSubject, reviewId: string): Publication | undefined => {
  const reviewed = { version: subject.itemVersion, contentHash: subject.contentHash, reviewId };
  switch (subject.itemType) {
    case DECISION_PUBLICATION_ITEM_TYPES.consultationDraft:
      return { type: 'PublishReviewedConsultation', data: { draftId: subject.itemId, ...reviewed } };
    case DECISION_PUBLICATION_ITEM_TYPES.consultationFeedback:
      return { type: 'PublishReviewedFeedback', data: { draftId: subject.itemId, ...reviewed } };
    case DECISION_PUBLICATION_ITEM_TYPES.progressReport:
      return { type: 'PublishReviewedProgressReport', data: { workItemId: subject.itemId, ...reviewed } };
    case DECISION_PUBLICATION_ITEM_TYPES.cleanupResult:
      return { type: 'PublishReviewedCleanupResult', data: { agencyCode: subject.agencyCode, campaignId: subject.itemId, ...reviewed } };
    default:
      return undefined;
  }
};

/**
 * 先审查、后公开: when a reviewer approves a consultation, its feedback, a progress report or the
 * results of a clean-up, publish exactly the reviewed version. If it changed in the meantime (or a
 * consultation's opening day passed before the approval) nothing is published and the review is superseded.
 */
export const publishReviewedDecisionItems = (commands: CommandBus): EventConsumer => ({
  durableName: 'decisions.publish-reviewed',
  contexts: [CONTEXTS.oversight],
  async handle(event: RecordedEvent) {
    if (event.type !== PUBLICATION_REVIEW_APPROVED) return;
    const { reviewId, subject } = event.data as PublicationReviewApprovedData;
    const publication = publicationOf(subject, reviewId);
    if (!publication) return;
    const metadata = { actor, correlationId: event.metadata.correlationId, causationId: event.id };
    try {
      await commands.send({ context: CONTEXTS.decisions, ...publication, metadata: { ...metadata, idempotencyKey: `publish:${reviewId}` } });
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
