import type { RecordedEvent } from '@gongkai/event-sourcing';
import type { EventSource, Projection } from './projection';
import { PositionWaiters, ProjectionTimeoutError } from './position-waiters';
import { assertDistinct, settleAll } from './projection-runner-support';
import { ProjectionVersions } from './projection-versions';
import type { ReadStore } from './read-store';
import { SharedStreamHeads } from './shared-stream-heads';
import { StreamRevisions } from './stream-revisions';
import { StreamRevisionWaiters } from './stream-revision-waiters';

/** The position of a projection that has handled nothing yet. */
export const BEFORE_FIRST_EVENT = -1;

export interface ProjectionRunnerOptions {
  /**
   * Other runners feed the same read store (gateway replicas on one MongoDB): each event is applied
   * by one of them, and a wait for a stream revision also reads what the others recorded. By
   * default, what the store says of itself (`ReadStore.sharedBetweenProcesses`).
   */
  readonly shared?: boolean;
}

/**
 * Feeds events to projections, idempotently: each projection skips what it already applied to a
 * stream, and records its checkpoint beside its data. Events are handled one at a time, in the
 * order `handle` was called, so no two writes of one projection ever race.
 */
export class ProjectionRunner {
  private readonly revisions: StreamRevisions;
  private readonly versions: ProjectionVersions;
  private readonly positions = new Map<string, number>();
  private readonly waiters = new PositionWaiters();
  private readonly streams = new StreamRevisionWaiters();
  /** Set when the store is shared with other runners. */
  private readonly sharedHeads: SharedStreamHeads | undefined;
  private readonly handled: ReadonlyMap<Projection, ReadonlySet<string>>;
  private queue: Promise<unknown> = Promise.resolve();
  private started = false;

  constructor(
    private readonly store: ReadStore,
    private readonly projections: readonly Projection[],
    options: ProjectionRunnerOptions = {},
  ) {
    assertDistinct(projections);
    this.sharedHeads = (options.shared ?? store.sharedBetweenProcesses) ? new SharedStreamHeads(store) : undefined;
    this.revisions = new StreamRevisions(store);
    this.versions = new ProjectionVersions(store);
    this.handled = new Map(projections.map((p) => [p, new Set(p.handles)]));
  }

  /**
   * Declares indexes, then rebuilds from `source` every projection whose stored version is not its
   * code version. A projection never run before has none: with a source it is built from the whole
   * log; without one it starts empty, and the caller feeds it from the start.
   */
  start(source?: EventSource): Promise<void> {
    return this.exclusive(async () => {
      await this.revisions.declareIndexes();
      const stale: Projection[] = [];
      for (const projection of this.projections) {
        await this.declareIndexes(projection);
        const checkpoint = await this.store.loadCheckpoint(projection.name);
        this.positions.set(projection.name, checkpoint ?? BEFORE_FIRST_EVENT);
        const stored = await this.versions.load(projection.name);
        if (stored === projection.version) continue;
        if (source || stored !== undefined || checkpoint !== undefined) stale.push(projection);
        else await this.versions.save(projection.name, projection.version);
      }
      if (stale.length && !source) {
        throw new Error(`Projections ${stale.map((p) => p.name).join(', ')} changed version and must be rebuilt: pass an event source to start().`);
      }
      this.started = true;
      if (source && stale.length) await this.replay(source, stale);
      // Callers may have started waiting before the checkpoints were loaded.
      this.waiters.reached(this.position);
    });
  }

  handle(event: RecordedEvent): Promise<void> {
    if (!this.started) return Promise.reject(new Error('ProjectionRunner.start() must complete before events are handled.'));
    return this.exclusive(async () => {
      await this.applyToAll(this.projections, event, true);
      await this.sharedHeads?.record(event.streamId, event.revision);
      this.streams.reached(event.streamId, event.revision);
    });
  }

  /**
   * Resolves once every projection has handled the stream up to `revision`. Unlike a global
   * position this holds when events of several event stores or relays arrive interleaved. With a
   * shared store, "handled" means by any runner feeding it, not only by this one.
   */
  waitForStreamRevision(streamId: string, revision: number, timeoutMs: number): Promise<void> {
    if (!this.sharedHeads) return this.streams.wait(streamId, revision, timeoutMs);
    return this.sharedHeads.wait(streamId, revision, timeoutMs, (signal) => this.streams.wait(streamId, revision, timeoutMs, signal));
  }

  /** Drops the named projections' data (all by default) and applies `source` from the start. */
  rebuild(source: EventSource, names?: readonly string[]): Promise<void> {
    const targets = names ? this.projections.filter((p) => names.includes(p.name)) : this.projections;
    return this.exclusive(() => this.replay(source, targets));
  }

  /** The lowest global position every projection has handled: -1 before the first event, infinite with no projection. */
  get position(): number {
    return this.projections.reduce((lowest, p) => Math.min(lowest, this.positionOf(p)), Number.POSITIVE_INFINITY);
  }

  /** Each projection's checkpoint (global position), for metrics and readiness. */
  checkpoints(): Readonly<Record<string, number>> {
    return Object.fromEntries(this.projections.map((p) => [p.name, this.positionOf(p)]));
  }

  /** Resolves once every projection has handled everything up to `position` (read-your-writes). */
  waitForPosition(position: number, timeoutMs: number): Promise<void> {
    if (this.started && this.position >= position) return Promise.resolve();
    return this.waiters.wait(position, timeoutMs, () => new ProjectionTimeoutError(position, timeoutMs, this.lagging(position)));
  }

  private async replay(source: EventSource, targets: readonly Projection[]): Promise<void> {
    for (const projection of targets) await this.reset(projection);
    let last: number | undefined;
    for await (const event of typeof source === 'function' ? source(undefined) : source) {
      await this.applyToAll(targets, event, false);
      this.streams.reached(event.streamId, event.revision);
      last = event.globalPosition;
    }
    // A replay interrupted half way leaves the old version stored, so the next start replays again
    // (and drops whatever records and data the interrupted one wrote).
    for (const projection of targets) {
      await this.revisions.flush(projection.name);
      if (last !== undefined) await this.store.saveCheckpoint(projection.name, this.positionOf(projection));
      await this.versions.save(projection.name, projection.version);
    }
  }

  private async reset(projection: Projection): Promise<void> {
    for (const collection of projection.collections) await this.store.dropCollection(collection);
    await this.revisions.forget(projection.name);
    await this.store.saveCheckpoint(projection.name, BEFORE_FIRST_EVENT);
    this.positions.set(projection.name, BEFORE_FIRST_EVENT);
    await this.declareIndexes(projection);
  }

  /** One event to each projection; with several, all settle before a failure is raised. */
  private applyToAll(projections: readonly Projection[], event: RecordedEvent, live: boolean): Promise<void> {
    if (projections.length === 1) return this.applyTo(projections[0], event, live);
    return settleAll(projections.map((p) => this.applyTo(p, event, live)));
  }

  /** `live`: handled as it happens, checkpoint and revision record saved with it; else part of a replay, saved at its end. */
  private async applyTo(projection: Projection, event: RecordedEvent, live: boolean): Promise<void> {
    if (this.handled.get(projection)?.has(event.type)) {
      const last = this.revisions.known(projection.name, event.streamId) ?? (await this.revisions.last(projection.name, event.streamId));
      if (event.revision <= last) return;
      try {
        await projection.apply(event, this.store);
      } catch (cause) {
        throw new Error(`Projection ${projection.name} failed on ${event.type} ${event.id} (${event.streamId}@${event.revision}).`, { cause });
      }
      if (live) await this.revisions.record(projection.name, event.streamId, event.revision);
      else this.revisions.recordLater(projection.name, event.streamId, event.revision);
    }
    if (event.globalPosition <= this.positionOf(projection)) return;
    if (live) await this.store.saveCheckpoint(projection.name, event.globalPosition);
    this.positions.set(projection.name, event.globalPosition);
    this.waiters.reached(this.position);
  }

  private async declareIndexes(projection: Projection): Promise<void> {
    for (const [collection, specs] of Object.entries(projection.indexes ?? {})) {
      for (const spec of specs) await this.store.collection(collection).createIndex(spec);
    }
  }

  private positionOf(projection: Projection): number {
    return this.positions.get(projection.name) ?? BEFORE_FIRST_EVENT;
  }

  private lagging(position: number): Record<string, number> {
    const lagging: Record<string, number> = {};
    for (const projection of this.projections) {
      const at = this.positionOf(projection);
      if (at < position) lagging[projection.name] = at;
    }
    return lagging;
  }

  /** Runs `work` after everything queued before it; a failure rejects only its own caller. */
  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work);
    this.queue = run.catch(() => undefined);
    return run;
  }
}
