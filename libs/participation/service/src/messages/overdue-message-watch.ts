import { CONTEXTS } from '@gongkai/contracts';
import type { RecordedEvent } from '@gongkai/event-sourcing';
import { type LocalDate, systemActor, type WorkingDayCalendar } from '@gongkai/kernel';
import { type CommandBus, type DeadlineRule, DeadlineWatch, type EventConsumer, type TimedProcessManager } from '@gongkai/messaging';
import { dueDayOf, type PublicMessageEvent } from '@gongkai/participation/domain';

const actor = systemActor('participation.overdue-messages');

type DataOf<T extends PublicMessageEvent['type']> = Extract<PublicMessageEvent, { type: T }>['data'];

/** No answer is awaited any more once one of these happened. */
const SETTLING: readonly PublicMessageEvent['type'][] = ['PublicMessageAnswered', 'ComplaintRedirected', 'PublicMessageEscalated'];

/**
 * Escalation (督办) of public messages left unanswered past their due date: the office and the
 * leadership see them in their escalated list. The due day is the one recorded at receipt or, for
 * a message received while a year of its period had no calendar, the one the live calendar gives
 * now, as the decider counts it; while the calendar still cannot, the message waits for none.
 */
export const overdueMessageRule = (calendar: WorkingDayCalendar): DeadlineRule => ({
  durableName: 'participation.overdue-messages',
  context: CONTEXTS.participation,
  read(event: RecordedEvent) {
    const type = event.type as PublicMessageEvent['type'];
    if (type === 'PublicMessageReceived') {
      const data = event.data as DataOf<'PublicMessageReceived'>;
      const dueOn = dueDayOf(calendar, data);
      return dueOn === null ? undefined : { subjectId: data.messageId, dueOn };
    }
    return SETTLING.includes(type) ? { subjectId: (event.data as { messageId: string }).messageId, settled: true } : undefined;
  },
  commandFor: (messageId) => ({
    context: CONTEXTS.participation,
    type: 'EscalateOverduePublicMessage',
    data: { messageId },
    metadata: { actor, correlationId: `overdue-message:${messageId}`, idempotencyKey: `escalate-overdue-message:${messageId}` },
  }),
});

/**
 * The overdue-message watch: the shared deadline watch, plus the messages it could not date yet.
 * Those are read again at every tick, so once an administrator loads the year they are watched
 * and escalated the day after their due day like any other.
 */
export class OverdueMessageWatch implements TimedProcessManager {
  private readonly rule: DeadlineRule;
  private readonly watch: DeadlineWatch;
  private readonly undated = new Map<string, RecordedEvent>();

  constructor(calendar: WorkingDayCalendar, commands: CommandBus, today: () => LocalDate, onError?: (messageId: string, error: unknown) => void) {
    this.rule = overdueMessageRule(calendar);
    this.watch = new DeadlineWatch(this.rule, commands, today, onError);
  }

  consumer(): EventConsumer {
    return { ...this.watch.consumer(), handle: (event) => this.handle(event) };
  }

  async handle(event: RecordedEvent): Promise<void> {
    const change = this.rule.read(event);
    if (event.type === 'PublicMessageReceived' && !change) this.undated.set((event.data as DataOf<'PublicMessageReceived'>).messageId, event);
    if (change && 'settled' in change) this.undated.delete(change.subjectId);
    await this.watch.handle(event);
  }

  async tick(): Promise<void> {
    for (const [messageId, received] of [...this.undated]) {
      if (!this.rule.read(received)) continue;
      this.undated.delete(messageId);
      await this.watch.handle(received);
    }
    await this.watch.tick();
  }

  /** Dated messages still waiting, and until when: for operators and tests. */
  pending(): ReadonlyMap<string, LocalDate> {
    return this.watch.pending();
  }

  /** Messages waiting for a calendar year before they can be dated. */
  undatedMessages(): readonly string[] {
    return [...this.undated.keys()];
  }
}
