import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { defaultCalendar } from '@gongkai/calendar';
import { CONTEXTS } from '@gongkai/contracts';
import type { EventToAppend } from '@gongkai/event-sourcing';
import { systemActor } from '@gongkai/kernel';
import { SqliteEventStore } from '@gongkai/event-sourcing/sqlite';
import { deciderCommandHandler } from '@gongkai/messaging';
import { connectNats, NatsCommandBus } from '@gongkai/messaging/nats';
import { eventLeafHash, type IntegrityLogEvent, LEAVES_PER_EVENT, rootHash, verifyCheckpointSignature } from '@gongkai/oversight/domain';
import { type NatsServer, startNatsServer } from '@gongkai/testing';
import { OVERSIGHT_ROUTES } from '../oversight-routes';
import { INTEGRITY_LOG_STREAM } from '../oversight-streams';
import { CheckpointIssuer } from './checkpoint-issuer';

jest.setTimeout(60_000);

type Recorded = Extract<IntegrityLogEvent, { type: 'IntegrityCheckpointRecorded' }>['data'];

const actor = systemActor('seed');
const anEvent = (i: number): EventToAppend => ({
  id: randomUUID(),
  type: 'SeedRecorded',
  schemaVersion: 1,
  occurredAt: '2026-11-27T02:00:00.000Z',
  data: { i },
  metadata: { actor, correlationId: `seed-${i}`, causationId: null },
});

/** A log of `count` events, written a thousand at a time. */
const seedLog = async (store: SqliteEventStore, name: string, count: number): Promise<void> => {
  for (let from = 0; from < count; from += 1000) {
    const events = Array.from({ length: Math.min(1000, count - from) }, (_, i) => anEvent(from + i));
    await store.appendToStream(`requests.Seed-${name}-${from}`, events, { expectedRevision: 'no_stream' });
  }
};

describe('Checkpoints of a log larger than one NATS message would carry', () => {
  let server: NatsServer;
  let store: SqliteEventStore;
  const cleanups: (() => Promise<unknown>)[] = [];

  beforeAll(async () => {
    server = await startNatsServer();
    store = new SqliteEventStore(':memory:');
  });

  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
    await store.close();
    await server.stop();
  });

  it('records the leaves in bounded chunks and a checkpoint of the whole log, twice in a row', async () => {
    const connection = await connectNats(server.url, 'oversight-test');
    const bus = new NatsCommandBus(connection, { timeoutMs: 20_000 });
    cleanups.push(() => connection.close(), () => bus.close());
    const now = new Date('2026-11-27T16:30:00Z');
    await bus.serve(CONTEXTS.oversight, deciderCommandHandler({ store, clock: { now: () => now }, calendar: defaultCalendar(), routes: OVERSIGHT_ROUTES }));
    const issuer = new CheckpointIssuer(store, bus, generateKeyPairSync('ed25519').privateKey, () => now);

    await seedLog(store, 'before', 20_000);
    // What one command carried before: every leaf hash of the log, in hex, beyond the server's limit.
    const maxPayload = connection.info?.max_payload ?? 1024 * 1024;
    const everyLeaf = JSON.stringify((await store.readAll()).map((event) => eventLeafHash(event.hash).toString('hex')));
    expect(everyLeaf.length).toBeGreaterThan(maxPayload);

    await issuer.issue('ON_DEMAND', 'first');
    await seedLog(store, 'after', 1500);
    await issuer.issue('ON_DEMAND', 'second');

    const integrityLog = await store.readStream(INTEGRITY_LOG_STREAM);
    const chunks = integrityLog.filter((event) => event.type === 'IntegrityLeavesRecorded');
    for (const chunk of chunks) expect((chunk.data as { leafHashes: string[] }).leafHashes.length).toBeLessThanOrEqual(LEAVES_PER_EVENT);
    const checkpoints = integrityLog.filter((event) => event.type === 'IntegrityCheckpointRecorded').map((event) => event.data as Recorded);
    expect(checkpoints.map((c) => c.sequence)).toEqual([1, 2]);

    // Each checkpoint signs the tree of exactly the events it says it covers, its own chunks included.
    const log = await store.readAll();
    const leaves = log.map((event) => eventLeafHash(event.hash));
    for (const { checkpoint, coveredThroughPosition } of checkpoints) {
      const covered = log.filter((event) => event.globalPosition <= coveredThroughPosition).length;
      expect(checkpoint.treeSize).toBe(covered);
      expect(checkpoint.rootHash).toBe(rootHash(leaves, covered).toString('hex'));
      expect(verifyCheckpointSignature(checkpoint)).toBe(true);
    }
    expect(checkpoints[1].previousTreeSize).toBe(checkpoints[0].checkpoint.treeSize);
    const recordedLeaves = chunks.flatMap((chunk) => (chunk.data as { leafHashes: string[] }).leafHashes);
    expect(recordedLeaves).toEqual(leaves.slice(0, checkpoints[1].checkpoint.treeSize).map((leaf) => leaf.toString('hex')));
  });
});
