import type { LocalDate, WorkingDayCalendar } from '@gongkai/kernel';
import { ANSWER_PERIOD_WORKING_DAYS } from './request-terms';

/** The facts the clock is derived from, as the events recorded them. */
export interface ClockFacts {
  readonly receivedOn: LocalDate;
  readonly supplement?: { readonly noticeOn: LocalDate; readonly dueOn: LocalDate; readonly receivedOn?: LocalDate };
  readonly consultations: readonly { readonly sentOn: LocalDate; readonly replyDueOn: LocalDate; readonly repliedOn?: LocalDate }[];
  readonly extension?: { readonly workingDays: number };
}

/** A time the clock did not run, as the applicant and staff see it. */
export interface ClockPause {
  readonly kind: 'SUPPLEMENT' | 'THIRD_PARTY_CONSULTATION';
  readonly from: LocalDate;
  /** The day the pause ended (included in it); for a pending one, the day it ends at the latest. */
  readonly until: LocalDate | null;
  /** Working days by which this pause moved the due date; null while that is not yet known. */
  readonly workingDays: number | null;
  readonly pending: boolean;
}

export interface RequestClock {
  /** The reference day the answer period counts from: receipt, or the day the supplement arrived. */
  readonly countsFrom: LocalDate | null;
  /** Null while the clock is stopped waiting for a supplement. */
  readonly answerDueOn: LocalDate | null;
  readonly pauses: readonly ClockPause[];
}

const later = (a: LocalDate, b: LocalDate): LocalDate => (a > b ? a : b);
const earlier = (a: LocalDate, b: LocalDate): LocalDate => (a < b ? a : b);

/**
 * The answer deadline, derived from the events every time and never stored by hand.
 *
 * - Regulations Art. 33: 20 working days, counted from the day after the reference day.
 * - Regulations Art. 30: after a supplement notice the clock stops; it starts again from the day
 *   the supplement is received, which becomes the reference day.
 * - Regulations Art. 32, 33: the working days from the day after a consultation was sent up to and
 *   including the day the reply arrived — or the third party's 15-working-day limit ran out — are
 *   not counted. Until a reply arrives the third party is assumed to use its whole limit: the
 *   deadline never looks earlier than it can turn out to be.
 * - Regulations Art. 33: an extension adds its working days to the period.
 *
 * Counting the pauses one after another onto a running due date is what "not counted" means: a
 * pause that starts after the due date (an answer already late) no longer moves it.
 */
export const requestClock = (facts: ClockFacts, calendar: WorkingDayCalendar): RequestClock => {
  const supplement = facts.supplement;
  const countsFrom = supplement ? (supplement.receivedOn ?? null) : facts.receivedOn;
  const supplementPause: ClockPause[] = supplement
    ? [{ kind: 'SUPPLEMENT', from: supplement.noticeOn, until: supplement.receivedOn ?? null, workingDays: null, pending: !supplement.receivedOn }]
    : [];
  const consultations = [...facts.consultations].sort((a, b) => (a.sentOn < b.sentOn ? -1 : a.sentOn > b.sentOn ? 1 : 0));
  if (countsFrom === null) {
    const waiting = consultations.map((c): ClockPause => ({
      kind: 'THIRD_PARTY_CONSULTATION',
      from: c.sentOn,
      until: c.repliedOn ? earlier(c.repliedOn, c.replyDueOn) : c.replyDueOn,
      workingDays: null,
      pending: !c.repliedOn,
    }));
    return { countsFrom, answerDueOn: null, pauses: [...supplementPause, ...waiting] };
  }

  let dueOn = calendar.addWorkingDays(countsFrom, ANSWER_PERIOD_WORKING_DAYS + (facts.extension?.workingDays ?? 0));
  const pauses = consultations.map((c): ClockPause => {
    const until = c.repliedOn ? earlier(c.repliedOn, c.replyDueOn) : c.replyDueOn;
    // Days before the reference day were never on the clock (a supplement restarted it).
    const start = later(c.sentOn, countsFrom);
    const notCounted = start < dueOn && until > start ? calendar.workingDaysBetween(start, until) : 0;
    dueOn = calendar.addWorkingDays(dueOn, notCounted);
    return { kind: 'THIRD_PARTY_CONSULTATION', from: c.sentOn, until, workingDays: notCounted, pending: !c.repliedOn };
  });
  return { countsFrom, answerDueOn: dueOn, pauses: [...supplementPause, ...pauses] };
};
