import { CLEANUP_CONCLUSIONS, CONSULTATION_CHANNELS, DECISION_KINDS, DECISION_STAGES, DISPOSITIONS, DOCUMENT_STATUSES, KEY_WORK_KINDS } from '@gongkai/decisions/domain';
import { registerEnumType } from '@nestjs/graphql';
import { CLEANUP_STATUSES } from '../normative-register-documents';

/** A GraphQL enum whose values are exactly the domain's. */
const enumOf = <T extends string>(values: readonly T[], name: string, description: string): Record<T, T> => {
  const values$ = Object.fromEntries(values.map((v) => [v, v])) as Record<T, T>;
  registerEnumType(values$, { name, description });
  return values$;
};

export const DecisionKind = enumOf(DECISION_KINDS, 'DecisionKind', 'The kind of major administrative decision (重大行政决策).');
export const DecisionStatus = enumOf(DECISION_STAGES, 'DecisionStatus', 'DRAFT until the decision is adopted or withdrawn.');
export const Channel = enumOf(CONSULTATION_CHANNELS, 'Channel', 'Where a consultation is announced.');
export const ConsultationStatus = enumOf(['UPCOMING', 'OPEN', 'CLOSED'] as const, 'ConsultationStatus', 'Open from 00:00 of the opening date to 24:00 of the closing date, Asia/Shanghai.');
export const Disposition = enumOf(DISPOSITIONS, 'Disposition', 'What the bureau did with a comment (采纳情况).');
export const FeedbackStatus = enumOf(['PENDING_REVIEW', 'PUBLISHED'] as const, 'ConsultationFeedbackStatus', 'Whether the feedback report is waiting for review or published.');
export const DocumentStatus = enumOf(DOCUMENT_STATUSES, 'DocumentStatus', 'The status of a normative document on the day asked about.');
export const CleanupConclusion = enumOf(CLEANUP_CONCLUSIONS, 'CleanupConclusion', 'What a clean-up (清理) concludes about a document.');
export const CleanupStatus = enumOf(CLEANUP_STATUSES, 'CleanupStatus', 'OPEN while documents are concluded; PUBLISHED once the results are out.');
export const KeyWorkKind = enumOf(KEY_WORK_KINDS, 'KeyWorkKind', 'Plans, programmes, the government work report, reform tasks.');
