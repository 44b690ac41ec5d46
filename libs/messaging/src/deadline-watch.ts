import type { RecordedEvent } from '@gongkai/event-sourcing';
import type { LocalDate } from '@gongkai/kernel';
import type { CommandBus, CommandEnvelope } from './command-bus';
import type { EventBus, EventConsumer } from './event-bus';

/** What one event says about a deadline: a subject now waits until a day, or waits no longer. */
export type DeadlineChange = { readonly subjectId: string; readonly dueOn: LocalDate } | { readonly subjectId: string; readonly settled: true };

/** A rule of the form "if nothing happened by that day, do this": the events that set and settle it, and the command. */
export interface DeadlineRule {
  readonly durableName: string;
  readonly context: string;
  read(event: RecordedEvent): DeadlineChange | undefined;
  /** Sent once the due day has passed; its idempotency key makes a repeat harmless. */
  commandFor(subjectId: string): CommandEnvelope;
}

/**
 * A process manager driven by time: it follows the events to know what waits until when, and a
 * timer asks it to look at the calendar. The decider receiving the command makes the final call,
 * so a stale view does nothing twice. Kept in memory and rebuilt from the whole log at every
 * start, as the in-memory read models are; what is overdue by then is acted on while replaying.
 */
export class DeadlineWatch {
  private readonly waiting = new Map<string, LocalDate>();

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
    if ('settled' in change) {
      this.waiting.delete(change.subjectId);
      return;
    }
    this.waiting.set(change.subjectId, change.dueOn);
    if (this.today() > change.dueOn) await this.act(change.subjectId);
  }

  /** Acts on everything overdue today; a failure is reported and retried at the next tick. */
  async tick(): Promise<void> {
    const today = this.today();
    for (const [subjectId, dueOn] of [...this.waiting]) {
      if (today > dueOn) await this.act(subjectId);
    }
  }

  /** What still waits, and until when: for operators and tests. */
  pending(): ReadonlyMap<string, LocalDate> {
    return this.waiting;
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
