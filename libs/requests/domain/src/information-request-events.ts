import type { PublicationRequestMarker } from '@gongkai/contracts';
import type { LocalDate } from '@gongkai/kernel';
import type { SealedPersonalData } from './applicant';
import type { FeeMethod } from './processing-fee';
import type { Redaction } from './redaction';
import type { AppealKind, AppealResult, ApplicantType, DeliveryMethod, InformationForm, RequestChannel, RequestOutcome, RequestStatus } from './request-terms';

/** The answer as recorded: the letter sent, and for a partial disclosure the original and its redactions. */
export interface RecordedAnswer {
  readonly outcome: RequestOutcome;
  readonly answeredOn: LocalDate;
  /** The due date when it was answered; null when the clock was stopped (no supplement). */
  readonly answerDueOn: LocalDate | null;
  readonly late: boolean;
  readonly letter: string;
  readonly legalBasis: string;
  readonly delivery: DeliveryMethod;
  /** The information provided, before redaction: staff only. */
  readonly content: string;
  readonly redactions: readonly Redaction[];
  /** What the applicant receives: the content with the redacted passages replaced. */
  readonly redactedContent: string;
  readonly publishedAt: string;
  readonly holderAgency: string;
}

/** An information request (政府信息公开申请) from receipt to answer and beyond. */
export type InformationRequestEvent =
  | {
      type: 'InformationRequestReceived';
      data: {
        requestId: string;
        agencyCode: string;
        /** The department handling it (承办科室): the only staff the applicant learns about. */
        departmentCode: string;
        channel: RequestChannel;
        receivedOn: LocalDate;
        trackingCode: string;
        /** SHA-256 of the access key; the key itself is given to the applicant once and never stored. */
        accessKeyHash: string;
        applicantType: ApplicantType;
        applicant: SealedPersonalData;
        /**
         * HMAC-SHA256 of the applicant's normalised identity number under the platform's secret: lets
         * the read side count an applicant's requests per month (国办函〔2020〕109号) without the
         * number in clear. Staff-side only, never shown. Absent on requests received before fees.
         */
        applicantFingerprint?: string;
        description: string;
        preferredForm: InformationForm;
        delivery: DeliveryMethod;
      };
    }
  | { type: 'SupplementRequested'; data: { requestId: string; instructions: string; noticeOn: LocalDate; supplementDueOn: LocalDate } }
  | { type: 'SupplementReceived'; data: { requestId: string; receivedOn: LocalDate; content: string } }
  | { type: 'ThirdPartyConsultationStarted'; data: { requestId: string; consultation: number; thirdParty: string; sentOn: LocalDate; replyDueOn: LocalDate } }
  | { type: 'ThirdPartyReplyRecorded'; data: { requestId: string; consultation: number; receivedOn: LocalDate; consents: boolean } }
  | {
      type: 'InformationRequestExtended';
      data: {
        requestId: string;
        workingDays: number;
        reason: string;
        approvedBy: string;
        /** True when a signed-in leader approved it; false when staff recorded a leader's approval. */
        approvedInPerson: boolean;
        grantedOn: LocalDate;
        answerDueOnBefore: LocalDate;
        answerDueOn: LocalDate;
      };
    }
  | { type: 'FeeNoticeIssued'; data: { requestId: string; method: FeeMethod; basis: number; amountFen: number; noticeOn: LocalDate; payByOn: LocalDate } }
  | { type: 'FeePaymentRecorded'; data: { requestId: string; paidOn: LocalDate } }
  | { type: 'InformationRequestAnswered'; data: { requestId: string } & RecordedAnswer & Partial<PublicationRequestMarker> }
  | { type: 'RequestAnswerPublished'; data: { requestId: string; reviewId: string; contentHash: string; publishedAt: string } }
  | { type: 'RequestAppealRecorded'; data: { requestId: string; kind: AppealKind; result: AppealResult; decidedOn: LocalDate | null } }
  | { type: 'ApplicantPersonalDataErased'; data: { requestId: string; keyId: string; reason: string; erasedAt: string } };

export interface SupplementFacts {
  readonly instructions: string;
  readonly noticeOn: LocalDate;
  readonly dueOn: LocalDate;
  readonly receivedOn?: LocalDate;
}

export interface ConsultationFacts {
  readonly thirdParty: string;
  readonly sentOn: LocalDate;
  readonly replyDueOn: LocalDate;
  readonly repliedOn?: LocalDate;
  readonly consents?: boolean;
}

/** The processing-fee notice (收费通知) and its payment. */
export interface FeeFacts {
  readonly method: FeeMethod;
  readonly basis: number;
  readonly amountFen: number;
  readonly noticeOn: LocalDate;
  readonly payByOn: LocalDate;
  readonly paidOn?: LocalDate;
}

export interface InformationRequestRecord {
  readonly status: RequestStatus;
  readonly requestId: string;
  readonly agencyCode: string;
  readonly departmentCode: string;
  readonly trackingCode: string;
  readonly receivedOn: LocalDate;
  readonly description: string;
  readonly preferredForm: InformationForm;
  readonly delivery: DeliveryMethod;
  readonly supplement?: SupplementFacts;
  readonly consultations: readonly ConsultationFacts[];
  readonly extension?: { readonly workingDays: number };
  readonly fee?: FeeFacts;
  readonly answer?: { readonly outcome: RequestOutcome; readonly reviewId?: string; readonly contentHash?: string; readonly published: boolean };
  readonly appeals: Readonly<Partial<Record<AppealKind, AppealResult>>>;
  readonly personalDataErased: boolean;
}

export type InformationRequestState = { status: 'NONE' } | InformationRequestRecord;

export const initialInformationRequestState = (): InformationRequestState => ({ status: 'NONE' });

/** Closed without an answer on substance: the annual report's "other" outcomes that end a request. */
const statusAfterAnswer = (outcome: RequestOutcome): RequestStatus => (outcome === 'OTHER_NO_SUPPLEMENT' || outcome === 'OTHER_FEE_NOT_PAID' ? 'CLOSED' : 'ANSWERED');

/** While a request is open its status follows the pauses: a supplement first, then a fee, then a consultation. */
const openStatus = (record: InformationRequestRecord): RequestStatus => {
  if (record.supplement && !record.supplement.receivedOn) return 'AWAITING_SUPPLEMENT';
  if (record.fee && !record.fee.paidOn) return 'AWAITING_FEE';
  if (record.consultations.some((c) => c.repliedOn === undefined)) return 'IN_CONSULTATION';
  return 'IN_PROGRESS';
};

const isOpen = (record: InformationRequestRecord): boolean => record.status !== 'ANSWERED' && record.status !== 'CLOSED';

const reopen = (record: InformationRequestRecord): InformationRequestRecord => (isOpen(record) ? { ...record, status: openStatus(record) } : record);

export const evolveInformationRequest = (state: InformationRequestState, event: InformationRequestEvent): InformationRequestState => {
  if (event.type === 'InformationRequestReceived') {
    const data = event.data;
    return {
      status: 'IN_PROGRESS',
      requestId: data.requestId,
      agencyCode: data.agencyCode,
      departmentCode: data.departmentCode,
      trackingCode: data.trackingCode,
      receivedOn: data.receivedOn,
      description: data.description,
      preferredForm: data.preferredForm,
      delivery: data.delivery,
      consultations: [],
      appeals: {},
      personalDataErased: false,
    };
  }
  if (state.status === 'NONE') return state;
  switch (event.type) {
    case 'SupplementRequested':
      return reopen({ ...state, supplement: { instructions: event.data.instructions, noticeOn: event.data.noticeOn, dueOn: event.data.supplementDueOn } });
    case 'SupplementReceived':
      return state.supplement ? reopen({ ...state, supplement: { ...state.supplement, receivedOn: event.data.receivedOn } }) : state;
    case 'ThirdPartyConsultationStarted':
      return reopen({ ...state, consultations: [...state.consultations, { thirdParty: event.data.thirdParty, sentOn: event.data.sentOn, replyDueOn: event.data.replyDueOn }] });
    case 'ThirdPartyReplyRecorded':
      return reopen({
        ...state,
        consultations: state.consultations.map((c, i) => (i + 1 === event.data.consultation ? { ...c, repliedOn: event.data.receivedOn, consents: event.data.consents } : c)),
      });
    case 'FeeNoticeIssued': {
      const { requestId: _requestId, ...fee } = event.data;
      return reopen({ ...state, fee });
    }
    case 'FeePaymentRecorded':
      return state.fee ? reopen({ ...state, fee: { ...state.fee, paidOn: event.data.paidOn } }) : state;
    case 'InformationRequestExtended':
      return { ...state, extension: { workingDays: event.data.workingDays } };
    case 'InformationRequestAnswered':
      return {
        ...state,
        status: statusAfterAnswer(event.data.outcome),
        answer: {
          outcome: event.data.outcome,
          published: false,
          ...(event.data.publicationRequest ? { reviewId: event.data.publicationRequest.reviewId, contentHash: event.data.publicationRequest.contentHash } : {}),
        },
      };
    case 'RequestAnswerPublished':
      return state.answer ? { ...state, answer: { ...state.answer, published: true } } : state;
    case 'RequestAppealRecorded':
      return { ...state, appeals: { ...state.appeals, [event.data.kind]: event.data.result } };
    case 'ApplicantPersonalDataErased':
      return { ...state, personalDataErased: true };
  }
};

export const isOpenRequest = isOpen;
