import type { Filter } from './read-store';

/**
 * The document MongoDB starts from when an upsert inserts: the filter's equality conditions
 * (`field: value`, `field: { $eq: value }`, also inside a top-level `$and`), dotted paths nested.
 * Ranges, `$in`, regexes and `$or` say nothing definite about the new document, so they are left out.
 */
export function upsertSeed(filter: Filter): Record<string, unknown> {
  const seed: Record<string, unknown> = {};
  collect(filter, seed);
  return seed;
}

function collect(filter: Filter, seed: Record<string, unknown>): void {
  for (const [path, condition] of Object.entries(filter)) {
    if (path === '$and' && Array.isArray(condition)) {
      for (const clause of condition) if (isPlainObject(clause)) collect(clause, seed);
    } else if (!path.startsWith('$')) {
      const value = equalityValue(condition);
      if (value.found) setPath(seed, path, typeof value.value === 'object' && value.value !== null ? structuredClone(value.value) : value.value);
    }
  }
}

function equalityValue(condition: unknown): { found: boolean; value?: unknown } {
  if (condition instanceof RegExp) return { found: false };
  if (!isPlainObject(condition)) return { found: true, value: condition };
  const operators = Object.keys(condition).filter((key) => key.startsWith('$'));
  if (operators.length === 0) return { found: true, value: condition };
  return '$eq' in condition ? { found: true, value: condition['$eq'] } : { found: false };
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    const next = node[part];
    const child: Record<string, unknown> = isPlainObject(next) ? next : {};
    node[part] = child;
    node = child;
  }
  node[parts[parts.length - 1]] = value;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
