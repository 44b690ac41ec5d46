import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { RecordedEvent } from '@gongkai/event-sourcing';
import { SqliteEventStore } from '@gongkai/event-sourcing/sqlite';
import { InMemoryReadStore, ProjectionRunner } from '@gongkai/read-store';
import Database from 'better-sqlite3';
import { serviceItemsProjection } from '@gongkai/services-catalog/read';
import type { BenchOptions } from './support/options';
import type { BenchResult } from './support/report';
import { publishedItemHistory, serviceItemStreamId } from './support/service-item-fixtures';
import { withTempDir } from './support/temp-dir';
import { median, timeSeconds } from './support/timing';

const SIZES = {
  full: { items: 5_000, rounds: 3 },
  quick: { items: 500, rounds: 1 },
};
const EVENTS_PER_ITEM = 4;
/** As the platform's replay reads the log (libs/platform/src/event-log-source.ts). */
const PAGE_SIZE = 1000;

/** Seeding is not measured: synchronous=NORMAL spares a few seconds of fsyncs. */
const seed = async (path: string, items: number): Promise<void> => {
  const store = new SqliteEventStore(path, { synchronous: 'NORMAL' });
  try {
    const at = new Date().toISOString();
    for (let n = 0; n < items; n++) {
      const itemId = randomUUID();
      await store.appendToStream(serviceItemStreamId(itemId), publishedItemHistory(itemId, n, at), { expectedRevision: 'no_stream' });
    }
  } finally {
    await store.close();
  }
};

/** The whole log in pages of PAGE_SIZE, as the platform replays it; `events` bounds the pages read. */
async function* logPages(store: SqliteEventStore, events: number): AsyncIterable<RecordedEvent> {
  let position = 0;
  for (let page = 0; page <= Math.ceil(events / PAGE_SIZE); page++) {
    const read = await store.readAll({ fromPosition: position, maxCount: PAGE_SIZE });
    yield* read;
    if (read.length < PAGE_SIZE) return;
    position = read[read.length - 1].globalPosition;
  }
}

/** The platform's start-up replay: store reads, envelope mapping, the runner's bookkeeping, the projection. */
const rebuild = async (store: SqliteEventStore, events: number, items: number): Promise<number> => {
  const readStore = new InMemoryReadStore();
  const seconds = await timeSeconds(() => new ProjectionRunner(readStore, [serviceItemsProjection]).start(() => logPages(store, events)));
  const listed = await readStore.collection(serviceItemsProjection.collections[0]).count({ listedPublicly: true });
  if (listed !== items) throw new Error(`The rebuild listed ${listed} items instead of ${items}.`);
  await readStore.close();
  return events / seconds;
};

/** The floor: the same rows, the same pages, a prepared SELECT and JSON.parse of data and metadata. */
const rawRead = (db: Database.Database, events: number): number => {
  const select = db.prepare<[number, number], { global_position: number; data: string; metadata: string }>(
    `SELECT global_position, stream_id, revision, event_id, type, schema_version, occurred_at, data, metadata, prev_hash, hash
     FROM events WHERE global_position > ? ORDER BY global_position LIMIT ?`,
  );
  let parsed = 0;
  const started = process.hrtime.bigint();
  let position = 0;
  for (let page = 0; page <= Math.ceil(events / PAGE_SIZE); page++) {
    const rows = select.all(position, PAGE_SIZE);
    for (const row of rows) {
      JSON.parse(row.data);
      JSON.parse(row.metadata);
      parsed++;
    }
    if (rows.length < PAGE_SIZE) break;
    position = rows[rows.length - 1].global_position;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (parsed !== events) throw new Error(`The raw read found ${parsed} events instead of ${events}.`);
  return events / seconds;
};

export const benchReadModelRebuild = (options: BenchOptions): Promise<BenchResult> =>
  withTempDir('rebuild', async (dir) => {
    const size = options.quick ? SIZES.quick : SIZES.full;
    const events = size.items * EVENTS_PER_ITEM;
    const path = join(dir, 'events.sqlite');
    await seed(path, size.items);
    const store = new SqliteEventStore(path);
    const db = new Database(path, { readonly: true });
    try {
      // One untimed pass each: the file into the page cache, the code through the JIT.
      rawRead(db, events);
      await rebuild(store, events, size.items);
      const rebuildRates: number[] = [];
      const rawRates: number[] = [];
      for (let round = 0; round < size.rounds; round++) {
        rawRates.push(rawRead(db, events));
        rebuildRates.push(await rebuild(store, events, size.items));
      }
      return {
        rows: [
          {
            measurement: 'read-model rebuild, service items, in-memory read store',
            figure: { value: median(rebuildRates), unit: 'events/s' },
            baselineName: 'raw SELECT + JSON.parse, same pages',
            baseline: { value: median(rawRates), unit: 'events/s' },
            goal: 0.5,
          },
        ],
        notes: [
          `read-model rebuild: ${events.toLocaleString('en-US')} events (${size.items.toLocaleString('en-US')} items drafted, revised, requested, published), ` +
            `pages of ${PAGE_SIZE}, median of ${size.rounds} round(s) after one warm-up; full rebuild ${((events / median(rebuildRates)) * 1000).toFixed(0)} ms ` +
            `vs raw read ${((events / median(rawRates)) * 1000).toFixed(0)} ms`,
        ],
      };
    } finally {
      db.close();
      await store.close();
    }
  });
