import { canonicalJson, sha256Hex } from '@gongkai/kernel';
import { GENESIS_HASH, type RecordedEvent } from './envelope';

/**
 * The fields a hash covers. Not `globalPosition`: positions are assigned by the store and differ
 * between stores, while the chain must verify after a migration from SQLite to EventStoreDB.
 */
export type HashedEnvelope = Pick<
  RecordedEvent,
  'id' | 'type' | 'schemaVersion' | 'streamId' | 'revision' | 'occurredAt' | 'data' | 'metadata' | 'prevHash'
>;

/** SHA-256 (hex) over the canonical JSON of the envelope without its own hash. */
export const computeEventHash = (event: HashedEnvelope): string =>
  sha256Hex(
    canonicalJson({
      id: event.id,
      type: event.type,
      schemaVersion: event.schemaVersion,
      streamId: event.streamId,
      revision: event.revision,
      occurredAt: event.occurredAt,
      data: event.data,
      metadata: event.metadata,
      prevHash: event.prevHash,
    }),
  );

export type ChainProblem = 'HASH_MISMATCH' | 'PREV_HASH_MISMATCH' | 'REVISION_GAP';

export type ChainVerification = { readonly ok: true } | { readonly ok: false; readonly revision: number; readonly problem: ChainProblem };

/**
 * Checks a whole stream, read forwards from revision 0, as an auditor would: revisions without
 * gaps, each event linked to the hash of the one before, each hash matching its content.
 * Reports the first broken event, since everything after it is unproven.
 */
export const verifyStreamChain = (events: readonly RecordedEvent[]): ChainVerification => {
  let prevHash = GENESIS_HASH;
  for (const [index, event] of events.entries()) {
    if (event.revision !== index) return { ok: false, revision: event.revision, problem: 'REVISION_GAP' };
    if (event.prevHash !== prevHash) return { ok: false, revision: event.revision, problem: 'PREV_HASH_MISMATCH' };
    if (event.hash !== computeEventHash(event)) return { ok: false, revision: event.revision, problem: 'HASH_MISMATCH' };
    prevHash = event.hash;
  }
  return { ok: true };
};
