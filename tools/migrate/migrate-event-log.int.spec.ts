import { randomUUID } from 'node:crypto';
import type { EventToAppend } from '@gongkai/event-sourcing';
import { SqliteEventStore } from '@gongkai/event-sourcing/sqlite';
import { migrateEventLog, verifyMigration } from './migrate-event-log';

const event = (type: string, data: object): EventToAppend => ({
  id: randomUUID(),
  type,
  schemaVersion: 1,
  occurredAt: '2026-03-02T02:00:00.000Z',
  data,
  metadata: { actor: { id: 'demo-window', roles: ['staff'], agencyCode: '445300' }, correlationId: 'c-1', causationId: null, reason: '更正' },
});

describe('moving an event log to another store', () => {
  let source: SqliteEventStore;
  let target: SqliteEventStore;

  beforeEach(async () => {
    source = new SqliteEventStore(':memory:');
    target = new SqliteEventStore(':memory:');
    for (let i = 0; i < 30; i++) {
      const stream = `services-catalog.ServiceItem-${i % 7}`;
      const head = await source.readStream(stream, { direction: 'backwards', maxCount: 1 });
      await source.appendToStream(stream, [event(i % 2 ? 'ServiceItemRevised' : 'ServiceItemDrafted', { n: i, 名称: `事项${i}` })], {
        expectedRevision: head.length ? head[0].revision : 'no_stream',
      });
    }
  });

  afterEach(async () => {
    await source.close();
    await target.close();
  });

  it('keeps every id, revision and hash, in global order', async () => {
    const report = await migrateEventLog(source, target);
    expect(report).toEqual({ events: 30, written: 30, streams: 7 });
    expect(await verifyMigration(source, target)).toEqual([]);
    const [before, after] = await Promise.all([source.readAll(), target.readAll()]);
    expect(after.map((e) => [e.id, e.streamId, e.revision, e.hash])).toEqual(before.map((e) => [e.id, e.streamId, e.revision, e.hash]));
  });

  it('can run again without writing anything twice', async () => {
    await migrateEventLog(source, target);
    const again = await migrateEventLog(source, target);
    expect(again).toEqual({ events: 30, written: 0, streams: 7 });
    expect((await target.readAll()).length).toBe(30);
  });

  it('finds a target that does not match', async () => {
    await migrateEventLog(source, target);
    await target.appendToStream('services-catalog.ServiceItem-0', [event('ServiceItemRetired', { reason: 'x' })], { expectedRevision: 'any' });
    expect(await verifyMigration(source, target)).toEqual(['services-catalog.ServiceItem-0: 5 events in the source, 6 in the target']);
  });
});
