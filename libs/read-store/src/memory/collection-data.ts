import { DuplicateKeyError } from '../errors';
import { indexName } from '../index-name';
import type { IndexSpec } from '../read-store';
import { EqualityIndex } from './equality-index';
import { isSealed } from './sealed-values';
import type { StoredDocument } from './stored-document';
import { UniqueIndex } from './unique-index';

/** The documents a filter matched, in insertion order, and in each sort order asked for so far. */
export interface QueryResult {
  readonly matches: readonly StoredDocument[];
  readonly sorted: Map<string, readonly StoredDocument[]>;
}

/** Answers kept per collection: a catalogue page is asked for far more often than it changes. */
const QUERY_CACHE_SIZE = 32;

interface DeclaredIndex {
  readonly spec: IndexSpec;
  readonly unique?: UniqueIndex;
  readonly equality?: EqualityIndex;
}

/** The documents of one collection and its indexes, kept in step by every write. */
export class CollectionData {
  readonly docs = new Map<string, StoredDocument>();
  private readonly indexes = new Map<string, DeclaredIndex>();
  /** Results by filter; emptied by every write, so a result is never older than the data. */
  private readonly queries = new Map<string, QueryResult>();
  /** Documents that are not sealed (see sealed-values.ts), which reads must copy. */
  private openDocuments = 0;

  constructor(readonly name: string) {}

  equalityIndex(field: string): EqualityIndex | undefined {
    for (const index of this.indexes.values()) if (index.equality?.field === field) return index.equality;
    return undefined;
  }

  /** Whether every document is sealed, so that any part of one may be handed out as it is. */
  get allSealed(): boolean {
    return this.openDocuments === 0;
  }

  cachedQuery(key: string): QueryResult | undefined {
    return this.queries.get(key);
  }

  cacheQuery(key: string, result: QueryResult): void {
    if (this.queries.size >= QUERY_CACHE_SIZE) this.queries.delete(this.queries.keys().next().value as string);
    this.queries.set(key, result);
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
    // A compound index serves equality on its first field too, as in MongoDB; one bucket map per field is enough.
    const first = fields[0];
    const equality = first && !first.includes('.') && first !== '_id' && !this.equalityIndex(first) ? new EqualityIndex(first) : undefined;
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
    if (previous && !isSealed(previous)) this.openDocuments--;
    for (const { unique, equality } of this.indexes.values()) {
      if (previous) unique?.remove(previous);
      unique?.add(next);
      // Most writes leave an indexed field as it was (the same value, or the same sealed array).
      if (previous && equality?.sameKeys(previous, next)) continue;
      if (previous) equality?.remove(previous);
      equality?.add(next);
    }
    this.docs.set(next._id, next);
    if (!isSealed(next)) this.openDocuments++;
    if (this.queries.size) this.queries.clear();
  }

  delete(doc: StoredDocument): void {
    this.unindex(doc);
    this.docs.delete(doc._id);
    if (this.queries.size) this.queries.clear();
  }

  private unindex(doc: StoredDocument): void {
    if (!isSealed(doc)) this.openDocuments--;
    for (const { unique, equality } of this.indexes.values()) {
      unique?.remove(doc);
      equality?.remove(doc);
    }
  }
}

function sameIndex(a: IndexSpec, b: IndexSpec): boolean {
  return JSON.stringify(a.keys) === JSON.stringify(b.keys) && Boolean(a.unique) === Boolean(b.unique);
}
