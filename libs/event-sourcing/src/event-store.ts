import type { EventToAppend, RecordedEvent } from './envelope';

/**
 * What the caller expects of the stream before appending, as in EventStoreDB:
 * `any` (no check), `no_stream`, `stream_exists`, or the exact revision of the stream's last event.
 */
export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | number;

export interface AppendResult {
  readonly streamId: string;
  /** Revision of the stream's last event after the append (the next expected revision); -1 for a stream without events. */
  readonly nextExpectedRevision: number;
  /**
   * Global position of the last event of this append (or of its earlier, identical write). An empty
   * append reports the stream's last event, or -1 for a stream without events.
   */
  readonly position: number;
  /** False when the append was recognised as a retry of events already stored. */
  readonly written: boolean;
}

export interface ReadStreamOptions {
  readonly direction?: 'forwards' | 'backwards';
  /** Inclusive start revision; for backwards reads, defaults to the end of the stream. */
  readonly fromRevision?: number;
  readonly maxCount?: number;
}

export interface ReadAllOptions {
  /** Exclusive: events after this position. Omitted: from the start of the log. */
  readonly fromPosition?: number;
  readonly maxCount?: number;
}

export interface StreamMetadata {
  readonly [key: string]: unknown;
}

export interface Subscription {
  /** Stops delivering; resolves once the handler in flight has finished. */
  close(): Promise<void>;
  /** Settles when the subscription ends: resolves on close, rejects when the handler or the store fails. */
  readonly done: Promise<void>;
}

export interface SubscribeToAllOptions {
  /** Exclusive: deliver events after this position; omitted, from the start. Catch up, then live. */
  readonly fromPosition?: number;
}

export type EventHandler = (event: RecordedEvent) => Promise<void>;

/** The event store port: the source of truth and the audit history. */
export interface EventStore {
  appendToStream(streamId: string, events: readonly EventToAppend[], options: { expectedRevision: ExpectedRevision }): Promise<AppendResult>;
  /** A missing stream reads as an empty list. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /** Delivers events in global order, one at a time, awaiting the handler before the next. */
  subscribeToAll(options: SubscribeToAllOptions, handler: EventHandler): Subscription;
  getStreamMetadata(streamId: string): Promise<StreamMetadata | undefined>;
  setStreamMetadata(streamId: string, metadata: StreamMetadata): Promise<void>;
  close(): Promise<void>;
}
