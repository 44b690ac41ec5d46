import type { RecordedEvent } from '@gongkai/event-sourcing';
import {
  AckPolicy,
  DeliverPolicy,
  jetstream,
  JetStreamApiCodes,
  JetStreamApiError,
  jetstreamManager,
  RetentionPolicy,
  StorageType,
  type ConsumerConfig,
  type JetStreamClient,
  type JetStreamManager,
  type StreamConfig,
} from '@nats-io/jetstream';
import { nanos, type NatsConnection } from '@nats-io/transport-node';
import type { EventBus, EventConsumer, EventSubscription, ParkedEvent } from '../event-bus';
import { encodeEvent, subjectOfEvent } from './event-wire';
import { BATCH_SIZE, ConsumerLoop } from './jetstream-consumer';
import { ParkedStream } from './parked-stream';
import { requestInboxOf } from './request-inbox';
import { publishToStream } from './stream-publish';
import { isSubjectToken, jetStreamName } from './subjects';

export interface JetStreamEventBusOptions {
  /** The stream holding `events.>`; `EVENTS` by default. */
  readonly streamName?: string;
  /** The stream holding `parked.>`; `PARKED` by default. */
  readonly parkedStreamName?: string;
  /** How long JetStream remembers event ids to drop a republished event (ms); 2 minutes by default. */
  readonly duplicateWindowMs?: number;
  /** Stream replicas: 1 for a single server, 3 on the production cluster. */
  readonly replicas?: number;
  /** How long events stay in the stream (ms); 0 (the default) keeps them, as the event store does. */
  readonly maxAgeMs?: number;
  /** Deliveries of one event to a consumer before it is parked; 5 by default. */
  readonly maxDeliveries?: number;
  /** Pause before the n-th redelivery (ms), the last entry repeating; [1 s, 5 s, 30 s] by default. */
  readonly retryDelaysMs?: readonly number[];
  /** Redelivery after a consumer stopped responding (a crashed process) (ms); 30 s by default. */
  readonly ackWaitMs?: number;
  /** How long `publish` waits for the PubAck (ms); 5 s by default. */
  readonly publishTimeoutMs?: number;
  readonly onError?: (message: string, facts: Record<string, unknown>) => void;
}

interface Streams {
  readonly js: JetStreamClient;
  readonly jsm: JetStreamManager;
  readonly parked: ParkedStream;
}

/** `filter_subjects` (several filters on one consumer) came with nats-server 2.10. */
const supportsFilterSubjects = (version: string | undefined): boolean => {
  const [major = 0, minor = 0] = (version ?? '').split('.').map((part) => Number.parseInt(part, 10));
  return major > 2 || (major === 2 && minor >= 10);
};

/**
 * Events over JetStream. The relay publishes each event once to `events.<context>.<Type>` with
 * `Nats-Msg-Id` = event id, so JetStream drops the duplicates a relay restart produces. Each
 * durable consumer is a JetStream pull consumer that receives one event at a time, in stream order.
 */
export class JetStreamEventBus implements EventBus {
  private readonly streamName: string;
  private readonly parkedStreamName: string;
  private readonly loops = new Map<string, ConsumerLoop>();
  private streams: Promise<Streams> | undefined;

  constructor(
    private readonly connection: NatsConnection,
    private readonly options: JetStreamEventBusOptions = {},
  ) {
    this.streamName = options.streamName ?? 'EVENTS';
    this.parkedStreamName = options.parkedStreamName ?? 'PARKED';
  }

  /** Creates or updates both streams; every other method awaits it, so calling it is optional. */
  async ready(): Promise<void> {
    await this.open();
  }

  async publish(event: RecordedEvent): Promise<void> {
    const subject = subjectOfEvent(event);
    await this.open();
    // Awaiting the PubAck: the relay checkpoints only what JetStream has stored (or recognised as a duplicate).
    await publishToStream(requestInboxOf(this.connection), subject, encodeEvent(event), event.id, this.options.publishTimeoutMs ?? 5_000);
  }

  async subscribe(consumer: EventConsumer): Promise<EventSubscription> {
    if (this.loops.has(consumer.durableName)) throw new Error(`Consumer ${consumer.durableName} is already subscribed.`);
    const badContext = consumer.contexts?.find((context) => !isSubjectToken(context));
    if (badContext !== undefined) throw new Error(`Consumer ${consumer.durableName}: ${badContext} is not a context name.`);
    const { js, jsm, parked } = await this.open();
    const durable = jetStreamName(consumer.durableName);
    const filter = this.filterOf(consumer);
    // A consumer that keeps its own checkpoint and has none (read models in memory, or dropped for a
    // rebuild) must see the whole stream again, whatever the durable remembers: start it afresh.
    if (consumer.checkpoint && (await consumer.checkpoint.load()) === undefined) {
      await jsm.consumers.delete(this.streamName, durable).catch(() => false);
    }
    if (!consumer.exclusive) await this.ensureConsumer(jsm, durable, filter.config);
    // Checked again: a concurrent subscribe of the same durable may have won while we awaited.
    if (this.loops.has(consumer.durableName)) throw new Error(`Consumer ${consumer.durableName} is already subscribed.`);
    const loop = new ConsumerLoop(consumer, {
      js,
      stream: this.streamName,
      durable,
      maxDeliveries: this.options.maxDeliveries ?? 5,
      retryDelaysMs: this.options.retryDelaysMs ?? [1_000, 5_000, 30_000],
      ackWaitMs: this.ackWaitMs,
      filterLocally: filter.local,
      park: (event, subject, error) => parked.park(consumer.durableName, event, subject, error),
      connectionClosed: () => this.connection.isClosed(),
      report: (message, facts) => this.report(message, facts),
      ...(consumer.exclusive ? { batched: { reposition: () => this.repositionExclusiveConsumer(jsm, durable, filter.config) } } : {}),
    });
    this.loops.set(consumer.durableName, loop);
    try {
      await loop.start();
    } catch (error) {
      this.loops.delete(consumer.durableName);
      throw error;
    }
    return {
      close: async () => {
        if (this.loops.get(consumer.durableName) === loop) this.loops.delete(consumer.durableName);
        await loop.stop();
      },
    };
  }

  async parkedEvents(): Promise<readonly ParkedEvent[]> {
    const { parked } = await this.open();
    const seen = new Set<string>();
    const events: ParkedEvent[] = [];
    for (const { parked: entry } of await parked.list()) {
      const key = JSON.stringify([entry.consumer, entry.event.id]);
      if (seen.has(key)) continue; // a second copy from a crash while parking
      seen.add(key);
      events.push(entry);
    }
    return events;
  }

  async replayParked(consumer: string, eventId: string): Promise<boolean> {
    const loop = this.loops.get(consumer);
    if (!loop) return false;
    const { parked } = await this.open();
    const copies = (await parked.list()).filter((entry) => entry.parked.consumer === consumer && entry.parked.event.id === eventId);
    const [first] = copies;
    if (!first) return false;
    try {
      await loop.replay(first.parked.event);
    } catch (error) {
      this.report('replayed event failed again; it stays parked', { consumer, eventId, error: String(error) });
      return false;
    }
    for (const copy of copies) await parked.remove(copy.sequence);
    return true;
  }

  /** Stops every consumer after the event it is handling. The connection belongs to the caller. */
  async close(): Promise<void> {
    const loops = [...this.loops.values()];
    this.loops.clear();
    await Promise.all(loops.map((loop) => loop.stop()));
  }

  private get ackWaitMs(): number {
    return this.options.ackWaitMs ?? 30_000;
  }

  private open(): Promise<Streams> {
    this.streams ??= this.createStreams().catch((error: unknown) => {
      this.streams = undefined; // the next call tries again (NATS may just not be up yet)
      throw error;
    });
    return this.streams;
  }

  private async createStreams(): Promise<Streams> {
    const jsm = await jetstreamManager(this.connection);
    const common = {
      storage: StorageType.File,
      retention: RetentionPolicy.Limits,
      num_replicas: this.options.replicas ?? 1,
    } satisfies Partial<StreamConfig>;
    await this.ensureStream(jsm, {
      ...common,
      name: this.streamName,
      subjects: ['events.>'],
      duplicate_window: nanos(this.options.duplicateWindowMs ?? 120_000),
      max_age: nanos(this.options.maxAgeMs ?? 0),
    });
    // Parked events stay until replayed: no age limit.
    await this.ensureStream(jsm, { ...common, name: this.parkedStreamName, subjects: ['parked.>'] });
    const js = jetstream(this.connection);
    return { js, jsm, parked: new ParkedStream(js, jsm, this.parkedStreamName) };
  }

  /** Adding an identical stream is a no-op; a changed configuration (window, replicas) is applied as an update. */
  private async ensureStream(jsm: JetStreamManager, config: Partial<StreamConfig> & { name: string }): Promise<void> {
    try {
      await jsm.streams.add(config);
    } catch (addError) {
      const { name: _name, storage: _storage, retention: _retention, ...update } = config;
      // When the update fails too, the add's error says more (JetStream disabled, no permission…).
      await jsm.streams.update(config.name, update).catch(() => Promise.reject(addError));
    }
  }

  /**
   * Creates the durable, or updates it when the filter changed; its position survives either way.
   *
   * max_ack_pending 1 keeps order: with more events in flight, a failed event would be redelivered
   * after the ones behind it had been applied, and a projection would see revision 3 before 2. Order
   * costs throughput (one round trip per event), which a read model can afford; replicas of one
   * durable then share nothing but failover.
   */
  private async ensureConsumer(jsm: JetStreamManager, durable: string, filter: Partial<ConsumerConfig>): Promise<void> {
    const config: Partial<ConsumerConfig> = {
      durable_name: durable,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      max_ack_pending: 1,
      // Unlimited: the consumer loop parks after maxDeliveries itself; a server-side limit would drop
      // the event silently (only an advisory) if parking failed.
      max_deliver: -1,
      ack_wait: nanos(this.ackWaitMs),
      ...filter,
    };
    try {
      await jsm.consumers.add(this.streamName, config);
    } catch (addError) {
      await jsm.consumers.update(this.streamName, durable, config).catch(() => Promise.reject(addError));
    }
  }

  /**
   * An exclusive consumer's durable acknowledges in batches (AckPolicy.All) and is created anew
   * before every subscription, starting right after its ack floor: events pulled by an earlier
   * subscription and not acknowledged then come again before any later one, in stream order —
   * which a durable that kept them pending would not do (it redelivers them only after ack_wait,
   * behind newer events).
   */
  private async repositionExclusiveConsumer(jsm: JetStreamManager, durable: string, filter: Partial<ConsumerConfig>): Promise<void> {
    const acknowledged = await jsm.consumers
      .info(this.streamName, durable)
      .then((info) => info.ack_floor.stream_seq)
      // No durable yet: from the start. Anything else (the server away) fails the subscription,
      // which is retried, rather than replaying everything.
      .catch((error: unknown) => (error instanceof JetStreamApiError && error.code === JetStreamApiCodes.ConsumerNotFound ? 0 : Promise.reject(error)));
    await jsm.consumers.delete(this.streamName, durable).catch(() => false);
    await jsm.consumers.add(this.streamName, {
      durable_name: durable,
      ack_policy: AckPolicy.All,
      ...(acknowledged > 0 ? { deliver_policy: DeliverPolicy.StartSequence, opt_start_seq: acknowledged + 1 } : { deliver_policy: DeliverPolicy.All }),
      max_ack_pending: 4 * BATCH_SIZE,
      max_deliver: -1,
      ack_wait: nanos(this.ackWaitMs),
      ...filter,
    });
  }

  /** Filters on the server where it can; otherwise takes `events.>` and skips other contexts locally. */
  private filterOf(consumer: EventConsumer): { config: Partial<ConsumerConfig>; local: boolean } {
    const contexts = consumer.contexts;
    if (!contexts) return { config: { filter_subject: 'events.>' }, local: false };
    if (contexts.length === 1) return { config: { filter_subject: `events.${contexts[0]}.>` }, local: false };
    if (contexts.length > 1 && supportsFilterSubjects(this.connection.info?.version)) {
      return { config: { filter_subjects: contexts.map((context) => `events.${context}.>`) }, local: false };
    }
    return { config: { filter_subject: 'events.>' }, local: true };
  }

  private report(message: string, facts: Record<string, unknown>): void {
    try {
      this.options.onError?.(message, facts);
    } catch {
      // a failing log hook must not stop a consumer
    }
  }
}
