import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { EventToAppend } from '@gongkai/event-sourcing';
import { SqliteEventStore } from '@gongkai/event-sourcing/sqlite';
import Database from 'better-sqlite3';
import type { BenchOptions } from './support/options';
import type { BenchResult } from './support/report';
import { drafted, revised, serviceItemStreamId } from './support/service-item-fixtures';
import { withTempDir } from './support/temp-dir';
import { timeSeconds } from './support/timing';

/** One command's event, addressed to its stream at the revision the command handler expects. */
interface PlannedAppend {
  readonly streamId: string;
  readonly revision: number;
  readonly event: EventToAppend;
  /** For the raw side, which chains nothing: a placeholder of a real hash's length. */
  readonly placeholderHash: string;
}

const SIZES = {
  full: { events: 8_000, streams: 1_000, block: 500, warmUp: 300 },
  quick: { events: 800, streams: 100, block: 100, warmUp: 50 },
};

/** Round robin over the streams: each append looks up the head of a stream other than the last one written. */
const planAppends = (events: number, streams: number): PlannedAppend[] => {
  const itemIds = Array.from({ length: streams }, () => randomUUID());
  const at = new Date().toISOString();
  return Array.from({ length: events }, (_, i) => {
    const itemId = itemIds[i % streams];
    const revision = Math.floor(i / streams);
    const event = revision === 0 ? drafted(itemId, i % streams, at) : revised(itemId, i % streams, revision + 1, at);
    return { streamId: serviceItemStreamId(itemId), revision, event, placeholderHash: randomBytes(32).toString('hex') };
  });
};

const adapterSide = (path: string) => {
  const store = new SqliteEventStore(path);
  return {
    append: async (plan: readonly PlannedAppend[]): Promise<void> => {
      for (const { streamId, revision, event } of plan) {
        await store.appendToStream(streamId, [event], { expectedRevision: revision === 0 ? 'no_stream' : revision - 1 });
      }
    },
    close: () => store.close(),
  };
};

/**
 * The floor: the same rows into the same table (created by the adapter itself, so columns, UNIQUE
 * indexes and AUTOINCREMENT match), WAL and synchronous=FULL as schema.ts sets them, one autocommit
 * INSERT per event through a prepared statement. It serialises data and metadata, as any writer
 * must, but checks no revision and chains no hash.
 */
const rawSide = async (path: string) => {
  await new SqliteEventStore(path).close();
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  const insert = db.prepare(
    `INSERT INTO events (stream_id, revision, event_id, type, schema_version, occurred_at, data, metadata, prev_hash, hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  return {
    append: (plan: readonly PlannedAppend[]): void => {
      for (const { streamId, revision, event, placeholderHash } of plan) {
        const { id, type, schemaVersion, occurredAt, data, metadata } = event;
        insert.run(streamId, revision, id, type, schemaVersion, occurredAt, JSON.stringify(data), JSON.stringify(metadata), placeholderHash, placeholderHash);
      }
    },
    close: async () => db.close(),
  };
};

export const benchEventAppend = (options: BenchOptions): Promise<BenchResult> =>
  withTempDir('append', async (dir) => {
    const size = options.quick ? SIZES.quick : SIZES.full;
    const raw = await rawSide(join(dir, 'raw.sqlite'));
    const adapter = adapterSide(join(dir, 'adapter.sqlite'));
    try {
      // Warm both code paths up (and the files past their first pages) on streams of their own.
      const warmUp = planAppends(size.warmUp, size.warmUp);
      raw.append(warmUp);
      await adapter.append(warmUp);
      // fsync time on a shared VM drifts by a factor of two within seconds: alternating blocks of
      // the same appends lets both sides meet the same disk.
      const plan = planAppends(size.events, size.streams);
      let rawSeconds = 0;
      let adapterSeconds = 0;
      for (let start = 0; start < plan.length; start += size.block) {
        const block = plan.slice(start, start + size.block);
        rawSeconds += await timeSeconds(() => raw.append(block));
        adapterSeconds += await timeSeconds(() => adapter.append(block));
      }
      const sample = plan[0].event;
      return {
        rows: [
          {
            measurement: 'event append, SqliteEventStore, 1 event/command',
            figure: { value: size.events / adapterSeconds, unit: 'events/s' },
            baselineName: 'raw better-sqlite3 INSERT, 1/txn, WAL, FULL',
            baseline: { value: size.events / rawSeconds, unit: 'events/s' },
            goal: 0.5,
          },
        ],
        notes: [
          `event append: ${size.events.toLocaleString('en-US')} one-event appends over ${size.streams.toLocaleString('en-US')} streams with exact expected revisions, ` +
            `in alternating blocks of ${size.block}; each event ${Buffer.byteLength(JSON.stringify(sample.data))} B of data + ` +
            `${Buffer.byteLength(JSON.stringify(sample.metadata))} B of metadata (JSON); ` +
            `${((adapterSeconds / size.events) * 1e6).toFixed(0)} µs per append vs ${((rawSeconds / size.events) * 1e6).toFixed(0)} µs per raw insert`,
        ],
      };
    } finally {
      await Promise.all([raw.close(), adapter.close()]);
    }
  });
