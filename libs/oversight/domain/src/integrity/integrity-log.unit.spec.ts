import { generateKeyPairSync } from 'node:crypto';
import { DeciderSpecification } from '@gongkai/kernel/testing';
import { office, system } from '../oversight.fixtures';
import { CHECKPOINT_ORIGIN, signCheckpoint } from './checkpoint';
import { integrityLogDecider, LEAVES_PER_EVENT } from './integrity-log';
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

  const chunk = (from: number, to: number, coveredThroughPosition = to) => ({
    type: 'RecordIntegrityLeaves' as const,
    data: { fromIndex: from, leafHashes: hex(to, from), coveredThroughPosition },
  });
  const signedOnly = (size: number) => ({ type: 'RecordIntegrityCheckpoint' as const, data: { kind: 'DAILY', checkpoint: signed(size) } });

  it('takes leaves in chunks of at most one event’s worth, then signs the open tree without resending them', () => {
    const chunks = given(first).when(chunk(5, 5 + LEAVES_PER_EVENT)).events();
    expect(chunks).toEqual([
      { type: 'IntegrityLeavesRecorded', data: expect.objectContaining({ fromIndex: 5, coveredThroughPosition: 5 + LEAVES_PER_EVENT, leafHashes: hex(5 + LEAVES_PER_EVENT, 5) }) },
    ]);
    const more = given([...first, ...chunks]).when(chunk(5 + LEAVES_PER_EVENT, 1030)).events();
    const checkpoint = given([...first, ...chunks, ...more]).when(signedOnly(1030)).events();
    expect(checkpoint).toEqual([
      { type: 'IntegrityCheckpointRecorded', data: expect.objectContaining({ sequence: 2, previousTreeSize: 5, coveredThroughPosition: 1030, checkpoint: signed(1030) }) },
    ]);
  });

  it('refuses a chunk larger than one event, one that leaves a gap or overlaps, and a checkpoint that skips recorded leaves', () => {
    given(first).when(chunk(5, 6 + LEAVES_PER_EVENT)).thenThrows('BAD_USER_INPUT', 'TOO_MANY');
    given(first).when(chunk(6, 8)).thenThrows('CONFLICT', 'LEAVES_NOT_CONTIGUOUS');
    given(first).when(chunk(4, 8)).thenThrows('CONFLICT', 'LEAVES_NOT_CONTIGUOUS');
    given(first).when(chunk(5, 8, 3)).thenThrows('BAD_USER_INPUT', 'OUT_OF_RANGE');
    const recorded = given(first).when(chunk(5, 8)).events();
    given([...first, ...recorded]).when(signedOnly(5)).thenThrows('CONFLICT', 'CHECKPOINT_NOT_AN_EXTENSION');
    given([...first, ...recorded]).when(record(9, 8)).events();
  });

  it('refuses a checkpoint whose root is not that of the recorded leaves', () => {
    const rewritten = { ...chunk(5, 8), data: { ...chunk(5, 8).data, leafHashes: hex(8, 5).map((l, i) => (i === 0 ? 'a'.repeat(64) : l)) } };
    const recorded = given(first).when(rewritten).events();
    given([...first, ...recorded]).when(signedOnly(8)).thenThrows('CONFLICT', 'CHECKPOINT_INCONSISTENT');
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
    given([]).when(chunk(0, 5), { actor: office }).thenThrows('FORBIDDEN', 'ROLE_REQUIRED');
  });
});
