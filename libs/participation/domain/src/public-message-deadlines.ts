import { isCalendarYearNotLoaded, localDateOf } from '@gongkai/calendar';
import { type DecideContext, type LocalDate, notFound, requireRole, type WorkingDayCalendar } from '@gongkai/kernel';
import type { PublicMessageEvent, PublicMessageState } from './public-message-events';

/** The department that co-ordinates open-government work: overdue messages are brought to it. */
export const ESCALATION_DEPARTMENT = 'OFFICE';

/**
 * A period in working days, or null while a year it crosses has no calendar loaded: a citizen's
 * message is not refused for the bureau's missing data, and its date is not guessed either.
 */
const orWithoutCalendar = <T>(count: () => T): T | null => {
  try {
    return count();
  } catch (error) {
    if (isCalendarYearNotLoaded(error)) return null;
    throw error;
  }
};

/** Counted from the day after receipt, as the Regulations count periods (the day of receipt is not counted). */
export const answerDueOnOf = (calendar: WorkingDayCalendar, receivedOn: LocalDate, workingDays: number): LocalDate | null =>
  orWithoutCalendar(() => calendar.addWorkingDays(receivedOn, workingDays));

export const workingDaysTakenOf = (calendar: WorkingDayCalendar, receivedOn: LocalDate, answeredOn: LocalDate): number | null =>
  orWithoutCalendar(() => calendar.workingDaysBetween(receivedOn, answeredOn));

/**
 * The due day a message is judged by: the one recorded at receipt, else counted now on the
 * decider's calendar (a year its period crosses may have been loaded since), else still null.
 */
export const dueDayOf = (
  calendar: WorkingDayCalendar,
  message: { readonly receivedOn: LocalDate; readonly answerLimitWorkingDays: number; readonly answerDueOn: LocalDate | null },
): LocalDate | null => message.answerDueOn ?? answerDueOnOf(calendar, message.receivedOn, message.answerLimitWorkingDays);

/** Answered after its due day; never while the due day is unknown. */
export const answeredLate = (answerDueOn: LocalDate | null, answeredOn: LocalDate): boolean => answerDueOn !== null && answeredOn > answerDueOn;

/** Overdue: still unanswered on a day after its due date. Answered late is `late`, not overdue. */
export const isOverdue = (message: { readonly status: string; readonly answerDueOn: LocalDate | null }, today: LocalDate): boolean =>
  message.status === 'RECEIVED' && message.answerDueOn !== null && today > message.answerDueOn;

/**
 * Escalation (督办): the overdue watch asks, the decider decides. Once per message; a message
 * answered, redirected or not yet overdue by the time the command arrives is left alone.
 */
export const escalate = (messageId: string, state: PublicMessageState, context: DecideContext): PublicMessageEvent[] => {
  requireRole(context.actor, 'system');
  if (state.status === 'NONE') throw notFound('PUBLIC_MESSAGE_NOT_FOUND', `There is no public message ${messageId}.`);
  const today = localDateOf(context.now);
  const answerDueOn = dueDayOf(context.calendar, state);
  if (state.escalated || answerDueOn === null || !isOverdue({ status: state.status, answerDueOn }, today)) return [];
  return [
    {
      type: 'PublicMessageEscalated',
      data: { messageId, departmentCode: state.departmentCode, answerDueOn, escalatedOn: today, escalatedTo: ESCALATION_DEPARTMENT },
    },
  ];
};
