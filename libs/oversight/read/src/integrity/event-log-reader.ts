import type { EventStore, RecordedEvent } from '@gongkai/event-sourcing';
import type { ReadStore } from '@gongkai/read-store';
import { AUDIT_EVENTS, type AuditEventDocument, recordedEventOf } from '../audit/audit-index';

/**
 * Where integrity checks read stored events. In the embedded runtime the gateway holds the event
 * store itself, and checks read what is actually stored. The distributed gateway has no event
 * store: there the checks read the audit index's copy of the events the relays published, which
 * proves that copy consistent and the checkpoints it carries — weaker, and said so in every answer.
 */
export interface EventLogReader {
  readonly source: 'EVENT_STORE' | 'AUDIT_INDEX';
  readStream(streamId: string): Promise<RecordedEvent[]>;
  /** Events after `afterPosition` (exclusive) in log order, at most `maxCount`. */
  readPage(afterPosition: number | undefined, maxCount: number): Promise<RecordedEvent[]>;
  /**
   * How many events are at or before `position`: where events can arrive out of order, a reader of
   * pages learns by it that one arrived behind what it already read.
   */
  countThrough?(position: number): Promise<number>;
}

export const eventStoreReader = (store: Pick<EventStore, 'readStream' | 'readAll'>): EventLogReader => ({
  source: 'EVENT_STORE',
  readStream: (streamId) => store.readStream(streamId),
  readPage: (afterPosition, maxCount) => store.readAll({ ...(afterPosition === undefined ? {} : { fromPosition: afterPosition }), maxCount }),
});

export const auditIndexReader = (store: ReadStore): EventLogReader => {
  const events = () => store.collection<AuditEventDocument>(AUDIT_EVENTS);
  return {
    source: 'AUDIT_INDEX',
    readStream: async (streamId) => (await events().find({ streamId }, { sort: { revision: 1 } })).map(recordedEventOf),
    readPage: async (afterPosition, maxCount) =>
      (await events().find(afterPosition === undefined ? {} : { globalPosition: { $gt: afterPosition } }, { sort: { globalPosition: 1 }, limit: maxCount })).map(recordedEventOf),
    // Each service's relay publishes its own context's events, so the index receives them interleaved.
    countThrough: (position) => events().count({ globalPosition: { $lte: position } }),
  };
};

const PAGE_SIZE = 1000;

/** The whole log in order, page by page, never all of it in memory unless the caller keeps it. */
export async function* readWholeLog(reader: EventLogReader): AsyncGenerator<RecordedEvent> {
  let after: number | undefined;
  for (;;) {
    const page = await reader.readPage(after, PAGE_SIZE);
    yield* page;
    if (page.length < PAGE_SIZE) return;
    after = page[page.length - 1].globalPosition;
  }
}

export const collectLog = async (reader: EventLogReader): Promise<RecordedEvent[]> => {
  const events: RecordedEvent[] = [];
  for await (const event of readWholeLog(reader)) events.push(event);
  return events;
};
