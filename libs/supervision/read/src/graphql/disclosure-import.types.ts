import { AgencyRef, DepartmentRef } from '@gongkai/graphql';
import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { DisclosureCategory, DisclosureImportStatus } from './supervision-enums';

@ObjectType({ description: 'A bulk import (批量导入) of one CSV file, reviewed and published as a whole.' })
export class DisclosureImport {
  @Field(() => ID) id!: string;
  @Field(() => DisclosureCategory) category!: string;
  @Field(() => String) fileName!: string;
  @Field(() => Int) rowCount!: number;
  @Field(() => DisclosureImportStatus) status!: string;
  @Field(() => AgencyRef) agency!: AgencyRef;
  @Field(() => DepartmentRef) department!: DepartmentRef;
  @Field(() => String, { description: 'SHA-256 of every row as imported: what the reviewer approves.' }) contentHash!: string;
  @Field(() => ID, { nullable: true }) pendingReviewId!: string | null;
  @Field(() => String) startedAt!: string;
  @Field(() => String, { nullable: true }) completedAt!: string | null;
  @Field(() => String, { nullable: true }) publishedAt!: string | null;
}
