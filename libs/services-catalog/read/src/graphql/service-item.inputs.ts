import { InstantValue } from '@gongkai/graphql';
import { ArgsType, Field, InputType, Int } from '@nestjs/graphql';
import { ServiceCategory } from './service-item.types';

@InputType()
export class RequiredMaterialInput {
  @Field(() => String) name!: string;
  @Field(() => Int) originals!: number;
  @Field(() => Int) copies!: number;
}

@InputType()
export class FrequentQuestionInput {
  @Field(() => String) question!: string;
  @Field(() => String) answer!: string;
}

/** Lengths and ranges are checked by the domain, so every problem comes back as BAD_USER_INPUT with its field. */
@InputType({ description: 'A service guide (办事指南) as staff write it.' })
export class ServiceItemInput {
  @Field(() => String) name!: string;
  @Field(() => String) departmentCode!: string;
  @Field(() => ServiceCategory) category!: string;
  @Field(() => String) legalBasis!: string;
  @Field(() => String) conditions!: string;
  @Field(() => [RequiredMaterialInput]) materials!: RequiredMaterialInput[];
  @Field(() => [String]) steps!: string[];
  @Field(() => Int) statutoryLimitWorkingDays!: number;
  @Field(() => Int) promisedLimitWorkingDays!: number;
  @Field(() => Int) feeFen!: number;
  @Field(() => String, { nullable: true }) feeBasis?: string | null;
  @Field(() => String) location!: string;
  @Field(() => String, { nullable: true }) serviceHours?: string | null;
  @Field(() => String, { nullable: true }) onlineUrl?: string | null;
  @Field(() => String) contact!: string;
  @Field(() => [FrequentQuestionInput], { nullable: true }) faq?: FrequentQuestionInput[] | null;
  @Field(() => String, { nullable: true, description: 'The agency the item belongs to; defaults to your own.' }) agencyCode?: string | null;
  @Field(() => String, { nullable: true, description: 'What changed, for a revision.' }) changeSummary?: string | null;
}

/** The arguments of the `serviceItems` query, taken as one object (one parameter for Nest to resolve, not six). */
@ArgsType()
export class ServiceItemsArgs {
  @Field(() => String, { nullable: true }) search?: string | null;
  @Field(() => String, { nullable: true }) departmentCode?: string | null;
  @Field(() => ServiceCategory, { nullable: true }) category?: string | null;
  @Field(() => Boolean, { nullable: true }) includeRetired?: boolean | null;
  @Field(() => InstantValue, { nullable: true, description: 'Point in time: the catalogue as the public saw it at this instant, each item in the version then published.' })
  asOfInstant?: string | null;
  @Field(() => Int, { nullable: true }) first?: number | null;
  @Field(() => String, { nullable: true }) after?: string | null;
}
