import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { verifyStreamChain } from '../hashing';
import { describeCheckpointStoreContract, describeEventStoreContract } from '../testing';
import { anEvent, someEvents, uniqueStreamId, waitFor } from '../testing/contract-fixtures';
import type { RecordedEvent } from '../envelope';
import { SqliteCheckpointStore } from './sqlite-checkpoint-store';
import { SqliteEventStore } from './sqlite-event-store';

const temporaryFile = async (): Promise<{ path: string; remove: () => Promise<void> }> => {
  const dir = await mkdtemp(join(tmpdir(), 'gongkai-event-store-'));
  return { path: join(dir, 'events.sqlite'), remove: () => rm(dir, { recursive: true, force: true }) };
};

describeEventStoreContract('SQLite file', async () => {
  const file = await temporaryFile();
  const store = new SqliteEventStore(file.path);
  return {
    store,
    cleanup: async () => {
      await store.close();
      await file.remove();
    },
  };
});

describeEventStoreContract('SQLite in memory', async () => {
  const store = new SqliteEventStore(':memory:');
  return { store, cleanup: () => store.close() };
});

describeCheckpointStoreContract('SQLite, on the event store connection', async () => {
  const store = new SqliteEventStore(':memory:');
  return { store: store.checkpointStore(), cleanup: () => store.close() };
});

describeCheckpointStoreContract('SQLite, in a file of its own', async () => {
  const file = await temporaryFile();
  const store = SqliteCheckpointStore.open(file.path);
  return {
    store,
    cleanup: async () => {
      store.close();
      await file.remove();
    },
  };
});

describe('SqliteEventStore on a file', () => {
  let file: Awaited<ReturnType<typeof temporaryFile>>;
  const opened: SqliteEventStore[] = [];
  const open = (options: ConstructorParameters<typeof SqliteEventStore>[1] = {}): SqliteEventStore => {
    const store = new SqliteEventStore(file.path, options);
    opened.push(store);
    return store;
  };

  beforeEach(async () => {
    file = await temporaryFile();
  });

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
    await file.remove();
  });

  it('writes through a write-ahead log that is synced before an append is acknowledged, off the event loop by default', () => {
    expect(open().durability()).toEqual({ journalMode: 'wal', synchronous: 'NORMAL', walSyncedBeforeAcknowledging: true });
    expect(open({ synchronous: 'FULL' }).durability()).toEqual({ journalMode: 'wal', synchronous: 'FULL', walSyncedBeforeAcknowledging: false });
  });

  it('acknowledges appends asked for together (one group, one sync) and delivers each of their events once, in log order, to a subscriber', async () => {
    const store = open();
    const streamId = uniqueStreamId();
    const seen: RecordedEvent[] = [];
    const subscription = store.subscribeToAll({ fromPosition: 0 }, async (event) => void seen.push(event));
    const appends = Array.from({ length: 20 }, () => store.appendToStream(uniqueStreamId(), someEvents(2), { expectedRevision: 'no_stream' }));
    appends.push(store.appendToStream(streamId, someEvents(1), { expectedRevision: 'no_stream' }));
    const results = await Promise.all(appends);
    await waitFor(() => seen.length === 41, 'every event at the subscriber');
    await subscription.close();
    expect(seen.map((event) => event.globalPosition)).toEqual(Array.from({ length: 41 }, (_, index) => index + 1));
    expect(Math.max(...results.map((result) => result.position))).toBe(41);
  });

  it('delivers to a subscription, in log order, the events another process appended between this store’s own', async () => {
    const here = open();
    const elsewhere = open();
    const seen: RecordedEvent[] = [];
    const subscription = here.subscribeToAll({ fromPosition: 0 }, async (event) => void seen.push(event));
    const [a, b, c, d] = [uniqueStreamId(), uniqueStreamId(), uniqueStreamId(), uniqueStreamId()];
    await here.appendToStream(a, someEvents(2), { expectedRevision: 'no_stream' });
    await elsewhere.appendToStream(b, someEvents(1), { expectedRevision: 'no_stream' });
    await here.appendToStream(c, someEvents(2), { expectedRevision: 'no_stream' });
    await elsewhere.appendToStream(d, someEvents(1), { expectedRevision: 'no_stream' });
    await here.appendToStream(a, someEvents(1), { expectedRevision: 1 });

    await waitFor(() => seen.length === 7, 'all seven events');
    await subscription.close();
    expect(seen).toEqual(await here.readAll());
    expect(seen.map((event) => event.streamId)).toEqual([a, a, b, c, c, d, a]);
  });

  it('keeps checkpoints in the same file, across a reopen', async () => {
    const first = open();
    await first.checkpointStore().save('relay:decisions', 17);
    await first.close();
    expect(await open().checkpointStore().load('relay:decisions')).toBe(17);
  });

  it('keeps its events and their chain when reopened', async () => {
    const streamId = uniqueStreamId();
    const first = open();
    await first.appendToStream(streamId, someEvents(3), { expectedRevision: 'no_stream' });
    const written = await first.readStream(streamId);
    await first.close();
    const reopened = open();
    expect(await reopened.readStream(streamId)).toEqual(written);
    expect(verifyStreamChain(written)).toEqual({ ok: true });
    expect(await reopened.appendToStream(streamId, someEvents(1), { expectedRevision: 2 })).toMatchObject({ nextExpectedRevision: 3 });
  });

  it("delivers events another connection wrote (as another process would) by polling", async () => {
    const reader = open({ pollIntervalMs: 20 });
    const writer = open();
    const received: RecordedEvent[] = [];
    const subscription = reader.subscribeToAll({}, async (event) => {
      received.push(event);
    });
    await writer.appendToStream(uniqueStreamId(), someEvents(2), { expectedRevision: 'no_stream' });
    await waitFor(() => received.length === 2, 'the events written through the other connection');
    await subscription.close();
  });

  it('starts a subscription without a position at the beginning of the log', async () => {
    const store = open();
    await store.appendToStream(uniqueStreamId(), someEvents(3), { expectedRevision: 'no_stream' });
    const received: number[] = [];
    const subscription = store.subscribeToAll({}, async (event) => {
      received.push(event.globalPosition);
    });
    await waitFor(() => received.length === 3, 'three events');
    await subscription.close();
    expect(received).toEqual((await store.readAll()).map((event) => event.globalPosition));
  });

  it('refuses to change or delete a stored event, at the database itself', async () => {
    const store = open();
    const streamId = uniqueStreamId();
    await store.appendToStream(streamId, [anEvent()], { expectedRevision: 'no_stream' });
    const raw = new Database(file.path);
    try {
      expect(() => raw.prepare("UPDATE events SET data = '{}'").run()).toThrow('events are immutable');
      expect(() => raw.prepare('DELETE FROM events').run()).toThrow('events are never deleted');
    } finally {
      raw.close();
    }
    expect(await store.readStream(streamId)).toHaveLength(1);
  });

  it('lets an auditor find the first event tampered with behind its back', async () => {
    const store = open();
    const streamId = uniqueStreamId();
    await store.appendToStream(streamId, someEvents(3), { expectedRevision: 'no_stream' });
    const raw = new Database(file.path);
    try {
      raw.exec('DROP TRIGGER events_are_immutable');
      raw.prepare(`UPDATE events SET data = '{"index":99}' WHERE stream_id = ? AND revision = 1`).run(streamId);
    } finally {
      raw.close();
    }
    expect(verifyStreamChain(await store.readStream(streamId))).toEqual({ ok: false, revision: 1, problem: 'HASH_MISMATCH' });
  });
});
