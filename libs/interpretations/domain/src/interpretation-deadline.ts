import { isCalendarYearNotLoaded } from '@gongkai/calendar';
import type { LocalDate, WorkingDayCalendar } from '@gongkai/kernel';

/**
 * 谁起草、谁解读、谁负责 (work plan, section 六 建立政策解读机制): the interpretation is published with
 * the policy document, 最迟不超过3个工作日 — no later than three working days after it. Counted like
 * every period in law: from the day after publication, working days only.
 */
export const INTERPRETATION_WORKING_DAYS = 3;

/** The last day the interpretation may be published; a year without a calendar loaded is an error, never a guess. */
export const interpretationDueOn = (calendar: WorkingDayCalendar, publishedOn: LocalDate): LocalDate => calendar.addWorkingDays(publishedOn, INTERPRETATION_WORKING_DAYS);

/**
 * The due day, or null while the year it falls in has no calendar loaded. A document published in
 * the last days of December is still recorded (the process manager that reports it must not park
 * it); the day is worked out once an administrator loads the new year's notice.
 */
export const interpretationDueOnIfLoaded = (calendar: WorkingDayCalendar, publishedOn: LocalDate): LocalDate | null => {
  try {
    return interpretationDueOn(calendar, publishedOn);
  } catch (error) {
    if (isCalendarYearNotLoaded(error)) return null;
    throw error;
  }
};

/** On time when published no later than the due day (Asia/Shanghai dates, `YYYY-MM-DD` compare as text). */
export const isOnTime = (publishedOn: LocalDate, dueOn: LocalDate): boolean => publishedOn <= dueOn;

/** Where a published document's interpretation obligation stands on a given day. */
export const OBLIGATION_STATUSES = ['PENDING', 'MET_ON_TIME', 'MET_LATE', 'OVERDUE'] as const;
export type ObligationStatus = (typeof OBLIGATION_STATUSES)[number];

export interface ObligationFacts {
  readonly interpretationDueOn: LocalDate;
  /** The first interpretation published for the document, if any: it is what meets the obligation. */
  readonly met?: { readonly publishedOn: LocalDate; readonly onTime: boolean } | null;
}

/** Derived from the dates on the day asked about, so no job has to mark anything overdue. */
export const obligationStatusOn = (obligation: ObligationFacts, today: LocalDate): ObligationStatus => {
  if (obligation.met) return obligation.met.onTime ? 'MET_ON_TIME' : 'MET_LATE';
  return today > obligation.interpretationDueOn ? 'OVERDUE' : 'PENDING';
};
