import type { Actor } from '../actor';
import type { Command, DecideContext, Decider, DomainEvent } from '../decider';
import { DomainError, type ErrorCode } from '../errors';
import type { WorkingDayCalendar } from '../working-days';

/**
 * given / when / then over events, as a specification reads: the state comes only from past
 * events, the command is decided with a fixed context, and the outcome is new events or an error.
 */
export interface DecisionOutcome<E> {
  then(expected: readonly E[]): void;
  thenNothingHappened(): void;
  thenThrows(code: ErrorCode, rule?: string): DomainError;
  /** The produced events, for assertions the other forms cannot express. */
  events(): E[];
}

export interface SpecificationContext {
  readonly now?: Date | string;
  readonly actor?: Actor;
  readonly correlationId?: string;
  readonly calendar?: WorkingDayCalendar;
}

/** A calendar for deciders that must not depend on working days: any use of it is a mistake. */
const NO_CALENDAR: WorkingDayCalendar = new Proxy({} as WorkingDayCalendar, {
  get: () => {
    throw new Error('This specification has no working-day calendar: pass one with DeciderSpecification.for(decider, { calendar }).');
  },
});

export const STAFF_FOR_TESTS: Actor = { id: 'user-window', roles: ['staff'], agencyCode: '445300', departmentCode: 'SERVICE_WINDOW' };

export const DeciderSpecification = {
  for<C extends Command, E extends DomainEvent, S>(decider: Decider<C, E, S>, defaults: SpecificationContext = {}) {
    return (given: readonly E[] = []) => ({
      when(command: C, overrides: SpecificationContext = {}): DecisionOutcome<E> {
        const settings = { ...defaults, ...overrides };
        const now = settings.now ?? '2026-03-02T02:00:00Z';
        const context: DecideContext = {
          now: typeof now === 'string' ? new Date(now) : now,
          actor: settings.actor ?? STAFF_FOR_TESTS,
          calendar: settings.calendar ?? NO_CALENDAR,
          correlationId: settings.correlationId ?? 'correlation-test',
        };
        const run = (): E[] => decider.decide(command, given.reduce(decider.evolve, decider.initialState()), context);
        return {
          then(expected) {
            expect(run()).toEqual(expected);
          },
          thenNothingHappened() {
            expect(run()).toEqual([]);
          },
          thenThrows(code, rule) {
            let caught: unknown;
            try {
              run();
            } catch (error) {
              caught = error;
            }
            expect(caught).toBeInstanceOf(DomainError);
            const error = caught as DomainError;
            expect(error.code).toBe(code);
            if (rule) expect(error.rule).toBe(rule);
            return error;
          },
          events: run,
        };
      },
    });
  },
};
