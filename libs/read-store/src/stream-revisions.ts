import type { ReadDocument, ReadStore } from './read-store';

export const STREAM_REVISIONS = '_stream_revisions';

interface RevisionRecord extends ReadDocument {
  readonly projection: string;
  readonly streamId: string;
  readonly revision: number;
}

const NONE = -1;

/**
 * The last revision each projection applied, per stream: what makes redelivery harmless. Read
 * through an in-memory cache and written through, so the check costs a store read only the first
 * time a stream is seen, and none at all after a rebuild (then the cache knows every record).
 */
export class StreamRevisions {
  private readonly cache = new Map<string, Map<string, number>>();
  private readonly complete = new Set<string>();

  constructor(private readonly store: ReadStore) {}

  async declareIndexes(): Promise<void> {
    await this.records().createIndex({ keys: { projection: 1 } });
  }

  /** The last revision applied, or -1 when none was. */
  async last(projection: string, streamId: string): Promise<number> {
    const streams = this.streams(projection);
    const cached = streams.get(streamId);
    if (cached !== undefined || this.complete.has(projection)) return cached ?? NONE;
    const record = await this.records().findOne({ _id: key(projection, streamId) });
    const revision = record?.revision ?? NONE;
    streams.set(streamId, revision);
    return revision;
  }

  async record(projection: string, streamId: string, revision: number): Promise<void> {
    // $max: a late, older write never moves a stream back.
    await this.records().updateOne({ _id: key(projection, streamId) }, { $set: { projection, streamId }, $max: { revision } }, { upsert: true });
    this.streams(projection).set(streamId, revision);
  }

  /** Drops the projection's records; until the process ends the cache then holds all there is. */
  async forget(projection: string): Promise<void> {
    await this.records().deleteMany({ projection });
    this.cache.set(projection, new Map());
    this.complete.add(projection);
  }

  private streams(projection: string): Map<string, number> {
    let streams = this.cache.get(projection);
    if (!streams) this.cache.set(projection, (streams = new Map()));
    return streams;
  }

  private records() {
    return this.store.collection<RevisionRecord>(STREAM_REVISIONS);
  }
}

function key(projection: string, streamId: string): string {
  return `${projection}|${streamId}`;
}
