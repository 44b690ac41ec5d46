import { CONTEXTS, streamIdOf } from '@gongkai/contracts';
import { badInput } from '@gongkai/kernel';
import { byIdField, type DeciderRoute, route } from '@gongkai/messaging';
import { publicationReviewDecider, type PublicationReviewCommand } from '@gongkai/oversight/domain';

export const publicationReviewStreamId = (reviewId: string): string => streamIdOf(CONTEXTS.oversight, 'PublicationReview', reviewId);

const byReviewId = byIdField(publicationReviewStreamId, 'reviewId');

const toOpenedReview = (data: PublicationReviewCommand['data']): string => {
  const subject = (data as { subject?: { reviewId?: unknown } }).subject;
  if (typeof subject?.reviewId !== 'string') throw badInput('INVALID_ID', 'subject.reviewId must be an id.', { field: 'subject.reviewId' });
  return publicationReviewStreamId(subject.reviewId);
};

export const PUBLICATION_REVIEW_ROUTES: Readonly<Record<string, DeciderRoute>> = {
  OpenPublicationReview: route(publicationReviewDecider, toOpenedReview),
  ...Object.fromEntries(
    ['ApprovePublicationReview', 'RejectPublicationReview', 'SupersedePublicationReview', 'RecordReviewedVersionPublished'].map((type) => [
      type,
      route(publicationReviewDecider, (data) => byReviewId(data as Readonly<Record<string, unknown>>)),
    ]),
  ),
};
