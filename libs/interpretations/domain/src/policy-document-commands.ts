type Input = Readonly<Record<string, unknown>>;

/**
 * What the decisions context's events (through the process manager), the drafting departments and
 * the review gate ask of a policy document and its interpretations.
 */
export type PolicyDocumentCommand =
  | { type: 'NotePolicyDocument'; data: { documentId: string; agencyCode?: string; departmentCode: string; title: string } }
  | {
      type: 'RecordPolicyDocumentPublication';
      data: { documentId: string; agencyCode: string; departmentCode?: string | null; title: string; documentNumber?: string | null; publishedOn: string };
    }
  | { type: 'RecordPolicyDocumentWithdrawal'; data: { documentId: string; reason: string } }
  | { type: 'CreateInterpretation'; data: { documentId: string; interpretationId: string; content: Input } }
  | { type: 'ReviseInterpretation'; data: { interpretationId: string; expectedVersion: number; content: Input } }
  | { type: 'RequestInterpretationPublication'; data: { interpretationId: string; expectedVersion: number; reviewId: string } }
  | { type: 'PublishReviewedInterpretation'; data: { interpretationId: string; version: number; contentHash: string; reviewId: string } };

export type PolicyDocumentCommandOf<T extends PolicyDocumentCommand['type']> = Extract<PolicyDocumentCommand, { type: T }>;

/** The command types, for routing. */
export const POLICY_DOCUMENT_COMMAND_TYPES: readonly PolicyDocumentCommand['type'][] = [
  'NotePolicyDocument',
  'RecordPolicyDocumentPublication',
  'RecordPolicyDocumentWithdrawal',
  'CreateInterpretation',
  'ReviseInterpretation',
  'RequestInterpretationPublication',
  'PublishReviewedInterpretation',
];
