import type { RecordedEvent } from '@gongkai/event-sourcing';
import type { Actor, Command, Decider, DomainEvent } from '@gongkai/kernel';
import { InMemoryReadStore, ProjectionRunner } from '@gongkai/read-store';
import { EventHistory } from '@gongkai/testing';
import { SUPERVISION_PROJECTIONS } from './supervision-projections';

/** A history written as the write side does, fed to the supervision read models as it is written. */
export class SupervisionHistory {
  readonly store = new InMemoryReadStore();
  private readonly runner = new ProjectionRunner(this.store, SUPERVISION_PROJECTIONS);
  private readonly history = new EventHistory();

  start(): Promise<void> {
    return this.runner.start();
  }

  async decide<C extends Command, E extends DomainEvent, S>(decider: Decider<C, E, S>, streamId: string, command: C, actor: Actor, now: string): Promise<RecordedEvent[]> {
    const recorded = this.history.decide(decider, streamId, command, actor, now);
    for (const event of recorded) await this.runner.handle(event);
    return recorded;
  }
}
