import { AgencyRef, DepartmentRef } from '@gongkai/graphql';
import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export const ReviewStatus = { PENDING: 'PENDING', APPROVED: 'APPROVED', REJECTED: 'REJECTED', SUPERSEDED: 'SUPERSEDED', PUBLISHED: 'PUBLISHED' } as const;
registerEnumType(ReviewStatus, {
  name: 'ReviewStatus',
  description: 'PENDING until a reviewer decides; SUPERSEDED when the item changed after submission; PUBLISHED once the approved version is out.',
});

@ObjectType({ description: 'A confidentiality review (保密审查) of exactly one item, version and content hash.' })
export class PublicationReview {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'e.g. SERVICE_GUIDE.' }) itemType!: string;
  @Field(() => ID) itemId!: string;
  @Field(() => Int) itemVersion!: number;
  @Field(() => String, { description: 'SHA-256 of the canonical content under review.' }) contentHash!: string;
  @Field(() => String) title!: string;
  @Field(() => AgencyRef) agency!: AgencyRef;
  @Field(() => DepartmentRef) department!: DepartmentRef;
  @Field(() => String) requestedBy!: string;
  @Field(() => ReviewStatus) status!: string;
  @Field(() => String) openedAt!: string;
  @Field(() => String, { nullable: true }) decidedAt!: string | null;
  @Field(() => String, { nullable: true }) decidedBy!: string | null;
  @Field(() => String, { nullable: true }) comment!: string | null;
  @Field(() => String, { nullable: true, description: 'Why it was rejected or superseded.' }) reason!: string | null;
  @Field(() => String, { nullable: true, description: 'The negative-list (负面清单) item a rejection relies on.' }) negativeListItemCode!: string | null;
  @Field(() => Int, { nullable: true, description: 'The version of the negative list the cited item was read in.' }) negativeListVersion!: number | null;
  @Field(() => String, { nullable: true, description: 'Why no negative-list item applies, when a rejection cites none.' }) noNegativeListItemReason!: string | null;
  @Field(() => String, { nullable: true }) publishedAt!: string | null;
}
