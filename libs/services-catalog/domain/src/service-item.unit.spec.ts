import type { Actor } from '@gongkai/kernel';
import { DeciderSpecification, STAFF_FOR_TESTS } from '@gongkai/kernel/testing';
import { serviceGuideInput } from '@gongkai/testing';
import type { ServiceGuide } from './service-guide';
import { serviceGuideContentHash, serviceItemDecider, type ServiceItemCommand } from './service-item-commands';
import type { ServiceItemEvent } from './service-item-events';

const given = DeciderSpecification.for(serviceItemDecider, { now: '2026-03-02T02:00:00Z' });
const itemId = 'item-1';
const system: Actor = { id: 'system:review-gate', roles: ['system'] };
const countyStaff: Actor = { id: 'user-county', roles: ['staff'], agencyCode: '445381', departmentCode: 'SERVICE_WINDOW' };
const planningStaff: Actor = { id: 'user-planning', roles: ['staff'], agencyCode: '445300', departmentCode: 'PLANNING' };

const guideInput = serviceGuideInput('建设项目环境影响报告表审批');
const guide: ServiceGuide = { ...guideInput, category: 'ADMINISTRATIVE_LICENSE', feeBasis: '', serviceHours: '', onlineUrl: '', faq: [] };
const revisedGuide: ServiceGuide = { ...guide, promisedLimitWorkingDays: 10 };

const drafted: ServiceItemEvent = { type: 'ServiceItemDrafted', data: { itemId, agencyCode: '445300', version: 1, guide } };
const hashV1 = serviceGuideContentHash(itemId, 1, guide);
const publicationRequest = {
  reviewId: 'review-1',
  itemType: 'SERVICE_GUIDE' as const,
  itemId,
  itemVersion: 1,
  contentHash: hashV1,
  title: guide.name,
  agencyCode: '445300',
  departmentCode: 'SERVICE_WINDOW',
  requestedBy: STAFF_FOR_TESTS.id,
};
const requested: ServiceItemEvent = { type: 'ServiceItemPublicationRequested', data: { itemId, version: 1, contentHash: hashV1, publicationRequest } };
const published: ServiceItemEvent = {
  type: 'ServiceItemPublished',
  data: { itemId, version: 1, contentHash: hashV1, reviewId: 'review-1', publishedAt: '2026-03-02T02:00:00.000Z' },
};
const publish = (version: number, contentHash: string, reviewId = 'review-1'): ServiceItemCommand => ({
  type: 'PublishReviewedServiceItem',
  data: { itemId, version, contentHash, reviewId },
});

describe('Service item (公共服务事项)', () => {
  describe('drafting', () => {
    it('records the validated guide as version 1', () => {
      given([]).when({ type: 'DraftServiceItem', data: { itemId, agencyCode: '445300', guide: guideInput } }).then([drafted]);
    });

    it.each([
      ['a missing name', { name: '' }, 'REQUIRED'],
      ['an oversized name', { name: '名'.repeat(201) }, 'TOO_LONG'],
      ['an unknown department', { departmentCode: 'NO_SUCH_DEPARTMENT' }, 'UNKNOWN_DEPARTMENT'],
      ['a negative fee', { feeFen: -1 }, 'OUT_OF_RANGE'],
      ['a fee in yuan fractions', { feeFen: 1.5 }, 'NOT_INTEGER'],
      ['a promised limit beyond the statutory one', { promisedLimitWorkingDays: 31 }, 'PROMISED_LIMIT_EXCEEDS_STATUTORY'],
      ['a fee without its legal basis', { feeFen: 1000 }, 'FEE_WITHOUT_BASIS'],
      ['an unknown category', { category: 'MISC' }, 'NOT_ALLOWED_VALUE'],
      ['a material without counts', { materials: [{ name: '申请书' }] }, 'NOT_INTEGER'],
    ])('refuses %s', (_, change, rule) => {
      given([])
        .when({ type: 'DraftServiceItem', data: { itemId, agencyCode: '445300', guide: { ...guideInput, ...change } } })
        .thenThrows('BAD_USER_INPUT', rule);
    });

    it('is for staff only: an anonymous caller must log in', () => {
      given([])
        .when({ type: 'DraftServiceItem', data: { itemId, agencyCode: '445300', guide: guideInput } }, { actor: { id: 'anonymous', roles: ['public'] } })
        .thenThrows('UNAUTHENTICATED', 'ROLE_REQUIRED');
    });

    it('keeps county staff to their own agency', () => {
      given([])
        .when({ type: 'DraftServiceItem', data: { itemId, agencyCode: '445300', guide: guideInput } }, { actor: countyStaff })
        .thenThrows('FORBIDDEN', 'OUTSIDE_AGENCY_SCOPE');
    });

    it('keeps staff to their own department', () => {
      given([])
        .when({ type: 'DraftServiceItem', data: { itemId, agencyCode: '445300', guide: guideInput } }, { actor: planningStaff })
        .thenThrows('FORBIDDEN', 'OUTSIDE_DEPARTMENT_SCOPE');
    });

    it('refuses a second draft with the same id', () => {
      given([drafted]).when({ type: 'DraftServiceItem', data: { itemId, agencyCode: '445300', guide: guideInput } }).thenThrows('CONFLICT', 'SERVICE_ITEM_EXISTS');
    });
  });

  describe('revising', () => {
    it('makes a new version with its change summary', () => {
      given([drafted])
        .when({ type: 'ReviseServiceItem', data: { itemId, expectedVersion: 1, guide: { ...guideInput, promisedLimitWorkingDays: 10 }, changeSummary: '缩短承诺时限' } })
        .then([{ type: 'ServiceItemRevised', data: { itemId, version: 2, guide: revisedGuide, changeSummary: '缩短承诺时限' } }]);
    });

    it('refuses a stale expected version', () => {
      given([drafted])
        .when({ type: 'ReviseServiceItem', data: { itemId, expectedVersion: 0, guide: guideInput, changeSummary: '' } })
        .thenThrows('CONFLICT', 'STALE_VERSION');
    });

    it('withdraws the pending review of the version it replaces', () => {
      const [event] = given([drafted, requested])
        .when({ type: 'ReviseServiceItem', data: { itemId, expectedVersion: 1, guide: guideInput, changeSummary: '' } })
        .events();
      expect(event).toMatchObject({ type: 'ServiceItemRevised', data: { version: 2, withdrawnReviewId: 'review-1' } });
    });

    it('refuses an unknown item', () => {
      given([]).when({ type: 'ReviseServiceItem', data: { itemId, expectedVersion: 1, guide: guideInput, changeSummary: '' } }).thenThrows('NOT_FOUND');
    });
  });

  describe('requesting publication (先审查、后公开)', () => {
    it('binds the request to exactly this version and content hash', () => {
      given([drafted]).when({ type: 'RequestServiceItemPublication', data: { itemId, expectedVersion: 1, reviewId: 'review-1' } }).then([requested]);
    });

    it('refuses a second request while one is pending', () => {
      given([drafted, requested])
        .when({ type: 'RequestServiceItemPublication', data: { itemId, expectedVersion: 1, reviewId: 'review-2' } })
        .thenThrows('CONFLICT', 'REVIEW_ALREADY_PENDING');
    });

    it('refuses to review again a version already published', () => {
      given([drafted, requested, published])
        .when({ type: 'RequestServiceItemPublication', data: { itemId, expectedVersion: 1, reviewId: 'review-2' } })
        .thenThrows('CONFLICT', 'VERSION_ALREADY_PUBLISHED');
    });
  });

  describe('publishing what was reviewed', () => {
    it('publishes the approved version', () => {
      given([drafted, requested]).when(publish(1, hashV1), { actor: system }).then([published]);
    });

    it('publishes nothing when the item changed after the review was opened', () => {
      const revised: ServiceItemEvent = { type: 'ServiceItemRevised', data: { itemId, version: 2, guide: revisedGuide, changeSummary: '', withdrawnReviewId: 'review-1' } };
      given([drafted, requested, revised]).when(publish(1, hashV1), { actor: system }).thenThrows('CONFLICT', 'REVIEWED_VERSION_OUTDATED');
    });

    it('publishes nothing for a content hash other than the requested one', () => {
      given([drafted, requested]).when(publish(1, 'f'.repeat(64)), { actor: system }).thenThrows('CONFLICT', 'REVIEWED_VERSION_OUTDATED');
    });

    it('publishes nothing for another review of the same version', () => {
      given([drafted, requested]).when(publish(1, hashV1, 'review-0'), { actor: system }).thenThrows('CONFLICT', 'REVIEWED_VERSION_OUTDATED');
    });

    it('does nothing when the same approval arrives again', () => {
      given([drafted, requested, published]).when(publish(1, hashV1), { actor: system }).thenNothingHappened();
    });

    it('is done by the review gate only, never by staff', () => {
      given([drafted, requested]).when(publish(1, hashV1)).thenThrows('FORBIDDEN', 'ROLE_REQUIRED');
    });
  });

  describe('retiring', () => {
    it('retires with a reason and withdraws a pending review', () => {
      given([drafted, requested])
        .when({ type: 'RetireServiceItem', data: { itemId, reason: '事项已取消' } })
        .then([{ type: 'ServiceItemRetired', data: { itemId, reason: '事项已取消', retiredAt: '2026-03-02T02:00:00.000Z', withdrawnReviewId: 'review-1' } }]);
    });

    it('needs a reason', () => {
      given([drafted]).when({ type: 'RetireServiceItem', data: { itemId, reason: ' ' } }).thenThrows('BAD_USER_INPUT', 'REQUIRED');
    });

    it('leaves a retired item unchangeable', () => {
      const retired: ServiceItemEvent = { type: 'ServiceItemRetired', data: { itemId, reason: 'x', retiredAt: '2026-03-02T02:00:00.000Z' } };
      given([drafted, retired])
        .when({ type: 'ReviseServiceItem', data: { itemId, expectedVersion: 1, guide: guideInput, changeSummary: '' } })
        .thenThrows('CONFLICT', 'SERVICE_ITEM_RETIRED');
    });
  });
});
