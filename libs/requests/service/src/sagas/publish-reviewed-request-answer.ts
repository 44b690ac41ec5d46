import { CONTEXTS } from '@gongkai/contracts';
import { publishReviewedVersions } from '@gongkai/messaging';
import { REQUEST_ANSWER_ITEM_TYPE } from '@gongkai/requests/domain';

/**
 * 先审查、后公开: when a reviewer approves the disclosed content of an answer, publish exactly that
 * content. If it is not the content the answer holds, nothing is published and the review is superseded.
 */
export const publishReviewedRequestAnswer = publishReviewedVersions({
  context: CONTEXTS.requests,
  durableName: 'requests.publish-reviewed-answer',
  publicationOf: (subject, reviewId) =>
    subject.itemType === REQUEST_ANSWER_ITEM_TYPE
      ? { type: 'PublishReviewedRequestAnswer', data: { requestId: subject.itemId, reviewId, contentHash: subject.contentHash } }
      : undefined,
});
