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
  rangeRoot,
  signCheckpoint,
} from '@gongkai/oversight/domain';
import { INTEGRITY_LOG_STREAM } from '../oversight-streams';

const actor = systemActor('oversight.integrity');
const PAGE_SIZE = 1000;

type Recorded = Extract<IntegrityLogEvent, { type: 'IntegrityCheckpointRecorded' }>['data'];

/**
 * Issues signed checkpoints of the whole event log (RFC 9162 tree heads): reads the events after
 * the last checkpoint, extends its compact range by their leaves, signs the new root and records
 * it through the integrity log's decider, which checks the extension again before it is stored.
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

  async issue(kind: CheckpointKind, idempotencyKey: string): Promise<CommandResult> {
    const last = await this.lastCheckpoint();
    const leafHashes: string[] = [];
    let position = last?.coveredThroughPosition ?? -1;
    for (;;) {
      const page = await this.store.readAll({ ...(position >= 0 ? { fromPosition: position } : {}), maxCount: PAGE_SIZE });
      for (const event of page) leafHashes.push(eventLeafHash(event.hash).toString('hex'));
      if (page.length > 0) position = page[page.length - 1].globalPosition;
      if (page.length < PAGE_SIZE) break;
    }
    const previous = (last?.range ?? []).map((s) => ({ size: s.size, hash: Buffer.from(s.hash, 'hex') }));
    const range = appendLeaves(previous, leafHashes.map((leaf) => Buffer.from(leaf, 'hex')));
    const checkpoint = signCheckpoint(
      { origin: CHECKPOINT_ORIGIN, treeSize: (last?.checkpoint.treeSize ?? 0) + leafHashes.length, rootHash: rangeRoot(range).toString('hex'), issuedAt: this.now().toISOString() },
      this.key,
    );
    return this.commands.send({
      context: CONTEXTS.oversight,
      type: 'RecordIntegrityCheckpoint',
      data: { kind, checkpoint, leafHashes, coveredThroughPosition: position },
      metadata: { actor, correlationId: idempotencyKey, idempotencyKey },
    });
  }
}
