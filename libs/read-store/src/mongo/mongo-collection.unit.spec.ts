import type { mongo } from 'mongoose';
import { MongoCollection } from './mongo-collection';

/** Records what the adapter asks of the driver; the contract suite covers the rest against a server. */
function recordingDriver(upsertedId: unknown = null) {
  const calls: unknown[][] = [];
  const native = {
    collectionName: 'notices',
    updateOne: async (...args: unknown[]) => {
      calls.push(args);
      return { matchedCount: 0, modifiedCount: 0, upsertedId };
    },
  };
  return { calls, collection: new MongoCollection(native as unknown as mongo.Collection) };
}

describe('MongoCollection.updateOne', () => {
  it('gives an upsert whose filter names no _id a string _id, as the in-memory store does', async () => {
    const { calls, collection } = recordingDriver('generated');
    const result = await collection.updateOne({ code: 'c1' }, { $set: { n: 1 }, $setOnInsert: { by: 'u1' } }, { upsert: true });
    const [, update, options] = calls[0] as [unknown, { $setOnInsert: { _id: unknown; by: string } }, unknown];
    expect(typeof update.$setOnInsert._id).toBe('string');
    expect(update.$setOnInsert.by).toBe('u1');
    expect(options).toEqual({ upsert: true });
    expect(result).toEqual({ matchedCount: 0, modifiedCount: 0, upsertedId: 'generated' });
  });

  it('leaves the update alone when the filter names the _id or no upsert is asked for', async () => {
    const { calls, collection } = recordingDriver();
    await collection.updateOne({ _id: 'x' }, { $set: { n: 1 } }, { upsert: true });
    await collection.updateOne({ code: 'c1' }, { $set: { n: 1 } });
    expect(calls.map(([, update, options]) => [update, options])).toEqual([
      [{ $set: { n: 1 } }, { upsert: true }],
      [{ $set: { n: 1 } }, { upsert: false }],
    ]);
  });
});
