import Database from 'better-sqlite3';
import { isSameAppend, planAppend } from '../append-rules';
import type { EventToAppend, RecordedEvent } from '../envelope';
import { WrongExpectedRevisionError } from '../errors';
import type {
  AppendResult,
  EventHandler,
  EventStore,
  ExpectedRevision,
  ReadAllOptions,
  ReadStreamOptions,
  StreamMetadata,
  SubscribeToAllOptions,
  Subscription,
} from '../event-store';
import { sealEventsAsText, toStoredJson, type StreamHead } from '../sealing';
import { CatchUpSubscription } from './catch-up-subscription';
import { GroupCommit } from './group-commit';
import { type EventRow, prepareEventStatements, toRecordedEvent, toRecordedEventWithText, toSealedRow, type EventStatements } from './event-rows';
import { durabilityOf, prepareDatabase, type DurabilityOptions } from './schema';
import { WalSync } from './wal-sync';
import { SqliteCheckpointStore } from './sqlite-checkpoint-store';

export interface SqliteEventStoreOptions extends DurabilityOptions {
  /** How often subscriptions look for events appended by another process (ms). */
  readonly pollIntervalMs?: number;
  /** Events read per query when catching up or reading the whole log. */
  readonly pageSize?: number;
}

const SYNCHRONOUS_LEVELS = ['OFF', 'NORMAL', 'FULL', 'EXTRA'];

/** Rows kept for the relay: far more than it lags behind under load (milliseconds of appends). */
const RECENT_ROWS = 1_024;

/**
 * The embedded runtime's event store: one SQLite file in WAL mode. better-sqlite3 is synchronous,
 * so an append (check, chain, insert) runs without interleaving with other appends of this
 * process. Appends asked for together are committed together (`GroupCommit`): one IMMEDIATE
 * transaction and one fsync for all of them, each in a savepoint of its own, each acknowledged only
 * after that commit. IMMEDIATE takes the write lock up front, so two processes on one file
 * serialise instead of failing halfway through a transaction.
 */
export class SqliteEventStore implements EventStore {
  private readonly db: Database.Database;
  private readonly statements: EventStatements;
  private readonly appends: GroupCommit<AppendResult>;
  private readonly subscriptions = new Set<CatchUpSubscription>();
  private readonly pollIntervalMs: number;
  private readonly pageSize: number;
  /** Set under WAL_SYNC: commits are made durable by it, off the event loop. */
  private readonly walSync: WalSync | undefined;
  /** The rows each append of the group being committed wrote, as the log holds them. */
  private readonly rowsOfAppend = new WeakMap<AppendResult, EventRow[]>();
  /** The first position of each committed group whose sync has not finished, in commit order. */
  private readonly unsynced: number[] = [];
  /**
   * The rows this store appended last, durable, in log order (with gaps where another process
   * wrote): the relay's subscription reads what was just appended from here, not from the file.
   */
  private readonly recentRows: EventRow[] = [];

  /** `path` is a file, or ':memory:' for a store that lives as long as this object. */
  constructor(path: string, options: SqliteEventStoreOptions = {}) {
    this.db = new Database(path);
    prepareDatabase(this.db, options);
    this.statements = prepareEventStatements(this.db);
    this.walSync = durabilityOf(this.db, options) === 'WAL_SYNC' ? WalSync.ofFile(`${this.db.name}-wal`) : undefined;
    this.appends = new GroupCommit(
      this.db,
      (results) => {
        if (!results.some((result) => result.written)) return;
        this.keepRecentRows(results);
        for (const subscription of this.subscriptions) subscription.notify();
      },
      this.walSync ? (committed) => this.syncCommittedGroup(committed) : undefined,
    );
    this.pollIntervalMs = options.pollIntervalMs ?? 200;
    this.pageSize = options.pageSize ?? 500;
  }

  /** The settings an acknowledged append's durability rests on: for health checks and tests. */
  durability(): { readonly journalMode: string; readonly synchronous: string; readonly walSyncedBeforeAcknowledging: boolean } {
    const level = Number(this.db.pragma('synchronous', { simple: true }));
    return {
      journalMode: String(this.db.pragma('journal_mode', { simple: true })),
      synchronous: SYNCHRONOUS_LEVELS[level] ?? String(level),
      walSyncedBeforeAcknowledging: this.walSync !== undefined,
    };
  }

  /** Checkpoints kept in the same file, so that a consumer's position is backed up with the log. */
  checkpointStore(): SqliteCheckpointStore {
    return new SqliteCheckpointStore(this.db);
  }

  async appendToStream(streamId: string, events: readonly EventToAppend[], options: { expectedRevision: ExpectedRevision }): Promise<AppendResult> {
    const expected = options.expectedRevision;
    // The events are read when the group commits (on the next turn of the event loop), as the
    // caller awaits the append: they are sealed as they are then.
    return this.appends.run(() => this.appendInTransaction(streamId, events, expected));
  }

  private appendInTransaction(streamId: string, events: readonly EventToAppend[], expected: ExpectedRevision): AppendResult {
    const head = this.statements.head.get(streamId);
    const plan = planAppend(expected, head, events.length, () => this.statements.revisionOfEvent.get(streamId, events[0].id)?.revision);
    switch (plan.kind) {
      case 'check-only':
        return { streamId, nextExpectedRevision: head?.revision ?? -1, position: head?.position ?? -1, written: false };
      case 'reject':
        throw new WrongExpectedRevisionError(streamId, expected, head?.revision ?? 'no_stream');
      case 'retry':
        return this.acknowledgeRetry(streamId, events, plan.fromRevision, expected, head);
      case 'write':
        return this.write(streamId, events, expected, head);
    }
  }

  private acknowledgeRetry(
    streamId: string,
    events: readonly EventToAppend[],
    fromRevision: number,
    expected: ExpectedRevision,
    head: StreamHead | undefined,
  ): AppendResult {
    const stored = this.statements.idsFrom.all(streamId, fromRevision, events.length);
    const sent = events.map((event) => event.id);
    if (!isSameAppend(sent, stored.map((row) => row.event_id))) throw new WrongExpectedRevisionError(streamId, expected, head?.revision ?? 'no_stream');
    const last = stored[stored.length - 1];
    return { streamId, nextExpectedRevision: last.revision, position: last.position, written: false };
  }

  private write(streamId: string, events: readonly EventToAppend[], expected: ExpectedRevision, head: StreamHead | undefined): AppendResult {
    let position = -1;
    const rows: EventRow[] = [];
    try {
      for (const event of sealEventsAsText(streamId, events, head)) {
        const sealed = toSealedRow(event);
        position = Number(this.statements.insert.run(...sealed).lastInsertRowid);
        rows.push([position, ...sealed]);
      }
    } catch (error) {
      // An id already in the stream, sent in a batch that is not a retry: never store it twice.
      if (error instanceof Database.SqliteError && error.code === 'SQLITE_CONSTRAINT_UNIQUE') {
        throw new WrongExpectedRevisionError(streamId, expected, head?.revision ?? 'no_stream');
      }
      throw error;
    }
    const result: AppendResult = { streamId, nextExpectedRevision: (head?.revision ?? -1) + events.length, position, written: true };
    this.rowsOfAppend.set(result, rows);
    return result;
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const statement = options.direction === 'backwards' ? this.statements.readBackwards : this.statements.readForwards;
    const from = options.fromRevision ?? (options.direction === 'backwards' ? Number.MAX_SAFE_INTEGER : 0);
    // A negative count meant SQLite's "no limit" before, and still does.
    if (options.maxCount === undefined || options.maxCount < 0) return statement.all(streamId, from).map(toRecordedEvent);
    const events: RecordedEvent[] = [];
    if (options.maxCount === 0) return events;
    for (const row of statement.iterate(streamId, from)) {
      events.push(toRecordedEvent(row));
      if (events.length >= options.maxCount) break; // ends the statement: the rest is never read
    }
    return events;
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    let position = options.fromPosition ?? 0;
    let remaining = options.maxCount ?? Number.POSITIVE_INFINITY;
    while (remaining > 0) {
      const page = this.readPage(position, Math.min(remaining, this.pageSize));
      events.push(...page);
      if (page.length < Math.min(remaining, this.pageSize)) break;
      remaining -= page.length;
      position = page[page.length - 1].globalPosition;
    }
    return events;
  }

  subscribeToAll(options: SubscribeToAllOptions, handler: EventHandler): Subscription {
    const subscription: CatchUpSubscription = new CatchUpSubscription({
      // The relay publishes what it reads here: as the stored text (envelopeText), not serialised again.
      readPage: (position, limit) => (this.recentRowsAfter(position, limit) ?? this.statements.readAll.all(position, this.visibleBelow, limit)).map(toRecordedEventWithText),
      fromPosition: options.fromPosition ?? 0,
      handler,
      pollIntervalMs: this.pollIntervalMs,
      pageSize: this.pageSize,
      onEnd: () => this.subscriptions.delete(subscription),
    });
    this.subscriptions.add(subscription);
    return subscription;
  }

  async getStreamMetadata(streamId: string): Promise<StreamMetadata | undefined> {
    const row = this.statements.getMetadata.get(streamId);
    return row ? (JSON.parse(row.metadata) as StreamMetadata) : undefined;
  }

  async setStreamMetadata(streamId: string, metadata: StreamMetadata): Promise<void> {
    this.statements.setMetadata.run(streamId, JSON.stringify(toStoredJson(metadata)));
    await this.walSync?.sync();
  }

  /** Ends the subscriptions (after their handlers in flight), then closes the file. */
  async close(): Promise<void> {
    if (this.db.open) this.appends.flush(); // appends already asked for are not dropped
    await this.appends.settled();
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    this.walSync?.close();
    if (this.db.open) this.db.close(); // closing twice is harmless
  }

  /**
   * WAL_SYNC, right after a group committed: syncs the log, then lets readers of this store see
   * the group's events. Every group committed before a finished sync is durable with it.
   */
  private syncCommittedGroup(committed: readonly AppendResult[]): Promise<void> {
    const first = Math.min(...committed.map((result) => this.rowsOfAppend.get(result)?.[0]?.[0] ?? Number.POSITIVE_INFINITY));
    if (!Number.isFinite(first) || !this.walSync) return Promise.resolve(); // nothing written
    try {
      if (committed.length === 1 && this.walSync.syncNowIfIdle()) return Promise.resolve();
    } catch (error) {
      return Promise.reject(error);
    }
    this.unsynced.push(first);
    const done = (): void => {
      const index = this.unsynced.indexOf(first);
      if (index >= 0) this.unsynced.splice(0, index + 1);
    };
    return this.walSync.sync().then(done, (error: unknown) => {
      // The events stay stored (and visible): a failed sync cannot take them back, only not acknowledge them.
      done();
      throw error;
    });
  }

  /** After a group is durable: its rows, for the relay's next read. */
  private keepRecentRows(results: readonly AppendResult[]): void {
    for (const result of results) {
      const rows = this.rowsOfAppend.get(result);
      if (rows) this.recentRows.push(...rows);
    }
    if (this.recentRows.length > RECENT_ROWS) this.recentRows.splice(0, this.recentRows.length - RECENT_ROWS);
  }

  /**
   * The rows right after `position` when this store appended them itself: a run of consecutive
   * positions from `position + 1`, so that nothing another process wrote in between is skipped.
   * Undefined when the next row is not among them: then the file is read.
   */
  private recentRowsAfter(position: number, limit: number): EventRow[] | undefined {
    const rows = this.recentRows;
    let low = 0;
    let high = rows.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const at = rows[middle][0];
      if (at === position + 1) {
        const run: EventRow[] = [];
        const below = this.visibleBelow;
        for (let index = middle; index < rows.length && run.length < limit; index++) {
          const row = rows[index];
          if (row[0] !== position + 1 + run.length || row[0] >= below) break;
          run.push(row);
        }
        return run;
      }
      if (at < position + 1) low = middle + 1;
      else high = middle - 1;
    }
    return undefined;
  }

  /**
   * Positions readers of the log may see: below the first one still being synced. A subscriber
   * (the relay, the embedded runtime's consumers) must never pass on an event a power cut could
   * still take back; the aggregate's own stream reads see everything, as the decider must.
   */
  private get visibleBelow(): number {
    return this.unsynced[0] ?? Number.MAX_SAFE_INTEGER;
  }

  private readPage(position: number, limit: number): RecordedEvent[] {
    return this.statements.readAll.all(position, this.visibleBelow, limit).map(toRecordedEvent);
  }
}
