import type { RecordedEvent } from '@gongkai/event-sourcing';

/** The subject an event travels on: `events.<context>.<EventType>`. */
export const eventSubject = (context: string, type: string): string => `events.${context}.${type}`;

/** Which context an event belongs to: the stream id's prefix, e.g. `services-catalog.ServiceItem-…`. */
export const contextOfStream = (streamId: string): string => streamId.slice(0, streamId.indexOf('.'));

export interface EventConsumer {
  /** Durable name: the bus remembers how far this consumer got, across restarts. */
  readonly durableName: string;
  /** Contexts whose events this consumer wants; all when omitted. */
  readonly contexts?: readonly string[];
  /** Called once per event in global order (per stream order at the least); a throw parks the event. */
  handle(event: RecordedEvent): Promise<void>;
  /**
   * Where the consumer keeps its own position, beside the data it writes (a read model's
   * checkpoint lives in its read store). Omitted: the bus keeps the position itself.
   */
  readonly checkpoint?: ConsumerCheckpoint;
  /**
   * True when no other process consumes under this durable name (a read model kept in this
   * process's memory, one consumer per replica). The bus may then hand over events in batches and
   * acknowledge them together; order per stream and exactly-once effect are the same.
   */
  readonly exclusive?: boolean;
}

export interface ConsumerCheckpoint {
  load(): Promise<number | undefined>;
  save(position: number): Promise<void>;
}

/** An event that failed its consumer repeatedly, set aside where an operator can see and replay it. */
export interface ParkedEvent {
  readonly consumer: string;
  readonly event: RecordedEvent;
  readonly error: string;
  readonly parkedAt: string;
}

export interface EventSubscription {
  close(): Promise<void>;
}

export interface EventBus {
  /** Called by the relay only: nothing else publishes events. */
  publish(event: RecordedEvent): Promise<void>;
  subscribe(consumer: EventConsumer): Promise<EventSubscription>;
  parkedEvents(): Promise<readonly ParkedEvent[]>;
  /** Hands a parked event to its consumer again; resolves true when it was handled this time. */
  replayParked(consumer: string, eventId: string): Promise<boolean>;
  close(): Promise<void>;
}
