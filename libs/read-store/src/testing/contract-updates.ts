import type { ReadDocument, UpdateOperators } from '../read-store';
import { type ContractContext, insertAll } from './contract-context';

type Doc = ReadDocument & Record<string, unknown>;

export function updateContract(ctx: ContractContext): void {
  async function updated(before: Record<string, unknown>, update: UpdateOperators) {
    const { collection } = ctx.fresh<Doc>();
    await insertAll(collection, [{ _id: 'x', ...before }]);
    const result = await collection.updateOne({ _id: 'x' }, update);
    return { result, doc: await collection.findOne({ _id: 'x' }) };
  }

  describe('update operators', () => {
    it.each<[string, Record<string, unknown>, UpdateOperators, Record<string, unknown>]>([
      ['$set, creating nested fields on a dotted path', { a: 1 }, { $set: { a: 2, 'b.c': 'x' } }, { a: 2, b: { c: 'x' } }],
      ['$set into an existing sub-document', { b: { c: 1, d: 2 } }, { $set: { 'b.c': 3 } }, { b: { c: 3, d: 2 } }],
      ['$unset', { a: 1, b: 2 }, { $unset: { a: '' } }, { b: 2 }],
      ['$inc, on a number and on a missing field', { n: 5 }, { $inc: { n: -2, m: 3 } }, { n: 3, m: 3 }],
      ['$push of one value', { l: ['a'] }, { $push: { l: 'b' } }, { l: ['a', 'b'] }],
      ['$push with $each', { l: ['a'] }, { $push: { l: { $each: ['b', 'c'] } } }, { l: ['a', 'b', 'c'] }],
      ['$push onto a missing field', {}, { $push: { l: 'a' } }, { l: ['a'] }],
      ['$addToSet, keeping values unique', { l: ['a'] }, { $addToSet: { l: { $each: ['a', 'b'] } } }, { l: ['a', 'b'] }],
      ['$pull of a value', { l: ['a', 'b', 'a'] }, { $pull: { l: 'a' } }, { l: ['b'] }],
      ['$pull by condition', { l: [1, 5, 9] }, { $pull: { l: { $gte: 5 } } }, { l: [1] }],
      ['$pull of matching sub-documents', { l: [{ k: 1 }, { k: 2 }] }, { $pull: { l: { k: 2 } } }, { l: [{ k: 1 }] }],
      ['$max', { hi: 5, lo: 5 }, { $max: { hi: 9, lo: 1 } }, { hi: 9, lo: 5 }],
      ['$min', { hi: 5, lo: 5 }, { $min: { hi: 9, lo: 1 } }, { hi: 5, lo: 1 }],
      ['several operators at once', { n: 1, l: [] }, { $inc: { n: 1 }, $push: { l: 1 }, $set: { s: 'y' } }, { n: 2, l: [1], s: 'y' }],
    ])('applies %s', async (_name, before, update, after) => {
      const { result, doc } = await updated(before, update);
      expect(result).toEqual({ matchedCount: 1, modifiedCount: 1 });
      expect(doc).toEqual({ _id: 'x', ...after });
    });

    it('updates an array element through the positional $ of the filter', async () => {
      const { collection } = ctx.fresh<Doc>();
      await insertAll(collection, [{ _id: 'x', l: [{ k: 1, v: 0 }, { k: 2, v: 0 }] }]);
      await collection.updateOne({ _id: 'x', 'l.k': 2 }, { $set: { 'l.$.v': 7 } });
      expect((await collection.findOne({ _id: 'x' }))?.['l']).toEqual([{ k: 1, v: 0 }, { k: 2, v: 7 }]);
    });

    it('counts a match that changes nothing as not modified', async () => {
      const { result, doc } = await updated({ a: 1, l: ['a'] }, { $set: { a: 1 }, $addToSet: { l: 'a' } });
      expect(result).toEqual({ matchedCount: 1, modifiedCount: 0 });
      expect(doc).toEqual({ _id: 'x', a: 1, l: ['a'] });
    });

    it('ignores $setOnInsert when the document exists', async () => {
      const { doc } = await updated({ a: 1 }, { $set: { b: 2 }, $setOnInsert: { created: true } });
      expect(doc).toEqual({ _id: 'x', a: 1, b: 2 });
    });

    it('updates one document of several that match', async () => {
      const { collection } = ctx.fresh<Doc>();
      await insertAll(collection, [{ _id: 'a', s: 'DRAFT' }, { _id: 'b', s: 'DRAFT' }]);
      expect(await collection.updateOne({ s: 'DRAFT' }, { $set: { s: 'PUBLISHED' } })).toEqual({ matchedCount: 1, modifiedCount: 1 });
      expect(await collection.count({ s: 'DRAFT' })).toBe(1);
    });

    it('refuses to change the _id and leaves the document as it was', async () => {
      const { collection } = ctx.fresh<Doc>();
      await insertAll(collection, [{ _id: 'x', a: 1 }]);
      await expect(collection.updateOne({ _id: 'x' }, { $set: { _id: 'y', a: 2 } })).rejects.toThrow();
      expect(await collection.find({})).toEqual([{ _id: 'x', a: 1 }]);
    });
  });

  describe('upserts', () => {
    it('without upsert, an update that matches nothing creates nothing', async () => {
      const { collection } = ctx.fresh<Doc>();
      expect(await collection.updateOne({ _id: 'x' }, { $set: { a: 1 } })).toEqual({ matchedCount: 0, modifiedCount: 0 });
      expect(await collection.count({})).toBe(0);
    });

    it('inserts from the equality fields of the filter, the operators and $setOnInsert', async () => {
      const { collection } = ctx.fresh<Doc>();
      const result = await collection.updateOne(
        { _id: 'x', 'agency.code': 'A1', kind: { $eq: 'fine' }, year: { $gt: 2000 } },
        { $set: { title: 'T' }, $inc: { count: 1 }, $push: { tags: 'new' }, $setOnInsert: { createdBy: 'u1' } },
        { upsert: true },
      );
      expect(result).toEqual({ matchedCount: 0, modifiedCount: 0, upsertedId: 'x' });
      expect(await collection.findOne({ _id: 'x' })).toEqual({
        _id: 'x', agency: { code: 'A1' }, kind: 'fine', title: 'T', count: 1, tags: ['new'], createdBy: 'u1',
      });
    });

    it('seeds from the equalities inside a top-level $and', async () => {
      const { collection } = ctx.fresh<Doc>();
      await collection.updateOne({ $and: [{ _id: 'x' }, { s: 'A' }] }, { $set: { n: 1 } }, { upsert: true });
      expect(await collection.findOne({ _id: 'x' })).toEqual({ _id: 'x', s: 'A', n: 1 });
    });

    it('gives a string _id to a document upserted from a filter without one', async () => {
      const { collection } = ctx.fresh<Doc>();
      const result = await collection.updateOne({ code: 'c1' }, { $set: { n: 1 } }, { upsert: true });
      expect(typeof result.upsertedId).toBe('string');
      expect(await collection.findOne({ code: 'c1' })).toEqual({ _id: result.upsertedId, code: 'c1', n: 1 });
    });

    it('updates, not inserts, when an upsert matches', async () => {
      const { collection } = ctx.fresh<Doc>();
      await collection.updateOne({ _id: 'x' }, { $inc: { n: 1 } }, { upsert: true });
      const second = await collection.updateOne({ _id: 'x' }, { $inc: { n: 1 } }, { upsert: true });
      expect(second).toEqual({ matchedCount: 1, modifiedCount: 1 });
      expect(await collection.find({})).toEqual([{ _id: 'x', n: 2 }]);
    });
  });
}
