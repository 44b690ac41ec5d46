import type { PublicationRequestMarker } from '@gongkai/contracts';
import type { PendingReview } from './decision-draft-events';
import type { KeyWorkItemContent, ProgressReport } from './key-work-item';

/** A key work item and its progress reports; each report is published only as a reviewer approved it. */
export type KeyWorkItemEvent =
  | { type: 'KeyWorkItemCreated'; data: { workItemId: string; agencyCode: string; item: KeyWorkItemContent } }
  | { type: 'KeyWorkProgressReported'; data: { workItemId: string; reportNumber: number; report: ProgressReport; reportedAt: string; contentHash: string } & PublicationRequestMarker }
  | { type: 'KeyWorkProgressPublished'; data: { workItemId: string; reportNumber: number; contentHash: string; reviewId: string; publishedAt: string } };

export interface KeyWorkReportRecord extends PendingReview {
  readonly report: ProgressReport;
  readonly published: boolean;
}

export type KeyWorkItemState =
  | { status: 'NONE' }
  | { status: 'ACTIVE'; workItemId: string; agencyCode: string; item: KeyWorkItemContent; reports: readonly KeyWorkReportRecord[] };

export const initialKeyWorkItemState = (): KeyWorkItemState => ({ status: 'NONE' });

export const evolveKeyWorkItem = (state: KeyWorkItemState, event: KeyWorkItemEvent): KeyWorkItemState => {
  switch (event.type) {
    case 'KeyWorkItemCreated':
      return { status: 'ACTIVE', workItemId: event.data.workItemId, agencyCode: event.data.agencyCode, item: event.data.item, reports: [] };
    case 'KeyWorkProgressReported': {
      if (state.status === 'NONE') return state;
      const { reportNumber, report, contentHash, publicationRequest } = event.data;
      return { ...state, reports: [...state.reports, { version: reportNumber, report, contentHash, reviewId: publicationRequest.reviewId, published: false }] };
    }
    case 'KeyWorkProgressPublished':
      if (state.status === 'NONE') return state;
      return { ...state, reports: state.reports.map((r) => (r.version === event.data.reportNumber ? { ...r, published: true } : r)) };
  }
};
