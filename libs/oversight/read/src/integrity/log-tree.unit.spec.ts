import { createHash } from 'node:crypto';
import type { RecordedEvent } from '@gongkai/event-sourcing';
import { consistencyProof, eventLeafHash, inclusionProof, rootHash, signingKeyFrom, verifyCheckpointSignature } from '@gongkai/oversight/domain';
import type { EventLogReader } from './event-log-reader';
import { currentCheckpoint, eventInclusionProof, logConsistencyProof } from './integrity-queries';
import { LogTree } from './log-tree';

const anEvent = (position: number): RecordedEvent =>
  ({ id: `event-${position}`, globalPosition: position, hash: createHash('sha256').update(`event ${position}`).digest('hex') }) as RecordedEvent;

/** A log in memory that counts what is read from it; `arrived` is what the index holds so far, in position order. */
const memoryLog = (source: EventLogReader['source']) => {
  const arrived: RecordedEvent[] = [];
  const reads = { events: 0 };
  const reader: EventLogReader = {
    source,
    readStream: async () => [],
    readPage: async (after, maxCount) => {
      const page = arrived.filter((event) => after === undefined || event.globalPosition > after).slice(0, maxCount);
      reads.events += page.length;
      return page;
    },
    ...(source === 'AUDIT_INDEX' ? { countThrough: async (position: number) => arrived.filter((event) => event.globalPosition <= position).length } : {}),
  };
  const add = (...positions: number[]) => {
    arrived.push(...positions.map(anEvent));
    arrived.sort((a, b) => a.globalPosition - b.globalPosition);
  };
  return { reader, reads, add, leaves: () => arrived.map((event) => eventLeafHash(event.hash)) };
};

const range = (from: number, to: number): number[] => Array.from({ length: to - from }, (_, i) => from + i);
const hex = (hashes: readonly Buffer[]): string[] => hashes.map((h) => h.toString('hex'));

describe('The Merkle tree of the log kept between queries', () => {
  it('reads each event once however many checkpoints and proofs are asked for', async () => {
    const log = memoryLog('EVENT_STORE');
    log.add(...range(1, 2501));
    const tree = new LogTree(log.reader);
    const key = signingKeyFrom({}).key;

    const first = await currentCheckpoint(tree, key, new Date('2026-11-27T02:00:00Z'));
    expect(first).toMatchObject({ treeSize: 2500, rootHash: rootHash(log.leaves()).toString('hex') });
    expect(verifyCheckpointSignature(first)).toBe(true);
    log.add(...range(2501, 2601));
    const inclusion = await eventInclusionProof(tree, 'event-1234', 2550);
    const consistency = await logConsistencyProof(tree, 2500, 2600);
    expect(log.reads.events).toBe(2600);

    const leaves = log.leaves();
    expect(inclusion).toMatchObject({ leafIndex: 1233, treeSize: 2550, eventHash: anEvent(1234).hash, leafHash: leaves[1233].toString('hex'), rootHash: rootHash(leaves, 2550).toString('hex') });
    expect(inclusion.path).toEqual(hex(inclusionProof(leaves, 1233, 2550)));
    expect(consistency).toMatchObject({ fromRoot: first.rootHash, toRoot: rootHash(leaves).toString('hex'), path: hex(consistencyProof(leaves, 2500, 2600)) });
  });

  it('answers concurrent queries from one reading', async () => {
    const log = memoryLog('EVENT_STORE');
    log.add(...range(1, 1500));
    const tree = new LogTree(log.reader);
    await Promise.all([tree.sync(), tree.sync(), eventInclusionProof(tree, 'event-7')]);
    expect(log.reads.events).toBe(1499);
  });

  it('reads the audit index again when an event arrives behind what it has read', async () => {
    const log = memoryLog('AUDIT_INDEX');
    log.add(1, 2, 4, 5);
    const tree = new LogTree(log.reader);
    expect((await logConsistencyProof(tree, 0, 4)).toSize).toBe(4);
    log.add(3, 6);
    const proof = await eventInclusionProof(tree, 'event-4');
    expect(proof).toMatchObject({ leafIndex: 3, treeSize: 6, rootHash: rootHash(log.leaves()).toString('hex'), source: 'AUDIT_INDEX' });
  });

  it('says which event or size it does not hold', async () => {
    const log = memoryLog('EVENT_STORE');
    log.add(1, 2, 3);
    const tree = new LogTree(log.reader);
    await expect(eventInclusionProof(tree, 'event-9')).rejects.toMatchObject({ code: 'NOT_FOUND', rule: 'EVENT_NOT_FOUND' });
    await expect(eventInclusionProof(tree, 'event-3', 2)).rejects.toMatchObject({ rule: 'EVENT_AFTER_TREE' });
    await expect(logConsistencyProof(tree, 1, 4)).rejects.toMatchObject({ code: 'BAD_USER_INPUT', rule: 'TREE_SIZE_OUT_OF_RANGE' });
  });
});
