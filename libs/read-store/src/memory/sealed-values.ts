import { isPlainObject } from '../upsert-seed';

/**
 * Stored documents are immutable. A write never changes a stored document: it builds the next one,
 * sharing the parts that did not change, and freezes it. So a read can hand out what is stored,
 * without copying it, and the caller still cannot change the store through it.
 *
 * Freezing makes a value immutable only when it is made of JSON-like values (null, booleans,
 * numbers, strings, plain objects and arrays; `undefined` and other primitives too), which is what
 * read models hold. Such a value, frozen all the way down, is *sealed*, and may be shared between
 * documents and with callers. A document holding anything else (a Date, a Map, a class instance)
 * is *open*: stored unfrozen and copied on every read and write, as all documents were before. So
 * a stored document is sealed exactly when it is frozen.
 */

/** What `sealedCopy` returns for a value that holds something freezing cannot protect. */
export const NOT_SEALABLE: unique symbol = Symbol('not sealable');

/** Deeper than any read model: most likely a cycle, which the copying path reports properly. */
const MAX_DEPTH = 200;

/** Whether a document the store holds is sealed (the store freezes only documents it sealed whole). */
export function isSealed(doc: unknown): boolean {
  return typeof doc === 'object' && doc !== null && Object.isFrozen(doc);
}

/** Freezes a value built here from sealed parts and primitives only. */
export function seal<T extends object>(value: T): T {
  return Object.freeze(value);
}

/** Whether `value` (an object) is frozen, plain or an array, and so are all objects in it. */
function isSealedValue(value: object, depth: number): boolean {
  if (!Object.isFrozen(value) || depth > MAX_DEPTH) return false;
  if (Array.isArray(value)) {
    for (const item of value as readonly unknown[]) if (!isSealedItem(item, depth)) return false;
    return true;
  }
  if (!isPlainObject(value)) return false;
  for (const key of Object.keys(value)) if (!isSealedItem(value[key], depth)) return false;
  return true;
}

function isSealedItem(item: unknown, depth: number): boolean {
  if (typeof item === 'function') return false;
  return typeof item !== 'object' || item === null || isSealedValue(item, depth + 1);
}

/**
 * A sealed copy of `value`: parts already sealed (read from the store, most often) are shared,
 * everything else copied (plain objects become `{}` objects, holes in arrays `undefined`, as
 * mingo's cloneDeep copies them) and frozen.
 */
export function sealedCopy(value: unknown, depth = 0): unknown {
  if (typeof value !== 'object') return typeof value === 'function' ? NOT_SEALABLE : value;
  if (value === null || isSealedValue(value, depth)) return value;
  if (depth > MAX_DEPTH) return NOT_SEALABLE;
  if (Array.isArray(value)) {
    const items = value as readonly unknown[];
    const copy: unknown[] = new Array(items.length);
    for (let index = 0; index < items.length; index++) {
      const item = sealedCopy(items[index], depth + 1);
      if (item === NOT_SEALABLE) return NOT_SEALABLE;
      copy[index] = item;
    }
    return seal(copy);
  }
  if (!isPlainObject(value)) return NOT_SEALABLE;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    // Assigning `__proto__` would set the prototype: left to the copying path, which does as before.
    if (key === '__proto__') return NOT_SEALABLE;
    const item = sealedCopy(value[key], depth + 1);
    if (item === NOT_SEALABLE) return NOT_SEALABLE;
    copy[key] = item;
  }
  return seal(copy);
}

/**
 * Deep equality of JSON-like values, as mingo's `isEqual` decides it for them (a plain object
 * without prototype counts as a plain object, since the store would hold it as one). Anything else
 * is unequal unless identical, which only makes an update take the general path.
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b || Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let index = 0; index < a.length; index++) if (!sameValue(a[index], b[index])) return false;
    return true;
  }
  if (Array.isArray(b) || !isPlainObject(a) || !isPlainObject(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const key of keys) if (!Object.prototype.hasOwnProperty.call(b, key) || !sameValue(a[key], b[key])) return false;
  return true;
}
