import { localDateOf } from '@gongkai/calendar';
import { CONTEXTS } from '@gongkai/contracts';
import type { RecordedEvent } from '@gongkai/event-sourcing';
import { type LocalDate, systemActor } from '@gongkai/kernel';
import type { CommandBus, EventConsumer } from '@gongkai/messaging';
import type { InformationRequestEvent } from '@gongkai/requests/domain';

const actor = systemActor('requests.supplement-deadlines');

type DataOf<T extends InformationRequestEvent['type']> = Extract<InformationRequestEvent, { type: T }>['data'];

/**
 * Closes a request as "no supplement" once its supplement due date has passed (Regulations Art. 30:
 * not supplemented in time, the request is deemed withdrawn). A process manager driven by time:
 * it follows the requests' events to know which wait for a supplement and until when, and a timer
 * asks it to look at the calendar. The decider makes the final call, so a stale view closes nothing.
 * Notices entered after their due date had passed are left to the staff (they answer OTHER_NO_SUPPLEMENT).
 */
export class SupplementDeadlineWatch {
  /** Request id → the last day the applicant may supplement. */
  private readonly awaiting = new Map<string, LocalDate>();

  constructor(
    private readonly commands: CommandBus,
    private readonly today: () => LocalDate,
    private readonly onError: (requestId: string, error: unknown) => void = () => undefined,
  ) {}

  /**
   * Kept in memory and rebuilt from the whole log at every start, as the read models are: a
   * checkpoint that never has a position makes either bus deliver everything again.
   */
  consumer(): EventConsumer {
    return {
      durableName: 'requests.supplement-deadlines',
      contexts: [CONTEXTS.requests],
      checkpoint: { load: async () => undefined, save: async () => undefined },
      handle: (event) => this.handle(event),
    };
  }

  async handle(event: RecordedEvent): Promise<void> {
    const type = event.type as InformationRequestEvent['type'];
    if (type === 'SupplementRequested') {
      const data = event.data as DataOf<'SupplementRequested'>;
      // A notice recorded after its own due date is history being transcribed from paper, with the
      // supplement perhaps recorded next: the staff entering it decide, not the clock.
      if (data.supplementDueOn < localDateOf(new Date(event.occurredAt))) return;
      this.awaiting.set(data.requestId, data.supplementDueOn);
      if (this.today() > data.supplementDueOn) await this.close(data.requestId);
    } else if (type === 'SupplementReceived' || type === 'InformationRequestAnswered') {
      this.awaiting.delete((event.data as { requestId: string }).requestId);
    }
  }

  /** Closes every request whose supplement is overdue today; a failure is reported and retried at the next tick. */
  async tick(): Promise<void> {
    const today = this.today();
    for (const [requestId, dueOn] of [...this.awaiting]) {
      if (today > dueOn) await this.close(requestId);
    }
  }

  /** The requests still waiting, for operators and tests. */
  waiting(): ReadonlyMap<string, LocalDate> {
    return this.awaiting;
  }

  private async close(requestId: string): Promise<void> {
    try {
      await this.commands.send({
        context: CONTEXTS.requests,
        type: 'CloseRequestWithoutSupplement',
        data: { requestId },
        metadata: { actor, correlationId: `supplement-deadline:${requestId}`, idempotencyKey: `close-without-supplement:${requestId}` },
      });
      this.awaiting.delete(requestId);
    } catch (error) {
      this.onError(requestId, error);
    }
  }
}
