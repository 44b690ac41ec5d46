import type { LocalDate } from '@gongkai/kernel';
import type { ReadDocument } from '@gongkai/read-store';
import type {
  AppealKind,
  AppealResult,
  ApplicantType,
  ClockPause,
  DeliveryMethod,
  FeeMethod,
  InformationForm,
  RecordedAnswer,
  RequestChannel,
  RequestStatus,
  SealedPersonalData,
} from '@gongkai/requests/domain';

export const INFORMATION_REQUESTS = 'information_requests';
export const PUBLISHED_REQUEST_ANSWERS = 'published_request_answers';

export const TIMELINE_KINDS = [
  'RECEIVED',
  'SUPPLEMENT_REQUESTED',
  'SUPPLEMENT_RECEIVED',
  'CONSULTATION_STARTED',
  'CONSULTATION_REPLIED',
  'EXTENDED',
  'FEE_NOTICE_ISSUED',
  'FEE_PAID',
  'ANSWERED',
  'CLOSED_WITHOUT_SUPPLEMENT',
  'CLOSED_FEE_NOT_PAID',
  'ANSWER_PUBLISHED',
  'APPEAL_RECORDED',
  'PERSONAL_DATA_ERASED',
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

/** One step of a request's history, with the due date as it stood after it: why each date is what it is. */
export interface TimelineEntry {
  readonly on: LocalDate;
  readonly kind: TimelineKind;
  readonly reason: string;
  readonly answerDueOn: LocalDate | null;
  /** Who acted, for staff; never shown to the applicant. */
  readonly actorId: string;
}

export interface SupplementView {
  readonly instructions: string;
  readonly noticeOn: LocalDate;
  readonly dueOn: LocalDate;
  readonly receivedOn: LocalDate | null;
  readonly content: string | null;
}

export interface ConsultationView {
  readonly thirdParty: string;
  readonly sentOn: LocalDate;
  readonly replyDueOn: LocalDate;
  readonly repliedOn: LocalDate | null;
  readonly consents: boolean | null;
}

export interface ExtensionView {
  readonly workingDays: number;
  readonly reason: string;
  readonly approvedBy: string;
  readonly grantedOn: LocalDate;
  readonly answerDueOnBefore: LocalDate;
  readonly answerDueOn: LocalDate;
}

/** The processing-fee notice (国办函〔2020〕109号) and its payment; the applicant sees it too. */
export interface FeeView {
  readonly method: FeeMethod;
  readonly basis: number;
  readonly amountFen: number;
  readonly noticeOn: LocalDate;
  readonly payByOn: LocalDate;
  readonly paidOn: LocalDate | null;
}

export type PublicationState = 'PENDING_REVIEW' | 'PUBLISHED' | 'REJECTED' | 'SUPERSEDED';

export interface AppealView {
  readonly kind: AppealKind;
  readonly result: AppealResult;
  readonly decidedOn: LocalDate | null;
}

/** One information request as staff read it. Personal data stays sealed here too: opened per reader, per query. */
export interface InformationRequestDocument extends ReadDocument {
  readonly _id: string;
  readonly trackingCode: string;
  readonly accessKeyHash: string;
  readonly agencyCode: string;
  readonly departmentCode: string;
  readonly channel: RequestChannel;
  readonly applicantType: ApplicantType;
  readonly applicant: SealedPersonalData;
  /**
   * The keyed hash of the applicant's identity number (see applicant-fingerprint.ts), null for
   * requests received before it existed. Only for counting an applicant's requests per month:
   * never mapped to any GraphQL type.
   */
  readonly applicantFingerprint: string | null;
  /** `YYYY-MM` of receivedOn, a Shanghai date: the calendar month the monthly count is kept in. */
  readonly receivedMonth: string;
  readonly personalDataErased: boolean;
  readonly description: string;
  readonly preferredForm: InformationForm;
  readonly delivery: DeliveryMethod;
  readonly receivedOn: LocalDate;
  readonly status: RequestStatus;
  readonly supplement: SupplementView | null;
  readonly consultations: readonly ConsultationView[];
  readonly extension: ExtensionView | null;
  readonly fee: FeeView | null;
  readonly answer: RecordedAnswer | null;
  readonly publication: { readonly reviewId: string; readonly state: PublicationState; readonly publishedAt: string | null } | null;
  readonly appeals: readonly AppealView[];
  /** Derived from the facts above by the domain's clock; null while stopped or when the calendar is missing. */
  readonly answerDueOn: LocalDate | null;
  /** Why there is no due date although the clock runs, e.g. CALENDAR_YEAR_NOT_LOADED. */
  readonly clockProblem: string | null;
  readonly pauses: readonly ClockPause[];
  readonly timeline: readonly TimelineEntry[];
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** The disclosed content of an answer as the public reads it once a reviewer approved it: no applicant, no request text. */
export interface PublishedRequestAnswerDocument extends ReadDocument {
  readonly _id: string;
  readonly agencyCode: string;
  readonly departmentCode: string;
  readonly outcome: string;
  readonly answeredOn: LocalDate;
  readonly content: string;
  readonly redactionReasons: readonly string[];
  readonly contentHash: string;
  readonly publishedAt: string;
}
