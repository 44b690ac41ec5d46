import type { StoredDocument } from './stored-document';

export type IndexableValue = string | number | boolean;

export function isIndexable(value: unknown): value is IndexableValue {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/**
 * `_id`s by value of one top-level field, so that `{ field: value }` reads a bucket instead of the
 * whole collection. A bucket may hold more than the matches (the full filter is still tested), but
 * never fewer: an array field is filed under each of its scalar elements, as `{ tags: 'x' }` matches
 * `tags: ['x', 'y']`.
 */
export class EqualityIndex {
  private readonly buckets = new Map<IndexableValue, Set<string>>();

  constructor(readonly field: string) {}

  lookup(value: IndexableValue): ReadonlySet<string> {
    return this.buckets.get(value) ?? new Set();
  }

  add(doc: StoredDocument): void {
    for (const value of this.values(doc)) {
      let bucket = this.buckets.get(value);
      if (!bucket) this.buckets.set(value, (bucket = new Set()));
      bucket.add(doc._id);
    }
  }

  remove(doc: StoredDocument): void {
    for (const value of this.values(doc)) {
      const bucket = this.buckets.get(value);
      bucket?.delete(doc._id);
      if (bucket?.size === 0) this.buckets.delete(value);
    }
  }

  /** Whether two versions of a document are filed alike. */
  sameKeys(a: StoredDocument, b: StoredDocument): boolean {
    return a[this.field] === b[this.field] && (isIndexable(a[this.field]) || Object.isFrozen(a[this.field]));
  }

  private values(doc: StoredDocument): IndexableValue[] {
    const value = doc[this.field];
    if (isIndexable(value)) return [value];
    return Array.isArray(value) ? value.filter(isIndexable) : [];
  }
}
