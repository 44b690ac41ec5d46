import { DuplicateKeyError } from '../errors';
import { indexName } from '../index-name';
import type { IndexSpec } from '../read-store';
import { EqualityIndex } from './equality-index';
import type { StoredDocument } from './stored-document';
import { UniqueIndex } from './unique-index';

interface DeclaredIndex {
  readonly spec: IndexSpec;
  readonly unique?: UniqueIndex;
  readonly equality?: EqualityIndex;
}

/** The documents of one collection and its indexes, kept in step by every write. */
export class CollectionData {
  readonly docs = new Map<string, StoredDocument>();
  private readonly indexes = new Map<string, DeclaredIndex>();

  constructor(readonly name: string) {}

  equalityIndex(field: string): EqualityIndex | undefined {
    for (const index of this.indexes.values()) if (index.equality?.field === field) return index.equality;
    return undefined;
  }

  createIndex(spec: IndexSpec): void {
    const name = indexName(spec);
    const existing = this.indexes.get(name);
    if (existing) {
      if (sameIndex(existing.spec, spec)) return;
      throw new Error(`Read collection "${this.name}": index "${name}" already exists with other keys or options.`);
    }
    const fields = Object.keys(spec.keys);
    const unique = spec.unique ? new UniqueIndex(name, fields) : undefined;
    const equality = fields.length === 1 && !fields[0].includes('.') && fields[0] !== '_id' ? new EqualityIndex(fields[0]) : undefined;
    for (const doc of this.docs.values()) {
      const taken = unique?.conflict(doc);
      if (taken) throw new DuplicateKeyError(this.name, name, taken);
      unique?.add(doc);
      equality?.add(doc);
    }
    this.indexes.set(name, { spec, unique, equality });
  }

  /** Puts `next` in place of `previous` (or inserts it); on a duplicate key, throws and changes nothing. */
  write(previous: StoredDocument | undefined, next: StoredDocument): void {
    if (!previous && this.docs.has(next._id)) throw new DuplicateKeyError(this.name, '_id_', { _id: next._id });
    for (const { unique } of this.indexes.values()) {
      const taken = unique?.conflict(next);
      if (unique && taken) throw new DuplicateKeyError(this.name, unique.name, taken);
    }
    if (previous) this.unindex(previous);
    for (const { unique, equality } of this.indexes.values()) {
      unique?.add(next);
      equality?.add(next);
    }
    this.docs.set(next._id, next);
  }

  delete(doc: StoredDocument): void {
    this.unindex(doc);
    this.docs.delete(doc._id);
  }

  private unindex(doc: StoredDocument): void {
    for (const { unique, equality } of this.indexes.values()) {
      unique?.remove(doc);
      equality?.remove(doc);
    }
  }
}

function sameIndex(a: IndexSpec, b: IndexSpec): boolean {
  return JSON.stringify(a.keys) === JSON.stringify(b.keys) && Boolean(a.unique) === Boolean(b.unique);
}
