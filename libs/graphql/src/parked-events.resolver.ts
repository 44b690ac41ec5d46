import { type Actor, requireRole } from '@gongkai/kernel';
import { EVENT_BUS, type EventBus } from '@gongkai/messaging';
import { Inject } from '@nestjs/common';
import { Args, Field, ID, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor } from './request-context';

@ObjectType({ description: 'An event a consumer failed on repeatedly, set aside so that the consumer could go on.' })
export class ParkedEvent {
  @Field(() => String) consumer!: string;
  @Field(() => ID) eventId!: string;
  @Field(() => String) type!: string;
  @Field(() => String) streamId!: string;
  @Field(() => Number) revision!: number;
  @Field(() => String) error!: string;
  @Field(() => String) parkedAt!: string;
}

/** What operators need when a read model or process manager stumbles: see what was set aside, try it again. */
@Resolver()
export class ParkedEventsResolver {
  constructor(@Inject(EVENT_BUS) private readonly events: EventBus) {}

  @Query(() => [ParkedEvent], { description: 'Events set aside after repeated failures (admins and auditors).' })
  async parkedEvents(@CurrentActor() actor: Actor): Promise<ParkedEvent[]> {
    requireRole(actor, 'admin', 'auditor');
    const parked = await this.events.parkedEvents();
    return parked.map(({ consumer, event, error, parkedAt }) => ({ consumer, eventId: event.id, type: event.type, streamId: event.streamId, revision: event.revision, error, parkedAt }));
  }

  @Mutation(() => Boolean, {
    description: 'Hands a parked event to its consumer once more; true when it was handled. The consumer must run in the process that answers.',
  })
  async replayParkedEvent(
    @CurrentActor() actor: Actor,
    @Args('consumer', { type: () => String }) consumer: string,
    @Args('eventId', { type: () => ID }) eventId: string,
  ): Promise<boolean> {
    requireRole(actor, 'admin');
    return this.events.replayParked(consumer, eventId);
  }
}
