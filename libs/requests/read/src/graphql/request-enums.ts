import {
  APPEAL_KINDS,
  APPEAL_RESULTS,
  APPLICANT_TYPES,
  DELIVERY_METHODS,
  FEE_METHODS,
  INFORMATION_FORMS,
  REQUEST_CHANNELS,
  REQUEST_OUTCOMES,
  REQUEST_STATUSES,
} from '@gongkai/requests/domain';
import { registerEnumType } from '@nestjs/graphql';
import { TIMELINE_KINDS } from '../information-request-document';

/** A GraphQL enum whose values are exactly the domain's. */
const enumOf = <T extends string>(values: readonly T[], name: string, description: string): Record<T, T> => {
  const values$ = Object.fromEntries(values.map((v) => [v, v])) as Record<T, T>;
  registerEnumType(values$, { name, description });
  return values$;
};

export const ApplicantType = enumOf(APPLICANT_TYPES, 'ApplicantType', 'Who asks, in the categories of the annual report (申请人情况).');
export const RequestChannel = enumOf(REQUEST_CHANNELS, 'RequestChannel', 'How the request reached the bureau; it decides the date of receipt (Regulations Art. 31).');
export const RequestInformationForm = enumOf(INFORMATION_FORMS, 'RequestInformationForm', 'The form the applicant asks for (Regulations Art. 40).');
export const RequestDeliveryMethod = enumOf(DELIVERY_METHODS, 'RequestDeliveryMethod', 'How the answer reaches the applicant.');
export const RequestOutcome = enumOf(REQUEST_OUTCOMES, 'RequestOutcome', 'The outcome categories of the annual report template (办理结果).');
export const RequestStatus = enumOf(REQUEST_STATUSES, 'RequestStatus', 'Where a request stands, derived from its history.');
export const AppealKind = enumOf(APPEAL_KINDS, 'AppealKind', 'Administrative reconsideration, or litigation directly or after reconsideration.');
export const AppealResult = enumOf(APPEAL_RESULTS, 'AppealResult', 'Upheld (维持), corrected (纠正), other, or still pending (尚未审结).');
export const RequestTimelineKind = enumOf(TIMELINE_KINDS, 'RequestTimelineKind', 'A step in the history of a request.');
export const RequestPauseKind = enumOf(['SUPPLEMENT', 'THIRD_PARTY_CONSULTATION', 'FEE'] as const, 'RequestPauseKind', 'Why the clock did not run.');
export const RequestPublicationState = enumOf(
  ['PENDING_REVIEW', 'PUBLISHED', 'REJECTED', 'SUPERSEDED'] as const,
  'RequestPublicationState',
  'Where the published content of a disclosed answer stands at the review gate (先审查、后公开).',
);
export const FeeMethod = enumOf(FEE_METHODS, 'FeeMethod', 'How a processing fee is computed (国办函〔2020〕109号): by the applicant’s applications in a month, or by pages; never both.');
