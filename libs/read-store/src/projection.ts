import type { RecordedEvent } from '@gongkai/event-sourcing';
import type { IndexSpec, ReadStore } from './read-store';

/** A read model: the events it reads and how it writes them into the collections it owns. */
export interface Projection {
  /** Unique among the runner's projections; names its checkpoint and its revision records. */
  readonly name: string;
  /** Bump it when `apply` changes meaning: a stored version that differs triggers a rebuild at start. */
  readonly version: number;
  /** Owned by this projection alone, because a rebuild drops them. */
  readonly collections: readonly string[];
  /** Declared at start and again after a rebuild drops the collection. */
  readonly indexes?: Readonly<Record<string, readonly IndexSpec[]>>;
  /** Event types it applies; every other event only advances its checkpoint. */
  readonly handles: readonly string[];
  apply(event: RecordedEvent, store: ReadStore): Promise<void>;
}

/**
 * Events in global order for a replay: a finite iterable, or a function of the position to read
 * after (exclusive, as `readAll`'s `fromPosition`; undefined from the start of the log).
 */
export type EventSource =
  | AsyncIterable<RecordedEvent>
  | Iterable<RecordedEvent>
  | ((afterPosition: number | undefined) => AsyncIterable<RecordedEvent> | Iterable<RecordedEvent>);
