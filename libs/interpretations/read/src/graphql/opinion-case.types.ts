import { AgencyRef, Connection, DepartmentRef } from '@gongkai/graphql';
import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { OpinionCaseStatus, OpinionResponseKind, OpinionSource, Severity } from './interpretation-enums';

@ObjectType({ description: 'One response of the bureau to a public-opinion case.' })
export class OpinionResponse {
  @Field(() => Int) number!: number;
  @Field(() => OpinionResponseKind) kind!: string;
  @Field(() => String, { description: 'When the bureau spoke (UTC).' }) at!: string;
  @Field(() => String) channel!: string;
  @Field(() => String) spokesperson!: string;
  @Field(() => String) link!: string;
  @Field(() => String, { nullable: true, description: 'When its record was published; null while under review.' }) publishedAt!: string | null;
}

@ObjectType({ description: 'A working note of the monitoring (舆情监测): internal, never published.' })
export class OpinionMonitoringNote {
  @Field(() => Int) number!: number;
  @Field(() => String) note!: string;
  @Field(() => String) notedAt!: string;
}

@ObjectType({ description: 'A public-opinion case (政务舆情) with its responses (staff and oversight).' })
export class OpinionCase {
  @Field(() => ID) id!: string;
  @Field(() => AgencyRef) agency!: AgencyRef;
  @Field(() => String) topic!: string;
  @Field(() => OpinionSource) source!: string;
  @Field(() => String, { description: 'UTC.' }) firstSeenAt!: string;
  @Field(() => Severity) severity!: string;
  @Field(() => Boolean) emergency!: boolean;
  @Field(() => String, { nullable: true, description: 'UTC.' }) incidentAt!: string | null;
  @Field(() => DepartmentRef, { description: 'The lead department.' }) department!: DepartmentRef;
  @Field(() => String, { nullable: true, description: 'The bureau’s principal leader as first spokesperson (第一新闻发言人).' }) firstSpokesperson!: string | null;
  @Field(() => String, { nullable: true, description: '24 clock hours after the incident, for a major or especially major emergency (UTC).' })
  pressConferenceDueAt!: string | null;
  @Field(() => String, { nullable: true, description: 'The earliest press conference held (UTC).' }) firstPressConferenceAt!: string | null;
  @Field(() => Boolean, { description: 'The 24 hours passed without a press conference.' }) overdue!: boolean;
  @Field(() => OpinionCaseStatus) status!: string;
  @Field(() => [OpinionResponse]) responses!: OpinionResponse[];
  @Field(() => [OpinionMonitoringNote]) monitoringNotes!: OpinionMonitoringNote[];
  @Field(() => String, { nullable: true }) summary!: string | null;
  @Field(() => String, { nullable: true }) closedAt!: string | null;
  @Field(() => String) registeredAt!: string;
}

@ObjectType({ description: 'A published response of the bureau to a matter of public concern (舆情回应).' })
export class PublishedOpinionResponse {
  @Field(() => ID) id!: string;
  @Field(() => ID) caseId!: string;
  @Field(() => String) topic!: string;
  @Field(() => Int) number!: number;
  @Field(() => OpinionResponseKind) kind!: string;
  @Field(() => String, { description: 'When the bureau spoke (UTC).' }) at!: string;
  @Field(() => String) channel!: string;
  @Field(() => String) spokesperson!: string;
  @Field(() => String) link!: string;
  @Field(() => String) publishedAt!: string;
}

@ObjectType()
export class PublishedOpinionResponseConnection extends Connection(PublishedOpinionResponse, 'PublishedOpinionResponse') {}
