import { AgencyRef, Connection, DepartmentRef, LocalDateValue } from '@gongkai/graphql';
import { Field, ID, ObjectType } from '@nestjs/graphql';
import { RequestExtension, RequestFee, RequestPause } from './information-request.types';
import { RequestOutcome, RequestStatus } from './request-enums';

/** What the public sees of requests: the receipt, tracking, and published answers. No personal data, by type. */
@ObjectType({ description: 'Given once, when the request is received: the access key is not stored and cannot be shown again.' })
export class InformationRequestReceipt {
  @Field(() => ID) id!: string;
  @Field(() => String) trackingCode!: string;
  @Field(() => String) accessKey!: string;
  @Field(() => LocalDateValue) receivedOn!: string;
  @Field(() => LocalDateValue, { nullable: true, description: 'Null only while no working-day calendar is loaded for the year it falls in.' }) answerDueOn!: string | null;
}

@ObjectType({ description: 'What the applicant asked to add, as the applicant sees it.' })
export class TrackingSupplement {
  @Field(() => String) instructions!: string;
  @Field(() => LocalDateValue) noticeOn!: string;
  @Field(() => LocalDateValue) dueOn!: string;
  @Field(() => LocalDateValue, { nullable: true }) receivedOn!: string | null;
}

@ObjectType({ description: 'A request as its applicant follows it: dates, pauses, outcome; of the staff only the department.' })
export class RequestTracking {
  @Field(() => String) trackingCode!: string;
  @Field(() => RequestStatus) status!: string;
  @Field(() => AgencyRef) agency!: AgencyRef;
  @Field(() => DepartmentRef) department!: DepartmentRef;
  @Field(() => LocalDateValue) receivedOn!: string;
  @Field(() => LocalDateValue, { nullable: true }) answerDueOn!: string | null;
  @Field(() => Boolean) late!: boolean;
  @Field(() => [RequestPause]) pauses!: RequestPause[];
  @Field(() => TrackingSupplement, { nullable: true }) supplement!: TrackingSupplement | null;
  @Field(() => RequestExtension, { nullable: true }) extension!: RequestExtension | null;
  @Field(() => RequestFee, { nullable: true, description: 'The processing fee asked for, and the day to pay it by.' }) fee!: RequestFee | null;
  @Field(() => RequestOutcome, { nullable: true }) outcome!: string | null;
  @Field(() => LocalDateValue, { nullable: true }) answeredOn!: string | null;
  @Field(() => String, { nullable: true }) letter!: string | null;
  @Field(() => String, { nullable: true, description: 'The information provided, withheld passages replaced.' }) content!: string | null;
  @Field(() => [String]) redactionReasons!: string[];
}

@ObjectType({ description: 'The disclosed content of an answer, published after its confidentiality review.' })
export class PublishedRequestAnswer {
  @Field(() => ID) id!: string;
  @Field(() => AgencyRef) agency!: AgencyRef;
  @Field(() => DepartmentRef) department!: DepartmentRef;
  @Field(() => RequestOutcome) outcome!: string;
  @Field(() => LocalDateValue) answeredOn!: string;
  @Field(() => String) content!: string;
  @Field(() => [String]) redactionReasons!: string[];
  @Field(() => String) contentHash!: string;
  @Field(() => String) publishedAt!: string;
}

@ObjectType()
export class PublishedRequestAnswerConnection extends Connection(PublishedRequestAnswer, 'PublishedRequestAnswer') {}
