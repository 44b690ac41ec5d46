import type Database from 'better-sqlite3';

interface Queued<T> {
  readonly work: () => T;
  readonly resolve: (value: T) => void;
  readonly reject: (error: unknown) => void;
}

type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: unknown };

/**
 * Group commit: work queued while the event loop is busy (commands arriving together, or during
 * the previous commit's fsync) runs in one IMMEDIATE transaction, each piece in a savepoint of its
 * own, and is committed — and synced, by `synchronous=FULL` or by the `durable` hook — once for all of them. A piece
 * that throws is rolled back to its savepoint and fails alone; the others commit. Nothing is
 * resolved before the commit returned, so no caller hears of a write that is not durable; when the
 * commit itself fails, every piece fails and none is stored.
 *
 * Each piece runs synchronously after the ones queued before it, inside the same transaction, so
 * it sees their writes: two appends to one stream with the same expected revision still have
 * exactly one winner, and an idempotent retry is still recognised.
 */
export class GroupCommit<T> {
  private queue: Queued<T>[] = [];
  private scheduled: NodeJS.Immediate | undefined;
  private readonly single: Database.Transaction<(work: () => T) => T>;
  private readonly group: Database.Transaction<(queue: readonly Queued<T>[]) => Outcome<T>[]>;

  /** Syncs still running for committed groups: `settled()` waits for them. */
  private readonly syncing = new Set<Promise<void>>();

  /**
   * `onCommitted` gets the results of the pieces that succeeded, after their commit (and its
   * `durable` promise) and before they resolve. `durable`, when given, is called right after each
   * commit that stored at least one piece, with the results of those pieces, and makes it durable
   * (WalSync): the pieces resolve only once it has, and fail with its
   * error if it fails — their events are then stored but were never acknowledged, so a retry with
   * the same event ids is recognised and acknowledged.
   */
  constructor(
    private readonly db: Database.Database,
    private readonly onCommitted: (results: readonly T[]) => void,
    private readonly durable?: (committed: readonly T[]) => Promise<void>,
  ) {
    this.single = db.transaction((work: () => T) => work());
    // Called inside `group`'s transaction, better-sqlite3 makes this a SAVEPOINT … RELEASE.
    const savepoint = db.transaction((work: () => T) => work());
    this.group = db.transaction((queue: readonly Queued<T>[]) =>
      queue.map((queued): Outcome<T> => {
        try {
          return { ok: true, value: savepoint(queued.work) };
        } catch (error) {
          // Some errors (an I/O error, a full disk) roll back the whole transaction: then nothing
          // of this group can commit, and every piece must fail.
          if (!this.db.inTransaction) throw error;
          return { ok: false, error };
        }
      }),
    );
  }

  /** Runs `work` in the next group's transaction; resolves once that transaction is committed. */
  run(work: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve, reject });
      // setImmediate, not a microtask: it waits for the work the current I/O callbacks started
      // (every command of one socket read) to queue up behind this piece.
      this.scheduled ??= setImmediate(() => this.flush());
    });
  }

  /** Commits what is queued now (also called before the database closes). */
  flush(): void {
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = undefined;
    const queue = this.queue;
    this.queue = [];
    if (queue.length === 0) return;
    let outcomes: Outcome<T>[];
    try {
      outcomes = queue.length === 1 ? [this.runAlone(queue[0])] : this.group.immediate(queue);
    } catch (error) {
      for (const queued of queue) queued.reject(error);
      return;
    }
    const committed = outcomes.flatMap((outcome) => (outcome.ok ? [outcome.value] : []));
    const settle = (): void => {
      this.onCommitted(committed);
      outcomes.forEach((outcome, index) => (outcome.ok ? queue[index].resolve(outcome.value) : queue[index].reject(outcome.error)));
    };
    if (!this.durable || committed.length === 0) {
      settle();
      return;
    }
    const syncing = this.durable(committed).then(settle, (error: unknown) => {
      outcomes.forEach((outcome, index) => queue[index].reject(outcome.ok ? error : outcome.error));
    });
    this.syncing.add(syncing);
    void syncing.finally(() => this.syncing.delete(syncing));
  }

  /** Resolves once every committed group has been made durable and its pieces resolved. */
  async settled(): Promise<void> {
    while (this.syncing.size > 0) await Promise.all(this.syncing);
  }

  /** One piece needs no savepoint: its own transaction rolls back alone. */
  private runAlone(queued: Queued<T>): Outcome<T> {
    try {
      return { ok: true, value: this.single.immediate(queued.work) };
    } catch (error) {
      return { ok: false, error };
    }
  }
}
