import { CONTEXTS } from '@gongkai/contracts';
import { publishReviewedVersions } from '@gongkai/messaging';
import { OUTREACH_ACTIVITY_ITEM_TYPE } from '@gongkai/participation/domain';

/** 先审查、后公开: when a reviewer approves an activity's announcement or outcome, publish exactly that version. */
export const publishReviewedActivity = publishReviewedVersions({
  context: CONTEXTS.participation,
  durableName: 'participation.publish-reviewed-activity',
  publicationOf: (subject, reviewId) =>
    subject.itemType === OUTREACH_ACTIVITY_ITEM_TYPE
      ? { type: 'PublishReviewedActivity', data: { activityId: subject.itemId, version: subject.itemVersion, contentHash: subject.contentHash, reviewId } }
      : undefined,
});
