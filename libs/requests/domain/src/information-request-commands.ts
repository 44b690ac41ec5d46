import { assertNever, type DecideContext, type Decider } from '@gongkai/kernel';
import { appeal, erasePersonalData } from './afterwards';
import { answer, publishReviewedAnswer } from './answering';
import { evolveInformationRequest, initialInformationRequestState, type InformationRequestEvent, type InformationRequestState } from './information-request-events';
import { recordReply, startConsultation } from './consultation';
import { extend } from './extension';
import { issueFeeNotice, recordFeePayment } from './fees';
import { receive } from './receiving';
import { closeWithoutSupplement, recordSupplement, requestSupplement } from './supplement';

type Input = Readonly<Record<string, unknown>>;

/** What the intake sends: everything but the personal data arrives as entered; that arrives sealed. */
// A type, not an interface: routes read command data as a plain record.
export type IntakeData = {
  readonly requestId: string;
  readonly agencyCode?: string;
  readonly trackingCode: string;
  readonly accessKeyHash: string;
  readonly applicantType: string;
  /** Must be `SealedPersonalData`; typed loosely because the decider checks it, and refuses anything in plain text. */
  readonly applicant: unknown;
  /** HMAC-SHA256 (hex) of the normalised identity number, computed by the intake service under the platform's secret. */
  readonly applicantFingerprint?: string;
  readonly description: string;
  readonly preferredForm: string;
  readonly delivery?: string;
};

export type InformationRequestCommand =
  | { type: 'SubmitInformationRequest'; data: IntakeData }
  | { type: 'RegisterInformationRequest'; data: IntakeData & { channel: string; receivedOn: string } }
  | { type: 'RequestSupplement'; data: { requestId: string; instructions: string; noticeOn: string; supplementDueOn?: string | null } }
  | { type: 'RecordSupplement'; data: { requestId: string; receivedOn: string; content: string } }
  | { type: 'CloseRequestWithoutSupplement'; data: { requestId: string } }
  | { type: 'StartThirdPartyConsultation'; data: { requestId: string; thirdParty: string; sentOn: string } }
  | { type: 'RecordThirdPartyReply'; data: { requestId: string; receivedOn: string; consents: boolean } }
  | { type: 'ExtendInformationRequest'; data: { requestId: string; reason: string; workingDays: number; approvedBy?: string | null } }
  | {
      type: 'IssueFeeNotice';
      /** `countedApplications`: which application of the applicant's month this is, as the read side counted it (BY_COUNT only). */
      data: { requestId: string; method: string; basis: number; payByOn: string; noticeOn?: string | null; amountFen?: number | null; countedApplications?: number | null };
    }
  | { type: 'RecordFeePayment'; data: { requestId: string; paidOn: string } }
  | { type: 'AnswerInformationRequest'; data: { requestId: string; reviewId?: string } & Input }
  | { type: 'PublishReviewedRequestAnswer'; data: { requestId: string; reviewId: string; contentHash: string } }
  | { type: 'RecordRequestAppeal'; data: { requestId: string; kind: string; result: string; decidedOn?: string | null } }
  | { type: 'EraseApplicantPersonalData'; data: { requestId: string; reason: string } };

export type CommandOf<T extends InformationRequestCommand['type']> = Extract<InformationRequestCommand, { type: T }>;

export const INFORMATION_REQUEST_COMMAND_TYPES: readonly InformationRequestCommand['type'][] = [
  'SubmitInformationRequest',
  'RegisterInformationRequest',
  'RequestSupplement',
  'RecordSupplement',
  'CloseRequestWithoutSupplement',
  'StartThirdPartyConsultation',
  'RecordThirdPartyReply',
  'ExtendInformationRequest',
  'IssueFeeNotice',
  'RecordFeePayment',
  'AnswerInformationRequest',
  'PublishReviewedRequestAnswer',
  'RecordRequestAppeal',
  'EraseApplicantPersonalData',
];

export const decideInformationRequest = (command: InformationRequestCommand, state: InformationRequestState, context: DecideContext): InformationRequestEvent[] => {
  switch (command.type) {
    case 'SubmitInformationRequest':
    case 'RegisterInformationRequest':
      return receive(command, state, context);
    case 'RequestSupplement':
      return requestSupplement(command, state, context);
    case 'RecordSupplement':
      return recordSupplement(command, state, context);
    case 'CloseRequestWithoutSupplement':
      return closeWithoutSupplement(command, state, context);
    case 'StartThirdPartyConsultation':
      return startConsultation(command, state, context);
    case 'RecordThirdPartyReply':
      return recordReply(command, state, context);
    case 'ExtendInformationRequest':
      return extend(command, state, context);
    case 'IssueFeeNotice':
      return issueFeeNotice(command, state, context);
    case 'RecordFeePayment':
      return recordFeePayment(command, state, context);
    case 'AnswerInformationRequest':
      return answer(command, state, context);
    case 'PublishReviewedRequestAnswer':
      return publishReviewedAnswer(command, state, context);
    case 'RecordRequestAppeal':
      return appeal(command, state, context);
    case 'EraseApplicantPersonalData':
      return erasePersonalData(command, state, context);
    default:
      return assertNever(command);
  }
};

export const informationRequestDecider: Decider<InformationRequestCommand, InformationRequestEvent, InformationRequestState> = {
  initialState: initialInformationRequestState,
  decide: decideInformationRequest,
  evolve: evolveInformationRequest,
};
