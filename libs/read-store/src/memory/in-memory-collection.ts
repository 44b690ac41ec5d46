import { randomUUID } from 'node:crypto';
import { cloneDeep, isEqual } from 'mingo/util';
import type { Filter, FindOptions, IndexSpec, ReadCollection, ReadDocument, UpdateOperators, UpdateResult } from '../read-store';
import { upsertSeed } from '../upsert-seed';
import { applyUpdate, updatedDocument } from './apply-update';
import type { CollectionData } from './collection-data';
import { allMatches, countMatches, firstMatch, select } from './query';
import { isSealed, NOT_SEALABLE, sameValue, sealedCopy } from './sealed-values';
import type { StoredDocument } from './stored-document';

/**
 * A handle on a collection of the in-memory store. It looks its data up on every call, so a handle
 * taken before `dropCollection` sees the new, empty collection, as with MongoDB.
 * Every write builds the next document beside the stored one and swaps it in, so a failing update
 * leaves the document as it was. Stored documents are sealed (sealed-values.ts): frozen, and handed
 * out by reads as they are; the caller cannot change the store through them.
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
      const { doc, changed } = updated(target, update, filter, false);
      if (!changed) return { matchedCount: 1, modifiedCount: 0 };
      data.write(target, doc);
      return { matchedCount: 1, modifiedCount: 1 };
    }
    if (!options?.upsert) return { matchedCount: 0, modifiedCount: 0 };
    const { _id: seededId, ...seed } = upsertSeed(filter);
    const id = stringId(seededId ?? update['$setOnInsert']?.['_id'] ?? randomUUID(), data.name);
    const { doc } = updated(stored({ _id: id, ...seed }, id, true), update, filter, true);
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
      const next = stored(document, target._id);
      if (isSealed(next) && isSealed(target) ? sameValue(next, target) : isEqual(next, target)) return { matchedCount: 1, modifiedCount: 0 };
      data.write(target, next);
      return { matchedCount: 1, modifiedCount: 1 };
    }
    if (!options?.upsert) return { matchedCount: 0, modifiedCount: 0 };
    const id = stringId(document._id ?? upsertSeed(filter)['_id'] ?? randomUUID(), data.name);
    const doc = stored(document, id);
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

/**
 * The document to store for `document` with the `_id` `id` (a document of the caller's, or one
 * built here): sealed, its sealed parts shared and the rest copied; or, when it holds what
 * freezing cannot protect, an unfrozen deep copy (an open document, copied on every read) —
 * `document` itself when it is a copy of the store's own already (`ownCopy`).
 */
function stored(document: Readonly<Record<string, unknown>>, id: string, ownCopy = false): StoredDocument {
  const fields: Record<string, unknown> = {};
  for (const key of Object.keys(document)) {
    // `__proto__` would set the prototype: the copying path does as it always did with it.
    const value = key === '_id' ? id : key === '__proto__' ? NOT_SEALABLE : sealedCopy(document[key]);
    if (value === NOT_SEALABLE) return (ownCopy ? { ...document, _id: id } : { ...cloneDeep(document), _id: id }) as StoredDocument;
    fields[key] = value;
  }
  fields['_id'] = id;
  return Object.freeze(fields) as StoredDocument;
}

/** `update` applied to `target` without changing it: beside it when it can be, else on a copy through mingo. */
function updated(target: StoredDocument, update: UpdateOperators, filter: Filter, inserting: boolean): { doc: StoredDocument; changed: boolean } {
  const immutable = updatedDocument(target, update, inserting);
  if (immutable) return immutable as { doc: StoredDocument; changed: boolean };
  const copy = cloneDeep(target) as StoredDocument;
  const changed = applyUpdate(copy, update, filter, inserting);
  return { doc: changed || inserting ? stored(copy, copy._id, true) : copy, changed };
}

function stringId(id: unknown, collection: string): string {
  if (typeof id === 'string') return id;
  throw new Error(`Read collection "${collection}": document ids are strings, got ${JSON.stringify(id)}.`);
}
