import type { OpinionCaseDetails, OpinionResponse } from '@gongkai/interpretations/domain';
import type { ReadDocument } from '@gongkai/read-store';

export const OPINION_CASES = 'interpretation_opinion_cases';
export const OPINION_RESPONSES = 'interpretation_opinion_responses';

export interface MonitoringNoteEntry {
  readonly number: number;
  readonly note: string;
  readonly notedAt: string;
  readonly notedBy: string;
}

export interface ResponseEntry extends OpinionResponse {
  readonly number: number;
  readonly reviewId: string;
  readonly publishedAt: string | null;
}

/** A public-opinion case for the bureau: internal through and through, monitoring notes included. */
export interface OpinionCaseDocument extends ReadDocument, OpinionCaseDetails {
  readonly _id: string;
  readonly agencyCode: string;
  readonly status: 'OPEN' | 'CLOSED';
  readonly pressConferenceDueAt: string | null;
  /** The earliest press conference recorded, whatever order they were recorded in. */
  readonly firstPressConferenceAt: string | null;
  readonly notes: readonly MonitoringNoteEntry[];
  readonly responses: readonly ResponseEntry[];
  readonly summary: string | null;
  readonly closedAt: string | null;
  readonly registeredAt: string;
  readonly updatedAt: string;
}

/** One response, kept apart from its case so that the public list can never reach a monitoring note. */
export interface OpinionResponseDocument extends ReadDocument, OpinionResponse {
  readonly _id: string;
  readonly caseId: string;
  readonly agencyCode: string;
  readonly topic: string;
  readonly number: number;
  readonly publishedAt: string | null;
}
