import type { RecordedEvent } from '@gongkai/event-sourcing';
import { type Checkpoint, eventLeafHash, verifyCheckpointSignature, verifyConsistency, verifyInclusion } from '@gongkai/oversight/domain';
import { type LogVerification, verifyLog } from '../log-verification';

/**
 * What the offline verifier checks, without the platform: a proof as the GraphQL API gives it
 * (inclusionProof, consistencyProof) optionally with the signed checkpoints it should match, a
 * checkpoint alone, or an exported log (the NDJSON of /oversight/audit-trail.ndjson).
 */
export interface InclusionProofDocument {
  readonly kind: 'inclusion';
  readonly proof: { readonly eventHash: string; readonly leafIndex: number; readonly treeSize: number; readonly rootHash: string; readonly path: readonly string[] };
  readonly checkpoint?: Checkpoint;
}

export interface ConsistencyProofDocument {
  readonly kind: 'consistency';
  readonly proof: { readonly fromSize: number; readonly toSize: number; readonly fromRoot: string; readonly toRoot: string; readonly path: readonly string[] };
  readonly from?: Checkpoint;
  readonly to?: Checkpoint;
}

export interface CheckpointDocument {
  readonly kind: 'checkpoint';
  readonly checkpoint: Checkpoint;
}

export type ProofDocument = InclusionProofDocument | ConsistencyProofDocument | CheckpointDocument;

export interface ProofVerification {
  readonly valid: boolean;
  readonly problems: string[];
}

const hashes = (hex: readonly string[]): Buffer[] => hex.map((h) => Buffer.from(h, 'hex'));

/** A checkpoint the proof refers to must be validly signed (by a trusted key, when given) and name the same size and root. */
const checkAgainst = (problems: string[], label: string, checkpoint: Checkpoint | undefined, size: number, root: string, trusted?: readonly string[]): void => {
  if (!checkpoint) return;
  if (!verifyCheckpointSignature(checkpoint, trusted)) problems.push(`the ${label} checkpoint's signature does not verify${trusted ? ' with a trusted key' : ''}`);
  if (checkpoint.treeSize !== size || checkpoint.rootHash !== root) problems.push(`the proof is not about the ${label} checkpoint (size ${checkpoint.treeSize}, root ${checkpoint.rootHash})`);
};

export const verifyProofDocument = (document: ProofDocument, trustedKeyIds?: readonly string[]): ProofVerification => {
  const problems: string[] = [];
  switch (document.kind) {
    case 'inclusion': {
      const { eventHash, leafIndex, treeSize, rootHash, path } = document.proof;
      if (!verifyInclusion(eventLeafHash(eventHash), leafIndex, treeSize, hashes(path), Buffer.from(rootHash, 'hex'))) problems.push(`event hash ${eventHash} is not leaf ${leafIndex} of the tree of ${treeSize} with root ${rootHash}`);
      checkAgainst(problems, 'given', document.checkpoint, treeSize, rootHash, trustedKeyIds);
      break;
    }
    case 'consistency': {
      const { fromSize, toSize, fromRoot, toRoot, path } = document.proof;
      if (!verifyConsistency(fromSize, toSize, hashes(path), Buffer.from(fromRoot, 'hex'), Buffer.from(toRoot, 'hex'))) problems.push(`the tree of ${toSize} does not extend the tree of ${fromSize}: the history was changed`);
      checkAgainst(problems, 'earlier', document.from, fromSize, fromRoot, trustedKeyIds);
      checkAgainst(problems, 'later', document.to, toSize, toRoot, trustedKeyIds);
      break;
    }
    case 'checkpoint':
      if (!verifyCheckpointSignature(document.checkpoint, trustedKeyIds)) problems.push('the checkpoint’s signature does not verify');
      break;
    default:
      problems.push('unknown kind: expected inclusion, consistency or checkpoint');
  }
  return { valid: problems.length === 0, problems };
};

/** An exported log: one stored event envelope per line, in log order. */
export const parseExportedLog = (text: string): RecordedEvent[] =>
  text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, i) => {
      try {
        return JSON.parse(line) as RecordedEvent;
      } catch {
        throw new Error(`line ${i + 1} is not JSON`);
      }
    });

export const verifyExportedLog = (text: string, trustedKeyIds?: readonly string[]): LogVerification => verifyLog(parseExportedLog(text), trustedKeyIds ? { trustedKeyIds } : {});
