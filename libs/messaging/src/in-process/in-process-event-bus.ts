import type { CheckpointStore, EventStore, RecordedEvent } from '@gongkai/event-sourcing';
import type { EventBus, EventConsumer, EventSubscription, ParkedEvent } from '../event-bus';
import { ConsumerRunner } from './consumer-runner';

export interface InProcessEventBusOptions {
  /** Where consumers read history from: the bus is fed by the relay, and the store holds every event. */
  readonly history: Pick<EventStore, 'readAll'>;
  /** Positions of consumers that do not keep their own. */
  readonly checkpoints: CheckpointStore;
  readonly maxAttempts?: number;
  readonly onError?: (message: string, facts: Record<string, unknown>) => void;
}

/**
 * Events inside one process. The relay's publish raises a high-water mark; each durable consumer
 * reads the log from its own checkpoint up to that mark, in order. Catch-up after a restart and
 * live delivery are the same loop, so no event is skipped between them.
 */
export class InProcessEventBus implements EventBus {
  private highWaterMark = 0;
  private readonly runners = new Map<string, ConsumerRunner>();
  private readonly parked: ParkedEvent[] = [];

  constructor(private readonly options: InProcessEventBusOptions) {}

  async publish(event: RecordedEvent): Promise<void> {
    this.announce(event.globalPosition);
  }

  /**
   * The log is available to consumers up to `position`. At start the relay's checkpoint is
   * announced, so that consumers which were behind catch up without waiting for a new event.
   */
  announce(position: number): void {
    if (position <= this.highWaterMark) return; // a replayed relay checkpoint: already announced
    this.highWaterMark = position;
    for (const runner of this.runners.values()) runner.wake(this.highWaterMark);
  }

  async subscribe(consumer: EventConsumer): Promise<EventSubscription> {
    if (this.runners.has(consumer.durableName)) throw new Error(`Consumer ${consumer.durableName} is already subscribed.`);
    const checkpoints = this.options.checkpoints;
    const runner = new ConsumerRunner(consumer, {
      history: this.options.history,
      checkpoint: consumer.checkpoint ?? {
        load: () => checkpoints.load(`consumer:${consumer.durableName}`),
        save: (position) => checkpoints.save(`consumer:${consumer.durableName}`, position),
      },
      maxAttempts: this.options.maxAttempts ?? 5,
      park: (event, error) => this.park(consumer.durableName, event, error),
      onReadFailure: async (error) => {
        this.options.onError?.('consumer could not read the log', { consumer: consumer.durableName, error: String(error) });
        await new Promise((resolve) => setTimeout(resolve, 200));
      },
    });
    this.runners.set(consumer.durableName, runner);
    await runner.start(this.highWaterMark);
    return {
      close: async () => {
        this.runners.delete(consumer.durableName);
        await runner.stop();
      },
    };
  }

  async parkedEvents(): Promise<readonly ParkedEvent[]> {
    return [...this.parked];
  }

  async replayParked(consumer: string, eventId: string): Promise<boolean> {
    const index = this.parked.findIndex((p) => p.consumer === consumer && p.event.id === eventId);
    const runner = this.runners.get(consumer);
    if (index < 0 || !runner) return false;
    const [entry] = this.parked.splice(index, 1);
    const failure = await runner.tryOnce(entry.event);
    if (failure === undefined) return true;
    this.parked.push({ ...entry, error: failure instanceof Error ? failure.message : String(failure), parkedAt: new Date().toISOString() });
    return false;
  }

  async close(): Promise<void> {
    await Promise.all([...this.runners.values()].map((runner) => runner.stop()));
    this.runners.clear();
  }

  private park(consumer: string, event: RecordedEvent, error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    this.parked.push({ consumer, event, error: message, parkedAt: new Date().toISOString() });
    this.options.onError?.('event parked after repeated failures', { consumer, eventId: event.id, type: event.type, correlationId: event.metadata.correlationId, error: message });
  }
}
