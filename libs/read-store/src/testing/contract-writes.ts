import type { ReadDocument } from '../read-store';
import { type ContractContext, ids, insertAll } from './contract-context';

type Doc = ReadDocument & Record<string, unknown>;

export function writeContract(ctx: ContractContext): void {
  describe('replaceOne', () => {
    it('replaces the whole document: fields it lacks are gone', async () => {
      const { collection } = ctx.fresh<Doc>();
      await insertAll(collection, [{ _id: 'x', a: 1, b: 2 }]);
      expect(await collection.replaceOne({ _id: 'x' }, { _id: 'x', c: 3 })).toEqual({ matchedCount: 1, modifiedCount: 1 });
      expect(await collection.find({})).toEqual([{ _id: 'x', c: 3 }]);
    });

    it('counts a replacement by an identical document as not modified', async () => {
      const { collection } = ctx.fresh<Doc>();
      await insertAll(collection, [{ _id: 'x', a: 1 }]);
      expect(await collection.replaceOne({ _id: 'x' }, { _id: 'x', a: 1 })).toEqual({ matchedCount: 1, modifiedCount: 0 });
    });

    it('inserts on upsert, and only then', async () => {
      const { collection } = ctx.fresh<Doc>();
      expect(await collection.replaceOne({ _id: 'x' }, { _id: 'x', a: 1 })).toEqual({ matchedCount: 0, modifiedCount: 0 });
      expect(await collection.count({})).toBe(0);
      expect(await collection.replaceOne({ _id: 'x' }, { _id: 'x', a: 1 }, { upsert: true })).toEqual({ matchedCount: 0, modifiedCount: 0, upsertedId: 'x' });
      expect(await collection.find({})).toEqual([{ _id: 'x', a: 1 }]);
    });

    it('finds the document to replace by any filter', async () => {
      const { collection } = ctx.fresh<Doc>();
      await insertAll(collection, [{ _id: 'x', code: 'c1' }]);
      await collection.replaceOne({ code: 'c1' }, { _id: 'x', code: 'c2' });
      expect(await collection.find({})).toEqual([{ _id: 'x', code: 'c2' }]);
    });
  });

  describe('deleteOne and deleteMany', () => {
    it('deletes one of the matching documents', async () => {
      const { collection } = ctx.fresh<Doc>();
      await insertAll(collection, [{ _id: 'a', s: 1 }, { _id: 'b', s: 1 }, { _id: 'c', s: 2 }]);
      expect(await collection.deleteOne({ s: 1 })).toEqual({ deletedCount: 1 });
      expect(await collection.count({ s: 1 })).toBe(1);
      expect(await collection.deleteOne({ _id: 'c' })).toEqual({ deletedCount: 1 });
      expect(await collection.deleteOne({ _id: 'c' })).toEqual({ deletedCount: 0 });
    });

    it('deletes every matching document', async () => {
      const { collection } = ctx.fresh<Doc>();
      await insertAll(collection, [{ _id: 'a', s: 1 }, { _id: 'b', s: 1 }, { _id: 'c', s: 2 }]);
      expect(await collection.deleteMany({ s: 1 })).toEqual({ deletedCount: 2 });
      expect(await ids(collection.find({}))).toEqual(['c']);
      expect(await collection.deleteMany({ s: 9 })).toEqual({ deletedCount: 0 });
    });
  });

  describe('checkpoints', () => {
    it('loads nothing for an unknown name, then what was saved last', async () => {
      const store = ctx.store();
      const name = ctx.uniqueName('checkpoint');
      expect(await store.loadCheckpoint(name)).toBeUndefined();
      await store.saveCheckpoint(name, 41);
      await store.saveCheckpoint(name, 42);
      expect(await store.loadCheckpoint(name)).toBe(42);
    });
  });

  describe('copies', () => {
    // An adapter may hand out copies (MongoDB) or the stored documents frozen (in memory): either
    // way, what the caller does to a document it read never reaches the store.
    const tryTo = (change: () => void): void => {
      try {
        change();
      } catch (error) {
        if (!(error instanceof TypeError)) throw error; // a frozen document refuses the change
      }
    };

    it('hands out documents through which the caller cannot change the store', async () => {
      const { collection } = ctx.fresh<Doc>();
      await insertAll(collection, [{ _id: 'x', nested: { n: 1 }, list: [1] }]);
      const [found] = await collection.find({});
      tryTo(() => ((found['nested'] as { n: number }).n = 99));
      tryTo(() => (found['list'] as number[]).push(99));
      tryTo(() => ((found as Record<string, unknown>)['added'] = true));
      const one = await collection.findOne({ _id: 'x' });
      tryTo(() => ((one?.['nested'] as { n: number }).n = 98));
      tryTo(() => delete (one as Record<string, unknown>)['list']);
      const projected = await collection.find({ _id: 'x' }, { projection: { nested: 1 } });
      tryTo(() => ((projected[0]['nested'] as { n: number }).n = 97));
      const sorted = await collection.find({ 'nested.n': 1 }, { sort: { _id: 1 }, limit: 1 });
      tryTo(() => ((sorted[0]['nested'] as { n: number }).n = 96));
      expect(await collection.findOne({ _id: 'x' })).toEqual({ _id: 'x', nested: { n: 1 }, list: [1] });
      expect(await collection.find({ 'nested.n': 1 }, { sort: { _id: 1 }, limit: 1 })).toEqual([{ _id: 'x', nested: { n: 1 }, list: [1] }]);
    });

    it('keeps documents that hold dates apart from the caller too', async () => {
      const { collection } = ctx.fresh<Doc>();
      await insertAll(collection, [{ _id: 'x', at: new Date('2026-03-02T02:00:00Z'), nested: { n: 1 } }]);
      const found = await collection.findOne({ _id: 'x' });
      tryTo(() => (found?.['at'] as Date).setTime(0));
      tryTo(() => ((found?.['nested'] as { n: number }).n = 99));
      expect(await collection.findOne({ _id: 'x' })).toEqual({ _id: 'x', at: new Date('2026-03-02T02:00:00Z'), nested: { n: 1 } });
    });

    it('keeps no reference to a value it handed out and was given back', async () => {
      const { collection } = ctx.fresh<Doc>();
      await insertAll(collection, [{ _id: 'x', nested: { n: 1 } }, { _id: 'y' }]);
      const x = await collection.findOne({ _id: 'x' });
      await collection.updateOne({ _id: 'y' }, { $set: { copied: x?.['nested'] } });
      await collection.updateOne({ _id: 'x' }, { $set: { 'nested.n': 2 } });
      expect(await collection.findOne({ _id: 'y' })).toEqual({ _id: 'y', copied: { n: 1 } });
      expect(await collection.findOne({ _id: 'x' })).toEqual({ _id: 'x', nested: { n: 2 } });
    });

    it('keeps no reference to what the caller wrote', async () => {
      const { collection } = ctx.fresh<Doc>();
      const written = { _id: 'x', nested: { n: 1 } };
      await collection.replaceOne({ _id: 'x' }, written, { upsert: true });
      const value = { deep: [1] };
      await collection.updateOne({ _id: 'x' }, { $set: { value } });
      written.nested.n = 99;
      value.deep.push(99);
      expect(await collection.findOne({ _id: 'x' })).toEqual({ _id: 'x', nested: { n: 1 }, value: { deep: [1] } });
    });
  });

  describe('dropCollection', () => {
    it('removes the documents and indexes; the collection handle keeps working', async () => {
      const store = ctx.store();
      const { name, collection } = ctx.fresh<Doc>();
      await collection.createIndex({ keys: { email: 1 }, unique: true });
      await insertAll(collection, [{ _id: 'a', email: 'a@x.cn' }]);
      await store.dropCollection(name);
      expect(await collection.count({})).toBe(0);
      await insertAll(collection, [{ _id: 'a', email: 'a@x.cn' }, { _id: 'b', email: 'a@x.cn' }]);
      expect(await collection.count({ email: 'a@x.cn' })).toBe(2);
    });

    it('accepts a collection that does not exist', async () => {
      await expect(ctx.store().dropCollection(ctx.uniqueName('missing'))).resolves.toBeUndefined();
    });
  });
}
