import { localDateOf } from '@gongkai/calendar';
import { CONTEXTS } from '@gongkai/contracts';
import type { RecordedEvent } from '@gongkai/event-sourcing';
import { systemActor } from '@gongkai/kernel';
import type { DeadlineChange, DeadlineRule } from '@gongkai/messaging';
import type { InformationRequestEvent } from '@gongkai/requests/domain';

const actor = systemActor('requests.supplement-deadlines');

type DataOf<T extends InformationRequestEvent['type']> = Extract<InformationRequestEvent, { type: T }>['data'];

/**
 * Closes a request as "no supplement" once its supplement due date has passed (Regulations Art. 30:
 * not supplemented in time, the request is deemed withdrawn). The decider makes the final call, so
 * a stale view closes nothing. Notices entered after their due date had passed are left to the
 * staff (they answer OTHER_NO_SUPPLEMENT).
 */
export const supplementDeadlineRule: DeadlineRule = {
  durableName: 'requests.supplement-deadlines',
  context: CONTEXTS.requests,
  read(event: RecordedEvent): DeadlineChange | undefined {
    const type = event.type as InformationRequestEvent['type'];
    if (type === 'SupplementRequested') {
      const data = event.data as DataOf<'SupplementRequested'>;
      // A notice recorded after its own due date is history being transcribed from paper, with the
      // supplement perhaps recorded next: the staff entering it decide, not the clock.
      if (data.supplementDueOn < localDateOf(new Date(event.occurredAt))) return undefined;
      return { subjectId: data.requestId, dueOn: data.supplementDueOn };
    }
    if (type === 'SupplementReceived' || type === 'InformationRequestAnswered') return { subjectId: (event.data as { requestId: string }).requestId, settled: true };
    return undefined;
  },
  commandFor: (requestId) => ({
    context: CONTEXTS.requests,
    type: 'CloseRequestWithoutSupplement',
    data: { requestId },
    metadata: { actor, correlationId: `supplement-deadline:${requestId}`, idempotencyKey: `close-without-supplement:${requestId}` },
  }),
};
