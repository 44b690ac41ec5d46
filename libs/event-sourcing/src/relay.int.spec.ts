import type { CheckpointStore } from './checkpoint-store';
import type { RecordedEvent } from './envelope';
import { InMemoryCheckpointStore } from './in-memory-checkpoint-store';
import { Relay, type RelayLogEntry, type RelayOptions } from './relay';
import { SqliteEventStore } from './sqlite';
import { someEvents, waitFor } from './testing/contract-fixtures';

describe('Relay', () => {
  let store: SqliteEventStore;
  let checkpoints: InMemoryCheckpointStore;
  let published: RecordedEvent[];
  let logged: RelayLogEntry[];
  const relays: Relay[] = [];

  const relay = (options: Partial<RelayOptions> = {}): Relay => {
    const created = new Relay({
      name: 'decisions',
      store,
      checkpoints,
      publish: async (event) => {
        published.push(event);
      },
      log: (entry) => logged.push(entry),
      initialDelayMs: 5,
      maxDelayMs: 20,
      ...options,
    });
    relays.push(created);
    return created;
  };

  beforeEach(() => {
    store = new SqliteEventStore(':memory:');
    checkpoints = new InMemoryCheckpointStore();
    published = [];
    logged = [];
  });

  afterEach(async () => {
    await Promise.all(relays.splice(0).map((each) => each.stop()));
    await store.close();
  });

  it('publishes the log in order, then new events, checkpointing each after its publish', async () => {
    await store.appendToStream('a', someEvents(2), { expectedRevision: 'no_stream' });
    const running = relay();
    await running.start();
    await waitFor(() => published.length === 2, 'the history');
    await store.appendToStream('b', someEvents(1), { expectedRevision: 'no_stream' });
    await waitFor(() => published.length === 3, 'the new event');

    const log = await store.readAll();
    expect(published).toEqual(log);
    await waitFor(() => running.position === log[2].globalPosition, 'the position to follow');
    expect(await checkpoints.load('relay:decisions')).toBe(log[2].globalPosition);
  });

  it('resumes after the checkpoint: events appended while no relay ran are published, earlier ones are not', async () => {
    await store.appendToStream('a', someEvents(2), { expectedRevision: 'no_stream' });
    const first = relay();
    await first.start();
    await waitFor(() => published.length === 2, 'the first run');
    await first.stop();

    // Appended, then the process died before anything was published: nothing is lost.
    await store.appendToStream('a', someEvents(2), { expectedRevision: 1 });
    published = [];
    await relay().start();
    await waitFor(() => published.length === 2, 'the events appended while stopped');
    expect(published).toEqual((await store.readAll()).slice(2));
  });

  it('retries a failing publish with backoff, never skipping or reordering, and logs each failure', async () => {
    await store.appendToStream('a', someEvents(3), { expectedRevision: 'no_stream' });
    let failuresLeft = 3;
    const running = relay({
      publish: async (event) => {
        if (event.revision === 1 && failuresLeft-- > 0) throw new Error('JetStream unavailable');
        published.push(event);
      },
    });
    await running.start();
    await waitFor(() => published.length === 3, 'all three events');
    expect(published.map((event) => event.revision)).toEqual([0, 1, 2]);
    expect(logged).toHaveLength(3);
    expect(logged[0]).toMatchObject({ level: 'warn', facts: { relay: 'decisions', attempt: 1, error: 'Error: JetStream unavailable' } });
  });

  it('never moves the checkpoint past an event that was not published', async () => {
    await store.appendToStream('a', someEvents(2), { expectedRevision: 'no_stream' });
    const running = relay({
      publish: async (event) => {
        if (event.revision === 1) throw new Error('down');
        published.push(event);
      },
    });
    await running.start();
    await waitFor(() => logged.length >= 2, 'repeated failures');
    await running.stop();
    const [first] = await store.readAll();
    expect(await checkpoints.load('relay:decisions')).toBe(first.globalPosition);
    expect(running.position).toBe(first.globalPosition);
  });

  it('stops while a publish is being retried, without checkpointing it', async () => {
    await store.appendToStream('a', someEvents(1), { expectedRevision: 'no_stream' });
    const running = relay({
      publish: async () => {
        throw new Error('down');
      },
      initialDelayMs: 60_000,
    });
    await running.start();
    await waitFor(() => logged.length === 1, 'the first failure');
    await running.stop();
    expect(await checkpoints.load('relay:decisions')).toBeUndefined();
  });

  it('resubscribes from the checkpoint when saving it fails, publishing that event again (at least once)', async () => {
    await store.appendToStream('a', someEvents(2), { expectedRevision: 'no_stream' });
    let saveFailures = 1;
    const flaky: CheckpointStore = {
      load: (name) => checkpoints.load(name),
      save: async (name, position) => {
        if (saveFailures-- > 0) throw new Error('disk full');
        await checkpoints.save(name, position);
      },
    };
    await relay({ checkpoints: flaky }).start();
    await waitFor(() => published.length === 3, 'the event again, then the next');
    expect(published.map((event) => event.revision)).toEqual([0, 0, 1]);
    expect(logged).toEqual([expect.objectContaining({ level: 'error', facts: expect.objectContaining({ error: 'Error: disk full' }) })]);
  });

  it('stop() waits for the publish in flight', async () => {
    await store.appendToStream('a', someEvents(1), { expectedRevision: 'no_stream' });
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let started = false;
    const running = relay({
      publish: async (event) => {
        started = true;
        await gate;
        published.push(event);
      },
    });
    await running.start();
    await waitFor(() => started, 'the publish to start');
    let stopped = false;
    const stopping = running.stop().then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(published).toHaveLength(1);
    expect(await checkpoints.load('relay:decisions')).toBe(published[0].globalPosition);
  });

  it('refuses to start twice', async () => {
    const running = relay();
    await running.start();
    await expect(running.start()).rejects.toThrow('already running');
  });

  describe('with several publishes in flight', () => {
    /** A publisher whose acknowledgements the test hands out, event by event. */
    const heldPublisher = () => {
      const waiting = new Map<number, { event: RecordedEvent; acknowledge: () => void; fail: (error: Error) => void }>();
      const publish = (event: RecordedEvent): Promise<void> =>
        new Promise<void>((acknowledge, fail) => waiting.set(event.globalPosition, { event, acknowledge, fail })).then(() => {
          published.push(event);
        });
      const take = (position: number) => {
        const entry = waiting.get(position);
        if (!entry) throw new Error(`nothing in flight at ${position}`);
        waiting.delete(position);
        return entry;
      };
      return {
        publish,
        inFlight: () => [...waiting.values()].map(({ event }) => `${event.streamId}@${event.revision}`).sort(),
        acknowledge: (position: number) => take(position).acknowledge(),
        fail: (position: number) => take(position).fail(new Error('PubAck timed out')),
      };
    };

    it('moves the checkpoint only over a contiguous prefix of acknowledged events', async () => {
      for (const stream of ['w-a', 'w-b', 'w-c']) await store.appendToStream(stream, someEvents(1), { expectedRevision: 'no_stream' });
      const [a, b, c] = await store.readAll();
      const publisher = heldPublisher();
      const running = relay({ publish: publisher.publish, publishWindow: 8, checkpointEvery: { events: 1, ms: 1_000 } });
      await running.start();
      await waitFor(() => publisher.inFlight().length === 3, 'three publishes at once');
      publisher.acknowledge(c.globalPosition);
      publisher.acknowledge(b.globalPosition);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(running.position).toBe(0); // the first event is still unacknowledged
      expect(await checkpoints.load(running.checkpointName)).toBeUndefined();
      publisher.acknowledge(a.globalPosition);
      await waitFor(() => running.position === c.globalPosition, 'the prefix to close');
      await waitFor(() => published.length === 3, 'all three');
      await running.stop();
      expect(await checkpoints.load(running.checkpointName)).toBe(c.globalPosition);
    });

    it('keeps one event per stream in flight, retrying a failed one before the next of its stream', async () => {
      await store.appendToStream('w-a', someEvents(1), { expectedRevision: 'no_stream' });
      await store.appendToStream('w-b', someEvents(1), { expectedRevision: 'no_stream' });
      await store.appendToStream('w-a', someEvents(1), { expectedRevision: 0 });
      const [a0, b0, a1] = await store.readAll();
      const publisher = heldPublisher();
      const running = relay({ publish: publisher.publish, publishWindow: 8, checkpointEvery: { events: 1, ms: 1_000 } });
      await running.start();
      // b@0 goes out beside a@0, being of another stream; a@1 waits until a@0 is acknowledged.
      await waitFor(() => publisher.inFlight().length === 2, 'a@0 and b@0 in flight');
      expect(publisher.inFlight()).toEqual(['w-a@0', 'w-b@0']);
      publisher.fail(a0.globalPosition);
      publisher.acknowledge(b0.globalPosition);
      await waitFor(() => logged.length === 1, 'the failure');
      await waitFor(() => publisher.inFlight().length === 1, 'the retry of a@0');
      expect(publisher.inFlight()).toEqual(['w-a@0']);
      publisher.acknowledge(a0.globalPosition);
      await waitFor(() => publisher.inFlight().length === 1 && publisher.inFlight()[0] === 'w-a@1', 'a@1 after a@0');
      publisher.acknowledge(a1.globalPosition);
      await waitFor(() => running.position === a1.globalPosition, 'everything acknowledged');
      expect(published.filter((event) => event.streamId === 'w-a').map((event) => event.revision)).toEqual([0, 1]);
    });

    it('never has more events past the checkpointable prefix than the window', async () => {
      await store.appendToStream('w-first', someEvents(1), { expectedRevision: 'no_stream' });
      for (let n = 0; n < 6; n++) await store.appendToStream(`w-${n}`, someEvents(1), { expectedRevision: 'no_stream' });
      const events = await store.readAll();
      const publisher = heldPublisher();
      const running = relay({ publish: publisher.publish, publishWindow: 3, checkpointEvery: { events: 100, ms: 10 } });
      await running.start();
      await waitFor(() => publisher.inFlight().length === 3, 'a full window');
      publisher.acknowledge(events[1].globalPosition);
      publisher.acknowledge(events[2].globalPosition);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(publisher.inFlight()).toEqual(['w-first@0']); // the first holds the window
      publisher.acknowledge(events[0].globalPosition);
      await waitFor(() => publisher.inFlight().length === 3, 'the next three');
      for (const event of events.slice(3, 6)) publisher.acknowledge(event.globalPosition);
      await waitFor(() => publisher.inFlight().length === 1, 'the last');
      publisher.acknowledge(events[6].globalPosition);
      await waitFor(() => running.position === events[6].globalPosition, 'the end');
    });

    it('stop() waits for every publish in flight and checkpoints what was acknowledged', async () => {
      for (const stream of ['w-a', 'w-b']) await store.appendToStream(stream, someEvents(1), { expectedRevision: 'no_stream' });
      const [a, b] = await store.readAll();
      const publisher = heldPublisher();
      const running = relay({ publish: publisher.publish, publishWindow: 8, checkpointEvery: { events: 100, ms: 60_000 } });
      await running.start();
      await waitFor(() => publisher.inFlight().length === 2, 'both in flight');
      let stopped = false;
      const stopping = running.stop().then(() => (stopped = true));
      publisher.acknowledge(a.globalPosition);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(stopped).toBe(false);
      publisher.acknowledge(b.globalPosition);
      await stopping;
      expect(await checkpoints.load(running.checkpointName)).toBe(b.globalPosition);
    });

    it('needs batched checkpoints', () => {
      expect(() => relay({ publishWindow: 4 })).toThrow('needs checkpointEvery');
      expect(() => relay({ publishWindow: 0, checkpointEvery: { events: 1, ms: 1 } })).toThrow('positive integer');
    });
  });

  it('saves its checkpoint in batches when asked to, and on stop, never ahead of what it published', async () => {
    const savedAt = async (position: number | undefined): Promise<void> => {
      const deadline = Date.now() + 5_000;
      while ((await checkpoints.load(running.checkpointName)) !== position) {
        if (Date.now() > deadline) throw new Error(`checkpoint never reached ${position}`);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    };
    const running = relay({ checkpointEvery: { events: 3, ms: 40 } });
    await running.start();
    await store.appendToStream('batch-a', someEvents(2), { expectedRevision: 'no_stream' });
    await waitFor(() => published.length === 2, 'two events');
    expect(await checkpoints.load(running.checkpointName)).toBeUndefined(); // fewer than 3, and 40 ms not yet up
    await savedAt(published[1]?.globalPosition); // the timed save
    await store.appendToStream('batch-b', someEvents(3), { expectedRevision: 'no_stream' });
    await waitFor(() => published.length === 5, 'three more');
    await savedAt(published[4]?.globalPosition); // the save after three
    await store.appendToStream('batch-c', someEvents(1), { expectedRevision: 'no_stream' });
    await waitFor(() => published.length === 6, 'one more');
    await running.stop();
    expect(await checkpoints.load(running.checkpointName)).toBe(published[5]?.globalPosition);
  });
});
