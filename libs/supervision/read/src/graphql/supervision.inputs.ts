import { LocalDateValue } from '@gongkai/graphql';
import { Field, InputType } from '@nestjs/graphql';
import { JsonValue } from './json.scalar';
import { DisclosureCategory } from './supervision-enums';

/** Lengths and formats are checked by the domain, so every problem comes back as BAD_USER_INPUT with its rule. */
@InputType({ description: 'An enterprise to register: its unified social credit code (GB 32100-2015) and licence data.' })
export class EnterpriseInput {
  @Field(() => String) creditCode!: string;
  @Field(() => String) name!: string;
  @Field(() => String) address!: string;
  @Field(() => String, { description: 'The county-level division, e.g. 445381 for 罗定市.' }) countyCode!: string;
  @Field(() => String) industry!: string;
}

@InputType({ description: 'A disclosure record as staff enter it.' })
export class DisclosureInput {
  @Field(() => DisclosureCategory) category!: string;
  @Field(() => String, { nullable: true }) enterpriseCreditCode?: string | null;
  @Field(() => LocalDateValue, { description: 'The day the information was formed: the publication period counts from it.' }) formedOn!: string;
  @Field(() => String) title!: string;
  @Field(() => JsonValue, { description: 'The fields of the category (see the DisclosureCategory documentation).' }) details!: unknown;
  @Field(() => String, { nullable: true, description: 'The agency the record belongs to; defaults to your own.' }) agencyCode?: string | null;
  @Field(() => String, { nullable: true, description: 'The responsible department (责任科室); defaults to your own.' }) departmentCode?: string | null;
}
