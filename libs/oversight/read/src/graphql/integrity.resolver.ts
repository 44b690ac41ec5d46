import { CLOCK, type Clock, EVENT_STORE, type EventStore } from '@gongkai/event-sourcing';
import { CurrentActor, pageSize } from '@gongkai/graphql';
import type { Actor } from '@gongkai/kernel';
import { type Checkpoint as SignedCheckpoint, checkpointText, signingKeyFrom } from '@gongkai/oversight/domain';
import { READ_STORE, type ReadStore } from '@gongkai/read-store';
import { Inject, Optional } from '@nestjs/common';
import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { auditIndexReader, collectLog, type EventLogReader, eventStoreReader } from '../integrity/event-log-reader';
import { INTEGRITY_CHECKPOINTS, type IntegrityCheckpointDocument } from '../integrity/integrity-checkpoints.projection';
import { currentCheckpoint, eventInclusionProof, logConsistencyProof, verifyStream } from '../integrity/integrity-queries';
import { LogTree } from '../integrity/log-tree';
import { verifyLog } from '../integrity/log-verification';
import { requireAuditReader } from '../oversight-access';
import { Checkpoint, ConsistencyProof, InclusionProof, IntegrityReport, LogVerificationReport, RecordedCheckpoint } from './integrity.types';

const toCheckpoint = (checkpoint: SignedCheckpoint): Checkpoint => ({ ...checkpoint, note: checkpointText(checkpoint) });

/** Integrity (完整性): hash chains, the Merkle tree of the whole log (RFC 9162), signed checkpoints and proofs. */
@Resolver(() => IntegrityReport)
export class IntegrityResolver {
  private readonly reader: EventLogReader;
  /** Kept for the process's life: each proof reads only the events appended since the last. */
  private readonly tree: LogTree;

  constructor(
    @Inject(READ_STORE) private readonly store: ReadStore,
    @Inject(CLOCK) private readonly clock: Clock,
    // Only the embedded runtime gives the gateway the event store; the distributed gateway checks the audit index's copy.
    @Optional() @Inject(EVENT_STORE) eventStore?: EventStore,
  ) {
    this.reader = eventStore ? eventStoreReader(eventStore) : auditIndexReader(store);
    this.tree = new LogTree(this.reader);
  }

  @Query(() => IntegrityReport, { description: 'Checks one stream’s hash chain and names the first broken revision.' })
  async verifyStream(@CurrentActor() actor: Actor, @Args('streamId', { type: () => String }) streamId: string): Promise<IntegrityReport> {
    requireAuditReader(actor);
    return verifyStream(this.reader, streamId);
  }

  @Query(() => LogVerificationReport, { description: 'Checks every event, every stream and every recorded checkpoint, and locates what was changed, removed or moved.' })
  async verifyEventLog(
    @CurrentActor() actor: Actor,
    @Args('trustedKeyIds', { type: () => [String], nullable: true, description: 'Accept only checkpoints signed with these keys.' }) trustedKeyIds: string[] | null,
  ): Promise<LogVerificationReport> {
    requireAuditReader(actor);
    const result = verifyLog(await collectLog(this.reader), trustedKeyIds ? { trustedKeyIds } : {});
    return {
      ...result,
      problems: result.problems.map((p) => ({ leafIndex: null, globalPosition: null, streamId: null, revision: null, eventId: null, ...p })),
      source: this.reader.source,
    };
  }

  @Query(() => Checkpoint, { description: 'A checkpoint of the log as it is now, signed on demand (not recorded; the daily ones are).' })
  async integrityCheckpoint(@CurrentActor() actor: Actor): Promise<Checkpoint> {
    requireAuditReader(actor);
    return toCheckpoint(await currentCheckpoint(this.tree, signingKeyFrom(process.env).key, this.clock.now()));
  }

  @Query(() => [RecordedCheckpoint], { description: 'The checkpoints recorded in the integrity log, newest first.' })
  async integrityCheckpoints(@CurrentActor() actor: Actor, @Args('first', { type: () => Int, nullable: true }) first: number | null): Promise<RecordedCheckpoint[]> {
    requireAuditReader(actor);
    const recorded = await this.store.collection<IntegrityCheckpointDocument>(INTEGRITY_CHECKPOINTS).find({}, { sort: { sequence: -1 }, limit: pageSize(first) });
    return recorded.map((r) => ({ sequence: r.sequence, kind: r.kind, checkpoint: toCheckpoint(r.checkpoint), keyChanged: r.keyChanged, recordedAt: r.recordedAt }));
  }

  @Query(() => InclusionProof, { description: 'The proof that an event is in the tree of the first treeSize events (the whole log by default).' })
  async inclusionProof(
    @CurrentActor() actor: Actor,
    @Args('eventId', { type: () => ID }) eventId: string,
    @Args('treeSize', { type: () => Int, nullable: true }) treeSize: number | null,
  ): Promise<InclusionProof> {
    requireAuditReader(actor);
    return eventInclusionProof(this.tree, eventId, treeSize);
  }

  @Query(() => ConsistencyProof, { description: 'The proof that the tree of toSize events extends the tree of fromSize events.' })
  async consistencyProof(
    @CurrentActor() actor: Actor,
    @Args('fromSize', { type: () => Int }) fromSize: number,
    @Args('toSize', { type: () => Int }) toSize: number,
  ): Promise<ConsistencyProof> {
    requireAuditReader(actor);
    return logConsistencyProof(this.tree, fromSize, toSize);
  }
}
