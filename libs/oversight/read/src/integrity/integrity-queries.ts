import type { KeyObject } from 'node:crypto';
import { verifyStreamChain } from '@gongkai/event-sourcing';
import { badInput, notFound } from '@gongkai/kernel';
import { CHECKPOINT_ORIGIN, type Checkpoint, signCheckpoint, treeConsistencyProof, treeInclusionProof, treeRoot } from '@gongkai/oversight/domain';
import type { EventLogReader } from './event-log-reader';
import type { LogTree } from './log-tree';

/** One stream's hash chain (verifyStreamChain), located at its first broken revision. */
export interface StreamIntegrity {
  readonly streamId: string;
  readonly valid: boolean;
  readonly eventsChecked: number;
  readonly firstBrokenRevision: number | null;
  readonly problem: string | null;
  readonly source: EventLogReader['source'];
}

export const verifyStream = async (reader: EventLogReader, streamId: string): Promise<StreamIntegrity> => {
  const events = await reader.readStream(streamId);
  if (events.length === 0) throw notFound('STREAM_NOT_FOUND', `There is no stream ${streamId}.`);
  const result = verifyStreamChain(events);
  return result.ok
    ? { streamId, valid: true, eventsChecked: events.length, firstBrokenRevision: null, problem: null, source: reader.source }
    : { streamId, valid: false, eventsChecked: events.length, firstBrokenRevision: result.revision, problem: result.problem, source: reader.source };
};

/** A signed tree head of the log as it is now (on demand, as RFC 9162's get-sth): not recorded in the log. */
export const currentCheckpoint = async (log: LogTree, key: KeyObject, now: Date): Promise<Checkpoint> => {
  const { tree } = await log.sync();
  return signCheckpoint({ origin: CHECKPOINT_ORIGIN, treeSize: tree.size, rootHash: treeRoot(tree).toString('hex'), issuedAt: now.toISOString() }, key);
};

const requireTreeSize = (field: string, size: number, logSize: number): number => {
  if (!Number.isSafeInteger(size) || size < 0 || size > logSize) throw badInput('TREE_SIZE_OUT_OF_RANGE', `${field} must be between 0 and ${logSize}, the number of events now in the log.`, { field });
  return size;
};

export interface InclusionProofAnswer {
  readonly eventId: string;
  readonly eventHash: string;
  readonly leafIndex: number;
  readonly treeSize: number;
  readonly leafHash: string;
  readonly rootHash: string;
  readonly path: string[];
  readonly source: EventLogReader['source'];
}

/** RFC 9162 §2.1.3: the audit path of one event in the tree of the first `treeSize` events (the whole log by default). */
export const eventInclusionProof = async (log: LogTree, eventId: string, treeSize?: number | null): Promise<InclusionProofAnswer> => {
  const view = await log.sync();
  const { tree } = view;
  const index = view.indexOf(eventId);
  if (index === undefined) throw notFound('EVENT_NOT_FOUND', `There is no event ${eventId} in the log.`);
  const size = requireTreeSize('treeSize', treeSize ?? tree.size, tree.size);
  if (index >= size) throw badInput('EVENT_AFTER_TREE', `Event ${eventId} is leaf ${index}: it is not in a tree of ${size} events.`, { field: 'treeSize' });
  return {
    eventId,
    eventHash: view.eventHashAt(index),
    leafIndex: index,
    treeSize: size,
    leafHash: tree.leaf(index).toString('hex'),
    rootHash: treeRoot(tree, size).toString('hex'),
    path: treeInclusionProof(tree, index, size).map((h) => h.toString('hex')),
    source: view.source,
  };
};

export interface ConsistencyProofAnswer {
  readonly fromSize: number;
  readonly toSize: number;
  readonly fromRoot: string;
  readonly toRoot: string;
  readonly path: string[];
  readonly source: EventLogReader['source'];
}

/** RFC 9162 §2.1.4: the proof that the tree of `toSize` events extends the tree of `fromSize`. */
export const logConsistencyProof = async (log: LogTree, fromSize: number, toSize: number): Promise<ConsistencyProofAnswer> => {
  const { tree, source } = await log.sync();
  const to = requireTreeSize('toSize', toSize, tree.size);
  const from = requireTreeSize('fromSize', fromSize, to);
  return {
    fromSize: from,
    toSize: to,
    fromRoot: treeRoot(tree, from).toString('hex'),
    toRoot: treeRoot(tree, to).toString('hex'),
    path: treeConsistencyProof(tree, from, to).map((h) => h.toString('hex')),
    source,
  };
};
