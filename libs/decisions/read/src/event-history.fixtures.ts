import { defaultCalendar } from '@gongkai/calendar';
import type { RecordedEvent } from '@gongkai/event-sourcing';
import type { Actor, Command, Decider, DomainEvent } from '@gongkai/kernel';
import type { Projection, ReadStore } from '@gongkai/read-store';

const calendar = defaultCalendar();

/**
 * Writes a history the way the write side does — each command decided by the real decider on the
 * state of its stream — and hands the recorded events to projections, so that read-model tests
 * read data shaped exactly as in production.
 */
export class EventHistory {
  readonly events: RecordedEvent[] = [];
  private readonly states = new Map<string, unknown>();
  private readonly revisions = new Map<string, number>();

  decide<C extends Command, E extends DomainEvent, S>(decider: Decider<C, E, S>, streamId: string, command: C, actor: Actor, now: string): RecordedEvent[] {
    const state = (this.states.has(streamId) ? this.states.get(streamId) : decider.initialState()) as S;
    const decided = decider.decide(command, state, { now: new Date(now), actor, calendar, correlationId: 'test' });
    this.states.set(streamId, decided.reduce(decider.evolve, state));
    const recorded = decided.map((event) => {
      const revision = (this.revisions.get(streamId) ?? -1) + 1;
      this.revisions.set(streamId, revision);
      return {
        id: `event-${this.events.length + 1}`,
        type: event.type,
        schemaVersion: 1,
        streamId,
        revision,
        globalPosition: this.events.length + 1,
        occurredAt: new Date(now).toISOString(),
        data: event.data,
        metadata: { actor: { id: actor.id, roles: actor.roles }, correlationId: 'test', causationId: null },
        prevHash: '0'.repeat(64),
        hash: 'f'.repeat(64),
      } satisfies RecordedEvent;
    });
    this.events.push(...recorded);
    return recorded;
  }

  /** The publication request the last event of a stream carries. */
  lastPublicationRequest(streamId: string): { reviewId: string; itemVersion: number; contentHash: string } {
    const event = this.events.filter((e) => e.streamId === streamId).at(-1);
    const request = (event?.data as { publicationRequest?: { reviewId: string; itemVersion: number; contentHash: string } } | undefined)?.publicationRequest;
    if (!request) throw new Error(`The last event of ${streamId} requests no publication.`);
    return request;
  }

  async project(store: ReadStore, projection: Projection, from = 0): Promise<void> {
    for (const event of this.events.slice(from)) if (projection.handles.includes(event.type)) await projection.apply(event, store);
  }
}
