import type { EventStore, RecordedEvent } from '@gongkai/event-sourcing';
import { contextOfStream, type ConsumerCheckpoint, type EventConsumer } from '../event-bus';
import { handleInScope } from '../handle-in-scope';

const PAGE_SIZE = 500;

interface RunnerDependencies {
  readonly history: Pick<EventStore, 'readAll'>;
  readonly checkpoint: ConsumerCheckpoint;
  readonly maxAttempts: number;
  readonly park: (event: RecordedEvent, error: unknown) => void;
  /** Reading the log or saving the checkpoint failed: wait, so that the next wake retries. */
  readonly onReadFailure: (error: unknown) => Promise<void>;
}

/** One durable consumer: reads the log after its checkpoint up to the target, one event at a time. */
export class ConsumerRunner {
  private position = 0;
  private target = 0;
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly consumer: EventConsumer,
    private readonly deps: RunnerDependencies,
  ) {}

  async start(target: number): Promise<void> {
    this.position = (await this.deps.checkpoint.load()) ?? 0;
    this.wake(target);
  }

  wake(target: number): void {
    this.target = Math.max(this.target, target);
    this.kick();
  }

  private kick(): void {
    if (this.running || this.stopped || this.position >= this.target) return;
    this.running = this.drain()
      .catch((error: unknown) => this.deps.onReadFailure(error))
      .finally(() => {
        this.running = undefined;
        this.kick();
      });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.running;
  }

  /** One attempt, nothing parked: for an operator's replay of a parked event. Returns the failure, if any. */
  async tryOnce(event: RecordedEvent): Promise<unknown> {
    try {
      await handleInScope(this.consumer, event, 'in-process');
      return undefined;
    } catch (error) {
      return error ?? new Error('handler failed');
    }
  }

  /** Handles one event with retries; false when every attempt failed. */
  async handleOnce(event: RecordedEvent): Promise<boolean> {
    for (let attempt = 1; ; attempt++) {
      try {
        await handleInScope(this.consumer, event, 'in-process');
        return true;
      } catch (error) {
        if (attempt >= this.deps.maxAttempts) {
          this.deps.park(event, error);
          return false;
        }
        await new Promise((resolve) => setTimeout(resolve, 10 * 2 ** attempt));
      }
    }
  }

  private async drain(): Promise<void> {
    while (!this.stopped && this.position < this.target) {
      const page = await this.deps.history.readAll({ fromPosition: this.position, maxCount: PAGE_SIZE });
      if (page.length === 0) break;
      for (const event of page) {
        if (this.stopped) break;
        if (this.wants(event)) await this.handleOnce(event);
        this.position = event.globalPosition;
      }
      await this.deps.checkpoint.save(this.position);
    }
  }

  private wants(event: RecordedEvent): boolean {
    return !this.consumer.contexts || this.consumer.contexts.includes(contextOfStream(event.streamId));
  }
}
