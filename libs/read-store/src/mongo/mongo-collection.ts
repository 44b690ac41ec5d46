import { randomUUID } from 'node:crypto';
import type { mongo } from 'mongoose';
import { indexName } from '../index-name';
import type { Filter, FindOptions, IndexSpec, ReadCollection, ReadDocument, UpdateOperators, UpdateResult } from '../read-store';
import { upsertSeed } from '../upsert-seed';
import { mappingDuplicateKey } from './duplicate-key';

type MongoFilter = mongo.Filter<mongo.Document>;

/** The port over a native driver collection: the port speaks MongoDB already, so this only maps results. */
export class MongoCollection<T extends ReadDocument> implements ReadCollection<T> {
  constructor(private readonly native: mongo.Collection) {}

  async find(filter: Filter, options: FindOptions = {}): Promise<T[]> {
    const { sort, skip, limit, projection } = options;
    return this.native.find<T>(filter as MongoFilter, { sort, skip, limit, projection }).toArray();
  }

  async findOne(filter: Filter, options: Pick<FindOptions, 'projection' | 'sort'> = {}): Promise<T | null> {
    const { sort, projection } = options;
    return this.native.findOne<T>(filter as MongoFilter, { sort, projection });
  }

  count(filter: Filter): Promise<number> {
    return this.native.countDocuments(filter as MongoFilter);
  }

  async updateOne(filter: Filter, update: UpdateOperators, options: { upsert?: boolean } = {}): Promise<UpdateResult> {
    const result = await mappingDuplicateKey(this.native.collectionName, () =>
      this.native.updateOne(filter as MongoFilter, withStringId(filter, update, options.upsert), { upsert: options.upsert === true }),
    );
    return toUpdateResult(result);
  }

  async replaceOne(filter: Filter, document: T, options: { upsert?: boolean } = {}): Promise<UpdateResult> {
    const result = await mappingDuplicateKey(this.native.collectionName, () =>
      this.native.replaceOne(filter as MongoFilter, document, { upsert: options.upsert === true }),
    );
    return toUpdateResult(result);
  }

  async deleteOne(filter: Filter): Promise<{ deletedCount: number }> {
    const { deletedCount } = await this.native.deleteOne(filter as MongoFilter);
    return { deletedCount };
  }

  async deleteMany(filter: Filter): Promise<{ deletedCount: number }> {
    const { deletedCount } = await this.native.deleteMany(filter as MongoFilter);
    return { deletedCount };
  }

  async createIndex(index: IndexSpec): Promise<void> {
    const options = { name: indexName(index), ...(index.unique ? { unique: true } : {}) };
    await mappingDuplicateKey(this.native.collectionName, () => this.native.createIndex({ ...index.keys }, options));
  }
}

/**
 * Read documents have string ids. An upsert whose filter does not name the `_id` would get an
 * ObjectId from the server, so it gets a UUID instead, as the in-memory store gives it.
 */
function withStringId(filter: Filter, update: UpdateOperators, upsert?: boolean): mongo.UpdateFilter<mongo.Document> {
  const onInsert = update['$setOnInsert'];
  if (!upsert || '_id' in upsertSeed(filter) || (onInsert && '_id' in onInsert)) return update as mongo.UpdateFilter<mongo.Document>;
  return { ...update, $setOnInsert: { ...onInsert, _id: randomUUID() } } as mongo.UpdateFilter<mongo.Document>;
}

function toUpdateResult(result: mongo.UpdateResult): UpdateResult {
  const { matchedCount, modifiedCount, upsertedId } = result;
  return upsertedId === null ? { matchedCount, modifiedCount } : { matchedCount, modifiedCount, upsertedId: String(upsertedId) };
}
