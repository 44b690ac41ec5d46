import { isCalendarYearNotLoaded, parseLocalDate } from '@gongkai/calendar';
import { badInput, type DecideContext, DomainError, type LocalDate, requireRole, requireText } from '@gongkai/kernel';
import { answerLetter } from './answer-letter';
import type { CommandOf } from './information-request-commands';
import type { InformationRequestEvent, InformationRequestState } from './information-request-events';
import { openForStaff, requireDate, requireNotBefore, requireRequest, todayOf } from './request-rules';
import { DEFAULT_SUPPLEMENT_PERIOD_WORKING_DAYS, SUPPLEMENT_NOTICE_WORKING_DAYS } from './request-terms';

/** Supplement (补正): asked once, within 7 working days of receipt, saying everything to add. */
export const requestSupplement = (command: CommandOf<'RequestSupplement'>, state: InformationRequestState, context: DecideContext): InformationRequestEvent[] => {
  const record = openForStaff(state, command.data.requestId, context);
  // Regulations Art. 30: one notice only (一次性告知).
  if (record.supplement) {
    throw badInput('SUPPLEMENT_ALREADY_REQUESTED', `Regulations Art. 30: the applicant is asked to supplement once only, and was asked on ${record.supplement.noticeOn}.`);
  }
  const instructions = requireText('instructions', command.data.instructions, { max: 2000 });
  const noticeOn = requireDate('noticeOn', command.data.noticeOn, context);
  requireNotBefore('noticeOn', noticeOn, record.receivedOn, 'receipt');
  // Regulations Art. 30: within 7 working days of receipt.
  const latest = context.calendar.addWorkingDays(record.receivedOn, SUPPLEMENT_NOTICE_WORKING_DAYS);
  if (noticeOn > latest) {
    throw badInput(
      'SUPPLEMENT_NOTICE_TOO_LATE',
      `Regulations Art. 30: a supplement must be asked for within ${SUPPLEMENT_NOTICE_WORKING_DAYS} working days of receipt (received ${record.receivedOn}, so by ${latest}); ${noticeOn} is too late.`,
      { field: 'noticeOn', latest },
    );
  }
  const given = command.data.supplementDueOn;
  const supplementDueOn = given ? parseLocalDate(String(given), 'supplementDueOn') : defaultSupplementDue(noticeOn, context);
  if (supplementDueOn <= noticeOn) {
    throw badInput('SUPPLEMENT_DUE_BEFORE_NOTICE', `supplementDueOn must be a date after the notice (${noticeOn}).`, { field: 'supplementDueOn' });
  }
  return [{ type: 'SupplementRequested', data: { requestId: record.requestId, instructions, noticeOn, supplementDueOn } }];
};

/** The supplement arrived: the answer period starts again from that day. */
export const recordSupplement = (command: CommandOf<'RecordSupplement'>, state: InformationRequestState, context: DecideContext): InformationRequestEvent[] => {
  const record = openForStaff(state, command.data.requestId, context);
  const supplement = record.supplement;
  if (!supplement) throw badInput('SUPPLEMENT_NOT_REQUESTED', `No supplement was asked for on information request ${record.trackingCode}.`);
  if (supplement.receivedOn) throw badInput('SUPPLEMENT_ALREADY_RECEIVED', `The supplement was already received on ${supplement.receivedOn}.`);
  const receivedOn = requireDate('receivedOn', command.data.receivedOn, context);
  requireNotBefore('receivedOn', receivedOn, supplement.noticeOn, 'notice');
  // Regulations Art. 30: not supplemented in time, the request is deemed withdrawn.
  if (receivedOn > supplement.dueOn) {
    throw badInput('SUPPLEMENT_OVERDUE', `Regulations Art. 30: the supplement was due by ${supplement.dueOn}; a request not supplemented in time is deemed withdrawn.`, {
      field: 'receivedOn',
    });
  }
  const content = requireText('content', command.data.content, { max: 8000 });
  return [{ type: 'SupplementReceived', data: { requestId: record.requestId, receivedOn, content } }];
};

/**
 * No supplement by its due date: the request is closed as "no supplement" (an annual-report
 * outcome). Sent by the deadline watch; a request that no longer waits is left alone.
 */
export const closeWithoutSupplement = (command: CommandOf<'CloseRequestWithoutSupplement'>, state: InformationRequestState, context: DecideContext): InformationRequestEvent[] => {
  requireRole(context.actor, 'system');
  const record = requireRequest(state, command.data.requestId);
  const supplement = record.supplement;
  const today = todayOf(context);
  // Regulations Art. 30
  if (record.status !== 'AWAITING_SUPPLEMENT' || !supplement || supplement.receivedOn || today <= supplement.dueOn) return [];
  const facts = {
    agencyCode: record.agencyCode,
    trackingCode: record.trackingCode,
    receivedOn: record.receivedOn,
    description: record.description,
    outcome: 'OTHER_NO_SUPPLEMENT' as const,
    answeredOn: today,
    legalBasis: '',
    delivery: record.delivery,
    preferredForm: record.preferredForm,
    publishedAt: '',
    holderAgency: '',
    redactionReasons: [],
    supplement,
  };
  return [
    {
      type: 'InformationRequestAnswered',
      data: { requestId: record.requestId, ...facts, answerDueOn: null, late: false, letter: answerLetter(facts), content: '', redactions: [], redactedContent: '' },
    },
  ];
};

/**
 * The usual period, counted on the calendar. Late in December the next year's notice may not be
 * loaded yet: the notice is still refused undated, but the office is told it may name the day itself.
 */
const defaultSupplementDue = (noticeOn: LocalDate, context: DecideContext): LocalDate => {
  try {
    return context.calendar.addWorkingDays(noticeOn, DEFAULT_SUPPLEMENT_PERIOD_WORKING_DAYS);
  } catch (error) {
    if (!isCalendarYearNotLoaded(error)) throw error;
    throw new DomainError(error.code, error.rule, `${error.message} Until then, give the day the supplement is due (supplementDueOn).`, { ...error.details, field: 'supplementDueOn' });
  }
};
