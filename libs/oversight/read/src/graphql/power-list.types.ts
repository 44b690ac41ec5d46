import { AgencyRef, DepartmentRef } from '@gongkai/graphql';
import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { PowerAdjustment, PowerKind } from './oversight-enums';

@ObjectType({ description: 'One adjustment of a power (动态调整), with its reason.' })
export class PowerListVersion {
  @Field(() => Int) version!: number;
  @Field(() => PowerAdjustment) adjustment!: string;
  @Field(() => String) name!: string;
  @Field(() => PowerKind) kind!: string;
  @Field(() => DepartmentRef) department!: DepartmentRef;
  @Field(() => String) legalBasis!: string;
  @Field(() => String) reason!: string;
  @Field(() => String) adjustedAt!: string;
  @Field(() => String, { nullable: true, description: 'Null while the adjustment waits for its review.' }) publishedAt!: string | null;
}

@ObjectType({ description: 'A power of the power and responsibility list (权责清单): the public sees the published version and its history.' })
export class PowerListItem {
  @Field(() => ID) id!: string;
  @Field(() => AgencyRef) agency!: AgencyRef;
  @Field(() => PowerListVersion, { nullable: true, description: 'What the public sees; null before the first publication.' }) published!: PowerListVersion | null;
  @Field(() => Boolean, { description: 'On the public list: published and not removed.' }) listed!: boolean;
  @Field(() => PowerListVersion, { nullable: true, description: 'The latest adjustment, waiting for review; staff of the office only.' }) pending!: PowerListVersion | null;
  @Field(() => [PowerListVersion], { description: 'Published adjustments for the public; every adjustment for the office.' }) history!: PowerListVersion[];
}

@InputType({ description: 'An adjustment of the power and responsibility list, always with a reason.' })
export class PowerListAdjustmentInput {
  @Field(() => ID, { nullable: true, description: 'The power to modify or remove; omitted to add one.' }) itemId?: string | null;
  @Field(() => String, { nullable: true }) agencyCode?: string | null;
  @Field(() => PowerAdjustment) adjustment!: string;
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => PowerKind, { nullable: true }) kind?: string | null;
  @Field(() => String, { nullable: true }) departmentCode?: string | null;
  @Field(() => String, { nullable: true }) legalBasis?: string | null;
  @Field(() => String) reason!: string;
}
