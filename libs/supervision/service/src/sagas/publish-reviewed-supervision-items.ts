import { CONTEXTS, type PublicationSubject } from '@gongkai/contracts';
import { publishReviewedVersions, type ReviewedPublication } from '@gongkai/messaging';
import { SUPERVISION_PUBLICATION_ITEM_TYPES } from '@gongkai/supervision/domain';

/** The command that publishes each kind of reviewed item, addressed to the aggregate that owns it. */
const publicationOf = (subject: PublicationSubject, reviewId: string): ReviewedPublication | undefined => {
  const { itemId, itemVersion, contentHash } = subject;
  switch (subject.itemType) {
    case SUPERVISION_PUBLICATION_ITEM_TYPES.disclosure:
      return { type: 'PublishReviewedDisclosure', data: { disclosureId: itemId, version: itemVersion, contentHash, reviewId } };
    case SUPERVISION_PUBLICATION_ITEM_TYPES.disclosureImport:
      return { type: 'PublishReviewedDisclosureImport', data: { importId: itemId, contentHash, reviewId } };
    case SUPERVISION_PUBLICATION_ITEM_TYPES.enterpriseRegisterChange:
      return { type: 'PublishReviewedRegisterChange', data: { creditCode: itemId, sequence: itemVersion, contentHash, reviewId } };
    default:
      return undefined;
  }
};

/**
 * 先审查、后公开: when a reviewer approves a disclosure record, an import or a register change,
 * publish exactly what was reviewed. If it changed in the meantime nothing is published and the
 * review is superseded.
 */
export const publishReviewedSupervisionItems = publishReviewedVersions({
  context: CONTEXTS.supervision,
  durableName: 'supervision.publish-reviewed',
  publicationOf,
});
