import { generateKeyPairSync } from 'node:crypto';
import { DeciderSpecification } from '@gongkai/kernel/testing';
import { office, system } from '../oversight.fixtures';
import { CHECKPOINT_ORIGIN, signCheckpoint } from './checkpoint';
import { integrityLogDecider, type IntegrityLogEvent, LEAVES_PER_EVENT } from './integrity-log';
import { leafHash, rootHash } from './merkle';

const given = DeciderSpecification.for(integrityLogDecider, { now: '2026-11-27T02:00:00Z', actor: system });
const key = generateKeyPairSync('ed25519').privateKey;
const leaves = Array.from({ length: 1030 }, (_, i) => leafHash(Buffer.from(`event ${i}`)));
const hex = (size: number, from = 0) => leaves.slice(from, size).map((l) => l.toString('hex'));
const signed = (size: number, signingKey = key) => signCheckpoint({ origin: CHECKPOINT_ORIGIN, treeSize: size, rootHash: rootHash(leaves, size).toString('hex'), issuedAt: '2026-11-27T02:00:00.000Z' }, signingKey);
const record = (size: number, from = 0, signingKey = key) => ({
  type: 'RecordIntegrityCheckpoint' as const,
  data: { kind: 'DAILY', checkpoint: signed(size, signingKey), leafHashes: hex(size, from), coveredThroughPosition: size },
});

describe('The integrity log: signed checkpoints of the whole event log', () => {
  const first = given([]).when(record(5)).events();

  it('records the new leaves and a checkpoint whose root it has recomputed', () => {
    expect(first).toEqual([
      { type: 'IntegrityLeavesRecorded', data: { fromIndex: 0, leafHashes: hex(5) } },
      { type: 'IntegrityCheckpointRecorded', data: expect.objectContaining({ sequence: 1, kind: 'DAILY', previousTreeSize: 0, coveredThroughPosition: 5, keyChanged: false, checkpoint: signed(5) }) },
    ]);
  });

  it('extends the last checkpoint with the leaves after it only, many leaves in several events', () => {
    const next = given(first).when(record(1030, 5)).events();
    expect(next.map((e) => e.type)).toEqual(['IntegrityLeavesRecorded', 'IntegrityLeavesRecorded', 'IntegrityCheckpointRecorded']);
    expect((next[0] as Extract<IntegrityLogEvent, { type: 'IntegrityLeavesRecorded' }>).data.leafHashes).toHaveLength(LEAVES_PER_EVENT);
    expect(next[1].data).toMatchObject({ fromIndex: 5 + LEAVES_PER_EVENT });
  });

  it('refuses a checkpoint that is not the last one extended, whatever it signs', () => {
    given(first).when(record(8)).thenThrows('CONFLICT', 'CHECKPOINT_NOT_AN_EXTENSION');
    const rewritten = { ...record(8, 5), data: { ...record(8, 5).data, leafHashes: hex(8, 5).map((l, i) => (i === 0 ? 'a'.repeat(64) : l)) } };
    given(first).when(rewritten).thenThrows('CONFLICT', 'CHECKPOINT_INCONSISTENT');
  });

  it('refuses a forged signature, and notes a change of key', () => {
    const forged = record(5);
    given([]).when({ ...forged, data: { ...forged.data, checkpoint: { ...forged.data.checkpoint, treeSize: 6 } } }).thenThrows('BAD_USER_INPUT', 'CHECKPOINT_SIGNATURE_INVALID');
    const otherKey = generateKeyPairSync('ed25519').privateKey;
    expect(given(first).when(record(8, 5, otherKey)).events().at(-1)?.data).toMatchObject({ keyChanged: true });
  });

  it('is written by the platform’s own schedule only', () => {
    given([]).when(record(5), { actor: office }).thenThrows('FORBIDDEN', 'ROLE_REQUIRED');
  });
});
