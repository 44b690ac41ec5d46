import type { RecordedEvent } from '@gongkai/event-sourcing';
import { DuplicateKeyError } from './errors';
import { InMemoryReadStore } from './memory/in-memory-read-store';
import { ProjectionTimeoutError } from './position-waiters';
import { BEFORE_FIRST_EVENT, ProjectionRunner } from './projection-runner';
import { event, history, noticesProjection, publicationsProjection, snapshot } from './projection-runner.fixtures';

async function runLive(store: InMemoryReadStore, events: readonly RecordedEvent[], runner = new ProjectionRunner(store, [noticesProjection(), publicationsProjection()])) {
  await runner.start();
  for (const e of events) await runner.handle(e);
  return runner;
}

describe('ProjectionRunner', () => {
  it('applies each event to the projections that handle its type', async () => {
    const store = new InMemoryReadStore();
    await runLive(store, history());
    expect(await snapshot(store)).toEqual({
      notices: [
        { _id: 'n-1', title: 'Water report', status: 'PUBLISHED', tags: ['water', 'report'] },
        { _id: 'n-2', title: 'Air permit', status: 'DRAFT', tags: ['water'] },
      ],
      tagCounts: [{ _id: 'report', count: 1 }, { _id: 'water', count: 2 }],
      publications: [{ _id: 'all', count: 1, streams: ['n-1'] }],
    });
  });

  it('changes nothing when an event is delivered again', async () => {
    const store = new InMemoryReadStore();
    const events = history();
    const runner = await runLive(store, events);
    const before = await snapshot(store);
    for (const e of [events[2], events[5], events[0], events[6]]) await runner.handle(e);
    expect(await snapshot(store)).toEqual(before);
    expect(await store.loadCheckpoint('notices')).toBe(events[6].globalPosition);
  });

  it('remembers applied revisions across a restart', async () => {
    const store = new InMemoryReadStore();
    const events = history();
    await runLive(store, events);
    const before = await snapshot(store);
    await runLive(store, events, new ProjectionRunner(store, [noticesProjection(), publicationsProjection()]));
    expect(await snapshot(store)).toEqual(before);
  });

  it('skips an older revision that arrives after a newer one', async () => {
    const store = new InMemoryReadStore();
    const runner = await runLive(store, [event('NoticeDrafted', 'n-9', 0, { title: 'T' }), event('NoticeTagged', 'n-9', 2, { tag: 'late' })]);
    await runner.handle(event('NoticeTagged', 'n-9', 1, { tag: 'early' }));
    expect(await store.collection('notices').findOne({ _id: 'n-9' })).toMatchObject({ tags: ['late'] });
  });

  it('rebuilds from zero to what live application produced, dropping anything else', async () => {
    const store = new InMemoryReadStore();
    const events = history();
    const runner = await runLive(store, events);
    const live = await snapshot(store);
    await store.collection('notices').replaceOne({ _id: 'stray' }, { _id: 'stray', title: 'not from events' }, { upsert: true });
    await runner.rebuild(events);
    expect(await snapshot(store)).toEqual(live);

    const fresh = new InMemoryReadStore();
    await new ProjectionRunner(fresh, [noticesProjection(), publicationsProjection()]).rebuild(async function* () {
      yield* events;
    });
    expect(await snapshot(fresh)).toEqual(live);
  });

  it('passes the start of the log to a source function and keeps the projection idempotent after the rebuild', async () => {
    const store = new InMemoryReadStore();
    const events = history();
    const asked: (number | undefined)[] = [];
    const runner = await runLive(store, []);
    await runner.rebuild((after) => {
      asked.push(after);
      return events;
    });
    const rebuilt = await snapshot(store);
    await runner.handle(events[2]);
    expect(asked).toEqual([undefined]);
    expect(await snapshot(store)).toEqual(rebuilt);
  });

  it('rebuilds at start a projection whose version changed, and only that one', async () => {
    const store = new InMemoryReadStore();
    const events = history();
    await runLive(store, events);
    const v2Calls: RecordedEvent[] = [];
    const publications = publicationsProjection();
    const applyPublications = jest.spyOn(publications, 'apply');
    const runner = new ProjectionRunner(store, [noticesProjection(2, v2Calls), publications]);
    await runner.start(events);
    expect(await store.collection('notices').find({}, { sort: { _id: 1 } })).toMatchObject([{ title: 'WATER REPORT' }, { title: 'AIR PERMIT' }]);
    expect(await store.collection('tag_counts').findOne({ _id: 'water' })).toEqual({ _id: 'water', count: 2 });
    expect(v2Calls).toHaveLength(6);
    expect(applyPublications).not.toHaveBeenCalled();
    expect(runner.position).toBe(events[6].globalPosition);

    await new ProjectionRunner(store, [noticesProjection(2), publicationsProjection()]).start(events);
    expect(await store.collection('tag_counts').findOne({ _id: 'water' })).toEqual({ _id: 'water', count: 2 });
  });

  it('refuses to start a changed projection without a source to rebuild it from', async () => {
    const store = new InMemoryReadStore();
    await runLive(store, history());
    await expect(new ProjectionRunner(store, [noticesProjection(2)]).start()).rejects.toThrow(/notices changed version and must be rebuilt/);
  });

  it('declares the indexes at start and again after a rebuild', async () => {
    const store = new InMemoryReadStore();
    const runner = await runLive(store, history());
    await runner.rebuild(history());
    const duplicate = store.collection('notices').replaceOne({ _id: 'x' }, { _id: 'x', title: 'Air permit' }, { upsert: true });
    await expect(duplicate).rejects.toBeInstanceOf(DuplicateKeyError);
  });

  it('reports a failing projection by name, and goes on with the next event', async () => {
    const store = new InMemoryReadStore();
    const runner = await runLive(store, []);
    await runner.handle(event('NoticeDrafted', 'n-1', 0, { title: 'Same' }));
    const failing = event('NoticeDrafted', 'n-2', 0, { title: 'Same' });
    await expect(runner.handle(failing)).rejects.toThrow(/Projection notices failed on NoticeDrafted n-2@0/);
    await runner.handle(event('NoticePublished', 'n-1', 1));
    expect(await store.collection('notices').findOne({ _id: 'n-1' })).toMatchObject({ status: 'PUBLISHED' });
  });

  it('refuses two projections owning one collection', () => {
    const store = new InMemoryReadStore();
    const clash = { ...publicationsProjection(), name: 'other', collections: ['notices'] };
    expect(() => new ProjectionRunner(store, [noticesProjection(), clash])).toThrow(/notices and other both own collection notices/);
  });

  describe('position and waitForPosition', () => {
    it('is the lowest position of all projections; one added without a source starts before the first event', async () => {
      const store = new InMemoryReadStore();
      const events = history();
      await runLive(store, events, new ProjectionRunner(store, [noticesProjection()]));
      const runner = new ProjectionRunner(store, [noticesProjection(), publicationsProjection()]);
      expect(runner.position).toBe(BEFORE_FIRST_EVENT);
      await runner.start();
      expect(runner.position).toBe(BEFORE_FIRST_EVENT);
      const next = event('NoticePublished', 'n-2', 2);
      await runner.handle(next);
      expect(runner.position).toBe(next.globalPosition);
      expect(await store.loadCheckpoint('notices')).toBe(next.globalPosition);
    });

    it('resolves once every projection has passed the position, counting events no projection handles', async () => {
      const store = new InMemoryReadStore();
      const runner = await runLive(store, []);
      const unhandled = event('AgencyRenamed', 'agency-1', 0, {}, 1_000_000);
      let resolved = false;
      const waiting = runner.waitForPosition(unhandled.globalPosition, 1000).then(() => (resolved = true));
      await runner.handle(event('NoticeDrafted', 'n-1', 0, { title: 'T' }, 999_990));
      expect(resolved).toBe(false);
      await runner.handle(unhandled);
      await waiting;
      expect(resolved).toBe(true);
      await expect(runner.waitForPosition(10, 1000)).resolves.toBeUndefined();
    });

    it('releases a caller who started waiting before the checkpoints were loaded', async () => {
      const store = new InMemoryReadStore();
      const events = history();
      await runLive(store, events, new ProjectionRunner(store, [noticesProjection()]));
      const runner = new ProjectionRunner(store, [noticesProjection()]);
      const waiting = runner.waitForPosition(events[events.length - 1].globalPosition, 1000);
      await runner.start();
      await expect(waiting).resolves.toBeUndefined();
    });

    it('rejects with the lagging projections when the position is not reached in time', async () => {
      const store = new InMemoryReadStore();
      const runner = await runLive(store, [event('NoticeDrafted', 'n-1', 0, { title: 'T' }, 500)]);
      const waiting = runner.waitForPosition(600, 20);
      await expect(waiting).rejects.toBeInstanceOf(ProjectionTimeoutError);
      await expect(waiting).rejects.toThrow('Read models did not reach global position 600 within 20 ms (behind: notices at 500, publications at 500).');
    });
  });
});

describe('waiting for one stream (read-your-writes across interleaved logs)', () => {
  it('resolves once the stream revision is applied, whatever the global order', async () => {
    const runner = new ProjectionRunner(new InMemoryReadStore(), []);
    await runner.start();
    const at = (streamId: string, revision: number, globalPosition: number): RecordedEvent => ({
      id: `${streamId}-${revision}`,
      type: 'Anything',
      schemaVersion: 1,
      streamId,
      revision,
      globalPosition,
      occurredAt: '2026-01-05T00:00:00.000Z',
      data: {},
      metadata: { actor: { id: 'a', roles: ['staff'] }, correlationId: 'c', causationId: null },
      prevHash: '0'.repeat(64),
      hash: '0'.repeat(64),
    });
    const waiting = runner.waitForStreamRevision('a.X-1', 1, 1000);
    await runner.handle(at('a.X-1', 0, 10));
    await runner.handle(at('b.Y-1', 0, 5)); // another relay's older event arrives later
    await runner.handle(at('a.X-1', 1, 11));
    await expect(waiting).resolves.toBeUndefined();
    await expect(runner.waitForStreamRevision('a.X-1', 0, 10)).resolves.toBeUndefined();
    await expect(runner.waitForStreamRevision('a.X-1', 2, 20)).rejects.toThrow(/within 20 ms/);
  });
});
