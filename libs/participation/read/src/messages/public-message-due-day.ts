import type { WorkingDayCalendar } from '@gongkai/kernel';
import { answerDueOnOf, answeredLate, workingDaysTakenOf } from '@gongkai/participation/domain';
import type { PublicMessageDocument } from './public-message-document';

/**
 * A message received while a year its period crosses had no calendar has no due day in its
 * events: it is counted here on the process's live calendar, as the decider counts it when it
 * answers or escalates, and counted again whenever an administrator loads or corrects a year. So
 * are an answer's late flag and its working days. Once an event records the due day (an answer
 * given while it was known, or the escalation), that one stands.
 */
export const datedOnCalendar = (doc: PublicMessageDocument, calendar: WorkingDayCalendar): PublicMessageDocument => {
  if (!doc.dueDayFromCalendar) return doc;
  const answerDueOn = answerDueOnOf(calendar, doc.receivedOn, doc.answerLimitWorkingDays);
  const answer = doc.answer && {
    ...doc.answer,
    late: answeredLate(answerDueOn, doc.answer.answeredOn),
    workingDaysTaken: workingDaysTakenOf(calendar, doc.receivedOn, doc.answer.answeredOn) ?? doc.answer.workingDaysTaken,
  };
  return { ...doc, answerDueOn, answer };
};

/** The due day as an event recorded it: from then on it is no longer counted on the calendar. */
export const recordedDueDay = (answerDueOn: string | null): Partial<PublicMessageDocument> => (answerDueOn === null ? {} : { answerDueOn, dueDayFromCalendar: false });
