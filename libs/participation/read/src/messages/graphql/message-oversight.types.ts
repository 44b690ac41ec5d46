import { DepartmentRef, LocalDateValue } from '@gongkai/graphql';
import { Field, Float, InputType, Int, ObjectType } from '@nestjs/graphql';
import { MessageKind } from './public-message-enums';

@ObjectType({ description: 'The answer time limit (答复时限) of one kind of message, in working days.' })
export class MessageAnswerLimit {
  @Field(() => MessageKind) kind!: string;
  @Field(() => Int) workingDays!: number;
}

@ObjectType({ description: 'The answer time limits in force, as the office set them (or the default of 5 working days).' })
export class MessageAnswerLimits {
  @Field(() => [MessageAnswerLimit]) limits!: MessageAnswerLimit[];
  @Field(() => LocalDateValue, { nullable: true, description: 'Null while the default applies.' }) setOn!: string | null;
  @Field(() => String, { nullable: true }) reason!: string | null;
}

@InputType()
export class MessageAnswerLimitInput {
  @Field(() => MessageKind) kind!: string;
  @Field(() => Int, { description: '1 to 20 working days.' }) workingDays!: number;
}

@ObjectType({ description: 'Figures on public messages received in the year.' })
export class MessageFiguresRow {
  @Field(() => MessageKind, { nullable: true, description: 'Set on the rows by kind.' }) kind!: string | null;
  @Field(() => DepartmentRef, { nullable: true, description: 'Set on the rows by department: the one holding the message now.' }) department!: DepartmentRef | null;
  @Field(() => Int) received!: number;
  @Field(() => Int) answered!: number;
  @Field(() => Int, { description: 'Complaints sent to the petition procedure.' }) redirected!: number;
  @Field(() => Int) answeredOnTime!: number;
  @Field(() => Float, { nullable: true, description: 'Answered on time ÷ answered, 0–1; null while none is answered.' }) onTimeRate!: number | null;
  @Field(() => Float, { nullable: true }) averageWorkingDaysToAnswer!: number | null;
  @Field(() => Int, { description: 'Unanswered and past the due date today.' }) overdueUnanswered!: number;
  @Field(() => Int) escalated!: number;
  @Field(() => Int) ratings!: number;
  @Field(() => Float, { nullable: true }) averageRating!: number | null;
}

@ObjectType()
export class RatingCount {
  @Field(() => Int) rating!: number;
  @Field(() => Int) count!: number;
}

@ObjectType({ description: 'Oversight figures on public messages received in one year.' })
export class PublicMessageStatistics {
  @Field(() => Int) year!: number;
  @Field(() => MessageFiguresRow) total!: MessageFiguresRow;
  @Field(() => [MessageFiguresRow]) byKind!: MessageFiguresRow[];
  @Field(() => [MessageFiguresRow]) byDepartment!: MessageFiguresRow[];
  @Field(() => [RatingCount]) ratingDistribution!: RatingCount[];
}
