import { AgencyRef, Connection, DepartmentRef, LocalDateValue } from '@gongkai/graphql';
import type { SealedAuthor } from '@gongkai/participation/domain';
import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { MessageKind, MessagePublicationState, MessageStatus } from './public-message-enums';

/** Lengths and formats are checked at the edge and by the domain: every problem is BAD_USER_INPUT naming its field. */
@InputType({ description: 'A public message (留言咨询). Name and contact are optional, encrypted, and never published.' })
export class PublicMessageInput {
  @Field(() => MessageKind) kind!: string;
  @Field(() => String, { description: 'At most 200 characters.' }) subject!: string;
  @Field(() => String, { description: 'At most 5,000 characters.' }) text!: string;
  @Field(() => String, { nullable: true }) authorName?: string | null;
  @Field(() => String, { nullable: true, description: 'Telephone or e-mail, for the handling staff only.' }) contact?: string | null;
  @Field(() => Boolean, { description: 'Whether the question and its answer may be published (after review).' }) publishable!: boolean;
}

@ObjectType({ description: 'Given once: the access key is not stored and cannot be shown again.' })
export class PublicMessageReceipt {
  @Field(() => ID) id!: string;
  @Field(() => String) trackingCode!: string;
  @Field(() => String) accessKey!: string;
  @Field(() => LocalDateValue) receivedOn!: string;
  @Field(() => LocalDateValue, { nullable: true, description: 'Null only while no working-day calendar is loaded for the year it falls in.' }) answerDueOn!: string | null;
  @Field(() => String, { nullable: true, description: 'For a complaint: where to take it instead.' }) complaintNote!: string | null;
}

@ObjectType()
export class MessageAnswer {
  @Field(() => String) text!: string;
  @Field(() => LocalDateValue) answeredOn!: string;
  @Field(() => Boolean, { description: 'Answered after its due date.' }) late!: boolean;
  @Field(() => Int, { nullable: true, description: 'Working days from receipt to answer.' }) workingDaysTaken!: number | null;
  @Field(() => String, { nullable: true, description: 'Staff only.' }) answeredBy!: string | null;
}

@ObjectType({ description: 'The author as they gave themselves: for the handling staff only.' })
export class MessageAuthor {
  @Field(() => String, { nullable: true }) name!: string | null;
  @Field(() => String, { nullable: true }) contact!: string | null;
  @Field(() => Boolean, { description: 'The key was erased: the data is gone.' }) erased!: boolean;
}

@ObjectType({ description: 'A public message as the caller may see it; fields the caller may not see are null.' })
export class PublicMessage {
  @Field(() => ID) id!: string;
  @Field(() => AgencyRef) agency!: AgencyRef;
  @Field(() => DepartmentRef) department!: DepartmentRef;
  @Field(() => MessageKind) kind!: string;
  @Field(() => String, { nullable: true, description: 'Null when hidden.' }) subject!: string | null;
  @Field(() => String, { nullable: true, description: 'Null when hidden.' }) text!: string | null;
  @Field(() => MessageStatus) status!: string;
  @Field(() => LocalDateValue) receivedOn!: string;
  @Field(() => LocalDateValue, { nullable: true }) answerDueOn!: string | null;
  @Field(() => Int, { nullable: true }) answerLimitWorkingDays!: number | null;
  @Field(() => Boolean, { description: 'Past its due date without an answer, or answered after it.' }) overdue!: boolean;
  @Field(() => Boolean, { description: 'Brought to the office as overdue (督办).' }) escalated!: boolean;
  @Field(() => LocalDateValue, { nullable: true }) escalatedOn!: string | null;
  @Field(() => String, { nullable: true }) complaintNote!: string | null;
  @Field(() => MessageAnswer, { nullable: true }) answer!: MessageAnswer | null;
  @Field(() => MessagePublicationState, { nullable: true }) publicationState!: string | null;
  @Field(() => String, { nullable: true }) publishedAt!: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Whether the author allowed publication (staff).' }) publishable!: boolean | null;
  @Field(() => Boolean) hidden!: boolean;
  @Field(() => String, { nullable: true, description: 'Why it was hidden: published with the hiding.' }) hiddenReason!: string | null;
  @Field(() => Int, { nullable: true, description: 'The author’s rating of the answer, 1–5 (staff).' }) rating!: number | null;
  /** Not in the schema: the sealed author, kept for the `author` field of the handling staff. */
  sealedAuthor!: SealedAuthor | null;
  authorReadable!: boolean;
}

@ObjectType()
export class PublicMessageConnection extends Connection(PublicMessage, 'PublicMessage') {}

@ObjectType({ description: 'A message as its author follows it with the tracking code and access key.' })
export class PublicMessageTracking {
  @Field(() => String) trackingCode!: string;
  @Field(() => MessageKind) kind!: string;
  @Field(() => String) subject!: string;
  @Field(() => String) text!: string;
  @Field(() => MessageStatus) status!: string;
  @Field(() => AgencyRef) agency!: AgencyRef;
  @Field(() => DepartmentRef) department!: DepartmentRef;
  @Field(() => LocalDateValue) receivedOn!: string;
  @Field(() => LocalDateValue, { nullable: true }) answerDueOn!: string | null;
  @Field(() => Boolean) overdue!: boolean;
  @Field(() => String, { nullable: true }) complaintNote!: string | null;
  @Field(() => String, { nullable: true }) answer!: string | null;
  @Field(() => LocalDateValue, { nullable: true }) answeredOn!: string | null;
  @Field(() => Boolean) late!: boolean;
  @Field(() => Boolean) publishable!: boolean;
  @Field(() => Boolean) published!: boolean;
  @Field(() => Boolean) hidden!: boolean;
  @Field(() => String, { nullable: true }) hiddenReason!: string | null;
  @Field(() => Int, { nullable: true }) rating!: number | null;
}
