import type { RecordedEvent } from '@gongkai/event-sourcing';
import type { LocalDate } from '@gongkai/kernel';
import type { CommandBus, CommandEnvelope } from './command-bus';
import type { EventBus, EventConsumer } from './event-bus';

/**
 * What one event says about a deadline: a subject now waits until a day, waits no longer, or waits
 * for a day that cannot be counted yet (a year of its period has no working-day calendar).
 */
export type DeadlineChange =
  | { readonly subjectId: string; readonly dueOn: LocalDate }
  | { readonly subjectId: string; readonly settled: true }
  | { readonly subjectId: string; readonly undated: true };

/** A rule of the form "if nothing happened by that day, do this": the events that set and settle it, and the command. */
export interface DeadlineRule {
  readonly durableName: string;
  readonly context: string;
  /**
   * What the event says, or nothing. A rule that counts the due day on a live calendar answers
   * `undated` while it cannot; the watch reads the same event again at every tick until it can.
   */
  read(event: RecordedEvent): DeadlineChange | undefined;
  /** Sent once the due day has passed; its idempotency key makes a repeat harmless. */
  commandFor(subjectId: string): CommandEnvelope;
}

/**
 * A process manager driven by time: it follows the events to know what waits until when, and a
 * timer asks it to look at the calendar. The decider receiving the command makes the final call,
 * so a stale view does nothing twice. Kept in memory and rebuilt from the whole log at every
 * start, as the in-memory read models are; what is overdue by then is acted on while replaying.
 * A subject whose due day cannot be counted yet is kept with the event that set it, read again at
 * every tick (so it is watched once its year is loaded) and replaced by any later event about it.
 */
export class DeadlineWatch implements TimedProcessManager {
  private readonly waiting = new Map<string, LocalDate>();
  private readonly undated = new Map<string, RecordedEvent>();

  constructor(
    private readonly rule: DeadlineRule,
    private readonly commands: CommandBus,
    private readonly today: () => LocalDate,
    private readonly onError: (subjectId: string, error: unknown) => void = () => undefined,
  ) {}

  consumer(): EventConsumer {
    return {
      durableName: this.rule.durableName,
      contexts: [this.rule.context],
      // A checkpoint that never has a position makes either bus deliver everything again.
      checkpoint: { load: async () => undefined, save: async () => undefined },
      handle: (event) => this.handle(event),
    };
  }

  async handle(event: RecordedEvent): Promise<void> {
    const change = this.rule.read(event);
    if (!change) return;
    this.track(change, event);
    if ('dueOn' in change && this.today() > change.dueOn) await this.act(change.subjectId);
  }

  /** Dates what the calendar now can, then acts on everything overdue today; a failure is reported and retried at the next tick. */
  async tick(): Promise<void> {
    for (const [subjectId, event] of [...this.undated]) {
      const change = this.rule.read(event);
      if (change && 'undated' in change) continue;
      this.undated.delete(subjectId);
      if (change) this.track(change, event);
    }
    const today = this.today();
    for (const [subjectId, dueOn] of [...this.waiting]) {
      if (today > dueOn) await this.act(subjectId);
    }
  }

  /** What still waits, and until when: for operators and tests. */
  pending(): ReadonlyMap<string, LocalDate> {
    return this.waiting;
  }

  /** What waits for a calendar year before its due day can be counted. */
  undatedSubjects(): readonly string[] {
    return [...this.undated.keys()];
  }

  private track(change: DeadlineChange, event: RecordedEvent): void {
    const { subjectId } = change;
    if ('dueOn' in change) this.waiting.set(subjectId, change.dueOn);
    else this.waiting.delete(subjectId);
    if ('undated' in change) this.undated.set(subjectId, event);
    else this.undated.delete(subjectId);
  }

  private async act(subjectId: string): Promise<void> {
    try {
      await this.commands.send(this.rule.commandFor(subjectId));
      this.waiting.delete(subjectId);
    } catch (error) {
      this.onError(subjectId, error);
    }
  }
}

/** A process manager that follows events and also wakes on a timer. */
export interface TimedProcessManager {
  consumer(): EventConsumer;
  tick(): Promise<void>;
}

/** Subscribes the manager and starts its timer (which never keeps the process alive); `stop` undoes both. */
export const runOnTimer = async (events: EventBus, manager: TimedProcessManager, tickMs: number): Promise<{ stop(): Promise<void> }> => {
  const subscription = await events.subscribe(manager.consumer());
  const timer = setInterval(() => void manager.tick(), tickMs);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await subscription.close();
    },
  };
};
