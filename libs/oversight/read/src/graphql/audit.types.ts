import { Connection } from '@gongkai/graphql';
import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { AuditOrder } from './oversight-enums';

@ObjectType({ description: 'Who caused an event, as the event records it.' })
export class AuditActor {
  @Field(() => String) id!: string;
  @Field(() => String, { description: 'The account’s username where the platform knows it; otherwise the id (events store only the id).' }) username!: string;
  @Field(() => String, { nullable: true, description: 'The code of the department the actor acted for (责任科室).' }) department!: string | null;
  @Field(() => String, { nullable: true, description: 'The code of the actor’s agency.' }) agencyCode!: string | null;
  @Field(() => [String]) roles!: string[];
}

@ObjectType({ description: 'One stored event of any context, with its hashes (审计).' })
export class AuditEvent {
  @Field(() => ID) id!: string;
  @Field(() => String) type!: string;
  @Field(() => String) streamId!: string;
  @Field(() => String) aggregateType!: string;
  @Field(() => Int) revision!: number;
  @Field(() => Int) globalPosition!: number;
  @Field(() => String) occurredAt!: string;
  @Field(() => AuditActor) actor!: AuditActor;
  @Field(() => String, { nullable: true }) reason!: string | null;
  @Field(() => String, { nullable: true }) correlationId!: string | null;
  @Field(() => String, { nullable: true }) causationId!: string | null;
  @Field(() => String, { description: 'The event’s data as JSON text, as stored except credentials (a webhook’s secret), shown as [redacted].' }) data!: string;
  @Field(() => String) hash!: string;
  @Field(() => String) prevHash!: string;
}

@ObjectType()
export class AuditEventConnection extends Connection(AuditEvent, 'AuditEvent') {}

@InputType({ description: 'Every field narrows the trail; an empty filter is the whole log.' })
export class AuditFilter {
  @Field(() => String, { nullable: true }) streamId?: string | null;
  @Field(() => String, { nullable: true, description: 'e.g. ServiceItem, PublicationReview.' }) aggregateType?: string | null;
  @Field(() => String, { nullable: true }) actorId?: string | null;
  @Field(() => String, { nullable: true, description: 'The department the actor acted for.' }) departmentCode?: string | null;
  @Field(() => String, { nullable: true }) eventType?: string | null;
  @Field(() => String, { nullable: true, description: 'UTC ISO-8601 instant, inclusive.' }) from?: string | null;
  @Field(() => String, { nullable: true, description: 'UTC ISO-8601 instant, inclusive.' }) to?: string | null;
  @Field(() => AuditOrder, { nullable: true, description: 'NEWEST_FIRST by default.' }) order?: string | null;
}
