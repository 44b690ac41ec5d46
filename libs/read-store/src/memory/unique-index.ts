import { resolve } from 'mingo/util';
import type { StoredDocument } from './stored-document';

type Key = { readonly encoded: string; readonly fields: Readonly<Record<string, unknown>> };

const EMPTY_ARRAY = Symbol('empty array');

/**
 * A unique index kept the way MongoDB keeps one: a missing field is the key `null` (two documents
 * without the field collide), and each element of an array field is a key of its own.
 */
export class UniqueIndex {
  private readonly owners = new Map<string, string>();

  constructor(
    readonly name: string,
    private readonly fields: readonly string[],
  ) {}

  /** The first key of `doc` already held by another document. */
  conflict(doc: StoredDocument): Readonly<Record<string, unknown>> | undefined {
    for (const key of this.keys(doc)) {
      const owner = this.owners.get(key.encoded);
      if (owner !== undefined && owner !== doc._id) return key.fields;
    }
    return undefined;
  }

  add(doc: StoredDocument): void {
    for (const key of this.keys(doc)) this.owners.set(key.encoded, doc._id);
  }

  remove(doc: StoredDocument): void {
    for (const key of this.keys(doc)) if (this.owners.get(key.encoded) === doc._id) this.owners.delete(key.encoded);
  }

  private keys(doc: StoredDocument): Key[] {
    let keys: Key[] = [{ encoded: '', fields: {} }];
    for (const field of this.fields) {
      const values = indexValues(resolve(doc, field));
      keys = keys.flatMap((key) =>
        values.map((value) => ({
          encoded: `${key.encoded}\u0000${encode(value)}`,
          fields: { ...key.fields, [field]: value === EMPTY_ARRAY ? [] : value },
        })),
      );
    }
    return keys;
  }
}

function indexValues(value: unknown): unknown[] {
  if (!Array.isArray(value)) return [value ?? null];
  return value.length ? [...new Set(value.flat())] : [EMPTY_ARRAY];
}

// JSON never contains a raw NUL, so the separator above cannot be forged by a value.
function encode(value: unknown): string {
  if (value === EMPTY_ARRAY) return '[]';
  if (value === null || value === undefined) return 'null';
  if (value instanceof Date) return `date:${value.getTime()}`;
  return `${typeof value}:${JSON.stringify(value)}`;
}
