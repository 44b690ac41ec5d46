import type { PublicationSubject } from '@gongkai/contracts';
import type { Actor } from '@gongkai/kernel';
import { DeciderSpecification } from '@gongkai/kernel/testing';
import { publicationReviewDecider } from './publication-review-commands';
import type { PublicationReviewEvent } from './publication-review-events';

const at = '2026-03-02T02:00:00.000Z';
const given = DeciderSpecification.for(publicationReviewDecider, { now: at });
const system: Actor = { id: 'system:review-gate', roles: ['system'] };
const reviewer: Actor = { id: 'user-reviewer', roles: ['reviewer'], agencyCode: '445300' };
const countyReviewer: Actor = { id: 'user-county-reviewer', roles: ['reviewer'], agencyCode: '445381' };
const subject: PublicationSubject = {
  reviewId: 'review-1',
  itemType: 'SERVICE_GUIDE',
  itemId: 'item-1',
  itemVersion: 3,
  contentHash: 'a'.repeat(64),
  title: '排污许可证核发',
  agencyCode: '445300',
  departmentCode: 'SERVICE_WINDOW',
  requestedBy: 'user-window',
};
const opened: PublicationReviewEvent = { type: 'PublicationReviewOpened', data: { reviewId: 'review-1', subject, openedAt: at } };
const approved: PublicationReviewEvent = { type: 'PublicationReviewApproved', data: { reviewId: 'review-1', subject, approvedBy: reviewer.id, approvedAt: at } };
const superseded: PublicationReviewEvent = { type: 'PublicationReviewSuperseded', data: { reviewId: 'review-1', subject, reason: 'revised', supersededAt: at } };

describe('Publication review (保密审查, 一事一审)', () => {
  it('opens once per request, however often the request is delivered', () => {
    given([]).when({ type: 'OpenPublicationReview', data: { subject } }, { actor: system }).then([opened]);
    given([opened]).when({ type: 'OpenPublicationReview', data: { subject } }, { actor: system }).thenNothingHappened();
  });

  it('opens no review of a kind of item no context publishes', () => {
    const unknownKind = { ...subject, itemType: 'SERVICE_GUIDES' } as unknown as PublicationSubject;
    given([]).when({ type: 'OpenPublicationReview', data: { subject: unknownKind } }, { actor: system }).thenThrows('BAD_USER_INPUT', 'NOT_ALLOWED_VALUE');
  });

  it('is approved by a reviewer for exactly the submitted version and hash', () => {
    given([opened]).when({ type: 'ApprovePublicationReview', data: { reviewId: 'review-1' } }, { actor: reviewer }).then([approved]);
  });

  it('is rejected with a reason citing the negative list', () => {
    given([opened])
      .when({ type: 'RejectPublicationReview', data: { reviewId: 'review-1', reason: '涉及国家秘密', negativeListItemCode: 'NL-01' } }, { actor: reviewer })
      .then([
        {
          type: 'PublicationReviewRejected',
          data: { reviewId: 'review-1', subject, rejectedBy: reviewer.id, reason: '涉及国家秘密', negativeListItemCode: 'NL-01', rejectedAt: at },
        },
      ]);
  });

  it('cannot be rejected without a reason', () => {
    given([opened]).when({ type: 'RejectPublicationReview', data: { reviewId: 'review-1', reason: '' } }, { actor: reviewer }).thenThrows('BAD_USER_INPUT', 'REQUIRED');
  });

  it('cannot be approved once the item has changed', () => {
    given([opened, superseded]).when({ type: 'ApprovePublicationReview', data: { reviewId: 'review-1' } }, { actor: reviewer }).thenThrows('CONFLICT', 'REVIEW_SUPERSEDED');
  });

  it('cannot be decided twice', () => {
    given([opened, approved]).when({ type: 'RejectPublicationReview', data: { reviewId: 'review-1', reason: 'x' } }, { actor: reviewer }).thenThrows('CONFLICT', 'REVIEW_ALREADY_DECIDED');
  });

  it('cannot be decided by the person who asked for publication', () => {
    given([opened])
      .when({ type: 'ApprovePublicationReview', data: { reviewId: 'review-1' } }, { actor: { ...reviewer, id: 'user-window' } })
      .thenThrows('FORBIDDEN', 'OWN_REQUEST');
  });

  it('is for reviewers only', () => {
    given([opened]).when({ type: 'ApprovePublicationReview', data: { reviewId: 'review-1' } }).thenThrows('FORBIDDEN', 'ROLE_REQUIRED');
  });

  it('keeps a county reviewer to their own agency', () => {
    given([opened]).when({ type: 'ApprovePublicationReview', data: { reviewId: 'review-1' } }, { actor: countyReviewer }).thenThrows('FORBIDDEN', 'OUTSIDE_AGENCY_SCOPE');
  });

  it('is superseded when the approved version is no longer current, and only once', () => {
    given([opened, approved])
      .when({ type: 'SupersedePublicationReview', data: { reviewId: 'review-1', reason: 'revised' } }, { actor: system })
      .then([superseded]);
    given([opened, approved, superseded]).when({ type: 'SupersedePublicationReview', data: { reviewId: 'review-1', reason: 'revised' } }, { actor: system }).thenNothingHappened();
  });

  it('records the publication of an approved review once', () => {
    const recorded: PublicationReviewEvent = { type: 'ReviewedVersionPublished', data: { reviewId: 'review-1', subject, publishedAt: at } };
    given([opened, approved]).when({ type: 'RecordReviewedVersionPublished', data: { reviewId: 'review-1' } }, { actor: system }).then([recorded]);
    given([opened, approved, recorded]).when({ type: 'RecordReviewedVersionPublished', data: { reviewId: 'review-1' } }, { actor: system }).thenNothingHappened();
  });
});

describe('A rejection and the negative list (负面清单)', () => {
  const reject = (data: Record<string, unknown>) => given([opened]).when({ type: 'RejectPublicationReview', data: { reviewId: 'review-1', reason: '涉密', ...data } }, { actor: reviewer });

  it('records the cited item and the version of the list it was read in', () => {
    expect(reject({ negativeListItemCode: 'nl-01', negativeListVersion: 3 }).events()[0].data).toMatchObject({ negativeListItemCode: 'NL-01', negativeListVersion: 3 });
  });

  it('says why no item applies when it cites none', () => {
    expect(reject({ noNegativeListItemReason: '涉及第三方商业秘密，第三方不同意公开' }).events()[0].data).toMatchObject({ noNegativeListItemReason: '涉及第三方商业秘密，第三方不同意公开' });
  });

  it('refuses a rejection that does neither, or both', () => {
    reject({}).thenThrows('BAD_USER_INPUT', 'NEGATIVE_LIST_CITATION_REQUIRED');
    reject({ negativeListItemCode: 'NL-01', noNegativeListItemReason: 'x' }).thenThrows('BAD_USER_INPUT', 'NEGATIVE_LIST_CITATION_AMBIGUOUS');
  });
});
