import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  NO_STREAM,
  START,
  WrongExpectedVersionError,
  type ReadStreamOptions as EsdbReadStreamOptions,
} from '@eventstore/db-client';
import { isSameAppend, planAppend } from '../append-rules';
import type { EventToAppend, RecordedEvent } from '../envelope';
import { WrongExpectedRevisionError } from '../errors';
import type {
  AppendResult,
  EventHandler,
  EventStore,
  ExpectedRevision,
  ReadAllOptions,
  ReadStreamOptions,
  StreamMetadata,
  SubscribeToAllOptions,
  Subscription,
} from '../event-store';
import { sealEvents, toStoredJson, type StreamHead } from '../sealing';
import { toEsdbEvent } from './esdb-mapping';
import { readAllEvents, readStreamEvents } from './esdb-reads';
import { EsdbSubscription } from './esdb-subscription';
import { readCustomMetadata, withCustomMetadata } from './esdb-stream-metadata';

export interface EventStoreDbEventStoreOptions {
  /**
   * Appends that race another writer are planned again this many times. Exact expectations settle
   * in two rounds; 'any' and 'stream_exists' may need one round per concurrent writer.
   */
  readonly maxAppendAttempts?: number;
  /**
   * How many of a stream's latest events an 'any' / 'stream_exists' append searches for its first
   * event id to recognise a retry. EventStoreDB's own check for those modes is best effort too.
   */
  readonly retryWindow?: number;
  readonly pageSize?: number;
}

/**
 * The distributed runtime's event store. EventStoreDB checks the expected revision; this adapter
 * adds the hash chain, which needs the stream's last hash before writing. So every write is sent
 * with the exact revision it chained onto — also for 'any' — and a write that lost a race is
 * planned again on the new head, which keeps the chain unbroken under concurrent writers.
 */
export class EventStoreDbEventStore implements EventStore {
  private readonly subscriptions = new Set<EsdbSubscription>();
  private readonly maxAppendAttempts: number;
  private readonly retryWindow: number;
  private readonly pageSize: number;
  private closed = false;

  constructor(
    private readonly client: EventStoreDBClient,
    options: EventStoreDbEventStoreOptions = {},
  ) {
    this.maxAppendAttempts = options.maxAppendAttempts ?? 10;
    this.retryWindow = options.retryWindow ?? 64;
    this.pageSize = options.pageSize ?? 500;
  }

  /** e.g. `esdb://localhost:2113?tls=false` */
  static connect(connectionString: string, options: EventStoreDbEventStoreOptions = {}): EventStoreDbEventStore {
    return new EventStoreDbEventStore(EventStoreDBClient.connectionString(connectionString), options);
  }

  async appendToStream(streamId: string, events: readonly EventToAppend[], options: { expectedRevision: ExpectedRevision }): Promise<AppendResult> {
    const expected = options.expectedRevision;
    const searchesForRetry = events.length > 0 && (expected === 'any' || expected === 'stream_exists');
    for (let attempt = 1; ; attempt++) {
      const tail = await this.read(streamId, { direction: BACKWARDS, fromRevision: END, maxCount: searchesForRetry ? events.length + this.retryWindow : 1 });
      const head: StreamHead | undefined = tail[0] && { revision: tail[0].revision, hash: tail[0].hash, position: tail[0].globalPosition };
      const plan = planAppend(expected, head, events.length, () => tail.find((event) => event.id === events[0].id)?.revision);
      switch (plan.kind) {
        case 'check-only':
          return { streamId, nextExpectedRevision: head?.revision ?? -1, position: head?.position ?? -1, written: false };
        case 'reject':
          throw new WrongExpectedRevisionError(streamId, expected, head?.revision ?? 'no_stream');
        case 'retry':
          return this.acknowledgeRetry(streamId, events, plan.fromRevision, expected, head);
        case 'write': {
          const written = await this.write(streamId, events, head);
          if (written) return written;
          if (attempt >= this.maxAppendAttempts) throw new WrongExpectedRevisionError(streamId, expected, head?.revision ?? 'no_stream');
        }
      }
    }
  }

  /** Stored events are immutable, so comparing ids with what is stored answers a retry for good. */
  private async acknowledgeRetry(
    streamId: string,
    events: readonly EventToAppend[],
    fromRevision: number,
    expected: ExpectedRevision,
    head: StreamHead | undefined,
  ): Promise<AppendResult> {
    const stored = await this.read(streamId, { direction: FORWARDS, fromRevision: BigInt(fromRevision), maxCount: events.length });
    if (!isSameAppend(events.map((event) => event.id), stored.map((event) => event.id))) {
      throw new WrongExpectedRevisionError(streamId, expected, head?.revision ?? 'no_stream');
    }
    const last = stored[stored.length - 1];
    return { streamId, nextExpectedRevision: last.revision, position: last.globalPosition, written: false };
  }

  /** Writes after `head`, or returns undefined when another writer got there first. */
  private async write(streamId: string, events: readonly EventToAppend[], head: StreamHead | undefined): Promise<AppendResult | undefined> {
    const sealed = sealEvents(streamId, events, head);
    try {
      const result = await this.client.appendToStream(streamId, sealed.map(toEsdbEvent), {
        expectedRevision: head ? BigInt(head.revision) : NO_STREAM,
      });
      if (!result.success) return undefined; // the connection string asked for throwOnAppendFailure=false
      const nextExpectedRevision = Number(result.nextExpectedRevision);
      // Read the last event back for its own position: the port promises that of the last event.
      const [last] = await this.read(streamId, { direction: FORWARDS, fromRevision: BigInt(nextExpectedRevision), maxCount: 1 });
      const position = last?.globalPosition ?? Number(result.position?.commit ?? -1);
      return { streamId, nextExpectedRevision, position, written: true };
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) return undefined;
      throw error;
    }
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    if (options.maxCount === 0) return [];
    const backwards = options.direction === 'backwards';
    return this.read(streamId, {
      direction: backwards ? BACKWARDS : FORWARDS,
      fromRevision: options.fromRevision === undefined ? (backwards ? END : START) : BigInt(options.fromRevision),
      ...(options.maxCount !== undefined && { maxCount: options.maxCount }),
    });
  }

  private read(streamId: string, options: EsdbReadStreamOptions): Promise<RecordedEvent[]> {
    return readStreamEvents(this.client, streamId, options);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    if (options.maxCount === 0) return [];
    return readAllEvents(this.client, options, this.pageSize);
  }

  subscribeToAll(options: SubscribeToAllOptions, handler: EventHandler): Subscription {
    const subscription: EsdbSubscription = new EsdbSubscription(this.client, options.fromPosition, handler, () =>
      this.subscriptions.delete(subscription),
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  async getStreamMetadata(streamId: string): Promise<StreamMetadata | undefined> {
    const { metadata } = await this.client.getStreamMetadata(streamId);
    return readCustomMetadata(metadata);
  }

  async setStreamMetadata(streamId: string, metadata: StreamMetadata): Promise<void> {
    const { metadata: current } = await this.client.getStreamMetadata(streamId);
    await this.client.setStreamMetadata(streamId, withCustomMetadata(current, toStoredJson(metadata) as StreamMetadata));
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    if (this.closed) return;
    this.closed = true;
    await this.client.dispose();
  }
}
