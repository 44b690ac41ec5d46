import { assertNever, badInput, conflict, type DecideContext, type Decider, requireInteger, requireList, requireOneOf, requireRole } from '@gongkai/kernel';
import { type Checkpoint, CHECKPOINT_ORIGIN, verifyCheckpointSignature } from './checkpoint';
import { appendLeaves, rangeRoot, type Subtree } from './compact-range';

/**
 * The integrity log: the signed checkpoints of the whole event log, each recorded with the leaf
 * hashes it added since the one before and the compact range after it. The decider recomputes the
 * root from the previous range and the new leaves, so a recorded checkpoint always extends the last
 * one (an append-only history, as RFC 9162's consistency proofs demand); and the recorded leaves
 * let a verifier say exactly which event was changed, removed or moved.
 */
export const CHECKPOINT_KINDS = ['DAILY', 'ON_DEMAND'] as const;
export type CheckpointKind = (typeof CHECKPOINT_KINDS)[number];

export interface RecordedSubtree {
  readonly size: number;
  readonly hash: string;
}

export type IntegrityLogEvent =
  | { type: 'IntegrityLeavesRecorded'; data: { fromIndex: number; leafHashes: string[] } }
  | {
      type: 'IntegrityCheckpointRecorded';
      data: {
        sequence: number;
        kind: CheckpointKind;
        checkpoint: Checkpoint;
        previousTreeSize: number;
        /** The global position of the last event covered: where the next checkpoint's leaves begin. */
        coveredThroughPosition: number;
        range: RecordedSubtree[];
        keyChanged: boolean;
      };
    };

export interface IntegrityLogState {
  readonly sequence: number;
  readonly treeSize: number;
  readonly range: readonly RecordedSubtree[];
  readonly coveredThroughPosition: number;
  readonly keyId?: string;
}

export type IntegrityLogCommand = {
  type: 'RecordIntegrityCheckpoint';
  data: { kind: string; checkpoint: Checkpoint; leafHashes: unknown; coveredThroughPosition: number };
};

/** Leaf hashes per event: an event stays small however many leaves a checkpoint adds. */
export const LEAVES_PER_EVENT = 1024;

const HEX_HASH = /^[0-9a-f]{64}$/;
const requireHexHash = (field: string, value: unknown): string => {
  if (typeof value !== 'string' || !HEX_HASH.test(value)) throw badInput('INVALID_HASH', `${field} must be a SHA-256 hash in lower-case hex.`, { field });
  return value;
};

const toSubtrees = (range: readonly RecordedSubtree[]): Subtree[] => range.map((s) => ({ size: s.size, hash: Buffer.from(s.hash, 'hex') }));

const record = (command: IntegrityLogCommand, state: IntegrityLogState, context: DecideContext): IntegrityLogEvent[] => {
  requireRole(context.actor, 'system');
  const kind = requireOneOf('kind', command.data.kind, CHECKPOINT_KINDS);
  const checkpoint = command.data.checkpoint;
  if (checkpoint?.origin !== CHECKPOINT_ORIGIN) throw badInput('CHECKPOINT_ORIGIN', `A checkpoint of this log names the origin ${CHECKPOINT_ORIGIN}.`, { field: 'checkpoint.origin' });
  requireHexHash('checkpoint.rootHash', checkpoint.rootHash);
  if (!verifyCheckpointSignature(checkpoint)) throw badInput('CHECKPOINT_SIGNATURE_INVALID', 'The checkpoint’s signature does not verify with its key.', { field: 'checkpoint.signature' });
  const leaves = requireList('leafHashes', command.data.leafHashes, { max: 10_000_000 }, (leaf, i) => requireHexHash(`leafHashes[${i}]`, leaf));
  if (!Number.isSafeInteger(checkpoint.treeSize) || checkpoint.treeSize !== state.treeSize + leaves.length) {
    throw conflict('CHECKPOINT_NOT_AN_EXTENSION', `The last checkpoint covers ${state.treeSize} events; this one must add exactly the leaves after them (got ${leaves.length} for size ${checkpoint.treeSize}).`);
  }
  const coveredThroughPosition = requireInteger('coveredThroughPosition', command.data.coveredThroughPosition, { min: state.coveredThroughPosition, max: Number.MAX_SAFE_INTEGER });
  const range = appendLeaves(toSubtrees(state.range), leaves.map((leaf) => Buffer.from(leaf, 'hex')));
  if (rangeRoot(range).toString('hex') !== checkpoint.rootHash) {
    throw conflict('CHECKPOINT_INCONSISTENT', 'The checkpoint’s root is not the tree of the last checkpoint extended by the given leaves.');
  }
  const chunks: IntegrityLogEvent[] = [];
  for (let from = 0; from < leaves.length; from += LEAVES_PER_EVENT) {
    chunks.push({ type: 'IntegrityLeavesRecorded', data: { fromIndex: state.treeSize + from, leafHashes: leaves.slice(from, from + LEAVES_PER_EVENT) } });
  }
  const recordedRange = range.map((s) => ({ size: s.size, hash: s.hash.toString('hex') }));
  const keyChanged = state.keyId !== undefined && state.keyId !== checkpoint.keyId;
  return [
    ...chunks,
    { type: 'IntegrityCheckpointRecorded', data: { sequence: state.sequence + 1, kind, checkpoint, previousTreeSize: state.treeSize, coveredThroughPosition, range: recordedRange, keyChanged } },
  ];
};

export const evolveIntegrityLog = (state: IntegrityLogState, event: IntegrityLogEvent): IntegrityLogState => {
  switch (event.type) {
    case 'IntegrityLeavesRecorded':
      return state; // the range of the checkpoint that follows carries them
    case 'IntegrityCheckpointRecorded':
      return {
        sequence: event.data.sequence,
        treeSize: event.data.checkpoint.treeSize,
        range: event.data.range,
        coveredThroughPosition: event.data.coveredThroughPosition,
        keyId: event.data.checkpoint.keyId,
      };
  }
};

export const integrityLogDecider: Decider<IntegrityLogCommand, IntegrityLogEvent, IntegrityLogState> = {
  initialState: () => ({ sequence: 0, treeSize: 0, range: [], coveredThroughPosition: -1 }),
  decide: (command, state, context) => {
    switch (command.type) {
      case 'RecordIntegrityCheckpoint':
        return record(command, state, context);
      default:
        return assertNever(command.type);
    }
  },
  evolve: evolveIntegrityLog,
};
