import { CONTEXTS } from '@gongkai/contracts';
import { publishReviewedVersions } from '@gongkai/messaging';
import { PUBLIC_MESSAGE_ITEM_TYPE } from '@gongkai/participation/domain';

/**
 * 先审查、后公开: when a reviewer approves an answered message, publish exactly that question and
 * answer; if it was hidden or changed since, nothing is published and the review is superseded.
 */
export const publishReviewedPublicMessage = publishReviewedVersions({
  context: CONTEXTS.participation,
  durableName: 'participation.publish-reviewed-message',
  publicationOf: (subject, reviewId) =>
    subject.itemType === PUBLIC_MESSAGE_ITEM_TYPE
      ? { type: 'PublishReviewedPublicMessage', data: { messageId: subject.itemId, version: subject.itemVersion, contentHash: subject.contentHash, reviewId } }
      : undefined,
});
