import type { ReadCollection, ReadDocument } from '../read-store';
import { type ContractContext, ids, insertAll } from './contract-context';

interface Notice extends ReadDocument {
  readonly title: string;
  readonly status: string;
  readonly year: number;
  readonly tags?: readonly string[];
  readonly agency: { readonly code: string; readonly county: string };
  readonly items?: readonly { readonly kind: string; readonly amount: number }[];
}

const NOTICES: readonly Notice[] = [
  { _id: 'd1', title: 'Water quality report', status: 'PUBLISHED', year: 2021, tags: ['water', 'report'], agency: { code: 'A1', county: 'North' }, items: [{ kind: 'fine', amount: 500 }, { kind: 'warning', amount: 0 }] },
  { _id: 'd2', title: 'Air permit', status: 'DRAFT', year: 2022, tags: ['air'], agency: { code: 'A2', county: 'South' }, items: [{ kind: 'fine', amount: 1200 }] },
  { _id: 'd3', title: 'water discharge notice', status: 'PUBLISHED', year: 2023, tags: [], agency: { code: 'A1', county: 'South' }, items: [] },
  { _id: 'd4', title: 'Noise complaint', status: 'WITHDRAWN', year: 2022, tags: ['noise', 'report'], agency: { code: 'A3', county: 'North' }, items: [{ kind: 'warning', amount: 0 }] },
  { _id: 'd5', title: 'Soil survey', status: 'PUBLISHED', year: 2022, agency: { code: 'A2', county: 'North' } },
];

const BY_ID = { sort: { _id: 1 } } as const;

export function queryContract(ctx: ContractContext): void {
  async function notices(): Promise<ReadCollection<Notice>> {
    const { collection } = ctx.fresh<Notice>();
    await insertAll(collection, NOTICES);
    return collection;
  }

  describe('filters', () => {
    it.each([
      ['equality', { status: 'PUBLISHED' }, ['d1', 'd3', 'd5']],
      ['$in', { status: { $in: ['DRAFT', 'WITHDRAWN'] } }, ['d2', 'd4']],
      ['$regex with option i', { title: { $regex: '^water', $options: 'i' } }, ['d1', 'd3']],
      ['$gte and $lt', { year: { $gte: 2022, $lt: 2023 } }, ['d2', 'd4', 'd5']],
      ['$or', { $or: [{ status: 'DRAFT' }, { year: 2023 }] }, ['d2', 'd3']],
      ['$and', { $and: [{ status: 'PUBLISHED' }, { 'agency.county': 'North' }] }, ['d1', 'd5']],
      ['a dotted path', { 'agency.code': 'A1' }, ['d1', 'd3']],
      ['a value inside an array', { tags: 'report' }, ['d1', 'd4']],
      ['$all', { tags: { $all: ['noise', 'report'] } }, ['d4']],
      ['$size', { tags: { $size: 0 } }, ['d3']],
      ['a dotted path into an array of documents', { 'items.kind': 'warning' }, ['d1', 'd4']],
      ['$elemMatch', { items: { $elemMatch: { kind: 'fine', amount: { $gt: 1000 } } } }, ['d2']],
      ['$exists: false', { tags: { $exists: false } }, ['d5']],
      ['null, which matches a missing field', { tags: null }, ['d5']],
      ['$ne', { status: { $ne: 'PUBLISHED' } }, ['d2', 'd4']],
      ['$nin', { 'agency.code': { $nin: ['A1', 'A2'] } }, ['d4']],
      ['an _id', { _id: 'd4' }, ['d4']],
      ['an _id and another field that does not hold', { _id: 'd4', status: 'PUBLISHED' }, []],
      ['nothing', {}, ['d1', 'd2', 'd3', 'd4', 'd5']],
    ])('finds by %s', async (_name, filter, expected) => {
      const collection = await notices();
      expect(await ids(collection.find(filter, BY_ID))).toEqual(expected);
    });

    it('answers equality filters the same with indexes declared, and keeps the indexes in step with writes', async () => {
      const collection = await notices();
      await collection.createIndex({ keys: { status: 1 } });
      await collection.createIndex({ keys: { tags: 1 } });
      expect(await ids(collection.find({ status: 'PUBLISHED' }, BY_ID))).toEqual(['d1', 'd3', 'd5']);
      expect(await ids(collection.find({ tags: 'report', status: 'WITHDRAWN' }, BY_ID))).toEqual(['d4']);
      await collection.updateOne({ _id: 'd2' }, { $set: { status: 'PUBLISHED' }, $push: { tags: 'report' } });
      await collection.deleteOne({ _id: 'd1' });
      expect(await ids(collection.find({ status: 'PUBLISHED' }, BY_ID))).toEqual(['d2', 'd3', 'd5']);
      expect(await ids(collection.find({ status: 'DRAFT' }, BY_ID))).toEqual([]);
      expect(await ids(collection.find({ tags: 'report' }, BY_ID))).toEqual(['d2', 'd4']);
    });
  });

  describe('asking again', () => {
    it('answers the same query with what was written in between', async () => {
      const collection = await notices();
      const published = { status: 'PUBLISHED' };
      const page = () => ids(collection.find(published, { sort: { title: 1 }, skip: 1, limit: 2 }));
      expect(await page()).toEqual(['d1', 'd3']);
      expect(await collection.count(published)).toBe(3);
      await collection.updateOne({ _id: 'd2' }, { $set: { status: 'PUBLISHED', title: 'Air permit (approved)' } });
      expect(await page()).toEqual(['d5', 'd1']);
      expect(await collection.count(published)).toBe(4);
      await collection.updateOne({ _id: 'd5' }, { $set: { title: 'A soil survey' } });
      expect(await page()).toEqual(['d2', 'd1']);
      await collection.deleteOne({ _id: 'd2' });
      await collection.replaceOne({ _id: 'd6' }, { _id: 'd6', title: 'B', status: 'PUBLISHED', year: 2024, agency: { code: 'A1', county: 'North' } }, { upsert: true });
      expect(await page()).toEqual(['d6', 'd1']);
      expect(await collection.count(published)).toBe(4);
      expect(await collection.find({ ...published }, { sort: { title: -1 }, limit: 1 })).toMatchObject([{ _id: 'd3' }]);
    });

    it('answers from an equality inside $and, also on the first field of a compound index', async () => {
      const collection = await notices();
      await collection.createIndex({ keys: { status: 1, year: -1 } });
      await collection.createIndex({ keys: { 'agency.code': 1 } });
      expect(await ids(collection.find({ $and: [{ status: 'PUBLISHED' }, { year: { $gte: 2022 } }] }, BY_ID))).toEqual(['d3', 'd5']);
      expect(await ids(collection.find({ $and: [{ $and: [{ 'agency.code': 'A1' }] }, { status: 'PUBLISHED' }] }, BY_ID))).toEqual(['d1', 'd3']);
      expect(await collection.count({ $and: [{ status: 'DRAFT' }], year: 2022 })).toBe(1);
      await collection.updateOne({ _id: 'd4' }, { $set: { status: 'PUBLISHED' } });
      expect(await ids(collection.find({ $and: [{ status: 'PUBLISHED' }, { year: { $gte: 2022 } }] }, BY_ID))).toEqual(['d3', 'd4', 'd5']);
    });
  });

  describe('sort, skip, limit, projection, count', () => {
    it('sorts on several keys, descending first', async () => {
      const collection = await notices();
      expect(await ids(collection.find({}, { sort: { year: -1, _id: 1 } }))).toEqual(['d3', 'd2', 'd4', 'd5', 'd1']);
    });

    it('sorts on a dotted path', async () => {
      const collection = await notices();
      expect(await ids(collection.find({}, { sort: { 'agency.code': -1, _id: -1 } }))).toEqual(['d4', 'd5', 'd2', 'd3', 'd1']);
    });

    it('skips and limits after sorting', async () => {
      const collection = await notices();
      expect(await ids(collection.find({}, { sort: { _id: 1 }, skip: 1, limit: 2 }))).toEqual(['d2', 'd3']);
      expect(await ids(collection.find({}, { sort: { _id: 1 }, skip: 4 }))).toEqual(['d5']);
    });

    it('reads a limit of 0 as no limit, as MongoDB does', async () => {
      const collection = await notices();
      expect(await collection.find({}, { limit: 0 })).toHaveLength(5);
    });

    it('includes the projected fields and the _id', async () => {
      const collection = await notices();
      expect(await collection.find({ _id: 'd2' }, { projection: { title: 1 } })).toEqual([{ _id: 'd2', title: 'Air permit' }]);
    });

    it('excludes fields, and projects dotted paths without the _id', async () => {
      const collection = await notices();
      expect(await collection.find({ _id: 'd5' }, { projection: { agency: 0, title: 0 } })).toEqual([{ _id: 'd5', status: 'PUBLISHED', year: 2022 }]);
      expect(await collection.find({ _id: 'd5' }, { projection: { _id: 0, 'agency.code': 1 } })).toEqual([{ agency: { code: 'A2' } }]);
    });

    it('finds one document, the first in the given order, or null', async () => {
      const collection = await notices();
      expect((await collection.findOne({ status: 'PUBLISHED' }, { sort: { year: -1 } }))?._id).toBe('d3');
      expect(await collection.findOne({ _id: 'd1' }, { projection: { year: 1 } })).toEqual({ _id: 'd1', year: 2021 });
      expect(await collection.findOne({ status: 'ARCHIVED' })).toBeNull();
    });

    it('counts the matching documents', async () => {
      const collection = await notices();
      expect(await collection.count({ status: 'PUBLISHED' })).toBe(3);
      expect(await collection.count({ _id: 'd2' })).toBe(1);
      expect(await collection.count({})).toBe(5);
      expect(await collection.count({ year: { $gt: 2030 } })).toBe(0);
    });
  });
}
