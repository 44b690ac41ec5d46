import { CONTEXTS, type PublicationSubject } from '@gongkai/contracts';
import { INTERPRETATION_PUBLICATION_ITEM_TYPES } from '@gongkai/interpretations/domain';
import { publishReviewedVersions, type ReviewedPublication } from '@gongkai/messaging';

/** The command that publishes each kind of reviewed item, addressed to the aggregate that owns it. */
const publicationOf = (subject: PublicationSubject, reviewId: string): ReviewedPublication | undefined => {
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
export const publishReviewedInterpretationItems = publishReviewedVersions({
  context: CONTEXTS.interpretations,
  durableName: 'interpretations.publish-reviewed',
  publicationOf,
  recordsPublication: false,
});
