import { Context } from 'mingo/core';
import * as expressionOperators from 'mingo/operators/expression';
import * as projectionOperators from 'mingo/operators/projection';
import * as queryOperators from 'mingo/operators/query';
import { Query } from 'mingo/query';
import type { AnyObject, Criteria } from 'mingo/types';
import { cloneDeep } from 'mingo/util';
import type { Filter, FindOptions } from '../read-store';
import { isPlainObject } from '../upsert-seed';
import type { CollectionData, QueryResult } from './collection-data';
import { isIndexable } from './equality-index';
import { isSealed } from './sealed-values';
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

/** Matches everything: sorts and projects lists already filtered. */
const EVERYTHING = compile({});

/** `{ _id: 'x' }` and nothing else: answered from the map, with no query to compile. */
function idOnly(filter: Filter): string | undefined {
  const id = filter['_id'];
  if (typeof id !== 'string') return undefined;
  for (const key in filter) if (key !== '_id') return undefined;
  return id;
}

/**
 * A condition every match must meet that the maps can answer: an `_id`, or an equality on a field
 * with an equality index, at the top level or inside a top-level `$and` (all of whose clauses must
 * hold, so any one of them narrows the search).
 */
function narrowing(data: CollectionData, filter: Filter): StoredDocument[] | undefined {
  const id = filter['_id'];
  if (typeof id === 'string') {
    const doc = data.docs.get(id);
    return doc ? [doc] : [];
  }
  for (const field in filter) {
    const value = filter[field];
    if (field === '$and') {
      if (!Array.isArray(value)) continue;
      for (const clause of value as readonly unknown[]) {
        const found = isPlainObject(clause) ? narrowing(data, clause) : undefined;
        if (found) return found;
      }
    } else if (isIndexable(value)) {
      const index = data.equalityIndex(field);
      if (index) return [...index.lookup(value)].map((key) => data.docs.get(key) as StoredDocument);
    }
  }
  return undefined;
}

/** The documents that may match: those `narrowing` finds, or all, in insertion order. */
function candidates(data: CollectionData, filter: Filter): Iterable<StoredDocument> {
  return narrowing(data, filter) ?? data.docs.values();
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
  const only = soleEquality(filter);
  // A document filed under the value because it holds exactly that value matches `{ field: value }`.
  const test = only ? (doc: StoredDocument) => doc[only.field] === only.value || query.test(doc) : (doc: StoredDocument) => query.test(doc);
  return [...candidates(data, filter)].filter(test);
}

/** `{ field: value }` with a top-level field and a scalar value, and nothing else. */
function soleEquality(filter: Filter): { readonly field: string; readonly value: unknown } | undefined {
  let sole: { field: string; value: unknown } | undefined;
  for (const field in filter) {
    if (sole || field.startsWith('$') || field.includes('.')) return undefined;
    const value = filter[field];
    if (!isIndexable(value)) return undefined;
    sole = { field, value };
  }
  return sole;
}

/** All matches, from the collection's cache when the filter can be keyed and was asked before since the last write. */
function matchesOf(data: CollectionData, filter: Filter): { readonly result: QueryResult; readonly key?: string } {
  const key = filterKey(filter);
  const cached = key === undefined ? undefined : data.cachedQuery(key);
  if (cached) return { result: cached, key };
  const result: QueryResult = { matches: allMatches(data, filter), sorted: new Map() };
  if (key !== undefined) data.cacheQuery(key, result);
  return { result, key };
}

export function countMatches(data: CollectionData, filter: Filter): number {
  if (Object.keys(filter).length === 0) return data.docs.size;
  const id = idOnly(filter);
  if (id !== undefined) return data.docs.has(id) ? 1 : 0;
  return matchesOf(data, filter).result.matches.length;
}

/**
 * Filter, sort, skip, limit and project as MongoDB's `find`. Stored documents are handed out as
 * they are when sealed (frozen: the caller cannot change the store through them), copied otherwise.
 * The matches of a filter, and their order under each sort, are kept until the next write, so a
 * page asked for again is a slice.
 */
export function select(data: CollectionData, filter: Filter, find: FindOptions = {}): AnyObject[] {
  const id = idOnly(filter);
  if (id !== undefined && !find.projection) {
    const doc = data.docs.get(id);
    return doc && !find.skip ? [handOut(doc)] : [];
  }
  const { skip, limit, sort, projection } = find;
  if (!isCount(skip) || !isCount(limit)) return selectUncached(data, filter, find);
  const { result } = matchesOf(data, filter);
  let ordered = result.matches;
  if (sort) {
    const sortKey = JSON.stringify(sort);
    const sorted = result.sorted.get(sortKey) ?? sortedDocuments(result.matches, sort);
    result.sorted.set(sortKey, sorted);
    ordered = sorted;
  }
  // MongoDB reads a limit of 0 as "no limit".
  const page = ordered.slice(skip ?? 0, limit ? (skip ?? 0) + limit : undefined);
  if (projection) return project(data, page, projection);
  return data.allSealed ? page : page.map(handOut);
}

/**
 * `docs` in the order of `sort`, as mingo's `$sort` orders them. Mingo sorts one key at a time,
 * last key first, grouping equal values and keeping each group in the order it had; for string
 * values it orders the groups by code units. That is a stable sort by the keys in turn, ties left in
 * their order, which this does in one pass when every key of every document is a string on a
 * path of plain objects (a catalogue's names and ids). Anything else is left to mingo.
 */
function sortedDocuments(docs: readonly StoredDocument[], sort: NonNullable<FindOptions['sort']>): StoredDocument[] {
  const fields = Object.keys(sort);
  const directions = fields.map((field) => sort[field]);
  const keys = fields.length && directions.every((d) => d === 1 || d === -1) ? fields.map((field) => stringsAt(docs, field)) : [];
  if (!keys.length || keys.some((values) => values === undefined)) return EVERYTHING.find<AnyObject>(docs).sort(sort).all() as StoredDocument[];
  const columns = keys as string[][];
  const order = docs.map((_, index) => index);
  order.sort((a, b) => {
    for (let k = 0; k < columns.length; k++) {
      const x = columns[k][a];
      const y = columns[k][b];
      if (x !== y) return (x < y ? -1 : 1) * directions[k];
    }
    return a - b;
  });
  return order.map((index) => docs[index]);
}

/** The string at `path` in each document, or undefined when one holds anything else there (or an array on the way). */
function stringsAt(docs: readonly StoredDocument[], path: string): string[] | undefined {
  const segments = path.split('.');
  const values: string[] = new Array(docs.length);
  for (let index = 0; index < docs.length; index++) {
    let value: unknown = docs[index];
    for (const segment of segments) {
      if (!isPlainObject(value)) return undefined;
      value = value[segment];
    }
    if (typeof value !== 'string') return undefined;
    values[index] = value;
  }
  return values;
}

/** The way mingo's cursor does it, for a skip or limit that is not a plain count. */
function selectUncached(data: CollectionData, filter: Filter, find: FindOptions): AnyObject[] {
  const cursor = compile(filter).find<AnyObject>(candidates(data, filter), find.projection ?? {});
  if (find.sort) cursor.sort(find.sort);
  if (find.skip) cursor.skip(find.skip);
  if (find.limit) cursor.limit(find.limit);
  const docs = cursor.all();
  return find.projection && data.allSealed ? docs : docs.map((doc) => (isSealed(doc) ? doc : cloneDeep(doc)));
}

function project(data: CollectionData, docs: readonly StoredDocument[], projection: NonNullable<FindOptions['projection']>): AnyObject[] {
  const projected = EVERYTHING.find<AnyObject>(docs, projection).all();
  // A projection is a new object around parts of the stored one: safe to share when those are sealed.
  return data.allSealed ? projected : projected.map((doc) => cloneDeep(doc));
}

function handOut(doc: StoredDocument): AnyObject {
  return isSealed(doc) ? doc : cloneDeep(doc);
}

function isCount(value: number | undefined): boolean {
  return value === undefined || (Number.isInteger(value) && value >= 0);
}

/**
 * A text that names the filter exactly (types, key order and all), or undefined when it holds a
 * value this cannot name (a function, an undefined field, a class instance), which is not cached.
 */
export function filterKey(filter: Filter): string | undefined {
  return keyOf(filter, 0);
}

function keyOf(value: unknown, depth: number): string | undefined {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return Object.is(value, -0) ? 'n-0' : `n${value}`;
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object': {
      if (value === null) return 'null';
      if (depth > 32) return undefined;
      // A global or sticky expression keeps state between tests: its answers are not to be kept.
      if (value instanceof RegExp) return value.global || value.sticky ? undefined : `r${JSON.stringify(value.source)}/${value.flags}`;
      if (value instanceof Date) return `d${value.getTime()}`;
      if (Array.isArray(value)) {
        let text = '[';
        for (const item of value as readonly unknown[]) {
          const part = keyOf(item, depth + 1);
          if (part === undefined) return undefined;
          text += `${part},`;
        }
        return `${text}]`;
      }
      if (!isPlainObject(value)) return undefined;
      let text = '{';
      for (const field in value) {
        const part = keyOf(value[field], depth + 1);
        if (part === undefined) return undefined;
        text += `${JSON.stringify(field)}:${part},`;
      }
      return `${text}}`;
    }
    default:
      return undefined;
  }
}
