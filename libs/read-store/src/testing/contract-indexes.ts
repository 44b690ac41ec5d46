import { DuplicateKeyError } from '../errors';
import type { ReadDocument } from '../read-store';
import { type ContractContext, insertAll } from './contract-context';

type Doc = ReadDocument & Record<string, unknown>;

export function indexContract(ctx: ContractContext): void {
  describe('unique indexes', () => {
    it('rejects a second document with a taken key, naming collection, index and key', async () => {
      const { name, collection } = ctx.fresh<Doc>();
      await collection.createIndex({ keys: { email: 1 }, unique: true });
      await insertAll(collection, [{ _id: 'a', email: 'a@x.cn' }]);
      const attempt = collection.replaceOne({ _id: 'b' }, { _id: 'b', email: 'a@x.cn' }, { upsert: true });
      await expect(attempt).rejects.toBeInstanceOf(DuplicateKeyError);
      await expect(attempt).rejects.toMatchObject({ collection: name, index: 'email_1', key: { email: 'a@x.cn' }, code: 'READ_STORE_DUPLICATE_KEY' });
      await expect(attempt).rejects.toThrow(/unique index "email_1"/);
      expect(await collection.count({})).toBe(1);
    });

    it('rejects an update onto a taken key and leaves the document as it was', async () => {
      const { collection } = ctx.fresh<Doc>();
      await collection.createIndex({ keys: { email: 1 }, unique: true, name: 'by_email' });
      await insertAll(collection, [{ _id: 'a', email: 'a@x.cn' }, { _id: 'b', email: 'b@x.cn', n: 1 }]);
      await expect(collection.updateOne({ _id: 'b' }, { $set: { email: 'a@x.cn', n: 2 } })).rejects.toMatchObject({ index: 'by_email' });
      expect(await collection.findOne({ _id: 'b' })).toEqual({ _id: 'b', email: 'b@x.cn', n: 1 });
    });

    it('frees a key when its holder changes or goes', async () => {
      const { collection } = ctx.fresh<Doc>();
      await collection.createIndex({ keys: { email: 1 }, unique: true });
      await insertAll(collection, [{ _id: 'a', email: 'a@x.cn' }, { _id: 'b', email: 'b@x.cn' }]);
      await collection.updateOne({ _id: 'a' }, { $set: { email: 'c@x.cn' } });
      await collection.updateOne({ _id: 'b' }, { $set: { email: 'a@x.cn' } });
      await collection.deleteOne({ _id: 'b' });
      await insertAll(collection, [{ _id: 'd', email: 'a@x.cn' }]);
      expect(await collection.count({})).toBe(2);
    });

    it('takes a compound key as a whole', async () => {
      const { collection } = ctx.fresh<Doc>();
      await collection.createIndex({ keys: { agency: 1, number: 1 }, unique: true });
      await insertAll(collection, [{ _id: 'a', agency: 'A1', number: 7 }, { _id: 'b', agency: 'A2', number: 7 }]);
      const attempt = insertAll(collection, [{ _id: 'c', agency: 'A1', number: 7 }]);
      await expect(attempt).rejects.toMatchObject({ index: 'agency_1_number_1', key: { agency: 'A1', number: 7 } });
    });

    it('counts a missing field as null: two documents without it collide, as in MongoDB', async () => {
      const { collection } = ctx.fresh<Doc>();
      await collection.createIndex({ keys: { email: 1 }, unique: true });
      await insertAll(collection, [{ _id: 'a' }]);
      await expect(insertAll(collection, [{ _id: 'b' }])).rejects.toBeInstanceOf(DuplicateKeyError);
    });

    it('refuses to create a unique index over duplicates already stored', async () => {
      const { collection } = ctx.fresh<Doc>();
      await insertAll(collection, [{ _id: 'a', code: 'c' }, { _id: 'b', code: 'c' }]);
      await expect(collection.createIndex({ keys: { code: 1 }, unique: true })).rejects.toBeInstanceOf(DuplicateKeyError);
      await insertAll(collection, [{ _id: 'c', code: 'c' }]);
      expect(await collection.count({ code: 'c' })).toBe(3);
    });

    it('treats declaring the same index again as done', async () => {
      const { collection } = ctx.fresh<Doc>();
      await collection.createIndex({ keys: { code: 1 }, unique: true });
      await expect(collection.createIndex({ keys: { code: 1 }, unique: true })).resolves.toBeUndefined();
    });

    it('rejects an upsert that would repeat an existing _id', async () => {
      const { collection } = ctx.fresh<Doc>();
      await insertAll(collection, [{ _id: 'a', v: 1 }]);
      const attempt = collection.replaceOne({ _id: 'a', v: 2 }, { _id: 'a', v: 3 }, { upsert: true });
      await expect(attempt).rejects.toMatchObject({ index: '_id_', key: { _id: 'a' } });
    });
  });
}
