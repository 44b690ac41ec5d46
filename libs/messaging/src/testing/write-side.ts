import { defaultCalendar } from '@gongkai/calendar';
import { CONTEXTS, PUBLICATION_REVIEW_APPROVED, type PublicationSubject } from '@gongkai/contracts';
import type { Clock, RecordedEvent } from '@gongkai/event-sourcing';
import { SqliteEventStore } from '@gongkai/event-sourcing/sqlite';
import type { CommandEnvelope } from '../command-bus';
import { type DeciderRoute, deciderCommandHandler } from '../decider-command-handler';
import { InProcessCommandBus } from '../in-process/in-process-command-bus';

export interface WriteSide {
  readonly store: SqliteEventStore;
  readonly bus: InProcessCommandBus;
  /** What the context told oversight, in order. */
  readonly oversight: CommandEnvelope[];
}

/**
 * A context's write side without Nest: its real routes and deciders over an in-memory SQLite store
 * behind the in-process bus, and a stand-in for oversight that records what it is told.
 */
export const startWriteSide = async (context: string, routes: Readonly<Record<string, DeciderRoute>>, clock: Clock): Promise<WriteSide> => {
  const store = new SqliteEventStore(':memory:');
  const bus = new InProcessCommandBus();
  const oversight: CommandEnvelope[] = [];
  await bus.serve(context, deciderCommandHandler({ store, clock, calendar: defaultCalendar(), routes }));
  await bus.serve(CONTEXTS.oversight, async (command) => {
    oversight.push(command);
    return { streamId: 'oversight', revision: 0, position: 0 };
  });
  return { store, bus, oversight };
};

/** The review gate's approval of exactly `subject`, as far as a context's publisher reads it. */
export const reviewApproved = (subject: PublicationSubject): RecordedEvent =>
  ({
    id: `approved-${subject.reviewId}`,
    type: PUBLICATION_REVIEW_APPROVED,
    streamId: `oversight.PublicationReview-${subject.reviewId}`,
    data: { reviewId: subject.reviewId, subject, approvedBy: 'demo-reviewer' },
    metadata: { actor: { id: 'demo-reviewer', roles: ['reviewer'] }, correlationId: 'review', causationId: null },
  }) as unknown as RecordedEvent;
