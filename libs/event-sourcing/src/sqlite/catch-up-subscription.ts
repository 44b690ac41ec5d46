import type { RecordedEvent } from '../envelope';
import type { EventHandler, Subscription } from '../event-store';

export interface CatchUpOptions {
  /** Reads up to `limit` events after `position` (exclusive) in global order. */
  readonly readPage: (position: number, limit: number) => RecordedEvent[];
  readonly fromPosition: number;
  readonly handler: EventHandler;
  /** How often to look for events written by another process, which no notification announces. */
  readonly pollIntervalMs: number;
  readonly pageSize: number;
  readonly onEnd: () => void;
}

/**
 * Reads the log page by page from a position, then waits: for `notify()` after a commit in this
 * process, or for the poll interval to pass. There is no separate "live" mode to switch to, so an
 * event can neither be missed nor delivered twice at the switch from catching up to live.
 */
export class CatchUpSubscription implements Subscription {
  readonly done: Promise<void>;
  private closing = false;
  /** Set by `notify()`: something may have been written since the last read began. */
  private maybeBehind = true;
  private wake: (() => void) | undefined;

  constructor(private readonly options: CatchUpOptions) {
    this.done = this.run();
    // The failure is reported through `done`; without this, nobody awaiting it would crash the process.
    this.done.catch(() => undefined);
  }

  notify(): void {
    this.maybeBehind = true;
    this.wake?.();
  }

  async close(): Promise<void> {
    this.closing = true;
    this.wake?.();
    await this.done.catch(() => undefined);
  }

  private async run(): Promise<void> {
    const { readPage, handler, pageSize } = this.options;
    let position = this.options.fromPosition;
    // Start on a later tick: the caller has its Subscription in hand before the first delivery.
    await Promise.resolve();
    try {
      while (!this.closing) {
        this.maybeBehind = false;
        const page = readPage(position, pageSize);
        for (const event of page) {
          if (this.closing) return;
          await handler(event);
          position = event.globalPosition;
        }
        if (page.length < pageSize) await this.idle();
      }
    } finally {
      this.options.onEnd();
    }
  }

  private idle(): Promise<void> {
    if (this.maybeBehind || this.closing) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.wake?.(), this.options.pollIntervalMs);
      this.wake = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
    });
  }
}
