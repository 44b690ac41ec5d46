import type { PublicationRequestMarker } from '@gongkai/contracts';
import type { OpinionCaseDetails } from './opinion-case';
import type { OpinionResponse } from './opinion-response';

/** A public-opinion case (政务舆情): logged, monitored, answered, closed with a summary. */
export type OpinionCaseEvent =
  | { type: 'OpinionCaseRegistered'; data: { caseId: string; agencyCode: string; details: OpinionCaseDetails; pressConferenceDueAt: string | null } }
  | { type: 'OpinionMonitoringNoted'; data: { caseId: string; noteNumber: number; note: string; notedAt: string } }
  | { type: 'OpinionResponseRecorded'; data: { caseId: string; responseNumber: number; response: OpinionResponse; contentHash: string } & PublicationRequestMarker }
  | { type: 'OpinionResponsePublished'; data: { caseId: string; responseNumber: number; contentHash: string; reviewId: string; publishedAt: string } }
  | { type: 'OpinionCaseClosed'; data: { caseId: string; summary: string; closedAt: string } };

export interface ResponseRecord {
  readonly response: OpinionResponse;
  readonly reviewId: string;
  readonly contentHash: string;
  readonly published: boolean;
}

export interface OpinionCase {
  readonly status: 'OPEN' | 'CLOSED';
  readonly caseId: string;
  readonly agencyCode: string;
  readonly details: OpinionCaseDetails;
  readonly notes: number;
  /** In the order recorded; response n is `responses[n - 1]`. */
  readonly responses: readonly ResponseRecord[];
}

export type OpinionCaseState = { status: 'NONE' } | OpinionCase;

export const initialOpinionCaseState = (): OpinionCaseState => ({ status: 'NONE' });

export const evolveOpinionCase = (state: OpinionCaseState, event: OpinionCaseEvent): OpinionCaseState => {
  if (event.type === 'OpinionCaseRegistered') {
    const { caseId, agencyCode, details } = event.data;
    return { status: 'OPEN', caseId, agencyCode, details, notes: 0, responses: [] };
  }
  if (state.status === 'NONE') return state;
  switch (event.type) {
    case 'OpinionMonitoringNoted':
      return { ...state, notes: event.data.noteNumber };
    case 'OpinionResponseRecorded': {
      const { response, contentHash, publicationRequest } = event.data;
      return { ...state, responses: [...state.responses, { response, contentHash, reviewId: publicationRequest.reviewId, published: false }] };
    }
    case 'OpinionResponsePublished':
      return { ...state, responses: state.responses.map((r, i) => (i === event.data.responseNumber - 1 ? { ...r, published: true } : r)) };
    case 'OpinionCaseClosed':
      return { ...state, status: 'CLOSED' };
  }
};
