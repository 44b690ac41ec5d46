import { AgencyRef, Connection, DepartmentRef, LocalDateValue } from '@gongkai/graphql';
import type { SealedPersonalData } from '@gongkai/requests/domain';
import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { AppealKind, AppealResult, ApplicantType, FeeMethod, RequestChannel, RequestDeliveryMethod, RequestInformationForm, RequestOutcome, RequestPauseKind, RequestPublicationState, RequestStatus, RequestTimelineKind } from './request-enums';

@ObjectType({ description: 'The applicant’s personal data, for the staff handling the request and auditors only.' })
export class ApplicantDetails {
  @Field(() => Boolean, { description: 'True once the key was erased (crypto-shredding): the fields are then null.' }) erased!: boolean;
  @Field(() => String, { nullable: true }) name!: string | null;
  @Field(() => String, { nullable: true }) idNumber!: string | null;
  @Field(() => String, { nullable: true }) contact!: string | null;
  @Field(() => String, { nullable: true }) address!: string | null;
}

@ObjectType({ description: 'A step of the history, with the due date as it stood after it.' })
export class RequestTimelineEntry {
  @Field(() => LocalDateValue) on!: string;
  @Field(() => RequestTimelineKind) kind!: string;
  @Field(() => String) reason!: string;
  @Field(() => LocalDateValue, { nullable: true }) answerDueOn!: string | null;
}

@ObjectType({ description: 'A time the clock did not run.' })
export class RequestPause {
  @Field(() => RequestPauseKind) kind!: string;
  @Field(() => LocalDateValue) from!: string;
  @Field(() => LocalDateValue, { nullable: true }) until!: string | null;
  @Field(() => Int, { nullable: true, description: 'Working days by which it moved the due date.' }) workingDays!: number | null;
  @Field(() => Boolean) pending!: boolean;
}

@ObjectType({ description: 'The supplement notice (补正, Regulations Art. 30).' })
export class RequestSupplement {
  @Field(() => String) instructions!: string;
  @Field(() => LocalDateValue) noticeOn!: string;
  @Field(() => LocalDateValue) dueOn!: string;
  @Field(() => LocalDateValue, { nullable: true }) receivedOn!: string | null;
  @Field(() => String, { nullable: true, description: 'Staff only.' }) content!: string | null;
}

@ObjectType({ description: 'A third-party consultation (Regulations Art. 32).' })
export class RequestConsultation {
  @Field(() => String) thirdParty!: string;
  @Field(() => LocalDateValue) sentOn!: string;
  @Field(() => LocalDateValue) replyDueOn!: string;
  @Field(() => LocalDateValue, { nullable: true }) repliedOn!: string | null;
  @Field(() => Boolean, { nullable: true }) consents!: boolean | null;
}

@ObjectType({ description: 'The extension of the answer period (Regulations Art. 33).' })
export class RequestExtension {
  @Field(() => Int) workingDays!: number;
  @Field(() => String) reason!: string;
  @Field(() => String, { nullable: true, description: 'The approving leader; staff only.' }) approvedBy!: string | null;
  @Field(() => LocalDateValue, { nullable: true }) grantedOn!: string | null;
  @Field(() => LocalDateValue, { nullable: true }) answerDueOnBefore!: string | null;
  @Field(() => LocalDateValue) answerDueOn!: string;
}

@ObjectType({ description: 'The processing-fee notice (信息处理费, 国办函〔2020〕109号); amounts in fen (分).' })
export class RequestFee {
  @Field(() => FeeMethod) method!: string;
  @Field(() => Int, { description: 'By count, which application of the applicant’s calendar month this is; by pages, how many pages.' }) basis!: number;
  @Field(() => Int) amountFen!: number;
  @Field(() => LocalDateValue) noticeOn!: string;
  @Field(() => LocalDateValue) payByOn!: string;
  @Field(() => LocalDateValue, { nullable: true }) paidOn!: string | null;
}

@ObjectType()
export class RequestRedaction {
  @Field(() => Int) start!: number;
  @Field(() => Int) end!: number;
  @Field(() => String) reason!: string;
}

@ObjectType()
export class RequestAnswerPublication {
  @Field(() => ID) reviewId!: string;
  @Field(() => RequestPublicationState) state!: string;
  @Field(() => String, { nullable: true }) publishedAt!: string | null;
}

@ObjectType({ description: 'The answer as sent; `content` and `redactions` (the original) are for staff.' })
export class RequestAnswer {
  @Field(() => RequestOutcome) outcome!: string;
  @Field(() => LocalDateValue) answeredOn!: string;
  @Field(() => LocalDateValue, { nullable: true }) answerDueOn!: string | null;
  @Field(() => Boolean) late!: boolean;
  @Field(() => String) letter!: string;
  @Field(() => String) legalBasis!: string;
  @Field(() => RequestDeliveryMethod) delivery!: string;
  @Field(() => String) content!: string;
  @Field(() => String) redactedContent!: string;
  @Field(() => [RequestRedaction]) redactions!: RequestRedaction[];
  @Field(() => RequestAnswerPublication, { nullable: true }) publication!: RequestAnswerPublication | null;
}

@ObjectType()
export class RequestAppeal {
  @Field(() => AppealKind) kind!: string;
  @Field(() => AppealResult) result!: string;
  @Field(() => LocalDateValue, { nullable: true }) decidedOn!: string | null;
}

@ObjectType({ description: 'A request for government information (依申请公开), as staff see it.' })
export class InformationRequest {
  @Field(() => ID) id!: string;
  @Field(() => String) trackingCode!: string;
  @Field(() => AgencyRef) agency!: AgencyRef;
  @Field(() => DepartmentRef, { description: 'The department handling it (承办科室).' }) department!: DepartmentRef;
  @Field(() => RequestChannel) channel!: string;
  @Field(() => ApplicantType) applicantType!: string;
  @Field(() => RequestStatus) status!: string;
  @Field(() => LocalDateValue) receivedOn!: string;
  @Field(() => LocalDateValue, { nullable: true, description: 'Null while the clock waits for a supplement, or when no calendar is loaded for that year (see clockProblem).' })
  answerDueOn!: string | null;
  @Field(() => String, { nullable: true }) clockProblem!: string | null;
  @Field(() => Boolean, { description: 'Answered after its due date, or still open after it.' }) late!: boolean;
  @Field(() => RequestOutcome, { nullable: true }) outcome!: string | null;
  @Field(() => LocalDateValue, { nullable: true }) answeredOn!: string | null;
  @Field(() => String) description!: string;
  @Field(() => RequestInformationForm) preferredForm!: string;
  @Field(() => RequestDeliveryMethod) delivery!: string;
  @Field(() => RequestSupplement, { nullable: true }) supplement!: RequestSupplement | null;
  @Field(() => [RequestConsultation]) consultations!: RequestConsultation[];
  @Field(() => RequestExtension, { nullable: true }) extension!: RequestExtension | null;
  @Field(() => RequestFee, { nullable: true }) fee!: RequestFee | null;
  @Field(() => RequestAnswer, { nullable: true }) answer!: RequestAnswer | null;
  @Field(() => [RequestAppeal]) appeals!: RequestAppeal[];
  @Field(() => [RequestPause]) pauses!: RequestPause[];
  @Field(() => [RequestTimelineEntry]) timeline!: RequestTimelineEntry[];
  @Field(() => Boolean) personalDataErased!: boolean;
  /** Not fields: what the `applicant` field needs to decide who may open the sealed data. */
  sealedApplicant!: SealedPersonalData;
  /** Not a field either: the keyed fingerprint is for counting, never for showing. */
  applicantFingerprint!: string | null;
  receivedMonth!: string;
  createdAt!: string;
  agencyCode!: string;
  departmentCode!: string;
}

@ObjectType()
export class InformationRequestConnection extends Connection(InformationRequest, 'InformationRequest') {}
