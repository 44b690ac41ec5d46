import { AgencyRef, Connection, DepartmentRef, LocalDateValue } from '@gongkai/graphql';
import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'An outreach and education activity (宣传教育活动): announced beforehand, its outcome recorded afterwards.' })
export class OutreachActivity {
  @Field(() => ID) id!: string;
  @Field(() => AgencyRef) agency!: AgencyRef;
  @Field(() => DepartmentRef) department!: DepartmentRef;
  @Field(() => String) title!: string;
  @Field(() => LocalDateValue) date!: string;
  @Field(() => String) place!: string;
  @Field(() => String) organiser!: string;
  @Field(() => String) description!: string;
  @Field(() => Int, { nullable: true, description: 'How many people took part; null until the outcome is recorded (and, for the public, published).' }) participants!: number | null;
  @Field(() => String, { nullable: true }) summary!: string | null;
  @Field(() => LocalDateValue, { nullable: true }) outcomeRecordedOn!: string | null;
  @Field(() => Int) version!: number;
  @Field(() => String, { description: 'PENDING_REVIEW or PUBLISHED: where the current version stands.' }) publicationStatus!: string;
  @Field(() => Int, { nullable: true }) publishedVersion!: number | null;
  @Field(() => String, { nullable: true }) publishedAt!: string | null;
  @Field(() => ID, { nullable: true, description: 'The confidentiality review waiting for this version (staff only).' }) pendingReviewId!: string | null;
}

@ObjectType({ description: 'Outreach activities by date, a page at a time.' })
export class OutreachActivityConnection extends Connection(OutreachActivity, 'OutreachActivity') {}

/** Lengths and dates are checked by the domain, so every problem comes back as BAD_USER_INPUT with its field. */
@InputType({ description: 'The announcement of an outreach activity.' })
export class ActivityInput {
  @Field(() => String) title!: string;
  @Field(() => LocalDateValue) date!: string;
  @Field(() => String) place!: string;
  @Field(() => String) organiser!: string;
  @Field(() => String) description!: string;
  @Field(() => String, { nullable: true, description: 'The responsible department; defaults to your own.' }) departmentCode?: string | null;
  @Field(() => String, { nullable: true, description: 'The agency the activity belongs to; defaults to your own.' }) agencyCode?: string | null;
}
