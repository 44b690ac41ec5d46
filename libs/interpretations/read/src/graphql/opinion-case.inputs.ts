import { Field, InputType } from '@nestjs/graphql';
import { OpinionResponseKind, OpinionSource, Severity } from './interpretation-enums';

const INSTANT = 'An instant with its offset, e.g. 2026-03-01T20:30:00+08:00.';

/** Checked by the domain, so every problem comes back as BAD_USER_INPUT with its field and rule. */
@InputType({ description: 'A public-opinion case (政务舆情) as the bureau logs it.' })
export class OpinionCaseInput {
  @Field(() => String) topic!: string;
  @Field(() => OpinionSource) source!: string;
  @Field(() => String, { description: INSTANT }) firstSeenAt!: string;
  @Field(() => Severity) severity!: string;
  @Field(() => Boolean, { description: 'An environmental emergency (突发环境事件) is behind it.' }) emergency!: boolean;
  @Field(() => String, { nullable: true, description: `When the incident happened; required for an emergency. ${INSTANT}` }) incidentAt?: string | null;
  @Field(() => String, { description: 'The lead department (牵头科室).' }) departmentCode!: string;
  @Field(() => String, { nullable: true, description: 'The bureau’s principal leader, first spokesperson (第一新闻发言人); required for a major emergency.' })
  firstSpokesperson?: string | null;
  @Field(() => String, { nullable: true, description: 'The agency the case belongs to; defaults to your own.' }) agencyCode?: string | null;
}

@InputType({ description: 'One response of the bureau, as it happened.' })
export class OpinionResponseInput {
  @Field(() => OpinionResponseKind) kind!: string;
  @Field(() => String, { description: INSTANT }) at!: string;
  @Field(() => String, { description: 'Where: the website, the WeChat account, the press room, a newspaper.' }) channel!: string;
  @Field(() => String) spokesperson!: string;
  @Field(() => String, { nullable: true }) link?: string | null;
}
