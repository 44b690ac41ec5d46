import type { CheckpointStore } from './checkpoint-store';
import type { RecordedEvent } from './envelope';
import type { EventStore, Subscription } from './event-store';

export interface RelayLogEntry {
  readonly level: 'warn' | 'error';
  readonly message: string;
  readonly facts: Readonly<Record<string, unknown>>;
}

export interface RelayOptions {
  /** Names the checkpoint `relay:<name>`. */
  readonly name: string;
  readonly store: Pick<EventStore, 'subscribeToAll'>;
  readonly checkpoints: CheckpointStore;
  /** Must be idempotent by event id: after a crash the last events are published again. */
  readonly publish: (event: RecordedEvent) => Promise<void>;
  readonly log?: (entry: RelayLogEntry) => void;
  /** Delay after the first failure, doubled per further failure up to `maxDelayMs`. */
  readonly initialDelayMs?: number;
  readonly maxDelayMs?: number;
  /**
   * Save the checkpoint after this many events or this long after the first unsaved one, whichever
   * comes first (default: after every event). Saving less often costs only republishing a few
   * events after a crash, which the publisher drops by event id; saving after every event costs a
   * synced write per event and makes the relay the bottleneck under load.
   */
  readonly checkpointEvery?: { readonly events: number; readonly ms: number };
}

class RelayStopped extends Error {}

/**
 * The only way events leave a service: tail the global log from a durable checkpoint and publish
 * each event, in order, saving the checkpoint only after the publish succeeded. A crash at any
 * point loses nothing — the relay resumes from the checkpoint and publishes again what may not
 * have gone out (at least once; the publisher drops duplicates by event id). A failing publisher
 * is retried with backoff for as long as it takes: skipping an event would lose it for good.
 */
export class Relay {
  private checkpoint: number | undefined;
  private stopping = false;
  private subscription: Subscription | undefined;
  private running: Promise<void> | undefined;
  private interruptPause: (() => void) | undefined;

  constructor(private readonly options: RelayOptions) {}

  get checkpointName(): string {
    return `relay:${this.options.name}`;
  }

  private published: number | undefined;
  private unsaved = 0;
  private saveTimer: NodeJS.Timeout | undefined;

  /** Global position of the last event published; 0 before the first. */
  get position(): number {
    return this.published ?? this.checkpoint ?? 0;
  }

  async start(): Promise<void> {
    if (this.running) throw new Error(`Relay ${this.options.name} is already running.`);
    this.stopping = false;
    this.checkpoint = await this.options.checkpoints.load(this.checkpointName);
    this.running = this.supervise();
  }

  /** Resolves once the event in flight is published (or abandoned unpublished, and not checkpointed). */
  async stop(): Promise<void> {
    this.stopping = true;
    this.interruptPause?.();
    await this.subscription?.close();
    await this.running;
    this.running = undefined;
    await this.saveCheckpoint();
  }

  /** Keeps a subscription open; when the store or the checkpoint fails, resubscribes from the checkpoint. */
  private async supervise(): Promise<void> {
    for (let failures = 1; !this.stopping; failures++) {
      this.subscription = this.options.store.subscribeToAll({ fromPosition: this.checkpoint }, (event) => this.relay(event));
      try {
        await this.subscription.done;
        return;
      } catch (error) {
        if (this.stopping) return;
        this.options.log?.({ level: 'error', message: 'relay subscription failed; resuming from the checkpoint', facts: { relay: this.options.name, position: this.position, error: String(error) } });
        await this.pause(this.delay(failures));
      }
    }
  }

  private async relay(event: RecordedEvent): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      if (this.stopping) throw new RelayStopped();
      try {
        await this.options.publish(event);
        break;
      } catch (error) {
        this.options.log?.({
          level: 'warn',
          message: 'publish failed; retrying the same event',
          facts: { relay: this.options.name, eventId: event.id, type: event.type, position: event.globalPosition, attempt, error: String(error) },
        });
        await this.pause(this.delay(attempt));
      }
    }
    this.published = event.globalPosition;
    this.unsaved++;
    const every = this.options.checkpointEvery;
    if (!every || this.unsaved >= every.events) await this.saveCheckpoint();
    else this.saveTimer ??= setTimeout(() => void this.saveCheckpoint(), every.ms);
  }

  /** Records how far the relay has published; a failure leaves it for the next save (the events go out again, deduplicated). */
  private async saveCheckpoint(): Promise<void> {
    clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    const position = this.published;
    if (position === undefined || position === this.checkpoint) return;
    this.unsaved = 0;
    try {
      await this.options.checkpoints.save(this.checkpointName, position);
      this.checkpoint = Math.max(this.checkpoint ?? 0, position);
    } catch (error) {
      if (!this.options.checkpointEvery) throw error; // saved per event: the subscription resumes from the last checkpoint
      this.options.log?.({ level: 'warn', message: 'relay checkpoint not saved; will try again', facts: { relay: this.options.name, position, error: String(error) } });
    }
  }

  private delay(failures: number): number {
    const initial = this.options.initialDelayMs ?? 100;
    return Math.min(initial * 2 ** (failures - 1), this.options.maxDelayMs ?? 30_000);
  }

  private pause(ms: number): Promise<void> {
    if (this.stopping) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.interruptPause?.(), ms);
      this.interruptPause = () => {
        clearTimeout(timer);
        this.interruptPause = undefined;
        resolve();
      };
    });
  }
}
