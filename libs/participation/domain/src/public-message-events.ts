import type { PublicationRequestMarker } from '@gongkai/contracts';
import type { LocalDate, SealedPersonalData } from '@gongkai/kernel';

/** 留言咨询: what the public may send. Complaints go to the petition procedure (信访), not here. */
export const MESSAGE_KINDS = ['INQUIRY', 'SUGGESTION', 'COMPLAINT'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

/**
 * The author's name and contact are personal data: they arrive encrypted under the message's own
 * key of the personal-data vault, so no event, read model or log holds them in plain text.
 */
export type SealedAuthor = SealedPersonalData;

export type PublicMessageEvent =
  | {
      type: 'PublicMessageReceived';
      data: {
        messageId: string;
        agencyCode: string;
        departmentCode: string;
        kind: MessageKind;
        subject: string;
        text: string;
        publishable: boolean;
        trackingCode: string;
        accessKeyHash: string;
        author?: SealedAuthor;
        receivedOn: LocalDate;
        /** The limit in force on the day of receipt (see answer-limits.ts). */
        answerLimitWorkingDays: number;
        /** Null only while no working-day calendar is loaded for the year it falls in: never guessed. */
        answerDueOn: LocalDate | null;
      };
    }
  | { type: 'ComplaintRedirected'; data: { messageId: string; note: string; redirectedOn: LocalDate } }
  | { type: 'PublicMessageRouted'; data: { messageId: string; fromDepartmentCode: string; departmentCode: string; routedOn: LocalDate } }
  | {
      type: 'PublicMessageAnswered';
      data: {
        messageId: string;
        answer: string;
        answeredBy: string;
        answeredOn: LocalDate;
        answerDueOn: LocalDate | null;
        late: boolean;
        /** Null when a year of the period has no calendar loaded. */
        workingDaysTaken: number | null;
      };
    }
  | {
      /** An unanswered message past its due date, brought to the office (and the leadership) by the overdue watch. */
      type: 'PublicMessageEscalated';
      data: { messageId: string; departmentCode: string; answerDueOn: LocalDate; escalatedOn: LocalDate; escalatedTo: string };
    }
  | { type: 'PublicMessagePublicationRequested'; data: { messageId: string; version: number; contentHash: string } & PublicationRequestMarker }
  | { type: 'PublicMessagePublished'; data: { messageId: string; version: number; contentHash: string; reviewId: string; publishedAt: string } }
  | { type: 'PublicMessageHidden'; data: { messageId: string; reason: string; hiddenAt: string } }
  | { type: 'PublicMessageRated'; data: { messageId: string; rating: number; ratedAt: string } };

export type MessageStatus = 'RECEIVED' | 'REDIRECTED' | 'ANSWERED';

export interface PublicMessageRecord {
  readonly status: MessageStatus;
  readonly messageId: string;
  readonly agencyCode: string;
  readonly departmentCode: string;
  readonly kind: MessageKind;
  readonly subject: string;
  readonly text: string;
  readonly publishable: boolean;
  readonly accessKeyHash: string;
  readonly receivedOn: LocalDate;
  readonly answerLimitWorkingDays: number;
  /** As recorded at receipt; while null, `dueDayOf` counts it on the calendar of the moment. */
  readonly answerDueOn: LocalDate | null;
  readonly answer?: string;
  readonly pendingReviewId?: string;
  readonly pendingContentHash?: string;
  readonly published: boolean;
  readonly hidden: boolean;
  readonly escalated: boolean;
  readonly rating?: number;
}

export type PublicMessageState = { status: 'NONE' } | PublicMessageRecord;

export const initialPublicMessageState = (): PublicMessageState => ({ status: 'NONE' });

export const evolvePublicMessage = (state: PublicMessageState, event: PublicMessageEvent): PublicMessageState => {
  if (event.type === 'PublicMessageReceived') {
    const { author: _sealed, trackingCode: _code, ...data } = event.data;
    return { ...data, status: 'RECEIVED', published: false, hidden: false, escalated: false };
  }
  if (state.status === 'NONE') return state;
  switch (event.type) {
    case 'ComplaintRedirected':
      return { ...state, status: 'REDIRECTED' };
    case 'PublicMessageRouted':
      return { ...state, departmentCode: event.data.departmentCode };
    case 'PublicMessageAnswered':
      return { ...state, status: 'ANSWERED', answer: event.data.answer };
    case 'PublicMessagePublicationRequested':
      return { ...state, pendingReviewId: event.data.publicationRequest.reviewId, pendingContentHash: event.data.contentHash };
    case 'PublicMessagePublished':
      return { ...state, published: true, pendingReviewId: undefined, pendingContentHash: undefined };
    case 'PublicMessageHidden':
      return { ...state, hidden: true };
    case 'PublicMessageRated':
      return { ...state, rating: event.data.rating };
    case 'PublicMessageEscalated':
      return { ...state, escalated: true };
  }
};
