/** `waitForPosition` gave up: the read models are behind the position the caller wrote at. */
export class ProjectionTimeoutError extends Error {
  override readonly name = 'ProjectionTimeoutError';
  readonly code = 'READ_MODEL_TIMEOUT';
  constructor(
    readonly position: number,
    readonly timeoutMs: number,
    /** Each projection still behind, with the position it had reached. */
    readonly lagging: Readonly<Record<string, number>>,
  ) {
    const behind = Object.entries(lagging).map(([name, at]) => `${name} at ${at}`).join(', ');
    super(`Read models did not reach global position ${position} within ${timeoutMs} ms (behind: ${behind}).`);
  }
}

interface Waiter {
  readonly position: number;
  readonly resolve: () => void;
  readonly timer: NodeJS.Timeout;
}

/** Callers parked until the lowest projection position reaches theirs. */
export class PositionWaiters {
  private readonly waiters = new Set<Waiter>();

  /** `signal` withdraws the caller (it rejects with the signal's reason) once it no longer needs the answer. */
  wait(position: number, timeoutMs: number, onTimeout: () => Error, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        position,
        resolve,
        timer: setTimeout(() => {
          this.waiters.delete(waiter);
          reject(onTimeout());
        }, timeoutMs),
      };
      this.waiters.add(waiter);
      signal?.addEventListener(
        'abort',
        () => {
          if (!this.waiters.delete(waiter)) return;
          clearTimeout(waiter.timer);
          reject(signal.reason);
        },
        { once: true },
      );
    });
  }

  get size(): number {
    return this.waiters.size;
  }

  /** Releases everyone waiting for `reached` or an earlier position. */
  reached(reached: number): void {
    for (const waiter of this.waiters) {
      if (waiter.position > reached) continue;
      clearTimeout(waiter.timer);
      this.waiters.delete(waiter);
      waiter.resolve();
    }
  }
}
