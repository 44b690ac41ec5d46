import mongoose, { type ConnectOptions, type Connection, type mongo } from 'mongoose';
import type { ReadCollection, ReadDocument, ReadStore } from '../read-store';
import { MongoCollection } from './mongo-collection';

/** Where checkpoints live: in the same database as the read models they describe. */
export const CHECKPOINTS = '_checkpoints';

interface CheckpointRecord extends mongo.Document {
  _id: string;
  position: number;
}

/**
 * The read store of the distributed runtime. Mongoose supplies the connection (pooling, reconnects);
 * reads and writes go to the native driver collections beneath it, as read models need no schemas.
 */
export class MongoReadStore implements ReadStore {
  /** Every gateway replica feeds and reads the same database. */
  readonly sharedBetweenProcesses = true;

  constructor(
    private readonly connection: Connection,
    private readonly ownsConnection = false,
  ) {}

  static async connect(uri: string, options?: ConnectOptions): Promise<MongoReadStore> {
    const connection = await mongoose.createConnection(uri, options).asPromise();
    return new MongoReadStore(connection, true);
  }

  collection<T extends ReadDocument = ReadDocument>(name: string): ReadCollection<T> {
    return new MongoCollection<T>(this.db().collection(name));
  }

  async dropCollection(name: string): Promise<void> {
    // The driver already ignores a collection that does not exist.
    await this.db().dropCollection(name);
  }

  async loadCheckpoint(name: string): Promise<number | undefined> {
    const record = await this.checkpoints().findOne({ _id: name });
    return record?.position;
  }

  async saveCheckpoint(name: string, position: number): Promise<void> {
    await this.checkpoints().updateOne({ _id: name }, { $set: { position } }, { upsert: true });
  }

  async close(): Promise<void> {
    if (this.ownsConnection) await this.connection.close();
  }

  private checkpoints(): mongo.Collection<CheckpointRecord> {
    return this.db().collection<CheckpointRecord>(CHECKPOINTS);
  }

  private db(): mongo.Db {
    const db = this.connection.db;
    if (!db) throw new Error('MongoReadStore: the MongoDB connection is not open.');
    return db;
  }
}
