import { CONTEXTS } from '@gongkai/contracts';
import type { RecordedEvent } from '@gongkai/event-sourcing';
import { systemActor, type WorkingDayCalendar } from '@gongkai/kernel';
import type { DeadlineRule } from '@gongkai/messaging';
import { dueDayOf, type PublicMessageEvent } from '@gongkai/participation/domain';

const actor = systemActor('participation.overdue-messages');

type DataOf<T extends PublicMessageEvent['type']> = Extract<PublicMessageEvent, { type: T }>['data'];

/** No answer is awaited any more once one of these happened. */
const SETTLING: readonly PublicMessageEvent['type'][] = ['PublicMessageAnswered', 'ComplaintRedirected', 'PublicMessageEscalated'];

/**
 * Escalation (督办) of public messages left unanswered past their due date: the office and the
 * leadership see them in their escalated list. The due day is the one recorded at receipt or, for
 * a message received while a year of its period had no calendar, the one the live calendar gives
 * now, as the decider counts it; while the calendar still cannot, it waits undated and the watch
 * reads its receipt again at every tick, so it is escalated the day after its due day once the
 * year is loaded.
 */
export const overdueMessageRule = (calendar: WorkingDayCalendar): DeadlineRule => ({
  durableName: 'participation.overdue-messages',
  context: CONTEXTS.participation,
  read(event: RecordedEvent) {
    const type = event.type as PublicMessageEvent['type'];
    if (type === 'PublicMessageReceived') {
      const data = event.data as DataOf<'PublicMessageReceived'>;
      const dueOn = dueDayOf(calendar, data);
      return dueOn === null ? { subjectId: data.messageId, undated: true } : { subjectId: data.messageId, dueOn };
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
