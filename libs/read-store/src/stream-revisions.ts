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
 * During a replay the records stay in the cache and are written once, at its end (`flush`), as the
 * runner saves the checkpoint only then: until the replay is complete the projection's stored
 * version is the old one, so a replay cut short is started again from scratch, records and all.
 */
export class StreamRevisions {
  private readonly cache = new Map<string, Map<string, number>>();
  private readonly complete = new Set<string>();
  /** Per projection, the streams whose record is in the cache only, until `flush`. */
  private readonly unwritten = new Map<string, Set<string>>();

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

  /** The last revision applied, when the cache knows it without asking the store. */
  known(projection: string, streamId: string): number | undefined {
    const cached = this.cache.get(projection)?.get(streamId);
    return cached === undefined && this.complete.has(projection) ? NONE : cached;
  }

  async record(projection: string, streamId: string, revision: number): Promise<void> {
    await this.write(projection, streamId, revision);
    this.streams(projection).set(streamId, revision);
  }

  /** As `record`, but kept in the cache until `flush`: for a replay, which saves its checkpoint only at the end. */
  recordLater(projection: string, streamId: string, revision: number): void {
    this.streams(projection).set(streamId, revision);
    let streams = this.unwritten.get(projection);
    if (!streams) this.unwritten.set(projection, (streams = new Set()));
    streams.add(streamId);
  }

  /** Writes the records `recordLater` kept back. */
  async flush(projection: string): Promise<void> {
    const streams = this.unwritten.get(projection);
    if (!streams) return;
    const revisions = this.streams(projection);
    for (const streamId of streams) {
      const revision = revisions.get(streamId);
      if (revision !== undefined) await this.write(projection, streamId, revision);
      streams.delete(streamId);
    }
    this.unwritten.delete(projection);
  }

  /** Drops the projection's records; until the process ends the cache then holds all there is. */
  async forget(projection: string): Promise<void> {
    await this.records().deleteMany({ projection });
    this.cache.set(projection, new Map());
    this.unwritten.delete(projection);
    this.complete.add(projection);
  }

  private async write(projection: string, streamId: string, revision: number): Promise<void> {
    // $max: a late, older write never moves a stream back.
    await this.records().updateOne({ _id: key(projection, streamId) }, { $set: { projection, streamId }, $max: { revision } }, { upsert: true });
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
