import { randomUUID } from 'node:crypto';
import { cloneDeep, isEqual } from 'mingo/util';
import type { Filter, FindOptions, IndexSpec, ReadCollection, ReadDocument, UpdateOperators, UpdateResult } from '../read-store';
import { upsertSeed } from '../upsert-seed';
import { applyUpdate } from './apply-update';
import type { CollectionData } from './collection-data';
import { allMatches, countMatches, firstMatch, select } from './query';
import type { StoredDocument } from './stored-document';

/**
 * A handle on a collection of the in-memory store. It looks its data up on every call, so a handle
 * taken before `dropCollection` sees the new, empty collection, as with MongoDB.
 * Every write changes a copy and swaps it in, so a failing update leaves the document as it was.
 */
export class InMemoryCollection<T extends ReadDocument> implements ReadCollection<T> {
  constructor(private readonly data: () => CollectionData) {}

  async find(filter: Filter, options?: FindOptions): Promise<T[]> {
    return select(this.data(), filter, options) as T[];
  }

  async findOne(filter: Filter, options?: Pick<FindOptions, 'projection' | 'sort'>): Promise<T | null> {
    const [doc] = select(this.data(), filter, { ...options, limit: 1 });
    return (doc as T | undefined) ?? null;
  }

  async count(filter: Filter): Promise<number> {
    return countMatches(this.data(), filter);
  }

  async updateOne(filter: Filter, update: UpdateOperators, options?: { upsert?: boolean }): Promise<UpdateResult> {
    const data = this.data();
    const target = firstMatch(data, filter);
    if (target) {
      const next = cloneDeep(target);
      if (!applyUpdate(next, update, filter, false)) return { matchedCount: 1, modifiedCount: 0 };
      data.write(target, next);
      return { matchedCount: 1, modifiedCount: 1 };
    }
    if (!options?.upsert) return { matchedCount: 0, modifiedCount: 0 };
    const { _id: seededId, ...seed } = upsertSeed(filter);
    const doc = { _id: stringId(seededId ?? update['$setOnInsert']?.['_id'] ?? randomUUID(), data.name), ...seed };
    applyUpdate(doc, update, filter, true);
    data.write(undefined, doc);
    return { matchedCount: 0, modifiedCount: 0, upsertedId: doc._id };
  }

  async replaceOne(filter: Filter, document: T, options?: { upsert?: boolean }): Promise<UpdateResult> {
    const data = this.data();
    const target = firstMatch(data, filter);
    if (target) {
      if (document._id !== undefined && document._id !== target._id) {
        throw new Error(`Read collection "${data.name}": replacing document "${target._id}" would change its _id to "${document._id}".`);
      }
      const next: StoredDocument = { ...cloneDeep(document), _id: target._id };
      if (isEqual(next, target)) return { matchedCount: 1, modifiedCount: 0 };
      data.write(target, next);
      return { matchedCount: 1, modifiedCount: 1 };
    }
    if (!options?.upsert) return { matchedCount: 0, modifiedCount: 0 };
    const id = stringId(document._id ?? upsertSeed(filter)['_id'] ?? randomUUID(), data.name);
    const doc: StoredDocument = { ...cloneDeep(document), _id: id };
    data.write(undefined, doc);
    return { matchedCount: 0, modifiedCount: 0, upsertedId: id };
  }

  async deleteOne(filter: Filter): Promise<{ deletedCount: number }> {
    const data = this.data();
    const target = firstMatch(data, filter);
    if (target) data.delete(target);
    return { deletedCount: target ? 1 : 0 };
  }

  async deleteMany(filter: Filter): Promise<{ deletedCount: number }> {
    const data = this.data();
    const targets = allMatches(data, filter);
    for (const doc of targets) data.delete(doc);
    return { deletedCount: targets.length };
  }

  async createIndex(index: IndexSpec): Promise<void> {
    this.data().createIndex(index);
  }
}

function stringId(id: unknown, collection: string): string {
  if (typeof id === 'string') return id;
  throw new Error(`Read collection "${collection}": document ids are strings, got ${JSON.stringify(id)}.`);
}
