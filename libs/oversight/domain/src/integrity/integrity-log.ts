import { assertNever, badInput, conflict, type DecideContext, type Decider, requireInteger, requireList, requireOneOf, requireRole } from '@gongkai/kernel';
import { type Checkpoint, CHECKPOINT_ORIGIN, verifyCheckpointSignature } from './checkpoint';
import { appendLeaves, rangeRoot, type Subtree } from './compact-range';

/**
 * The integrity log: the signed checkpoints of the whole event log, each recorded with the leaf
 * hashes it added since the one before and the compact range after it. The decider recomputes the
 * root from the previous range and the new leaves, so a recorded checkpoint always extends the last
 * one (an append-only history, as RFC 9162's consistency proofs demand); and the recorded leaves
 * let a verifier say exactly which event was changed, removed or moved.
 *
 * Leaves arrive in chunks of at most LEAVES_PER_EVENT (`RecordIntegrityLeaves`), each extending the
 * open tree, and the checkpoint then signs the open tree: no command grows with the log, so the
 * first checkpoint of a long log fits a NATS message (1 MB by default) like every other.
 */
export const CHECKPOINT_KINDS = ['DAILY', 'ON_DEMAND'] as const;
export type CheckpointKind = (typeof CHECKPOINT_KINDS)[number];

export interface RecordedSubtree {
  readonly size: number;
  readonly hash: string;
}

export type IntegrityLogEvent =
  | {
      type: 'IntegrityLeavesRecorded';
      data: {
        fromIndex: number;
        leafHashes: string[];
        /**
         * Where the open tree stands after these leaves; absent on leaves recorded together with
         * their checkpoint, whose range says the same.
         */
        coveredThroughPosition?: number;
        range?: RecordedSubtree[];
      };
    }
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

/** The tree of every leaf recorded so far, checkpointed or not yet. */
export interface OpenTree {
  readonly size: number;
  readonly range: readonly RecordedSubtree[];
  readonly coveredThroughPosition: number;
}

export interface IntegrityLogState {
  readonly sequence: number;
  /** The last checkpoint's tree. */
  readonly treeSize: number;
  readonly range: readonly RecordedSubtree[];
  readonly coveredThroughPosition: number;
  /** The last checkpoint's tree extended by the leaves recorded since. */
  readonly open: OpenTree;
  readonly keyId?: string;
}

export type IntegrityLogCommand =
  | { type: 'RecordIntegrityLeaves'; data: { fromIndex: unknown; leafHashes: unknown; coveredThroughPosition: unknown } }
  | {
      type: 'RecordIntegrityCheckpoint';
      /** `leafHashes`: leaves not yet recorded by `RecordIntegrityLeaves`, at most LEAVES_PER_EVENT (none by default). */
      data: { kind: string; checkpoint: Checkpoint; leafHashes?: unknown; coveredThroughPosition?: unknown };
    };

export const INTEGRITY_LOG_COMMAND_TYPES = ['RecordIntegrityLeaves', 'RecordIntegrityCheckpoint'] as const;

/** Leaf hashes per event and per command (about 67 KB of hex): an event and a message stay small however long the log. */
export const LEAVES_PER_EVENT = 1024;

const HEX_HASH = /^[0-9a-f]{64}$/;
const requireHexHash = (field: string, value: unknown): string => {
  if (typeof value !== 'string' || !HEX_HASH.test(value)) throw badInput('INVALID_HASH', `${field} must be a SHA-256 hash in lower-case hex.`, { field });
  return value;
};

/** A recorded (hex) compact range as hashes, to extend it. */
export const toSubtrees = (range: readonly RecordedSubtree[]): Subtree[] => range.map((s) => ({ size: s.size, hash: Buffer.from(s.hash, 'hex') }));
const toRecorded = (range: readonly Subtree[]): RecordedSubtree[] => range.map((s) => ({ size: s.size, hash: s.hash.toString('hex') }));

const requireLeaves = (value: unknown, min: number): string[] =>
  requireList('leafHashes', value, { min, max: LEAVES_PER_EVENT }, (leaf, i) => requireHexHash(`leafHashes[${i}]`, leaf));

const requireCoveredThrough = (value: unknown, open: OpenTree): number =>
  requireInteger('coveredThroughPosition', value, { min: open.coveredThroughPosition, max: Number.MAX_SAFE_INTEGER });

const recordLeaves = (command: Extract<IntegrityLogCommand, { type: 'RecordIntegrityLeaves' }>, state: IntegrityLogState, context: DecideContext): IntegrityLogEvent[] => {
  requireRole(context.actor, 'system');
  const leaves = requireLeaves(command.data.leafHashes, 1);
  const fromIndex = requireInteger('fromIndex', command.data.fromIndex, { min: 0, max: Number.MAX_SAFE_INTEGER });
  // Another issuer got there first: its leaves are the same events', so this one starts again from them.
  if (fromIndex !== state.open.size) throw conflict('LEAVES_NOT_CONTIGUOUS', `${state.open.size} leaves are recorded; the next chunk must start at leaf ${state.open.size}, not ${fromIndex}.`);
  const coveredThroughPosition = requireCoveredThrough(command.data.coveredThroughPosition, state.open);
  const range = toRecorded(appendLeaves(toSubtrees(state.open.range), leaves.map((leaf) => Buffer.from(leaf, 'hex'))));
  return [{ type: 'IntegrityLeavesRecorded', data: { fromIndex, leafHashes: leaves, coveredThroughPosition, range } }];
};

const record = (command: Extract<IntegrityLogCommand, { type: 'RecordIntegrityCheckpoint' }>, state: IntegrityLogState, context: DecideContext): IntegrityLogEvent[] => {
  requireRole(context.actor, 'system');
  const kind = requireOneOf('kind', command.data.kind, CHECKPOINT_KINDS);
  const checkpoint = command.data.checkpoint;
  if (checkpoint?.origin !== CHECKPOINT_ORIGIN) throw badInput('CHECKPOINT_ORIGIN', `A checkpoint of this log names the origin ${CHECKPOINT_ORIGIN}.`, { field: 'checkpoint.origin' });
  requireHexHash('checkpoint.rootHash', checkpoint.rootHash);
  if (!verifyCheckpointSignature(checkpoint)) throw badInput('CHECKPOINT_SIGNATURE_INVALID', 'The checkpoint’s signature does not verify with its key.', { field: 'checkpoint.signature' });
  const leaves = command.data.leafHashes === undefined ? [] : requireLeaves(command.data.leafHashes, 0);
  const { open } = state;
  if (!Number.isSafeInteger(checkpoint.treeSize) || checkpoint.treeSize !== open.size + leaves.length) {
    throw conflict(
      'CHECKPOINT_NOT_AN_EXTENSION',
      `The last checkpoint covers ${state.treeSize} events and ${open.size - state.treeSize} more leaves are recorded; this one must add exactly the leaves after them (got ${leaves.length} for size ${checkpoint.treeSize}).`,
    );
  }
  const coveredThroughPosition = command.data.coveredThroughPosition === undefined && leaves.length === 0 ? open.coveredThroughPosition : requireCoveredThrough(command.data.coveredThroughPosition, open);
  const range = appendLeaves(toSubtrees(open.range), leaves.map((leaf) => Buffer.from(leaf, 'hex')));
  if (rangeRoot(range).toString('hex') !== checkpoint.rootHash) {
    throw conflict('CHECKPOINT_INCONSISTENT', 'The checkpoint’s root is not the tree of the last checkpoint extended by the recorded and the given leaves.');
  }
  const chunk: IntegrityLogEvent[] = leaves.length > 0 ? [{ type: 'IntegrityLeavesRecorded', data: { fromIndex: open.size, leafHashes: leaves } }] : [];
  const keyChanged = state.keyId !== undefined && state.keyId !== checkpoint.keyId;
  return [
    ...chunk,
    {
      type: 'IntegrityCheckpointRecorded',
      data: { sequence: state.sequence + 1, kind, checkpoint, previousTreeSize: state.treeSize, coveredThroughPosition, range: toRecorded(range), keyChanged },
    },
  ];
};

export const evolveIntegrityLog = (state: IntegrityLogState, event: IntegrityLogEvent): IntegrityLogState => {
  switch (event.type) {
    case 'IntegrityLeavesRecorded': {
      const { fromIndex, leafHashes, range, coveredThroughPosition } = event.data;
      // Leaves recorded with their checkpoint carry no range: the checkpoint that follows does.
      if (!range || coveredThroughPosition === undefined) return state;
      return { ...state, open: { size: fromIndex + leafHashes.length, range, coveredThroughPosition } };
    }
    case 'IntegrityCheckpointRecorded': {
      const { checkpoint, range, coveredThroughPosition } = event.data;
      return {
        sequence: event.data.sequence,
        treeSize: checkpoint.treeSize,
        range,
        coveredThroughPosition,
        open: { size: checkpoint.treeSize, range, coveredThroughPosition },
        keyId: checkpoint.keyId,
      };
    }
  }
};

export const integrityLogDecider: Decider<IntegrityLogCommand, IntegrityLogEvent, IntegrityLogState> = {
  initialState: () => ({ sequence: 0, treeSize: 0, range: [], coveredThroughPosition: -1, open: { size: 0, range: [], coveredThroughPosition: -1 } }),
  decide: (command, state, context) => {
    switch (command.type) {
      case 'RecordIntegrityLeaves':
        return recordLeaves(command, state, context);
      case 'RecordIntegrityCheckpoint':
        return record(command, state, context);
      default:
        return assertNever(command);
    }
  },
  evolve: evolveIntegrityLog,
};
