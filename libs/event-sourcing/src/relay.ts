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
  /**
   * Events published at once, awaiting their acknowledgements together (default 1). The checkpoint
   * moves only over a contiguous prefix of acknowledged events, and never more than one event of
   * a stream is in flight: a failed publish is retried before any later event of its stream goes
   * out, so each stream reaches the publisher in order even when publishes fail. Requires
   * `checkpointEvery`, since checkpoints then follow acknowledgements, not the subscription.
   */
  readonly publishWindow?: number;
}

/** An event handed to the publisher, in log order; `acknowledged` once the publisher took it. */
interface InFlight {
  readonly position: number;
  acknowledged: boolean;
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
  private readonly interruptPauses = new Set<() => void>();
  private readonly window: number;
  /** Events handed to the publisher and not yet covered by `published`, in log order. */
  private inFlight: InFlight[] = [];
  private readonly streamsInFlight = new Set<string>();
  private readonly publishing = new Set<Promise<void>>();
  private slotWaiters: (() => void)[] = [];

  constructor(private readonly options: RelayOptions) {
    this.window = options.publishWindow ?? 1;
    if (!Number.isInteger(this.window) || this.window < 1) throw new Error(`Relay ${options.name}: publishWindow must be a positive integer.`);
    if (this.window > 1 && !options.checkpointEvery) throw new Error(`Relay ${options.name}: a publishWindow above 1 needs checkpointEvery.`);
  }

  get checkpointName(): string {
    return `relay:${this.options.name}`;
  }

  private published: number | undefined;
  private unsaved = 0;
  private saveTimer: NodeJS.Timeout | undefined;
  private saving: Promise<void> = Promise.resolve();

  /** Global position of the last event published; 0 before the first. */
  get position(): number {
    return this.published ?? this.checkpoint ?? 0;
  }

  async start(): Promise<void> {
    if (this.running) throw new Error(`Relay ${this.options.name} is already running.`);
    this.stopping = false;
    this.inFlight = [];
    this.checkpoint = await this.options.checkpoints.load(this.checkpointName);
    this.running = this.supervise();
  }

  /** Resolves once the events in flight are published (or abandoned unpublished, and not checkpointed). */
  async stop(): Promise<void> {
    this.stopping = true;
    for (const interrupt of [...this.interruptPauses]) interrupt();
    this.wakeSlotWaiters();
    await this.subscription?.close();
    await this.settlePublishing();
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
        // The publishes in flight finish first, so that the new subscription starts from a settled queue.
        await this.settlePublishing();
        this.inFlight = [];
        await this.pause(this.delay(failures));
      }
    }
  }

  /** The subscription's handler: hands the event to the publisher once there is room for it. */
  private async relay(event: RecordedEvent): Promise<void> {
    while (this.inFlight.length >= this.window || this.streamsInFlight.has(event.streamId)) {
      if (this.stopping) throw new RelayStopped();
      await new Promise<void>((resolve) => this.slotWaiters.push(resolve));
    }
    if (this.stopping) throw new RelayStopped();
    const entry: InFlight = { position: event.globalPosition, acknowledged: false };
    this.inFlight.push(entry);
    this.streamsInFlight.add(event.streamId);
    const publishing = this.publishAndAdvance(event, entry);
    // One at a time, a failed checkpoint save ends the subscription, which resumes from the last saved one.
    if (this.window === 1) return publishing;
    const settled = publishing.catch(() => undefined); // only RelayStopped: the event is abandoned, not checkpointed
    this.publishing.add(settled);
    void settled.finally(() => this.publishing.delete(settled));
  }

  private async publishAndAdvance(event: RecordedEvent, entry: InFlight): Promise<void> {
    try {
      await this.publishUntilAcknowledged(event);
      entry.acknowledged = true;
    } finally {
      this.streamsInFlight.delete(event.streamId);
      this.wakeSlotWaiters();
    }
    let advanced = 0;
    while (this.inFlight[0]?.acknowledged) {
      this.published = this.inFlight[0].position;
      this.inFlight.shift();
      advanced++;
    }
    if (advanced === 0) return;
    this.wakeSlotWaiters();
    this.unsaved += advanced;
    const every = this.options.checkpointEvery;
    if (!every || this.unsaved >= every.events) await this.saveCheckpoint();
    else this.saveTimer ??= setTimeout(() => void this.saveCheckpoint(), every.ms);
  }

  private async publishUntilAcknowledged(event: RecordedEvent): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      if (this.stopping) throw new RelayStopped();
      try {
        await this.options.publish(event);
        return;
      } catch (error) {
        this.options.log?.({
          level: 'warn',
          message: 'publish failed; retrying the same event',
          facts: { relay: this.options.name, eventId: event.id, type: event.type, correlationId: event.metadata.correlationId, position: event.globalPosition, attempt, error: String(error) },
        });
        await this.pause(this.delay(attempt));
      }
    }
  }

  private wakeSlotWaiters(): void {
    const waiters = this.slotWaiters;
    this.slotWaiters = [];
    for (const wake of waiters) wake();
  }

  private async settlePublishing(): Promise<void> {
    while (this.publishing.size > 0) await Promise.all(this.publishing);
  }

  /** Saves one after the other, so that a slow earlier save cannot overwrite a later one. */
  private saveCheckpoint(): Promise<void> {
    const saved = this.saving.then(() => this.saveCheckpointNow());
    this.saving = saved.catch(() => undefined);
    return saved;
  }

  /** Records how far the relay has published; a failure leaves it for the next save (the events go out again, deduplicated). */
  private async saveCheckpointNow(): Promise<void> {
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
      const interrupt = (): void => {
        clearTimeout(timer);
        this.interruptPauses.delete(interrupt);
        resolve();
      };
      const timer = setTimeout(interrupt, ms);
      this.interruptPauses.add(interrupt);
    });
  }
}
