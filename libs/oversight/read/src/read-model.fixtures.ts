import { defaultCalendar } from '@gongkai/calendar';
import type { RecordedEvent } from '@gongkai/event-sourcing';
import type { Actor, Command, Decider, DomainEvent } from '@gongkai/kernel';

const calendar = defaultCalendar();

/**
 * Writes a history as the write side does — each command decided by the real decider on the state
 * of its stream — so that read-model specifications read data shaped exactly as in production.
 */
export class OversightHistory {
  readonly events: RecordedEvent[] = [];
  private readonly states = new Map<string, unknown>();
  private readonly revisions = new Map<string, number>();

  decide<C extends Command, E extends DomainEvent, S>(decider: Decider<C, E, S>, streamId: string, command: C, actor: Actor, now: string): RecordedEvent[] {
    const state = (this.states.has(streamId) ? this.states.get(streamId) : decider.initialState()) as S;
    const decided = decider.decide(command, state, { now: new Date(now), actor, calendar, correlationId: 'test' });
    this.states.set(streamId, decided.reduce(decider.evolve, state));
    const recorded = decided.map((event) => this.append(streamId, event.type, event.data, actor, now));
    return recorded;
  }

  /** An event of another context, as its own decider would have written it. */
  append(streamId: string, type: string, data: unknown, actor: Actor, now: string): RecordedEvent {
    const revision = (this.revisions.get(streamId) ?? -1) + 1;
    this.revisions.set(streamId, revision);
    const event: RecordedEvent = {
      id: `event-${this.events.length + 1}`,
      type,
      schemaVersion: 1,
      streamId,
      revision,
      globalPosition: this.events.length + 1,
      occurredAt: new Date(now).toISOString(),
      data,
      metadata: {
        actor: { id: actor.id, roles: actor.roles, ...(actor.agencyCode ? { agencyCode: actor.agencyCode } : {}), ...(actor.departmentCode ? { departmentCode: actor.departmentCode } : {}) },
        correlationId: 'test',
        causationId: null,
      },
      prevHash: '0'.repeat(64),
      hash: 'f'.repeat(64),
    };
    this.events.push(event);
    return event;
  }
}
