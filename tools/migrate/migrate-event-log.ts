import { type EventStore, type RecordedEvent, verifyStreamChain } from '@gongkai/event-sourcing';

export interface MigrationReport {
  readonly events: number;
  readonly written: number;
  readonly streams: number;
}

const PAGE_SIZE = 1000;

/**
 * Copies an event log into another store in global order, keeping every event's id, type, schema
 * version, stream revision, time, data and metadata. The target recomputes each hash from the same
 * fields and the same predecessor, so the chains come out identical — which is checked, event by
 * event. Re-running is safe: an event already in the target is recognised by its id and revision.
 */
export const migrateEventLog = async (
  source: Pick<EventStore, 'readAll'>,
  target: Pick<EventStore, 'appendToStream'>,
  onProgress: (copied: number) => void = () => undefined,
): Promise<MigrationReport> => {
  let position: number | undefined;
  let events = 0;
  let written = 0;
  const streams = new Set<string>();
  for (;;) {
    const page: RecordedEvent[] = await source.readAll({ ...(position === undefined ? {} : { fromPosition: position }), maxCount: PAGE_SIZE });
    for (const event of page) {
      const result = await target.appendToStream(
        event.streamId,
        [{ id: event.id, type: event.type, schemaVersion: event.schemaVersion, occurredAt: event.occurredAt, data: event.data, metadata: event.metadata }],
        { expectedRevision: event.revision === 0 ? 'no_stream' : event.revision - 1 },
      );
      if (result.nextExpectedRevision !== event.revision) {
        throw new Error(`Stream ${event.streamId}: event ${event.id} landed at revision ${result.nextExpectedRevision}, not ${event.revision}.`);
      }
      if (result.written) written++;
      streams.add(event.streamId);
      events++;
    }
    onProgress(events);
    if (page.length < PAGE_SIZE) break;
    position = page[page.length - 1].globalPosition;
  }
  return { events, written, streams: streams.size };
};

/** Reads every migrated stream back from the target and compares hashes with the source. */
export const verifyMigration = async (source: Pick<EventStore, 'readAll' | 'readStream'>, target: Pick<EventStore, 'readStream'>): Promise<string[]> => {
  const problems: string[] = [];
  const streamIds = new Set<string>();
  let position: number | undefined;
  for (;;) {
    const page = await source.readAll({ ...(position === undefined ? {} : { fromPosition: position }), maxCount: PAGE_SIZE });
    for (const event of page) streamIds.add(event.streamId);
    if (page.length < PAGE_SIZE) break;
    position = page[page.length - 1].globalPosition;
  }
  for (const streamId of streamIds) {
    const [before, after] = await Promise.all([source.readStream(streamId), target.readStream(streamId)]);
    const chain = verifyStreamChain(after);
    if (!chain.ok) problems.push(`${streamId}: ${chain.problem} at revision ${chain.revision}`);
    if (before.length !== after.length) problems.push(`${streamId}: ${before.length} events in the source, ${after.length} in the target`);
    before.forEach((event, i) => {
      if (after[i]?.hash !== event.hash || after[i]?.id !== event.id) problems.push(`${streamId}@${event.revision}: hash or id differs`);
    });
  }
  return problems;
};
