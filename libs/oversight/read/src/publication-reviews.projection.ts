import type { RecordedEvent } from '@gongkai/event-sourcing';
import type { PublicationReviewEvent } from '@gongkai/oversight/domain';
import type { Projection, ReadStore } from '@gongkai/read-store';
import { PUBLICATION_REVIEWS, type PublicationReviewDocument } from './publication-review-document';

type EventOf<T extends PublicationReviewEvent['type']> = Extract<PublicationReviewEvent, { type: T }>['data'];

/** The reviewers' worklist and the record of every decision. */
export const publicationReviewsProjection: Projection = {
  name: 'oversight.publication-reviews',
  version: 2,
  collections: [PUBLICATION_REVIEWS],
  indexes: { [PUBLICATION_REVIEWS]: [{ keys: { status: 1, openedAt: 1 } }, { keys: { itemId: 1 } }] },
  handles: ['PublicationReviewOpened', 'PublicationReviewApproved', 'PublicationReviewRejected', 'PublicationReviewSuperseded', 'ReviewedVersionPublished'],

  async apply(event: RecordedEvent, store: ReadStore): Promise<void> {
    const reviews = store.collection<PublicationReviewDocument>(PUBLICATION_REVIEWS);
    switch (event.type as PublicationReviewEvent['type']) {
      case 'PublicationReviewOpened': {
        const { subject, openedAt } = event.data as EventOf<'PublicationReviewOpened'>;
        await reviews.replaceOne(
          { _id: subject.reviewId },
          {
            _id: subject.reviewId,
            itemType: subject.itemType,
            itemId: subject.itemId,
            itemVersion: subject.itemVersion,
            contentHash: subject.contentHash,
            title: subject.title,
            agencyCode: subject.agencyCode,
            departmentCode: subject.departmentCode,
            requestedBy: subject.requestedBy,
            status: 'PENDING',
            openedAt,
            decidedAt: null,
            decidedBy: null,
            comment: null,
            reason: null,
            negativeListItemCode: null,
            publishedAt: null,
          },
          { upsert: true },
        );
        return;
      }
      case 'PublicationReviewApproved': {
        const data = event.data as EventOf<'PublicationReviewApproved'>;
        await reviews.updateOne({ _id: data.reviewId }, { $set: { status: 'APPROVED', decidedAt: data.approvedAt, decidedBy: data.approvedBy, comment: data.comment ?? null } });
        return;
      }
      case 'PublicationReviewRejected': {
        const data = event.data as EventOf<'PublicationReviewRejected'>;
        await reviews.updateOne(
          { _id: data.reviewId },
          {
            $set: {
              status: 'REJECTED',
              decidedAt: data.rejectedAt,
              decidedBy: data.rejectedBy,
              reason: data.reason,
              negativeListItemCode: data.negativeListItemCode ?? null,
              negativeListVersion: data.negativeListVersion ?? null,
              noNegativeListItemReason: data.noNegativeListItemReason ?? null,
            },
          },
        );
        return;
      }
      case 'PublicationReviewSuperseded': {
        const data = event.data as EventOf<'PublicationReviewSuperseded'>;
        await reviews.updateOne({ _id: data.reviewId }, { $set: { status: 'SUPERSEDED', reason: data.reason } });
        return;
      }
      case 'ReviewedVersionPublished': {
        const data = event.data as EventOf<'ReviewedVersionPublished'>;
        await reviews.updateOne({ _id: data.reviewId }, { $set: { status: 'PUBLISHED', publishedAt: data.publishedAt } });
        return;
      }
    }
  },
};
