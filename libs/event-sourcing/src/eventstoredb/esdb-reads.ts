import { FORWARDS, START, StreamNotFoundError, type EventStoreDBClient, type ReadStreamOptions } from '@eventstore/db-client';
import type { RecordedEvent } from '../envelope';
import type { ReadAllOptions } from '../event-store';
import { fromEsdbEvent, isSystemEvent, toEsdbPosition, toGlobalPosition } from './esdb-mapping';

/** A stream's events; a missing stream reads as empty, as the port says. Read on the leader, so a write just made is seen. */
export const readStreamEvents = async (client: EventStoreDBClient, streamId: string, options: ReadStreamOptions): Promise<RecordedEvent[]> => {
  const events: RecordedEvent[] = [];
  try {
    for await (const resolved of client.readStream(streamId, { ...options, requiresLeader: true })) {
      if (resolved.event) events.push(fromEsdbEvent(resolved.event, resolved.commitPosition));
    }
  } catch (error) {
    if (error instanceof StreamNotFoundError) return [];
    throw error;
  }
  return events;
};

/**
 * Pages through $all after `fromPosition`. Reads from a position include the event there, so it
 * is skipped here; system events are left out, which is why a page may yield fewer events than
 * it read.
 */
export const readAllEvents = async (client: EventStoreDBClient, options: ReadAllOptions, pageSize: number): Promise<RecordedEvent[]> => {
  const wanted = options.maxCount ?? Number.POSITIVE_INFINITY;
  const events: RecordedEvent[] = [];
  let after = options.fromPosition;
  while (events.length < wanted) {
    let read = 0;
    for await (const resolved of client.readAll({ direction: FORWARDS, fromPosition: after === undefined ? START : toEsdbPosition(after), maxCount: pageSize })) {
      read++;
      const event = resolved.event;
      if (!event || (after !== undefined && toGlobalPosition(event.position) <= after)) continue;
      after = toGlobalPosition(event.position);
      if (!isSystemEvent(event)) events.push(fromEsdbEvent(event));
      if (events.length >= wanted) break;
    }
    if (read < pageSize) break;
  }
  return events;
};
