import { AgencyRef, DepartmentRef, LocalDateValue } from '@gongkai/graphql';
import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Channel, ConsultationStatus, DecisionKind, DecisionStatus, Disposition, FeedbackStatus } from './decision-enums';

@ObjectType({ description: 'The draft as it was put out for consultation (征求意见稿).' })
export class ConsultationDraft {
  @Field(() => String) title!: string;
  @Field(() => DecisionKind) kind!: string;
  @Field(() => String) body!: string;
  @Field(() => String, { description: 'The explanation of the draft (起草说明).' }) explanation!: string;
  @Field(() => DepartmentRef) department!: DepartmentRef;
  @Field(() => Int) version!: number;
}

@ObjectType({ description: 'A comment from the public. Hidden ones keep their place, with the reason.' })
export class ConsultationComment {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true, description: 'Null for the public when the comment is hidden.' }) content!: string | null;
  @Field(() => String, { nullable: true }) authorName!: string | null;
  @Field(() => String, { nullable: true, description: 'Only ever shown to the staff handling the comments.' }) contact!: string | null;
  @Field(() => String, { description: 'UTC instant.' }) submittedAt!: string;
  @Field(() => Boolean) hidden!: boolean;
  @Field(() => String, { nullable: true }) hiddenReason!: string | null;
  @Field(() => Disposition, { nullable: true, description: 'For the public, as the published feedback reports it.' }) disposition!: string | null;
  @Field(() => String, { nullable: true }) dispositionReason!: string | null;
}

@ObjectType()
export class DispositionCount {
  @Field(() => Disposition) disposition!: string;
  @Field(() => Int) comments!: number;
}

@ObjectType({ description: 'Comments disposed of together, with one reason.' })
export class ConsultationFeedbackGroup {
  @Field(() => Int) group!: number;
  @Field(() => Disposition) disposition!: string;
  @Field(() => String) reason!: string;
  @Field(() => [ID]) commentIds!: string[];
}

@ObjectType({ description: 'The feedback report (意见采纳情况反馈): counts by disposition and the reasons.' })
export class ConsultationFeedback {
  @Field(() => Int) version!: number;
  @Field(() => FeedbackStatus) status!: string;
  @Field(() => Int, { description: 'Every comment received, hidden ones included.' }) totalComments!: number;
  @Field(() => Int) hiddenComments!: number;
  @Field(() => [DispositionCount]) counts!: DispositionCount[];
  @Field(() => [ConsultationFeedbackGroup]) groups!: ConsultationFeedbackGroup[];
  @Field(() => String, { description: 'SHA-256 of the report the reviewer approved.' }) contentHash!: string;
  @Field(() => String, { nullable: true }) publishedAt!: string | null;
}

@ObjectType({ description: 'A public consultation (公开征求意见) on a decision draft; it carries the draft’s id.' })
export class Consultation {
  @Field(() => ID) id!: string;
  @Field(() => AgencyRef) agency!: AgencyRef;
  @Field(() => String) title!: string;
  @Field(() => ConsultationDraft, { nullable: true, description: 'Null for the public until the consultation opens.' }) draft!: ConsultationDraft | null;
  @Field(() => LocalDateValue) opensOn!: string;
  @Field(() => LocalDateValue) closesOn!: string;
  @Field(() => Int, { description: 'Calendar days, both ends counted.' }) days!: number;
  @Field(() => [Channel]) channels!: string[];
  @Field(() => String, { nullable: true, description: 'Why the period is under 30 days, when it is.' }) shortPeriodReason!: string | null;
  @Field(() => ConsultationStatus) status!: string;
  @Field(() => Boolean, { description: 'False while the confidentiality review is pending (staff only).' }) published!: boolean;
  @Field(() => String, { nullable: true }) publishedAt!: string | null;
  @Field(() => ID, { nullable: true, description: 'The review waiting for it (staff only).' }) pendingReviewId!: string | null;
  @Field(() => DecisionStatus) decisionStatus!: string;
  @Field(() => String, { nullable: true }) withdrawalReason!: string | null;
  @Field(() => Int, { description: 'Every comment received, hidden ones included.' }) commentCount!: number;
  @Field(() => Int) hiddenCount!: number;
  @Field(() => ConsultationFeedback, { nullable: true, description: 'For the public, only once published.' }) feedback!: ConsultationFeedback | null;
  /** Not in the schema: what the `comments` field may show this reader. */
  agencyCode!: string;
  showsComments!: boolean;
  showsContacts!: boolean;
  /** Not in the schema: the instant this consultation was read at (`asOfInstant`), for its comments. */
  asOfInstant?: string;
}
