import mongoose, { type ConnectOptions, type Connection, type mongo } from 'mongoose';
import { type KeyRow, type KeyTable, KeyTableVault } from '../personal-data';

/** Apart from the read models' database on purpose: dropping that one to rebuild them must never shred anyone. */
export const DEFAULT_PERSONAL_DATA_DATABASE = 'gongkai-personal-data';
export const PERSONAL_DATA_KEYS = 'personal_data_keys';

/** One subject's key; `key` is null once erased, and the document stays as a tombstone. */
interface KeyRecord extends mongo.Document {
  _id: string;
  key: mongo.Binary | null;
  createdAt: Date;
  erasedAt?: Date;
}

const DUPLICATE_KEY = 11000;

/**
 * Every write waits for a majority of the replica set and its journal: a key acknowledged to the
 * caller encrypts personal data at once, so losing it in a failover would lose that data, and an
 * erasure acknowledged to the caller must not come back after one. Reads ask for majority-committed
 * data for the same reason: a key that a failover could still roll back is not used.
 */
const DURABLE: mongo.CollectionOptions = { writeConcern: { w: 'majority', journal: true }, readConcern: { level: 'majority' } };

class MongoKeyTable implements KeyTable {
  constructor(
    private readonly keys: mongo.Collection<KeyRecord>,
    private readonly closeConnection: () => Promise<void>,
  ) {}

  async find(subjectId: string): Promise<KeyRow | undefined> {
    const record = await this.keys.findOne({ _id: subjectId }, { projection: { key: 1 } });
    if (!record) return undefined;
    return { key: record.key ? Buffer.from(record.key.value()) : null };
  }

  async insertIfAbsent(subjectId: string, key: Buffer): Promise<void> {
    try {
      await this.keys.updateOne({ _id: subjectId }, { $setOnInsert: { key: new mongoose.mongo.Binary(key), createdAt: new Date() } }, { upsert: true });
    } catch (error) {
      // Two processes creating the same subject's key at once: the other one's key stands.
      if ((error as { code?: unknown }).code !== DUPLICATE_KEY) throw error;
    }
  }

  async erase(subjectId: string): Promise<void> {
    const now = new Date();
    // $min keeps the first erasure's time; the upsert leaves a tombstone for a subject never seen.
    await this.keys.updateOne({ _id: subjectId }, { $set: { key: null }, $min: { erasedAt: now }, $setOnInsert: { createdAt: now } }, { upsert: true });
  }

  close(): Promise<void> {
    return this.closeConnection();
  }
}

export interface MongoPersonalDataVaultOptions {
  /** `gongkai-personal-data` by default. */
  readonly database?: string;
  /** `personal_data_keys` by default. */
  readonly collection?: string;
}

/**
 * The key table in a MongoDB replica set, for processes on several nodes (the SQLite file of
 * `SqlitePersonalDataVault` serves one host only). Erasing sets the key to null; MongoDB's oplog
 * and its backups keep the old document until they roll over or expire, which docs/operations.md
 * (personal-data vault) tells the operator to bound.
 */
export class MongoPersonalDataVault extends KeyTableVault {
  constructor(connection: Connection, options: MongoPersonalDataVaultOptions & { readonly ownsConnection?: boolean } = {}) {
    const keys = connection
      .getClient()
      .db(options.database ?? DEFAULT_PERSONAL_DATA_DATABASE)
      .collection<KeyRecord>(options.collection ?? PERSONAL_DATA_KEYS, DURABLE);
    super(new MongoKeyTable(keys, async () => (options.ownsConnection ? connection.close() : undefined)));
  }

  /** Opens a connection of its own, closed with the vault. */
  static async connect(uri: string, options: MongoPersonalDataVaultOptions = {}, connectOptions?: ConnectOptions): Promise<MongoPersonalDataVault> {
    const connection = await mongoose.createConnection(uri, connectOptions).asPromise();
    return new MongoPersonalDataVault(connection, { ...options, ownsConnection: true });
  }
}
