import { Context } from 'mingo/core';
import * as expressionOperators from 'mingo/operators/expression';
import * as projectionOperators from 'mingo/operators/projection';
import * as queryOperators from 'mingo/operators/query';
import { Query } from 'mingo/query';
import type { AnyObject } from 'mingo/types';
import type { Filter, SortSpec } from '../read-store';
import { CollectionData } from './collection-data';
import { countMatches, select } from './query';
import { sealedCopy } from './sealed-values';
import type { StoredDocument } from './stored-document';

const mingo = { context: Context.init({ query: queryOperators, projection: projectionOperators, expression: expressionOperators }), scriptEnabled: false };

/** What mingo's cursor answers over the documents in insertion order: the reference. */
const reference = (docs: readonly StoredDocument[], filter: Filter, sort?: SortSpec, skip = 0, limit = 0): string[] => {
  const cursor = new Query(filter as AnyObject, mingo).find<AnyObject>(docs as unknown as AnyObject[]);
  if (sort) cursor.sort(sort);
  if (skip) cursor.skip(skip);
  if (limit) cursor.limit(limit);
  return cursor.all().map((doc) => doc['_id'] as string);
};

describe('select on the in-memory store, against mingo', () => {
  let seed = 11;
  const random = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  const names = ['b', 'B', 'a', 'é', 'ab', 'a b', '10', '9', ''];
  const doc = (index: number): StoredDocument => {
    const value = (): unknown => [names[random(names.length)], names[random(names.length)], random(3), undefined, null, ['a']][random(8) % 6];
    const fields: Record<string, unknown> = { _id: `d${index}`, listed: random(3) > 0 ? true : random(2) === 0 ? false : [true], kind: names[random(3)] };
    if (random(5) > 0) fields['published'] = random(6) > 0 ? { guide: { name: random(4) > 0 ? names[random(names.length)] : value() } } : null;
    fields['name'] = random(6) > 0 ? names[random(names.length)] : value();
    return sealedCopy(fields) as StoredDocument;
  };

  it('finds, sorts, pages and counts as mingo does, with and without indexes, asked once or again', () => {
    for (let round = 0; round < 60; round++) {
      const data = new CollectionData('c');
      if (round % 2) data.createIndex({ keys: { listed: 1, 'published.guide.name': 1 } });
      if (round % 3) data.createIndex({ keys: { kind: 1 } });
      const docs = Array.from({ length: 5 + random(40) }, (_, index) => doc(index));
      for (const d of docs) data.write(undefined, d);
      const filters: Filter[] = [{}, { listed: true }, { $and: [{ listed: true }, { kind: 'b' }] }, { kind: 'B', listed: { $ne: false } }, { published: { $ne: null } }, { 'published.guide.name': { $type: 'string' } }, { name: { $type: 'string' } }];
      const sorts: (SortSpec | undefined)[] = [undefined, { 'published.guide.name': 1, _id: 1 }, { name: -1, _id: 1 }, { kind: 1 }, { name: 1, kind: -1 }];
      for (const filter of filters) {
        for (const sort of sorts) {
          const skip = random(3) * 4;
          const limit = random(3) * 5;
          for (let again = 0; again < 2; again++) {
            expect(select(data, filter, { sort, skip, limit }).map((d) => d['_id'])).toEqual(reference(docs, filter, sort, skip, limit));
            expect(countMatches(data, filter)).toBe(reference(docs, filter).length);
          }
        }
      }
    }
  });
});
