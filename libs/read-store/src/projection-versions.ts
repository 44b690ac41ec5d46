import type { ReadDocument, ReadStore } from './read-store';

export const PROJECTION_VERSIONS = '_projections';

interface VersionRecord extends ReadDocument {
  readonly version: number;
}

/** The code version each projection's stored data was built with, kept in the same store as the data. */
export class ProjectionVersions {
  constructor(private readonly store: ReadStore) {}

  async load(projection: string): Promise<number | undefined> {
    const record = await this.records().findOne({ _id: projection });
    return record?.version;
  }

  async save(projection: string, version: number): Promise<void> {
    await this.records().updateOne({ _id: projection }, { $set: { version } }, { upsert: true });
  }

  private records() {
    return this.store.collection<VersionRecord>(PROJECTION_VERSIONS);
  }
}
