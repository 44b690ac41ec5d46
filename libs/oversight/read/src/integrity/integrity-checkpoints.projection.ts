import type { RecordedEvent } from '@gongkai/event-sourcing';
import type { IntegrityLogEvent } from '@gongkai/oversight/domain';
import type { Projection, ReadDocument, ReadStore } from '@gongkai/read-store';

export const INTEGRITY_CHECKPOINTS = 'oversight_integrity_checkpoints';

type Recorded = Extract<IntegrityLogEvent, { type: 'IntegrityCheckpointRecorded' }>['data'];

/** The recorded checkpoints, newest first when listed: what an auditor keeps and later checks against. */
export interface IntegrityCheckpointDocument extends ReadDocument, Omit<Recorded, 'range'> {
  readonly recordedAt: string;
}

export const integrityCheckpointsProjection: Projection = {
  name: 'oversight.integrity-checkpoints',
  version: 1,
  collections: [INTEGRITY_CHECKPOINTS],
  indexes: { [INTEGRITY_CHECKPOINTS]: [{ keys: { sequence: -1 } }] },
  handles: ['IntegrityCheckpointRecorded'],

  async apply(event: RecordedEvent, store: ReadStore): Promise<void> {
    const { range: _range, ...data } = event.data as Recorded;
    const _id = String(data.sequence);
    await store.collection<IntegrityCheckpointDocument>(INTEGRITY_CHECKPOINTS).replaceOne({ _id }, { _id, ...data, recordedAt: event.occurredAt }, { upsert: true });
  },
};
