import { CONTEXTS } from '@gongkai/contracts';
import { publishReviewedVersions } from '@gongkai/messaging';
import { SERVICE_GUIDE_ITEM_TYPE } from '@gongkai/services-catalog/domain';

/**
 * 先审查、后公开: when a reviewer approves a service guide, publish exactly the reviewed version.
 * If the guide changed in the meantime nothing is published and the review is superseded.
 */
export const publishReviewedServiceItem = publishReviewedVersions({
  context: CONTEXTS.servicesCatalog,
  durableName: 'services-catalog.publish-reviewed',
  publicationOf: (subject, reviewId) =>
    subject.itemType === SERVICE_GUIDE_ITEM_TYPE
      ? { type: 'PublishReviewedServiceItem', data: { itemId: subject.itemId, version: subject.itemVersion, contentHash: subject.contentHash, reviewId } }
      : undefined,
});
