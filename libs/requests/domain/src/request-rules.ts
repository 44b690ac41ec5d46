import { localDateOf, parseLocalDate } from '@gongkai/calendar';
import { badInput, type DecideContext, type LocalDate, notFound, requireHandlingStaff, requireRole } from '@gongkai/kernel';
import type { InformationRequestRecord, InformationRequestState } from './information-request-events';

/** Today in Asia/Shanghai, from the decision's clock: dates in law are local days. */
export const todayOf = (context: DecideContext): LocalDate => localDateOf(context.now);

export const requireRequest = (state: InformationRequestState, requestId: string): InformationRequestRecord => {
  if (state.status === 'NONE') throw notFound('INFORMATION_REQUEST_NOT_FOUND', `There is no information request ${requestId}.`);
  return state;
};

/** Any action on an answered or closed request is refused: the answer is final (appeals are recorded, not decided, here). */
export const requireOpen = (record: InformationRequestRecord): void => {
  if (record.status === 'ANSWERED' || record.status === 'CLOSED') {
    throw badInput('REQUEST_ALREADY_ANSWERED', `Information request ${record.trackingCode} is already ${record.status.toLowerCase()}: an answered request can no longer change.`, {
      status: record.status,
    });
  }
};

/** A date in law from the caller: a real `YYYY-MM-DD` day, not after today. */
export const requireDate = (field: string, value: unknown, context: DecideContext): LocalDate => {
  if (value === undefined || value === null || value === '') throw badInput('REQUIRED', `${field} is required.`, { field });
  const date = parseLocalDate(String(value), field);
  const today = todayOf(context);
  if (date > today) throw badInput('DATE_IN_FUTURE', `${field} (${date}) may not be later than today (${today}): record what has happened.`, { field });
  return date;
};

/** `date` may not come before `earliest`, e.g. a supplement before the notice that asked for it. */
export const requireNotBefore = (field: string, date: LocalDate, earliest: LocalDate, what: string): void => {
  if (date < earliest) throw badInput(`DATE_BEFORE_${what.toUpperCase().replace(/ /g, '_')}`, `${field} (${date}) may not be before the ${what} (${earliest}).`, { field });
};

/** The open request a member of the handling staff may act on. */
export const openForStaff = (state: InformationRequestState, requestId: string, context: DecideContext): InformationRequestRecord => {
  // The role first, so that the public learns nothing from the other checks.
  requireRole(context.actor, 'staff', 'office');
  const record = requireRequest(state, requestId);
  requireHandlingStaff(context, record);
  requireOpen(record);
  return record;
};
