import * as updateOperators from 'mingo/operators/update';
import type { AnyObject } from 'mingo/types';
import { update as fullUpdate, type Modifier } from 'mingo/updater';
import { cloneDeep } from 'mingo/util';
import type { Filter, UpdateOperators } from '../read-store';

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
