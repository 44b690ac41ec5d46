import { computeEventHash, GENESIS_HASH, type RecordedEvent } from '@gongkai/event-sourcing';
import { rootHash, verifyCheckpointSignature } from '@gongkai/oversight/domain';
import { integrityRecordsOf, leavesOf } from './log-leaves';

/**
 * Verification of a whole event log, as read from the store or from an export: each event against
 * its own hash, each stream's hash chain and order, and the history against every signed checkpoint
 * with the leaves it recorded — so that a changed byte, a removed event or two events swapped is
 * not only detected but located (leaf index, global position, stream and revision).
 */
export type LogProblemKind =
  | 'EVENT_ALTERED' // the content no longer matches the event's hash
  | 'EVENT_MISSING' // a revision of a stream is gone
  | 'CHAIN_BROKEN' // an event does not link to the hash of the one before it in its stream
  | 'REORDERED' // a stream's revisions are not in the order of the log
  | 'CHECKPOINT_SIGNATURE_INVALID'
  | 'RECORDED_LEAVES_ALTERED' // the integrity log's own record no longer matches its signed root
  | 'CHECKPOINT_MISMATCH' // the log no longer has the root a checkpoint signed
  | 'EVENT_REMOVED' // a leaf a checkpoint recorded is no longer in the log
  | 'EVENT_MOVED' // a leaf a checkpoint recorded is in the log at another place
  | 'EVENT_REPLACED'; // a leaf in a checkpointed range that no checkpoint recorded

export interface LogProblem {
  readonly kind: LogProblemKind;
  readonly leafIndex?: number;
  readonly globalPosition?: number;
  readonly streamId?: string;
  readonly revision?: number;
  readonly eventId?: string;
  readonly detail: string;
}

export interface LogVerification {
  readonly valid: boolean;
  readonly eventsChecked: number;
  readonly checkpointsChecked: number;
  readonly problems: LogProblem[];
}

const at = (event: RecordedEvent, leafIndex: number) => ({ leafIndex, globalPosition: event.globalPosition, streamId: event.streamId, revision: event.revision, eventId: event.id });

const checkContents = (events: readonly RecordedEvent[], problems: LogProblem[]): void => {
  events.forEach((event, i) => {
    if (computeEventHash(event) !== event.hash) problems.push({ kind: 'EVENT_ALTERED', ...at(event, i), detail: `${event.type} does not match its own hash.` });
  });
};

/** Each stream read in revision order: no gap, every link to the hash before, and in the log's order. */
const checkStreams = (events: readonly RecordedEvent[], problems: LogProblem[]): void => {
  const streams = new Map<string, { event: RecordedEvent; index: number }[]>();
  events.forEach((event, index) => {
    const list = streams.get(event.streamId) ?? [];
    list.push({ event, index });
    streams.set(event.streamId, list);
  });
  for (const [streamId, entries] of streams) {
    const byRevision = [...entries].sort((a, b) => a.event.revision - b.event.revision);
    let prevHash = GENESIS_HASH;
    let previous: { event: RecordedEvent; index: number } | undefined;
    byRevision.forEach((entry, expected) => {
      const { event, index } = entry;
      if (event.revision !== expected && (previous === undefined || event.revision !== previous.event.revision + 1)) {
        problems.push({ kind: 'EVENT_MISSING', streamId, revision: (previous?.event.revision ?? -1) + 1, detail: `Revision ${(previous?.event.revision ?? -1) + 1} of ${streamId} is missing (the next is ${event.revision}).` });
      } else if (event.prevHash !== prevHash) {
        problems.push({ kind: 'CHAIN_BROKEN', ...at(event, index), detail: `Revision ${event.revision} of ${streamId} does not link to the revision before it.` });
      }
      if (previous && index < previous.index) {
        problems.push({ kind: 'REORDERED', ...at(event, index), detail: `Revision ${event.revision} of ${streamId} stands before revision ${previous.event.revision} in the log.` });
      }
      prevHash = event.hash;
      previous = entry;
    });
  }
};

const countBelow = (sorted: readonly number[], limit: number): number => sorted.filter((value) => value < limit).length;

/**
 * The current leaves against the leaves the checkpoints recorded. A leaf both unknown now and
 * missing from its recorded place was rewritten there; a recorded leaf found nowhere was removed; a
 * leaf found away from where the removals before it would put it was moved (two swapped events are
 * both reported).
 */
const checkAgainstRecord = (
  events: readonly RecordedEvent[],
  recorded: readonly (string | undefined)[],
  covered: { readonly size: number; readonly throughPosition: number },
  problems: LogProblem[],
): void => {
  // An event the checkpoints did not record stands in their range if it was stored by then (its position says so).
  const inRange = (i: number): boolean => events[i].globalPosition <= covered.throughPosition;
  const current = leavesOf(events).map((leaf) => leaf.toString('hex'));
  const recordedIndex = new Map<string, number>();
  recorded.slice(0, covered.size).forEach((leaf, i) => leaf !== undefined && recordedIndex.set(leaf, i));
  const currentSet = new Set(current);
  const absent = new Set<number>();
  recorded.slice(0, covered.size).forEach((leaf, i) => leaf !== undefined && !currentSet.has(leaf) && absent.add(i));
  // Rewritten in place: unknown now, and what was checkpointed at that leaf is gone.
  const rewritten = new Set<number>();
  for (const i of absent) {
    if (i < current.length && !recordedIndex.has(current[i]) && inRange(i)) rewritten.add(i);
  }
  for (const i of rewritten) {
    absent.delete(i);
    problems.push({ kind: 'EVENT_REPLACED', ...at(events[i], i), detail: `The event at leaf ${i} is not the one checkpointed there: it was rewritten.` });
  }
  const unknown: number[] = [];
  current.forEach((leaf, i) => {
    if (inRange(i) && !recordedIndex.has(leaf) && !rewritten.has(i)) unknown.push(i);
  });
  for (const i of unknown) problems.push({ kind: 'EVENT_REPLACED', ...at(events[i], i), detail: `Leaf ${i} was not in the log when it was checkpointed.` });
  const removed = [...absent].sort((a, b) => a - b);
  for (const i of removed) {
    const before = events[i - 1 - countBelow(removed, i)];
    problems.push({ kind: 'EVENT_REMOVED', leafIndex: i, detail: `The event checkpointed as leaf ${i} (leaf hash ${recorded[i]}) is gone${before ? `; it followed global position ${before.globalPosition}` : ''}.` });
  }
  current.forEach((leaf, i) => {
    const was = recordedIndex.get(leaf);
    if (was === undefined) return;
    const expected = was - countBelow(removed, was) + countBelow(unknown, i);
    if (expected !== i) problems.push({ kind: 'EVENT_MOVED', ...at(events[i], i), detail: `The event checkpointed as leaf ${was} is now leaf ${i}.` });
  });
};

export const verifyLog = (events: readonly RecordedEvent[], options: { trustedKeyIds?: readonly string[] } = {}): LogVerification => {
  const problems: LogProblem[] = [];
  checkContents(events, problems);
  checkStreams(events, problems);
  const { recordedLeaves, checkpoints } = integrityRecordsOf(events);
  const recordedBuffers = recordedLeaves.map((leaf) => (leaf === undefined ? undefined : Buffer.from(leaf, 'hex')));
  const currentLeaves = leavesOf(events);
  let covered = { size: 0, throughPosition: -1 };
  for (const { sequence, checkpoint, coveredThroughPosition } of checkpoints) {
    if (!verifyCheckpointSignature(checkpoint, options.trustedKeyIds)) {
      problems.push({ kind: 'CHECKPOINT_SIGNATURE_INVALID', detail: `Checkpoint ${sequence} is not signed by a trusted key.` });
      continue;
    }
    const record = recordedBuffers.slice(0, checkpoint.treeSize);
    if (record.length < checkpoint.treeSize || record.some((leaf) => leaf === undefined) || rootHash(record as Buffer[]).toString('hex') !== checkpoint.rootHash) {
      problems.push({ kind: 'RECORDED_LEAVES_ALTERED', detail: `The leaves recorded up to checkpoint ${sequence} do not give its signed root.` });
    } else {
      if (checkpoint.treeSize >= covered.size) covered = { size: checkpoint.treeSize, throughPosition: coveredThroughPosition };
    }
    if (currentLeaves.length < checkpoint.treeSize || rootHash(currentLeaves, checkpoint.treeSize).toString('hex') !== checkpoint.rootHash) {
      problems.push({ kind: 'CHECKPOINT_MISMATCH', detail: `The first ${checkpoint.treeSize} events no longer have the root checkpoint ${sequence} signed on ${checkpoint.issuedAt}.` });
    }
  }
  if (covered.size > 0) checkAgainstRecord(events, recordedLeaves, covered, problems);
  return { valid: problems.length === 0, eventsChecked: events.length, checkpointsChecked: checkpoints.length, problems };
};
