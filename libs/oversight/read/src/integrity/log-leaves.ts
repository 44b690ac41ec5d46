import type { RecordedEvent } from '@gongkai/event-sourcing';
import { type Checkpoint, eventLeafHash, type Hash, type IntegrityLogEvent } from '@gongkai/oversight/domain';

type Recorded = Extract<IntegrityLogEvent, { type: 'IntegrityCheckpointRecorded' }>['data'];
type LeavesRecorded = Extract<IntegrityLogEvent, { type: 'IntegrityLeavesRecorded' }>['data'];

/** The integrity log's own events, as found among the events of the log they describe. */
export interface IntegrityRecords {
  /** Leaf hashes as the checkpoints recorded them, by leaf index (hex; gaps where none was recorded). */
  readonly recordedLeaves: (string | undefined)[];
  readonly checkpoints: { readonly sequence: number; readonly checkpoint: Checkpoint; readonly coveredThroughPosition: number; readonly eventId: string }[];
}

export const integrityRecordsOf = (events: Iterable<RecordedEvent>): IntegrityRecords => {
  const recordedLeaves: (string | undefined)[] = [];
  const checkpoints: IntegrityRecords['checkpoints'] = [];
  for (const event of events) {
    if (!event.streamId.startsWith('oversight.IntegrityLog-')) continue;
    if (event.type === 'IntegrityLeavesRecorded') {
      const data = event.data as LeavesRecorded;
      data.leafHashes.forEach((leaf, i) => (recordedLeaves[data.fromIndex + i] = leaf));
    } else if (event.type === 'IntegrityCheckpointRecorded') {
      const data = event.data as Recorded;
      checkpoints.push({ sequence: data.sequence, checkpoint: data.checkpoint, coveredThroughPosition: data.coveredThroughPosition, eventId: event.id });
    }
  }
  return { recordedLeaves, checkpoints };
};

/** The Merkle leaves of events in log order: the stored hash of each, domain-separated. */
export const leavesOf = (events: readonly RecordedEvent[]): Hash[] => events.map((event) => eventLeafHash(event.hash));
