import { closeSync, fdatasync, fdatasyncSync, openSync } from 'node:fs';

/**
 * Makes the write-ahead log durable off the event loop: `fdatasync` of the `-wal` file on a libuv
 * thread. A commit under `synchronous=NORMAL` has written its frames to the file (the OS holds
 * them) without syncing; a `sync()` asked for after that commit resolves once a datasync that
 * began after it has finished, so the commit is then on disk as `synchronous=FULL` would have put
 * it there — but the event loop went on deciding and writing the next commands meanwhile.
 *
 * Calls are coalesced: while one datasync runs, every caller joins the single next one (it must
 * begin after their commits), so there are never more than two, however many groups commit.
 */
export class WalSync {
  private running: Promise<void> | undefined;
  private queued: Promise<void> | undefined;

  /** `datasync` (and `datasyncNow`, blocking) make durable everything written to the log before they were called. */
  constructor(
    private readonly datasync: () => Promise<void>,
    private readonly datasyncNow: () => void,
    private readonly release: () => void = () => undefined,
  ) {}

  /** The WalSync of a database's `-wal` file. */
  static ofFile(walPath: string): WalSync {
    let fd: number | undefined;
    // Opened on first use: SQLite creates the -wal file with the first write, not at open.
    const open = (): number => (fd ??= openSync(walPath, 'r'));
    return new WalSync(
      () =>
        new Promise((resolve, reject) => {
          fdatasync(open(), (error) => (error ? reject(error) : resolve()));
        }),
      () => fdatasyncSync(open()),
      () => {
        if (fd !== undefined) closeSync(fd);
        fd = undefined;
      },
    );
  }

  sync(): Promise<void> {
    if (!this.running) {
      const running = this.datasync();
      this.running = running;
      void running.then(
        () => this.finished(running),
        () => this.finished(running),
      );
      return running;
    }
    this.queued ??= this.running.then(
      () => this.next(),
      () => this.next(),
    );
    return this.queued;
  }

  /**
   * Syncs on the calling thread when no sync is running or waiting, and says whether it did. For a
   * commit that came alone: with nothing else to do, handing the sync to another thread and back
   * would only add latency; under load commits come in groups and `sync()` keeps the loop free.
   */
  syncNowIfIdle(): boolean {
    if (this.running || this.queued) return false;
    this.datasyncNow();
    return true;
  }

  /** After the last sync settled: nothing may be asked of it afterwards. */
  close(): void {
    this.release();
  }

  private finished(running: Promise<void>): void {
    if (this.running === running) this.running = undefined;
  }

  private next(): Promise<void> {
    this.queued = undefined;
    return this.sync();
  }
}
