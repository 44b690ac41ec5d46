import type { PublicationRequestMarker, ReviewWithdrawalMarker } from '@gongkai/contracts';
import type { ServiceGuide } from './service-guide';

/** A service item (公共服务事项) of the catalogue and the versions of its guide. */
export type ServiceItemEvent =
  | { type: 'ServiceItemDrafted'; data: { itemId: string; agencyCode: string; version: 1; guide: ServiceGuide } }
  | {
      type: 'ServiceItemRevised';
      data: { itemId: string; version: number; guide: ServiceGuide; changeSummary: string } & Partial<ReviewWithdrawalMarker>;
    }
  | { type: 'ServiceItemPublicationRequested'; data: { itemId: string; version: number; contentHash: string } & PublicationRequestMarker }
  | { type: 'ServiceItemPublished'; data: { itemId: string; version: number; contentHash: string; reviewId: string; publishedAt: string } }
  | { type: 'ServiceItemRetired'; data: { itemId: string; reason: string; retiredAt: string } & Partial<ReviewWithdrawalMarker> };

export const PUBLICATION_STATUSES = ['DRAFT', 'PENDING_REVIEW', 'PUBLISHED', 'RETIRED'] as const;
export type PublicationStatus = (typeof PUBLICATION_STATUSES)[number];

export type ServiceItemState =
  | { status: 'NONE' }
  | {
      status: PublicationStatus;
      itemId: string;
      agencyCode: string;
      version: number;
      guide: ServiceGuide;
      /** The review waiting for the current version, if any. */
      pendingReviewId?: string;
      pendingContentHash?: string;
      /** The version the public sees; a later draft does not unpublish it. */
      publishedVersion?: number;
    };

export const initialServiceItemState = (): ServiceItemState => ({ status: 'NONE' });

export const evolveServiceItem = (state: ServiceItemState, event: ServiceItemEvent): ServiceItemState => {
  switch (event.type) {
    case 'ServiceItemDrafted':
      return { status: 'DRAFT', itemId: event.data.itemId, agencyCode: event.data.agencyCode, version: 1, guide: event.data.guide };
    case 'ServiceItemRevised':
      if (state.status === 'NONE') return state;
      return { ...state, status: 'DRAFT', version: event.data.version, guide: event.data.guide, pendingReviewId: undefined, pendingContentHash: undefined };
    case 'ServiceItemPublicationRequested':
      if (state.status === 'NONE') return state;
      return {
        ...state,
        status: 'PENDING_REVIEW',
        pendingReviewId: event.data.publicationRequest.reviewId,
        pendingContentHash: event.data.contentHash,
      };
    case 'ServiceItemPublished':
      if (state.status === 'NONE') return state;
      return { ...state, status: 'PUBLISHED', publishedVersion: event.data.version, pendingReviewId: undefined, pendingContentHash: undefined };
    case 'ServiceItemRetired':
      if (state.status === 'NONE') return state;
      return { ...state, status: 'RETIRED', pendingReviewId: undefined, pendingContentHash: undefined };
  }
};
