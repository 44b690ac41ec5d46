import { CONTEXTS, type PublicationSubject } from '@gongkai/contracts';
import { DECISION_PUBLICATION_ITEM_TYPES } from '@gongkai/decisions/domain';
import { publishReviewedVersions, type ReviewedPublication } from '@gongkai/messaging';

/** The command that publishes each kind of reviewed item, addressed to the aggregate that owns it. */
const publicationOf = (subject: PublicationSubject, reviewId: string): ReviewedPublication | undefined => {
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
export const publishReviewedDecisionItems = publishReviewedVersions({
  context: CONTEXTS.decisions,
  durableName: 'decisions.publish-reviewed',
  publicationOf,
});
