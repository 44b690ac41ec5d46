import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { EventToAppend } from '@gongkai/event-sourcing';
import { SqliteEventStore } from '@gongkai/event-sourcing/sqlite';
import Database from 'better-sqlite3';
import type { BenchOptions } from './support/options';
import type { BenchResult } from './support/report';
import { drafted, revised, serviceItemStreamId } from './support/service-item-fixtures';
import { withTempDir } from './support/temp-dir';
import { median, timeSeconds } from './support/timing';

/** One command's event, addressed to its stream at the revision the command handler expects. */
interface PlannedAppend {
  readonly streamId: string;
  readonly revision: number;
  readonly event: EventToAppend;
}

const SIZES = {
  full: { events: 6_000, streams: 1_000, rounds: 3 },
  quick: { events: 600, streams: 100, rounds: 1 },
};

/** Round robin over the streams, so that every append looks up a stream head that is not the last one written. */
const planAppends = (events: number, streams: number): PlannedAppend[] => {
  const itemIds = Array.from({ length: streams }, () => randomUUID());
  const at = new Date().toISOString();
  return Array.from({ length: events }, (_, i) => {
    const itemId = itemIds[i % streams];
    const revision = Math.floor(i / streams);
    const event = revision === 0 ? drafted(itemId, i % streams, at) : revised(itemId, i % streams, revision + 1, at);
    return { streamId: serviceItemStreamId(itemId), revision, event };
  });
};

const appendThroughAdapter = async (path: string, plan: readonly PlannedAppend[]): Promise<number> => {
  const store = new SqliteEventStore(path);
  try {
    return await timeSeconds(async () => {
      for (const { streamId, revision, event } of plan) {
        await store.appendToStream(streamId, [event], { expectedRevision: revision === 0 ? 'no_stream' : revision - 1 });
      }
    });
  } finally {
    await store.close();
  }
};

/**
 * The floor: the same rows into the same table (created by the adapter itself, so columns, UNIQUE
 * indexes and AUTOINCREMENT match), WAL and synchronous=FULL as schema.ts sets them, one autocommit
 * INSERT per event through a prepared statement. It serialises data and metadata as any writer
 * must, but checks no revision and chains no hash: placeholder hashes of the same length.
 */
const insertRaw = async (path: string, plan: readonly PlannedAppend[]): Promise<number> => {
  await new SqliteEventStore(path).close();
  const db = new Database(path);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    const insert = db.prepare(
      `INSERT INTO events (stream_id, revision, event_id, type, schema_version, occurred_at, data, metadata, prev_hash, hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const hashes = plan.map(() => randomBytes(32).toString('hex'));
    return await timeSeconds(() => {
      plan.forEach(({ streamId, revision, event }, i) => {
        const { id, type, schemaVersion, occurredAt, data, metadata } = event;
        insert.run(streamId, revision, id, type, schemaVersion, occurredAt, JSON.stringify(data), JSON.stringify(metadata), hashes[i], hashes[i]);
      });
    });
  } finally {
    db.close();
  }
};

export const benchEventAppend = (options: BenchOptions): Promise<BenchResult> =>
  withTempDir('append', async (dir) => {
    const size = options.quick ? SIZES.quick : SIZES.full;
    const adapterRates: number[] = [];
    const rawRates: number[] = [];
    // Alternate the two sides over fresh files, so that a burst of noise on the disk hits both.
    for (let round = 0; round < size.rounds; round++) {
      const plan = planAppends(size.events, size.streams);
      rawRates.push(size.events / (await insertRaw(join(dir, `raw-${round}.sqlite`), plan)));
      adapterRates.push(size.events / (await appendThroughAdapter(join(dir, `adapter-${round}.sqlite`), plan)));
    }
    const sample = planAppends(1, 1)[0].event;
    return {
      rows: [
        {
          measurement: 'event append, SqliteEventStore, 1 event/command',
          figure: { value: median(adapterRates), unit: 'events/s' },
          baselineName: 'raw better-sqlite3 INSERT, 1/txn, WAL, FULL',
          baseline: { value: median(rawRates), unit: 'events/s' },
          goal: 0.5,
        },
      ],
      notes: [
        `event append: ${size.events.toLocaleString('en-US')} events over ${size.streams.toLocaleString('en-US')} streams, median of ${size.rounds} round(s); ` +
          `data ${Buffer.byteLength(JSON.stringify(sample.data))} B + metadata ${Buffer.byteLength(JSON.stringify(sample.metadata))} B of JSON per event; ` +
          `rounds (adapter/raw events/s): ${adapterRates.map((rate, i) => `${Math.round(rate)}/${Math.round(rawRates[i])}`).join(', ')}`,
      ],
    };
  });
