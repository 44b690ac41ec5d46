import { setTimeout as sleep } from 'node:timers/promises';
import { ProjectionTimeoutError } from './position-waiters';
import type { ReadDocument, ReadStore } from './read-store';

export const STREAM_HEADS = '_stream_heads';

interface HeadRecord extends ReadDocument {
  readonly revision: number;
}

/** The first look at the store is immediate; then it backs off to this, so a slow feed costs few reads. */
const FIRST_POLL_MS = 10;
const MAX_POLL_MS = 200;

/**
 * The highest revision of each stream that every projection has applied, kept in a read store that
 * several runners share (gateway replicas on one MongoDB, ADR 0004). Exactly one replica applies
 * each event, so a mutation answered by another replica learns from here that its write is visible.
 */
export class SharedStreamHeads {
  constructor(private readonly store: ReadStore) {}

  /** Called once every projection has applied the event. $max: a late, older write never moves a stream back. */
  async record(streamId: string, revision: number): Promise<void> {
    await this.heads().updateOne({ _id: streamId }, { $max: { revision } }, { upsert: true });
  }

  /**
   * Resolves once the stream reached `revision`, by whichever runner: `local` is this runner's own
   * waiter (instant when this replica applies the event), raced against the shared record. The
   * loser is withdrawn, so no timer outlives the answer.
   */
  async wait(streamId: string, revision: number, timeoutMs: number, local: (signal: AbortSignal) => Promise<void>): Promise<void> {
    const done = new AbortController();
    const mine = local(done.signal);
    const shared = this.poll(streamId, revision, timeoutMs, done.signal);
    // The loser rejects with the abort reason once withdrawn: nobody is left to hear it.
    mine.catch(() => undefined);
    shared.catch(() => undefined);
    try {
      await Promise.race([mine, shared]);
    } finally {
      done.abort();
    }
  }

  private async poll(streamId: string, revision: number, timeoutMs: number, signal: AbortSignal): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let delay = FIRST_POLL_MS;
    for (;;) {
      const head = await this.head(streamId);
      if (head >= revision) return;
      const left = deadline - Date.now();
      if (left <= 0) throw new ProjectionTimeoutError(revision, timeoutMs, { [streamId]: head });
      await sleep(Math.min(delay, left), undefined, { signal });
      delay = Math.min(delay * 2, MAX_POLL_MS);
    }
  }

  private async head(streamId: string): Promise<number> {
    return (await this.heads().findOne({ _id: streamId }))?.revision ?? -1;
  }

  private heads() {
    return this.store.collection<HeadRecord>(STREAM_HEADS);
  }
}
