import { AgencyRef } from '@gongkai/graphql';
import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'An item of the negative list (负面清单): information not to be disclosed, with its legal basis.' })
export class NegativeListItem {
  @Field(() => String) code!: string;
  @Field(() => String) description!: string;
  @Field(() => String) legalBasis!: string;
  @Field(() => AgencyRef) agency!: AgencyRef;
  @Field(() => Boolean, { description: 'Retired items stay listed in the history: old rejections still cite them.' }) retired!: boolean;
  @Field(() => Int, { description: 'The list version that added it.' }) addedInVersion!: number;
  @Field(() => String) addedAt!: string;
  @Field(() => Int, { nullable: true }) retiredInVersion!: number | null;
  @Field(() => String, { nullable: true }) retiredAt!: string | null;
  @Field(() => String, { nullable: true }) retirementReason!: string | null;
}

@ObjectType({ description: 'One change of the negative list; each change makes a new version of the list.' })
export class NegativeListChange {
  @Field(() => Int) listVersion!: number;
  @Field(() => String, { description: 'ADDED or RETIRED.' }) change!: string;
  @Field(() => String) code!: string;
  @Field(() => String, { nullable: true }) reason!: string | null;
  @Field(() => String) at!: string;
}
