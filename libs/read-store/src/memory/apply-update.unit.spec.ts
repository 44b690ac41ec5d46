import { cloneDeep } from 'mingo/util';
import type { UpdateOperators } from '../read-store';
import { applyUpdate, updatedDocument } from './apply-update';
import { isSealed, NOT_SEALABLE, sealedCopy } from './sealed-values';

type Doc = Record<string, unknown>;

const sealed = (doc: Doc): Doc => {
  const copy = sealedCopy(doc);
  if (copy === NOT_SEALABLE) throw new Error('not sealable');
  return copy as Doc;
};

/** What mingo's path makes of it: the reference the immutable path must match. */
const throughMingo = (doc: Doc, update: UpdateOperators, inserting = false): { doc: Doc; changed: boolean } | { error: string } => {
  const copy = cloneDeep(doc) as Doc;
  try {
    return { changed: applyUpdate(copy, update, {}, inserting), doc: copy };
  } catch (error) {
    return { error: String(error) };
  }
};

const isDeepFrozen = (value: unknown): boolean =>
  typeof value !== 'object' || value === null || (Object.isFrozen(value) && isSealed(value) && Object.values(value).every(isDeepFrozen));

describe('updatedDocument, the immutable path of updateOne', () => {
  const base: Doc = { _id: 'x', n: 5, s: 'b', list: ['a'], nested: { c: 1, deep: { d: 2 } }, nothing: null, versions: [{ v: 1 }] };

  it.each<[string, UpdateOperators]>([
    ['$set of new and existing fields', { $set: { n: 6, t: 'new', 'nested.c': 3 } }],
    ['$set of an equal value', { $set: { n: 5, nested: { deep: { d: 2 }, c: 1 } } }],
    ['$set through missing and null parents', { $set: { 'a.b.c': 1, 'nothing.x': true } }],
    ['$set of a whole sub-document and an array', { $set: { nested: { c: [1, { e: null }] }, list: [] } }],
    ['$set of undefined', { $set: { gone: undefined } }],
    ['$unset of present, missing and nested fields', { $unset: { n: '', missing: '', 'nested.deep.d': '', 'none.x': '' } }],
    ['$inc on a number and on missing fields', { $inc: { n: -2, m: 3, 'nested.deep.e': 1 } }],
    ['$inc by 0', { $inc: { n: 0 } }],
    ['$push onto an array and a missing field', { $push: { list: 'b', other: { o: 1 }, 'nested.l': [1] } }],
    ['$max and $min', { $max: { n: 9, s: 'a', fresh: 1 }, $min: { 'nested.c': 0, missing: 'z' } }],
    ['$max and $min that change nothing', { $max: { n: 1 }, $min: { s: 'c' } }],
    ['several operators at once', { $set: { s: 'y' }, $inc: { n: 1 }, $push: { versions: { v: 2 } }, $unset: { nothing: '' } }],
    ['$setOnInsert, ignored on update', { $set: { s: 'z' }, $setOnInsert: { created: true } }],
  ])('matches mingo for %s', (_name, update) => {
    const target = sealed(base);
    const immutable = updatedDocument(target, update, false);
    expect(immutable).toBeDefined();
    expect(immutable).toStrictEqual(throughMingo(base, update));
    expect(target).toEqual(base);
    expect(isDeepFrozen(immutable!.doc)).toBe(true);
  });

  it('applies $setOnInsert on insert, leaving the _id to the caller', () => {
    const update = { $set: { a: 1 }, $setOnInsert: { _id: 'other', created: 'u1', 'meta.by': 'x' } };
    const immutable = updatedDocument(sealed({ _id: 'x' }), update, true);
    expect(immutable).toEqual(throughMingo({ _id: 'x' }, update, true));
    expect(immutable?.doc).toEqual({ _id: 'x', a: 1, created: 'u1', meta: { by: 'x' } });
  });

  it('shares what did not change and copies the paths that did', () => {
    const target = sealed(base);
    const { doc } = updatedDocument(target, { $set: { 'nested.c': 2 }, $push: { list: 'b' } }, false)!;
    expect(doc['versions']).toBe(target['versions']);
    expect((doc['nested'] as Doc)['deep']).toBe((target['nested'] as Doc)['deep']);
    expect(doc['nested']).not.toBe(target['nested']);
    expect(target['list']).toEqual(['a']);
  });

  it('shares a sealed value read from the store, and copies a caller value', () => {
    const target = sealed(base);
    const callerValue = { k: [1] };
    const { doc } = updatedDocument(target, { $set: { fromStore: target['nested'], fromCaller: callerValue } }, false)!;
    expect(doc['fromStore']).toBe(target['nested']);
    expect(doc['fromCaller']).not.toBe(callerValue);
    callerValue.k.push(2);
    expect(doc['fromCaller']).toEqual({ k: [1] });
  });

  it.each<[string, UpdateOperators]>([
    ['an operator it does not take', { $addToSet: { list: 'a' } }],
    ['a positional path', { $set: { 'versions.$.v': 3 } }],
    ['an array index', { $set: { 'versions.0.v': 3 } }],
    ['a path through an array', { $set: { 'list.x': 1 } }],
    ['a path through a scalar', { $set: { 'n.x': 1 } }],
    ['the _id', { $set: { _id: 'y' } }],
    ['overlapping paths', { $set: { nested: {}, 'nested.c': 1 } }],
    ['the same path under two operators', { $set: { n: 1 }, $inc: { n: 1 } }],
    ['$push with modifiers', { $push: { list: { $each: ['b'] } } }],
    ['$push onto a non-array', { $push: { n: 1 } }],
    ['$inc of a string', { $inc: { s: 1 } }],
    ['$inc by a string', { $inc: { n: '1' } as unknown as Record<string, unknown> }],
    ['$max across types', { $max: { s: 1 } }],
    ['a date value', { $set: { at: new Date(0) } }],
    ['no operator', {}],
  ])('leaves %s to mingo', (_name, update) => {
    expect(updatedDocument(sealed(base), update, false)).toBeUndefined();
  });

  it('takes only sealed documents', () => {
    expect(updatedDocument({ _id: 'x', n: 1 }, { $set: { n: 2 } }, false)).toBeUndefined();
  });

  it('agrees with mingo on random updates of random documents', () => {
    let seed = 7;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const pick = <T>(items: readonly T[]): T => items[random(items.length)];
    const values = (): unknown => pick([0, 1, -1, 2.5, 'a', 'b', '', true, false, null, undefined, [], [1], { x: 1 }, { y: [null] }]);
    const fields = ['a', 'b', 'c'];
    const randomDoc = (depth: number): Doc => {
      const doc: Doc = {};
      for (const field of fields) if (random(3) > 0) doc[field] = depth < 2 && random(3) === 0 ? randomDoc(depth + 1) : values();
      return doc;
    };
    const randomPath = (): string => Array.from({ length: 1 + random(3) }, () => pick(fields)).join('.');
    const operators = ['$set', '$unset', '$inc', '$push', '$max', '$min'];
    const operand = (op: string): unknown =>
      op === '$inc' ? pick([1, -2, 0, 0.5]) : op === '$max' || op === '$min' ? pick([0, 3, 'a', 'z']) : values();
    let compared = 0;
    for (let round = 0; round < 3000; round++) {
      const doc = { _id: 'x', ...randomDoc(0) };
      const update: Record<string, Record<string, unknown>> = {};
      for (let n = 0; n < 1 + random(3); n++) {
        const op = pick(operators);
        update[op] = { ...update[op], [randomPath()]: operand(op) };
      }
      const immutable = updatedDocument(sealed(doc), update as UpdateOperators, false);
      if (!immutable) continue;
      compared++;
      expect({ doc, update, result: immutable }).toStrictEqual({ doc, update, result: throughMingo(doc, update as UpdateOperators) });
    }
    expect(compared).toBeGreaterThan(1000);
  });
});
