import { AgencyRef, DepartmentRef, LocalDateValue } from '@gongkai/graphql';
import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { FindingStatus, InspectionKind } from './oversight-enums';

@ObjectType({ description: 'A finding of an inspection and its rectification (整改).' })
export class InspectionFinding {
  @Field(() => Int) number!: number;
  @Field(() => String) description!: string;
  @Field(() => DepartmentRef) department!: DepartmentRef;
  @Field(() => LocalDateValue) rectificationDueOn!: string;
  @Field(() => LocalDateValue, { nullable: true }) rectifiedOn!: string | null;
  @Field(() => String, { nullable: true }) rectificationNote!: string | null;
  @Field(() => FindingStatus) status!: string;
}

@ObjectType({ description: 'An inspection (督查) of the open-government work.' })
export class OpenGovernmentInspection {
  @Field(() => ID) id!: string;
  @Field(() => AgencyRef) agency!: AgencyRef;
  @Field(() => InspectionKind) kind!: string;
  @Field(() => LocalDateValue) inspectedOn!: string;
  @Field(() => String) subject!: string;
  @Field(() => [InspectionFinding]) findings!: InspectionFinding[];
}

@InputType()
export class InspectionFindingInput {
  @Field(() => String) description!: string;
  @Field(() => String) departmentCode!: string;
  @Field(() => LocalDateValue) rectificationDueOn!: string;
}

@InputType({ description: 'An inspection as the office records it.' })
export class InspectionInput {
  @Field(() => InspectionKind) kind!: string;
  @Field(() => LocalDateValue) inspectedOn!: string;
  @Field(() => String) subject!: string;
  @Field(() => String, { nullable: true }) agencyCode?: string | null;
  @Field(() => [InspectionFindingInput]) findings!: InspectionFindingInput[];
}
