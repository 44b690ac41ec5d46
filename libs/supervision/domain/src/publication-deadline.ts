import type { LocalDate, WorkingDayCalendar } from '@gongkai/kernel';
import type { DisclosureCategory } from './disclosure-categories';

/**
 * Administrative licensing and penalty decisions are published within 7 working days of the
 * decision (行政许可和行政处罚信息"双公示": 发改办财金〔2015〕2700号) — a shorter period that
 * Regulations Art. 26 defers to ("法律、法规对政府信息公开的期限另有规定的，从其规定").
 */
export const DECISION_PUBLICATION_WORKING_DAYS = 7;

/** Regulations Art. 26: within 20 working days of the day the information is formed or changed. */
export const PROACTIVE_PUBLICATION_WORKING_DAYS = 20;

/**
 * Administrative Penalty Law Art. 48: a published penalty decision that is changed, revoked or
 * found unlawful or void is withdrawn within 3 days, with the reason published; Art. 85 counts
 * those "三日" in working days.
 */
export const PENALTY_WITHDRAWAL_WORKING_DAYS = 3;

/** The publication period of a category, in working days. */
export const publicationPeriod = (category: DisclosureCategory): number => {
  switch (category) {
    case 'ADMINISTRATIVE_PENALTY': // a penalty decision
    case 'DISCHARGE_PERMIT': // licensing decisions: permits …
    case 'EIA_APPROVAL': // … and EIA approvals
      return DECISION_PUBLICATION_WORKING_DAYS;
    default:
      // Other enforcement decisions (ENFORCEMENT_ACTION) and everything else: Regulations Art. 26.
      return PROACTIVE_PUBLICATION_WORKING_DAYS;
  }
};

/**
 * The last day to publish information formed (or changed) on `formedOn`, counted from the day
 * after it; a year without a loaded calendar is an error (CALENDAR_YEAR_NOT_LOADED), never a guess.
 */
export const publicationDueOn = (category: DisclosureCategory, formedOn: LocalDate, calendar: WorkingDayCalendar): LocalDate =>
  calendar.addWorkingDays(formedOn, publicationPeriod(category));

/** The last day to withdraw a penalty decision's disclosure after the decision was revoked (APL Art. 48, 85). */
export const withdrawalDueOn = (decisionRevokedOn: LocalDate, calendar: WorkingDayCalendar): LocalDate =>
  calendar.addWorkingDays(decisionRevokedOn, PENALTY_WITHDRAWAL_WORKING_DAYS);

/** Late when done after the last day allowed (LocalDates compare as text). */
export const isLate = (dueOn: LocalDate, doneOn: LocalDate): boolean => doneOn > dueOn;
