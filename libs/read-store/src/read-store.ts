/**
 * The read store port, in MongoDB's own terms, so that the MongoDB adapter is a thin mapping and the
 * in-memory adapter (mingo) answers the same queries the same way.
 */
export interface ReadDocument {
  readonly _id: string;
  readonly [field: string]: unknown;
}

/** A MongoDB query filter (`{ status: 'PUBLISHED', $text: … }` excluded: use `$regex`). */
export type Filter = Readonly<Record<string, unknown>>;
/** MongoDB update operators: `$set`, `$unset`, `$inc`, `$push`, `$addToSet`, `$pull`, `$max`, `$min`, `$setOnInsert`. */
export type UpdateOperators = Readonly<Record<`$${string}`, Readonly<Record<string, unknown>>>>;
export type SortSpec = Readonly<Record<string, 1 | -1>>;
/** Fields to include (1) or exclude (0); named apart from the read-model `Projection` of the runner. */
export type FieldProjection = Readonly<Record<string, 0 | 1>>;

export interface FindOptions {
  readonly sort?: SortSpec;
  readonly skip?: number;
  readonly limit?: number;
  readonly projection?: FieldProjection;
}

export interface UpdateResult {
  readonly matchedCount: number;
  readonly modifiedCount: number;
  readonly upsertedId?: string;
}

export interface IndexSpec {
  readonly keys: SortSpec;
  readonly unique?: boolean;
  readonly name?: string;
}

export interface ReadCollection<T extends ReadDocument = ReadDocument> {
  find(filter: Filter, options?: FindOptions): Promise<T[]>;
  findOne(filter: Filter, options?: Pick<FindOptions, 'projection' | 'sort'>): Promise<T | null>;
  count(filter: Filter): Promise<number>;
  updateOne(filter: Filter, update: UpdateOperators, options?: { upsert?: boolean }): Promise<UpdateResult>;
  /** Inserts or replaces the whole document with this `_id`. */
  replaceOne(filter: Filter, document: T, options?: { upsert?: boolean }): Promise<UpdateResult>;
  deleteOne(filter: Filter): Promise<{ deletedCount: number }>;
  deleteMany(filter: Filter): Promise<{ deletedCount: number }>;
  createIndex(index: IndexSpec): Promise<void>;
}

export interface ReadStore {
  /**
   * True when other processes' projection runners write to the same data (gateway replicas on one
   * MongoDB), so that waiting for a write must look at what they applied too (ADR 0004).
   */
  readonly sharedBetweenProcesses?: boolean;
  collection<T extends ReadDocument = ReadDocument>(name: string): ReadCollection<T>;
  dropCollection(name: string): Promise<void>;
  /** Projection checkpoints live beside the data they describe. */
  loadCheckpoint(name: string): Promise<number | undefined>;
  saveCheckpoint(name: string, position: number): Promise<void>;
  close(): Promise<void>;
}
