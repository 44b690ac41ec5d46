import type { ReadCollection, ReadDocument, ReadStore } from '../read-store';
import { CollectionData } from './collection-data';
import { InMemoryCollection } from './in-memory-collection';

/**
 * The read store of the embedded runtime: MongoDB's query and update language over maps, through
 * mingo. Nothing survives the process; read models are rebuilt by replay at start.
 */
export class InMemoryReadStore implements ReadStore {
  private readonly collections = new Map<string, CollectionData>();
  private readonly checkpoints = new Map<string, number>();

  collection<T extends ReadDocument = ReadDocument>(name: string): ReadCollection<T> {
    return new InMemoryCollection<T>(() => this.data(name));
  }

  async dropCollection(name: string): Promise<void> {
    this.collections.delete(name);
  }

  async loadCheckpoint(name: string): Promise<number | undefined> {
    return this.checkpoints.get(name);
  }

  async saveCheckpoint(name: string, position: number): Promise<void> {
    this.checkpoints.set(name, position);
  }

  async close(): Promise<void> {
    this.collections.clear();
    this.checkpoints.clear();
  }

  private data(name: string): CollectionData {
    let data = this.collections.get(name);
    if (!data) this.collections.set(name, (data = new CollectionData(name)));
    return data;
  }
}
