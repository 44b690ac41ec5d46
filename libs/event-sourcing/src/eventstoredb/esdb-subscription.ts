import { excludeSystemEvents, START, type AllStreamSubscription, type EventStoreDBClient } from '@eventstore/db-client';
import type { EventHandler, Subscription } from '../event-store';
import { fromEsdbEvent, isSystemEvent, toEsdbPosition } from './esdb-mapping';

/**
 * A catch-up subscription to $all: the server replays from the position, then streams live.
 * `for await` pulls one event at a time, so the handler is awaited before the next is taken.
 */
export class EsdbSubscription implements Subscription {
  readonly done: Promise<void>;
  private readonly stream: AllStreamSubscription;
  private closing = false;

  constructor(
    client: EventStoreDBClient,
    private readonly fromPosition: number | undefined,
    private readonly handler: EventHandler,
    private readonly onEnd: () => void,
  ) {
    this.stream = client.subscribeToAll({
      fromPosition: fromPosition === undefined ? START : toEsdbPosition(fromPosition),
      filter: excludeSystemEvents(),
    });
    this.done = this.run();
    // The failure is reported through `done`; without this, nobody awaiting it would crash the process.
    this.done.catch(() => undefined);
  }

  async close(): Promise<void> {
    this.closing = true;
    await this.stream.unsubscribe();
    await this.done.catch(() => undefined);
  }

  private async run(): Promise<void> {
    try {
      for await (const resolved of this.stream) {
        if (this.closing) return;
        const event = resolved.event;
        if (!event || isSystemEvent(event)) continue;
        const recorded = fromEsdbEvent(event, resolved.commitPosition);
        // Exclusive, as the port says, whatever the server does with a position between records.
        if (this.fromPosition !== undefined && recorded.globalPosition <= this.fromPosition) continue;
        await this.handler(recorded);
      }
      if (!this.closing) throw new Error('EventStoreDB ended the $all subscription.');
    } catch (error) {
      if (!this.closing) throw error;
    } finally {
      this.onEnd();
    }
  }
}
