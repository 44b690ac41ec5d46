import { defaultCalendar } from '@gongkai/calendar';
import type { RecordedEvent } from '@gongkai/event-sourcing';
import type { Actor, Command, Decider, DomainEvent } from '@gongkai/kernel';
import { InMemoryReadStore, ProjectionRunner } from '@gongkai/read-store';
import { SUPERVISION_PROJECTIONS } from './supervision-projections';

const calendar = defaultCalendar();

/**
 * Writes a history the way the write side does — each command decided by the real decider on the
 * state of its stream — and feeds it to the supervision read models, so that read-side tests read
 * data shaped exactly as in production.
 */
export class SupervisionHistory {
  readonly store = new InMemoryReadStore();
  private readonly runner = new ProjectionRunner(this.store, SUPERVISION_PROJECTIONS);
  private readonly states = new Map<string, unknown>();
  private readonly revisions = new Map<string, number>();
  private position = 0;

  start(): Promise<void> {
    return this.runner.start();
  }

  async decide<C extends Command, E extends DomainEvent, S>(decider: Decider<C, E, S>, streamId: string, command: C, actor: Actor, now: string): Promise<RecordedEvent[]> {
    const state = (this.states.has(streamId) ? this.states.get(streamId) : decider.initialState()) as S;
    const decided = decider.decide(command, state, { now: new Date(now), actor, calendar, correlationId: 'test' });
    this.states.set(streamId, decided.reduce(decider.evolve, state));
    const recorded = decided.map((event): RecordedEvent => {
      const revision = (this.revisions.get(streamId) ?? -1) + 1;
      this.revisions.set(streamId, revision);
      return {
        id: `event-${++this.position}`,
        type: event.type,
        schemaVersion: 1,
        streamId,
        revision,
        globalPosition: this.position,
        occurredAt: new Date(now).toISOString(),
        data: event.data,
        metadata: { actor: { id: actor.id, roles: actor.roles }, correlationId: 'test', causationId: null },
        prevHash: '0'.repeat(64),
        hash: 'f'.repeat(64),
      };
    });
    for (const event of recorded) await this.runner.handle(event);
    return recorded;
  }
}
