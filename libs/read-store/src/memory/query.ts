import { Context } from 'mingo/core';
import * as expressionOperators from 'mingo/operators/expression';
import * as projectionOperators from 'mingo/operators/projection';
import * as queryOperators from 'mingo/operators/query';
import { Query } from 'mingo/query';
import type { AnyObject, Criteria } from 'mingo/types';
import { cloneDeep } from 'mingo/util';
import type { Filter, FindOptions } from '../read-store';
import type { CollectionData } from './collection-data';
import { isIndexable } from './equality-index';
import type { StoredDocument } from './stored-document';

// Built once: mingo copies the operator tables of the context on every query it compiles, so the
// context holds only what a filter or a projection can use (the root `mingo` export carries them all
// and compiles at half the speed). Scripts (`$where`) are off: filters may be shaped by API input.
const options = {
  context: Context.init({ query: queryOperators, projection: projectionOperators, expression: expressionOperators }),
  scriptEnabled: false,
};

function compile(filter: Filter): Query {
  return new Query(filter as Criteria<AnyObject>, options);
}

/** `{ _id: 'x' }` and nothing else: answered from the map, with no query to compile. */
function idOnly(filter: Filter): string | undefined {
  const id = filter['_id'];
  if (typeof id !== 'string') return undefined;
  for (const key in filter) if (key !== '_id') return undefined;
  return id;
}

/** The documents that may match: the one with the filter's `_id`, an equality index bucket, or all. */
function candidates(data: CollectionData, filter: Filter): Iterable<StoredDocument> {
  const id = filter['_id'];
  if (typeof id === 'string') {
    const doc = data.docs.get(id);
    return doc ? [doc] : [];
  }
  for (const [field, value] of Object.entries(filter)) {
    const index = isIndexable(value) ? data.equalityIndex(field) : undefined;
    if (index && isIndexable(value)) return [...index.lookup(value)].map((key) => data.docs.get(key) as StoredDocument);
  }
  return data.docs.values();
}

/** The first match in insertion order, as MongoDB picks "one" document for updates and deletes. */
export function firstMatch(data: CollectionData, filter: Filter): StoredDocument | undefined {
  const id = idOnly(filter);
  if (id !== undefined) return data.docs.get(id);
  const query = compile(filter);
  for (const doc of candidates(data, filter)) if (query.test(doc)) return doc;
  return undefined;
}

export function allMatches(data: CollectionData, filter: Filter): StoredDocument[] {
  const query = compile(filter);
  return [...candidates(data, filter)].filter((doc) => query.test(doc));
}

export function countMatches(data: CollectionData, filter: Filter): number {
  if (Object.keys(filter).length === 0) return data.docs.size;
  const id = idOnly(filter);
  if (id !== undefined) return data.docs.has(id) ? 1 : 0;
  return allMatches(data, filter).length;
}

/** Filter, sort, skip, limit and project as MongoDB's `find`, returning copies the caller may keep. */
export function select(data: CollectionData, filter: Filter, find: FindOptions = {}): AnyObject[] {
  const id = idOnly(filter);
  if (id !== undefined && !find.projection) {
    const doc = data.docs.get(id);
    return doc && !find.skip ? [cloneDeep(doc)] : [];
  }
  const cursor = compile(filter).find<AnyObject>(candidates(data, filter), find.projection ?? {});
  if (find.sort) cursor.sort(find.sort);
  if (find.skip) cursor.skip(find.skip);
  // MongoDB reads a limit of 0 as "no limit".
  if (find.limit) cursor.limit(find.limit);
  return cursor.all().map((doc) => cloneDeep(doc));
}
