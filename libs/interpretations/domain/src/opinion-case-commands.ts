type Input = Readonly<Record<string, unknown>>;

/** What the lead department, the office and the review gate ask of a public-opinion case. */
export type OpinionCaseCommand =
  | { type: 'RegisterOpinionCase'; data: { caseId: string; agencyCode: string; details: Input } }
  | { type: 'RecordOpinionMonitoringNote'; data: { caseId: string; note: string } }
  | { type: 'RecordOpinionResponse'; data: { caseId: string; reviewId: string; response: Input } }
  | { type: 'PublishReviewedOpinionResponse'; data: { caseId: string; version: number; contentHash: string; reviewId: string } }
  | { type: 'CloseOpinionCase'; data: { caseId: string; summary: string } };

export type OpinionCaseCommandOf<T extends OpinionCaseCommand['type']> = Extract<OpinionCaseCommand, { type: T }>;

export const OPINION_CASE_COMMAND_TYPES: readonly OpinionCaseCommand['type'][] = [
  'RegisterOpinionCase',
  'RecordOpinionMonitoringNote',
  'RecordOpinionResponse',
  'PublishReviewedOpinionResponse',
  'CloseOpinionCase',
];
