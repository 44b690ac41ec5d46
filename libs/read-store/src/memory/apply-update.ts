import * as updateOperators from 'mingo/operators/update';
import type { AnyObject } from 'mingo/types';
import { update as fullUpdate, type Modifier } from 'mingo/updater';
import { cloneDeep } from 'mingo/util';
import type { Filter, UpdateOperators } from '../read-store';
import { isPlainObject } from '../upsert-seed';
import { isSealed, NOT_SEALABLE, seal, sameValue, sealedCopy } from './sealed-values';

type Operator = (expr: AnyObject) => (doc: AnyObject) => string[];
// mingo types some operands narrowly (`$inc` numbers, `$unset` '') and checks them itself at run time.
const OPERATORS = { ...updateOperators } as Readonly<Record<string, Operator>>;

/**
 * Applies MongoDB update operators to `doc` in place and tells whether anything changed.
 * `$setOnInsert` counts only when `inserting` (its `_id`, if any, is the caller's to place).
 *
 * Plain paths go straight to mingo's operator functions: `mingo/updater`'s `update` rebuilds its
 * options and operator tables on every call, which is six times slower, and a rebuild applies tens
 * of thousands of updates a second. Positional paths (`a.$.b`, `a.$[x]`), `$rename` and paths that
 * overlap across operators take the updater's road, which resolves `$` against the filter and
 * rejects conflicts as MongoDB does.
 */
export function applyUpdate(doc: AnyObject, update: UpdateOperators, filter: Filter, inserting: boolean): boolean {
  if (Object.keys(update).length === 0) throw new Error('An update needs at least one operator, such as $set.');
  // A copy, so that no value the caller passed is ever shared with the stored document.
  const { $setOnInsert, ...rest } = cloneDeep(update) as Record<string, AnyObject>;
  for (const op of Object.keys(rest)) if (!OPERATORS[op]) throw new Error(`Unsupported update operator ${op}.`);
  let changed = false;
  if (needsUpdater(rest)) changed = fullUpdate(doc, rest as Modifier<AnyObject>, [], filter as AnyObject).length > 0;
  else for (const [op, expr] of Object.entries(rest)) changed = OPERATORS[op](expr)(doc).length > 0 || changed;
  if (inserting && $setOnInsert) {
    const { _id: _ignored, ...fields } = $setOnInsert;
    if (Object.keys(fields).length) changed = OPERATORS['$set'](fields)(doc).length > 0 || changed;
  }
  return changed;
}

function needsUpdater(modifier: Record<string, AnyObject>): boolean {
  if ('$rename' in modifier) return true;
  const paths = Object.values(modifier).flatMap((expr) => Object.keys(expr));
  if (paths.some((path) => path.includes('$'))) return true;
  return paths.some((a, i) => paths.some((b, j) => i !== j && (a === b || b.startsWith(`${a}.`))));
}

/** One field of one operator: `key` as written, `path` its parts. */
type Step = { readonly op: string; readonly key: string; readonly path: readonly string[]; readonly value: unknown };

/** Operators the immutable path knows, on plain paths, with MongoDB's (mingo's) meaning. */
const IMMUTABLE_OPERATORS = new Set(['$set', '$unset', '$inc', '$push', '$max', '$min']);
const PUSH_MODIFIERS = ['$each', '$slice', '$sort', '$position'];

/**
 * The document `update` makes of `target`, a sealed stored document, built beside it: the objects along each
 * updated path are copied, everything else is shared, and the result is sealed. `changed` is what
 * `applyUpdate` would report. Undefined when the update needs the general path: an operator or
 * path this one does not take (positional, array index, `_id`, overlapping paths), a field in the
 * way that is not a plain object, or a value that cannot be sealed. There, mingo decides (and
 * raises its errors) exactly as before.
 */
export function updatedDocument(
  target: Readonly<Record<string, unknown>>,
  update: UpdateOperators,
  inserting: boolean,
): { readonly doc: Record<string, unknown>; readonly changed: boolean } | undefined {
  if (!isSealed(target)) return undefined;
  const steps = plannedSteps(update, inserting);
  if (!steps) return undefined;
  const next: Record<string, unknown> = { ...target };
  const fresh = new Set<object>([next]);
  let changed = false;
  for (const { op, path, value } of steps) {
    let parent = next;
    let reachable = true;
    for (let depth = 0; depth < path.length - 1; depth++) {
      const key = path[depth];
      const current = parent[key];
      let child: Record<string, unknown>;
      if (current === undefined || current === null) {
        if (op === '$unset') {
          reachable = false; // $unset builds no path: nothing to remove
          break;
        }
        child = {};
      } else if (!isPlainObject(current)) {
        return undefined;
      } else if (fresh.has(current)) {
        parent = current;
        continue;
      } else {
        child = { ...current };
      }
      fresh.add(child);
      parent[key] = child;
      parent = child;
    }
    if (!reachable) continue;
    const outcome = applyStep(parent, path[path.length - 1], op, value, fresh);
    if (outcome === undefined) return undefined;
    changed = outcome || changed;
  }
  for (const node of fresh) seal(node);
  return { doc: next, changed };
}

function plannedSteps(update: UpdateOperators, inserting: boolean): Step[] | undefined {
  const steps: Step[] = [];
  let operators = 0;
  for (const op of Object.keys(update)) {
    operators++;
    if (op === '$setOnInsert') continue;
    if (!IMMUTABLE_OPERATORS.has(op)) return undefined;
    const expr = update[op as `$${string}`];
    if (!isPlainObject(expr)) return undefined;
    for (const path of Object.keys(expr)) {
      const value = expr[path];
      const segments = plainPath(path);
      if (!segments || !acceptsValue(op, value)) return undefined;
      steps.push({ op, key: path, path: segments, value });
    }
  }
  if (operators === 0 || overlapping(steps)) return undefined;
  const onInsert = update['$setOnInsert'];
  if (inserting && onInsert !== undefined) {
    if (!isPlainObject(onInsert)) return undefined;
    const insertSteps: Step[] = [];
    for (const path of Object.keys(onInsert)) {
      if (path === '_id') continue; // the caller placed it
      const segments = plainPath(path);
      if (!segments) return undefined;
      insertSteps.push({ op: '$set', key: path, path: segments, value: onInsert[path] });
    }
    if (overlapping(insertSteps)) return undefined;
    steps.push(...insertSteps);
  }
  return steps;
}

// Projections write the same few paths over and over: each is parsed once.
const PARSED_PATHS_LIMIT = 4096;
const parsedPaths = new Map<string, readonly string[] | null>();

/** `a.b.c` with every part a field name: no `$`, no array index, not `_id`, nothing empty. */
function plainPath(path: string): readonly string[] | undefined {
  let segments = parsedPaths.get(path);
  if (segments === undefined) {
    segments = parsePlainPath(path);
    if (parsedPaths.size < PARSED_PATHS_LIMIT) parsedPaths.set(path, segments);
  }
  return segments ?? undefined;
}

function parsePlainPath(path: string): readonly string[] | null {
  if (path.includes('$')) return null;
  const segments = path.split('.');
  if (segments[0] === '_id') return null;
  for (const segment of segments) {
    if (segment === '' || segment === '__proto__' || /^\d+$/.test(segment)) return null;
  }
  return Object.freeze(segments);
}

/** Two paths the same, or one inside the other (`a` and `a.b`). */
function overlapping(steps: readonly Step[]): boolean {
  for (let i = 0; i < steps.length; i++) {
    const a = steps[i].key;
    for (let j = 0; j < steps.length; j++) {
      const b = steps[j].key;
      if (i !== j && b.startsWith(a) && (b.length === a.length || b.charCodeAt(a.length) === 46 /* . */)) return true;
    }
  }
  return false;
}

const isComparable = (value: unknown): value is number | string => typeof value === 'string' || (typeof value === 'number' && !Number.isNaN(value));

function acceptsValue(op: string, value: unknown): boolean {
  switch (op) {
    case '$inc':
      return typeof value === 'number' && !Number.isNaN(value);
    case '$max':
    case '$min':
      return isComparable(value);
    case '$push':
      return !(isPlainObject(value) && PUSH_MODIFIERS.some((modifier) => Object.prototype.hasOwnProperty.call(value, modifier)));
    default:
      return true;
  }
}

/** One operator on `parent[key]` (`parent` is a copy of this update's own); undefined: take the general path. */
function applyStep(parent: Record<string, unknown>, key: string, op: string, value: unknown, fresh: Set<object>): boolean | undefined {
  const old = parent[key];
  switch (op) {
    case '$set': {
      if (sameValue(old, value)) return false;
      const copy = sealedCopy(value);
      if (copy === NOT_SEALABLE) return undefined;
      parent[key] = copy;
      return true;
    }
    case '$unset': {
      if (!Object.prototype.hasOwnProperty.call(parent, key)) return false;
      delete parent[key];
      return !sameValue(old, parent[key]);
    }
    case '$inc': {
      if (old !== undefined && !(typeof old === 'number' && !Number.isNaN(old))) return undefined;
      const sum = ((old as number | undefined) || 0) + (value as number);
      parent[key] = sum;
      return sum !== old;
    }
    case '$push': {
      if (old !== undefined && !Array.isArray(old)) return undefined;
      const copy = sealedCopy(value);
      if (copy === NOT_SEALABLE) return undefined;
      const list = old === undefined ? [copy] : [...(old as readonly unknown[]), copy];
      fresh.add(list);
      parent[key] = list;
      return true;
    }
    case '$max':
    case '$min': {
      if (old !== undefined) {
        if (!isComparable(old) || typeof old !== typeof value) return undefined;
        const order = old < (value as number | string) ? -1 : old > (value as number | string) ? 1 : 0;
        if (op === '$max' ? order > -1 : order < 1) return false;
      }
      parent[key] = value;
      return true;
    }
    default:
      return undefined;
  }
}
