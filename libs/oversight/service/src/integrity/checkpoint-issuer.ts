import type { KeyObject } from 'node:crypto';
import { localDateOf } from '@gongkai/calendar';
import { CONTEXTS } from '@gongkai/contracts';
import type { EventStore } from '@gongkai/event-sourcing';
import { type LocalDate, systemActor } from '@gongkai/kernel';
import type { CommandBus, CommandResult } from '@gongkai/messaging';
import {
  appendLeaves,
  CHECKPOINT_ORIGIN,
  type CheckpointKind,
  eventLeafHash,
  type IntegrityLogEvent,
  LEAVES_PER_EVENT,
  type OpenTree,
  rangeRoot,
  signCheckpoint,
  type Subtree,
  toSubtrees,
} from '@gongkai/oversight/domain';
import { INTEGRITY_LOG_STREAM } from '../oversight-streams';

const actor = systemActor('oversight.integrity');

type Recorded = Extract<IntegrityLogEvent, { type: 'IntegrityCheckpointRecorded' }>['data'];
type LeavesRecorded = Extract<IntegrityLogEvent, { type: 'IntegrityLeavesRecorded' }>['data'];

const EMPTY_TREE: OpenTree = { size: 0, range: [], coveredThroughPosition: -1 };

/**
 * Issues signed checkpoints of the whole event log (RFC 9162 tree heads): reads the events after
 * the open tree (the last checkpoint extended by any leaves recorded since), records their leaves
 * a bounded chunk per command, then signs the open tree's root and records it. The integrity log's
 * decider checks each chunk and the checkpoint again before they are stored. A run cut short
 * leaves its chunks recorded, and the next run goes on from them.
 */
export class CheckpointIssuer {
  constructor(
    private readonly store: Pick<EventStore, 'readAll' | 'readStream'>,
    private readonly commands: CommandBus,
    private readonly key: KeyObject,
    private readonly now: () => Date,
  ) {}

  async lastCheckpoint(): Promise<Recorded | undefined> {
    const [last] = await this.store.readStream(INTEGRITY_LOG_STREAM, { direction: 'backwards', maxCount: 1 });
    return last?.type === 'IntegrityCheckpointRecorded' ? (last.data as Recorded) : undefined;
  }

  /** Whether today (Asia/Shanghai) has no checkpoint yet. */
  async dueOn(today: LocalDate): Promise<boolean> {
    const last = await this.lastCheckpoint();
    return !last || localDateOf(new Date(last.checkpoint.issuedAt)) < today;
  }

  /** The tree of every leaf recorded so far: the last event of the integrity log says where it stands. */
  private async openTree(): Promise<OpenTree> {
    const [last] = await this.store.readStream(INTEGRITY_LOG_STREAM, { direction: 'backwards', maxCount: 1 });
    if (last?.type === 'IntegrityCheckpointRecorded') {
      const { checkpoint, range, coveredThroughPosition } = last.data as Recorded;
      return { size: checkpoint.treeSize, range, coveredThroughPosition };
    }
    if (last?.type === 'IntegrityLeavesRecorded') {
      const { fromIndex, leafHashes, range, coveredThroughPosition } = last.data as LeavesRecorded;
      if (range && coveredThroughPosition !== undefined) return { size: fromIndex + leafHashes.length, range, coveredThroughPosition };
    }
    return EMPTY_TREE;
  }

  async issue(kind: CheckpointKind, idempotencyKey: string): Promise<CommandResult> {
    const open = await this.openTree();
    let size = open.size;
    let position = open.coveredThroughPosition;
    let range: Subtree[] = toSubtrees(open.range);
    for (;;) {
      const page = await this.store.readAll({ ...(position >= 0 ? { fromPosition: position } : {}), maxCount: LEAVES_PER_EVENT });
      if (page.length === 0) break;
      const leaves = page.map((event) => eventLeafHash(event.hash));
      const coveredThroughPosition = page[page.length - 1].globalPosition;
      // Keyed by the first leaf: a redelivered chunk is answered, not recorded twice.
      await this.send('RecordIntegrityLeaves', { fromIndex: size, leafHashes: leaves.map((leaf) => leaf.toString('hex')), coveredThroughPosition }, `${idempotencyKey}:leaves:${size}`);
      range = appendLeaves(range, leaves);
      size += leaves.length;
      position = coveredThroughPosition;
      if (page.length < LEAVES_PER_EVENT) break;
    }
    const checkpoint = signCheckpoint({ origin: CHECKPOINT_ORIGIN, treeSize: size, rootHash: rangeRoot(range).toString('hex'), issuedAt: this.now().toISOString() }, this.key);
    return this.send('RecordIntegrityCheckpoint', { kind, checkpoint }, idempotencyKey);
  }

  private send(type: string, data: Readonly<Record<string, unknown>>, idempotencyKey: string): Promise<CommandResult> {
    return this.commands.send({ context: CONTEXTS.oversight, type, data, metadata: { actor, correlationId: idempotencyKey, idempotencyKey } });
  }
}
