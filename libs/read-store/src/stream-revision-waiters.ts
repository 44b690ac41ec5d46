import { PositionWaiters, ProjectionTimeoutError } from './position-waiters';

/**
 * The highest revision the runner has handled per stream, and the callers waiting for one.
 * Heads are kept for every stream seen: a number per aggregate, cheap beside the read models.
 */
export class StreamRevisionWaiters {
  private readonly heads = new Map<string, number>();
  private readonly waiting = new Map<string, PositionWaiters>();

  reached(streamId: string, revision: number): void {
    if (revision <= (this.heads.get(streamId) ?? -1)) return;
    this.heads.set(streamId, revision);
    this.waiting.get(streamId)?.reached(revision);
  }

  wait(streamId: string, revision: number, timeoutMs: number, signal?: AbortSignal): Promise<void> {
    if ((this.heads.get(streamId) ?? -1) >= revision) return Promise.resolve();
    let waiters = this.waiting.get(streamId);
    if (!waiters) {
      waiters = new PositionWaiters();
      this.waiting.set(streamId, waiters);
    }
    const pending = waiters.wait(revision, timeoutMs, () => new ProjectionTimeoutError(revision, timeoutMs, { [streamId]: this.heads.get(streamId) ?? -1 }), signal);
    const forget = () => {
      if (waiters?.size === 0) this.waiting.delete(streamId);
    };
    pending.then(forget, forget);
    return pending;
  }
}
