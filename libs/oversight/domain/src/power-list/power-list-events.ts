import type { PublicationRequestMarker, ReviewWithdrawalMarker } from '@gongkai/contracts';

/**
 * The power and responsibility list (权责清单): each power the bureau exercises, the department
 * answerable for it and its legal basis. Adjusted dynamically (动态调整) with a reason, and every
 * adjustment is published only through the review gate (先审查、后公开).
 */
export const POWER_KINDS = [
  'LICENSING', // 行政许可
  'PENALTY', // 行政处罚
  'ENFORCEMENT', // 行政强制
  'INSPECTION', // 行政检查
  'OTHER', // 其他行政权力
] as const;
export type PowerKind = (typeof POWER_KINDS)[number];

/** ADD a power, MODIFY its terms, or REMOVE it from the list (取消). */
export const POWER_ADJUSTMENTS = ['ADD', 'MODIFY', 'REMOVE'] as const;
export type PowerAdjustment = (typeof POWER_ADJUSTMENTS)[number];

export interface PowerListEntry {
  readonly name: string;
  readonly kind: PowerKind;
  readonly departmentCode: string;
  readonly legalBasis: string;
}

export type PowerListEvent =
  | {
      type: 'PowerListItemAdjusted';
      data: {
        itemId: string;
        agencyCode: string;
        version: number;
        adjustment: PowerAdjustment;
        entry: PowerListEntry;
        reason: string;
        contentHash: string;
      } & PublicationRequestMarker &
        Partial<ReviewWithdrawalMarker>;
    }
  | { type: 'PowerListItemPublished'; data: { itemId: string; version: number; adjustment: PowerAdjustment; contentHash: string; reviewId: string; publishedAt: string } };

export type PowerListItemState =
  | { status: 'NONE' }
  | {
      status: 'ACTIVE';
      itemId: string;
      agencyCode: string;
      version: number;
      adjustment: PowerAdjustment;
      entry: PowerListEntry;
      reason: string;
      pending?: { reviewId: string; contentHash: string };
      publishedVersion?: number;
      /** Once a removal is published the power is off the list for good: a new power gets a new item. */
      removed: boolean;
    };

export const initialPowerListItemState = (): PowerListItemState => ({ status: 'NONE' });

export const evolvePowerListItem = (state: PowerListItemState, event: PowerListEvent): PowerListItemState => {
  switch (event.type) {
    case 'PowerListItemAdjusted': {
      const { itemId, agencyCode, version, adjustment, entry, reason, contentHash, publicationRequest } = event.data;
      const published = state.status === 'ACTIVE' ? { publishedVersion: state.publishedVersion, removed: state.removed } : { removed: false };
      return { status: 'ACTIVE', itemId, agencyCode, version, adjustment, entry, reason, pending: { reviewId: publicationRequest.reviewId, contentHash }, ...published };
    }
    case 'PowerListItemPublished':
      if (state.status === 'NONE') return state;
      return { ...state, pending: undefined, publishedVersion: event.data.version, removed: event.data.adjustment === 'REMOVE' };
  }
};
