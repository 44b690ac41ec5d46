type Input = Readonly<Record<string, unknown>>;

/** What the regulations department (法规科), the office and the review gate ask of an agency's register. */
export type NormativeRegisterCommand =
  | { type: 'RegisterNormativeDocument'; data: { agencyCode: string; documentId: string; document: Input; summary?: string | null; sourceDraftId?: string } }
  | { type: 'AmendNormativeDocument'; data: { agencyCode: string; documentId: string; amendedOn: string; summary: string } }
  | { type: 'RepealNormativeDocument'; data: { agencyCode: string; documentId: string; repealedOn: string; reason: string } }
  | { type: 'OpenCleanupCampaign'; data: { agencyCode: string; campaignId: string; title: string } }
  | { type: 'ConcludeCleanupItem'; data: { agencyCode: string; campaignId: string; documentId: string; conclusion: string; reason?: string | null } }
  | { type: 'RequestCleanupResultPublication'; data: { agencyCode: string; campaignId: string; reviewId: string } }
  | { type: 'PublishReviewedCleanupResult'; data: { agencyCode: string; campaignId: string; version: number; contentHash: string; reviewId: string } };

export type NormativeRegisterCommandOf<T extends NormativeRegisterCommand['type']> = Extract<NormativeRegisterCommand, { type: T }>;

export const NORMATIVE_REGISTER_COMMAND_TYPES: readonly NormativeRegisterCommand['type'][] = [
  'RegisterNormativeDocument',
  'AmendNormativeDocument',
  'RepealNormativeDocument',
  'OpenCleanupCampaign',
  'ConcludeCleanupItem',
  'RequestCleanupResultPublication',
  'PublishReviewedCleanupResult',
];
