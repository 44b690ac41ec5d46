import { CONTEXTS } from '@gongkai/contracts';
import type { RecordedEvent } from '@gongkai/event-sourcing';
import { systemActor } from '@gongkai/kernel';
import type { DeadlineChange, DeadlineRule } from '@gongkai/messaging';
import type { PublicMessageEvent } from '@gongkai/participation/domain';

const actor = systemActor('participation.overdue-messages');

type DataOf<T extends PublicMessageEvent['type']> = Extract<PublicMessageEvent, { type: T }>['data'];

/** No answer is awaited any more once one of these happened. */
const SETTLING: readonly PublicMessageEvent['type'][] = ['PublicMessageAnswered', 'ComplaintRedirected', 'PublicMessageEscalated'];

/**
 * Escalation (督办) of public messages left unanswered past their due date: the office and the
 * leadership see them in their escalated list. A message without a due date (no calendar for its
 * year) waits for none.
 */
export const overdueMessageRule: DeadlineRule = {
  durableName: 'participation.overdue-messages',
  context: CONTEXTS.participation,
  read(event: RecordedEvent): DeadlineChange | undefined {
    const type = event.type as PublicMessageEvent['type'];
    if (type === 'PublicMessageReceived') {
      const data = event.data as DataOf<'PublicMessageReceived'>;
      return data.answerDueOn === null ? undefined : { subjectId: data.messageId, dueOn: data.answerDueOn };
    }
    return SETTLING.includes(type) ? { subjectId: (event.data as { messageId: string }).messageId, settled: true } : undefined;
  },
  commandFor: (messageId) => ({
    context: CONTEXTS.participation,
    type: 'EscalateOverduePublicMessage',
    data: { messageId },
    metadata: { actor, correlationId: `overdue-message:${messageId}`, idempotencyKey: `escalate-overdue-message:${messageId}` },
  }),
};
