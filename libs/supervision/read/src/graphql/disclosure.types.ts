import { AgencyRef, Connection, DepartmentRef, LocalDateValue } from '@gongkai/graphql';
import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { JsonValue } from './json.scalar';
import { DisclosureCategory, DisclosureStatus } from './supervision-enums';

@ObjectType({ description: 'One version of a record: when it was made and why (empty for the first).' })
export class DisclosureVersion {
  @Field(() => Int) version!: number;
  @Field(() => String) reason!: string;
  @Field(() => String, { description: 'When this version was made (UTC).' }) at!: string;
  @Field(() => String, { nullable: true, description: 'When it was published (UTC); null if it never was.' }) publishedAt!: string | null;
}

@ObjectType({ description: 'The withdrawal (撤回) of a record, with its reason; for a penalty, the 3-working-day limit of Administrative Penalty Law Art. 48.' })
export class DisclosureRevocation {
  @Field(() => String) reason!: string;
  @Field(() => String) revokedAt!: string;
  @Field(() => LocalDateValue) revokedOn!: string;
  @Field(() => LocalDateValue, { nullable: true, description: 'When the decision itself was revoked or changed.' }) decisionRevokedOn!: string | null;
  @Field(() => LocalDateValue, { nullable: true }) withdrawalDueOn!: string | null;
  @Field(() => Boolean) late!: boolean;
}

@ObjectType({ description: 'A disclosure record (监管信息): a monitoring result, a penalty, a permit, …' })
export class Disclosure {
  @Field(() => ID) id!: string;
  @Field(() => DisclosureCategory) category!: string;
  @Field(() => String, { nullable: true }) enterpriseCreditCode!: string | null;
  @Field(() => String, { nullable: true }) enterpriseName!: string | null;
  @Field(() => String, { nullable: true }) countyCode!: string | null;
  @Field(() => AgencyRef) agency!: AgencyRef;
  @Field(() => DepartmentRef) department!: DepartmentRef;
  @Field(() => String) title!: string;
  @Field(() => LocalDateValue, { description: 'The day the information was formed (形成之日).' }) formedOn!: string;
  @Field(() => JsonValue, { nullable: true, description: 'The fields of the category; null when the record was withdrawn.' }) details!: unknown;
  @Field(() => Boolean, { nullable: true, description: 'Monitoring results: above (or below) the standard (超标).' }) exceeded!: boolean | null;
  @Field(() => Int) version!: number;
  @Field(() => DisclosureStatus) status!: string;
  @Field(() => Int, { nullable: true }) publishedVersion!: number | null;
  @Field(() => String, { nullable: true }) publishedAt!: string | null;
  @Field(() => LocalDateValue, { nullable: true }) publishedOn!: string | null;
  @Field(() => LocalDateValue, { description: 'The last day to publish this version (Regulations Art. 26).' }) publicationDueOn!: string;
  @Field(() => Boolean, { description: 'Published after its due day, or (for staff) not yet published and past it.' }) late!: boolean;
  @Field(() => ID, { nullable: true, description: 'The review waiting for the current version (staff only).' }) pendingReviewId!: string | null;
  @Field(() => ID, { nullable: true, description: 'The bulk import the record came from.' }) importId!: string | null;
  @Field(() => [DisclosureVersion]) versions!: DisclosureVersion[];
  @Field(() => DisclosureRevocation, { nullable: true }) revocation!: DisclosureRevocation | null;
  @Field(() => String) updatedAt!: string;
}

@ObjectType()
export class DisclosureConnection extends Connection(Disclosure, 'Disclosure') {}
