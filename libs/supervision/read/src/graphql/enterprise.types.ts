import { AgencyRef, LocalDateValue } from '@gongkai/graphql';
import { Field, Int, ObjectType } from '@nestjs/graphql';
import { RegisterChangeKind } from './supervision-enums';

@ObjectType({ description: 'A change of the blacklist or the list of key monitored enterprises.' })
export class RegisterChange {
  @Field(() => Int) sequence!: number;
  @Field(() => RegisterChangeKind) kind!: string;
  @Field(() => LocalDateValue, { nullable: true, description: 'Blacklist entry or exit: the day it took effect.' }) on!: string | null;
  @Field(() => Int, { nullable: true, description: 'Key monitored list: the year.' }) year!: number | null;
  @Field(() => String, { nullable: true }) reason!: string | null;
  @Field(() => String, { nullable: true }) legalBasis!: string | null;
  @Field(() => String) recordedAt!: string;
  @Field(() => String, { nullable: true, description: 'Null while under review (staff only).' }) publishedAt!: string | null;
}

@ObjectType({ description: 'An enterprise on the environmental violation blacklist (环境违法黑名单) on a given day.' })
export class BlacklistEntry {
  @Field(() => String) creditCode!: string;
  @Field(() => String) enterpriseName!: string;
  @Field(() => String) countyCode!: string;
  @Field(() => String) reason!: string;
  @Field(() => String) legalBasis!: string;
  @Field(() => LocalDateValue) listedOn!: string;
  @Field(() => String, { nullable: true }) publishedAt!: string | null;
}

@ObjectType({ description: 'An enterprise under supervision (监管企业), by its unified social credit code.' })
export class Enterprise {
  @Field(() => String) creditCode!: string;
  @Field(() => String) name!: string;
  @Field(() => String) address!: string;
  @Field(() => String) countyCode!: string;
  @Field(() => AgencyRef, { description: 'The county bureau where the enterprise lies.' }) county!: AgencyRef;
  @Field(() => String) industry!: string;
  @Field(() => [Int], { description: 'The years it is on the list of key monitored enterprises (重点排污单位名录).' }) keyMonitoredYears!: number[];
  @Field(() => Boolean) blacklisted!: boolean;
  @Field(() => [RegisterChange], { description: 'Blacklist entries and exits, oldest first.' }) blacklistHistory!: RegisterChange[];
  /** Not in the schema: the instant a point-in-time profile was asked at, so that its records are those the public saw then. */
  asOfInstant?: string | null;
}
