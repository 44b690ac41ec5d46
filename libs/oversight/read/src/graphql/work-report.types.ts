import { AgencyRef, DepartmentRef, LocalDateValue } from '@gongkai/graphql';
import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Half } from './oversight-enums';

@ObjectType({ description: 'A department’s semiannual report on its open-government work, or the gap where it is missing.' })
export class SemiannualReport {
  @Field(() => DepartmentRef) department!: DepartmentRef;
  @Field(() => AgencyRef) agency!: AgencyRef;
  @Field(() => Int) year!: number;
  @Field(() => Half) half!: string;
  @Field(() => LocalDateValue) dueOn!: string;
  @Field(() => LocalDateValue, { nullable: true, description: 'The first submission; null while none was sent.' }) submittedOn!: string | null;
  @Field(() => Boolean, { description: 'Submitted after the due date.' }) late!: boolean;
  @Field(() => Boolean, { description: 'Not submitted, and the due date has passed.' }) overdue!: boolean;
  @Field(() => Int, { description: '0 while none was sent; each revision adds one.' }) version!: number;
  @Field(() => String, { nullable: true }) content!: string | null;
}

@ObjectType({ description: 'The office’s consolidation of the departments’ reports into the bureau’s report.' })
export class BureauWorkReport {
  @Field(() => AgencyRef) agency!: AgencyRef;
  @Field(() => Int) year!: number;
  @Field(() => Half) half!: string;
  @Field(() => Int) version!: number;
  @Field(() => String) content!: string;
  @Field(() => [DepartmentRef], { description: 'The departments whose reports it drew on.' }) includedDepartments!: DepartmentRef[];
  @Field(() => [DepartmentRef]) missingDepartments!: DepartmentRef[];
  @Field(() => LocalDateValue) consolidatedOn!: string;
}

@ObjectType({ description: 'The leadership hearing the open-government work (主要负责同志听取汇报).' })
export class LeadershipHearing {
  @Field(() => Int) year!: number;
  @Field(() => Int) hearingNumber!: number;
  @Field(() => LocalDateValue) heldOn!: string;
  @Field(() => String) chairedBy!: string;
  @Field(() => String) summary!: string;
}
