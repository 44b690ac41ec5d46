import { randomUUID } from 'node:crypto';
import type { ReadCollection, ReadDocument, ReadStore } from '../read-store';

export type ReadStoreFactory = () => Promise<{ store: ReadStore; cleanup(): Promise<void> }>;

/** What each part of the contract gets: the store, and collections no other test touches. */
export interface ContractContext {
  store(): ReadStore;
  /** A fresh collection with a unique name, dropped after the test (the suite may share a database). */
  fresh<T extends ReadDocument = ReadDocument>(): { name: string; collection: ReadCollection<T> };
  uniqueName(prefix: string): string;
}

export function contractContext(factory: ReadStoreFactory): ContractContext {
  let current: { store: ReadStore; cleanup(): Promise<void> } | undefined;
  let created: string[] = [];
  const store = () => {
    if (!current) throw new Error('The read store contract runs its tests inside describeReadStoreContract.');
    return current.store;
  };
  beforeAll(async () => {
    current = await factory();
  });
  afterEach(async () => {
    for (const name of created) await store().dropCollection(name);
    created = [];
  });
  afterAll(async () => {
    await current?.cleanup();
  });
  const uniqueName = (prefix: string) => `${prefix}_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  return {
    store,
    uniqueName,
    fresh<T extends ReadDocument = ReadDocument>() {
      const name = uniqueName('contract');
      created.push(name);
      return { name, collection: store().collection<T>(name) };
    },
  };
}

/** The port has no insert: an upserting replace by `_id` is how read models write a whole document. */
export async function insertAll<T extends ReadDocument>(collection: ReadCollection<T>, docs: readonly T[]): Promise<void> {
  for (const doc of docs) await collection.replaceOne({ _id: doc._id }, doc, { upsert: true });
}

export async function ids(found: Promise<readonly ReadDocument[]>): Promise<string[]> {
  return (await found).map((doc) => doc._id);
}
