import type { LocalDate, WorkingDayCalendar } from '@gongkai/kernel';
import { ANSWER_PERIOD_WORKING_DAYS } from './request-terms';

/** The facts the clock is derived from, as the events recorded them. */
export interface ClockFacts {
  readonly receivedOn: LocalDate;
  readonly supplement?: { readonly noticeOn: LocalDate; readonly dueOn: LocalDate; readonly receivedOn?: LocalDate };
  readonly consultations: readonly { readonly sentOn: LocalDate; readonly replyDueOn: LocalDate; readonly repliedOn?: LocalDate }[];
  readonly extension?: { readonly workingDays: number };
  /** The processing-fee notice (国办函〔2020〕109号), if one was issued, and the day it was paid. */
  readonly fee?: { readonly noticeOn: LocalDate; readonly payByOn: LocalDate; readonly paidOn?: LocalDate };
}

/** A time the clock did not run, as the applicant and staff see it. */
export interface ClockPause {
  readonly kind: 'SUPPLEMENT' | 'THIRD_PARTY_CONSULTATION' | 'FEE';
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
 * - 国办函〔2020〕109号: the time the applicant takes to pay a processing fee is not counted: the
 *   working days after the fee notice up to and including the day payment is recorded; the clock
 *   runs again the day after. Until paid, the whole time to the pay-by date is assumed, as for a
 *   consultation. The deciders keep a fee notice and a consultation from overlapping.
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
  // Consultations and the fee notice are both "not counted" intervals (from, until]: one list, in order.
  const intervals = [
    ...facts.consultations.map((c) => ({
      kind: 'THIRD_PARTY_CONSULTATION' as const,
      from: c.sentOn,
      until: c.repliedOn ? earlier(c.repliedOn, c.replyDueOn) : c.replyDueOn,
      pending: !c.repliedOn,
    })),
    ...(facts.fee ? [{ kind: 'FEE' as const, from: facts.fee.noticeOn, until: facts.fee.paidOn ?? facts.fee.payByOn, pending: !facts.fee.paidOn }] : []),
  ].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  if (countsFrom === null) {
    const waiting = intervals.map((p): ClockPause => ({ ...p, workingDays: null }));
    return { countsFrom, answerDueOn: null, pauses: [...supplementPause, ...waiting] };
  }

  let dueOn = calendar.addWorkingDays(countsFrom, ANSWER_PERIOD_WORKING_DAYS + (facts.extension?.workingDays ?? 0));
  const pauses = intervals.map((p): ClockPause => {
    // Days before the reference day were never on the clock (a supplement restarted it).
    const start = later(p.from, countsFrom);
    const notCounted = start < dueOn && p.until > start ? calendar.workingDaysBetween(start, p.until) : 0;
    dueOn = calendar.addWorkingDays(dueOn, notCounted);
    return { ...p, workingDays: notCounted };
  });
  return { countsFrom, answerDueOn: dueOn, pauses: [...supplementPause, ...pauses] };
};
