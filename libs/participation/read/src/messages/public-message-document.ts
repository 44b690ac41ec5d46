import type { LocalDate } from '@gongkai/kernel';
import type { AnswerLimits, MessageKind, MessageStatus, SealedAuthor } from '@gongkai/participation/domain';
import type { PublicationHistory, ReadDocument } from '@gongkai/read-store';
import type { PublicMessageView } from './public-message-visibility';

export const PUBLIC_MESSAGES = 'public_messages';
export const MESSAGE_ANSWER_LIMITS = 'message_answer_limits';

export type MessagePublicationState = 'PENDING_REVIEW' | 'PUBLISHED' | 'REJECTED' | 'SUPERSEDED';

export interface MessageAnswerView {
  readonly text: string;
  /** Staff only. */
  readonly answeredBy: string;
  readonly answeredOn: LocalDate;
  readonly late: boolean;
  readonly workingDaysTaken: number | null;
}

/**
 * A public message as the bureau holds it. The author's name and contact stay sealed: only the
 * gateway, for the handling staff, opens them; the access key is here only as its hash.
 */
export interface PublicMessageDocument extends ReadDocument {
  readonly agencyCode: string;
  readonly departmentCode: string;
  /** False while it waits at the office for a department: the service window may see those too. */
  readonly routed: boolean;
  readonly kind: MessageKind;
  readonly subject: string;
  readonly text: string;
  readonly publishable: boolean;
  readonly trackingCode: string;
  readonly accessKeyHash: string;
  readonly author: SealedAuthor | null;
  readonly receivedOn: LocalDate;
  readonly receivedYear: number;
  readonly answerLimitWorkingDays: number;
  readonly answerDueOn: LocalDate | null;
  /** Received with no due day (a year of its period had no calendar): counted on the live calendar until an event records one. */
  readonly dueDayFromCalendar: boolean;
  readonly status: MessageStatus;
  /** The published note sending a complaint to the petition procedure. */
  readonly complaintNote: string | null;
  readonly answer: MessageAnswerView | null;
  readonly publication: { readonly state: MessagePublicationState; readonly reviewId: string; readonly publishedAt: string | null } | null;
  readonly hidden: { readonly reason: string; readonly hiddenAt: string } | null;
  readonly escalation: { readonly escalatedOn: LocalDate; readonly escalatedTo: string; readonly departmentCode: string } | null;
  readonly rating: number | null;
  /**
   * What the public saw, period by period (point in time): the question and answer from their
   * publication, then the hide stub from the hiding. The public's view only: never the author.
   */
  readonly publicationHistory?: PublicationHistory<PublicMessageView>;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** The answer limits in force for an agency, as the office last set them. */
export interface AnswerLimitsDocument extends ReadDocument {
  readonly limits: AnswerLimits;
  readonly reason: string;
  readonly setBy: string;
  readonly setOn: LocalDate;
}
