import { badInput, type DecideContext, requireAgencyScope, requireHandlingStaff, requireOneOf, requireRole, requireText } from '@gongkai/kernel';
import type { CommandOf } from './information-request-commands';
import type { InformationRequestEvent, InformationRequestState } from './information-request-events';
import { requireDate, requireNotBefore, requireRequest } from './request-rules';
import { APPEAL_KINDS, APPEAL_RESULTS } from './request-terms';

/**
 * Administrative reconsideration (行政复议) and litigation (行政诉讼) about a request, with their
 * results, for the annual report. Recorded also after the answer: that is when they happen.
 */
export const appeal = (command: CommandOf<'RecordRequestAppeal'>, state: InformationRequestState, context: DecideContext): InformationRequestEvent[] => {
  requireRole(context.actor, 'staff', 'office');
  const record = requireRequest(state, command.data.requestId);
  requireHandlingStaff(context, record);
  const kind = requireOneOf('kind', command.data.kind, APPEAL_KINDS);
  const result = requireOneOf('result', command.data.result, APPEAL_RESULTS);
  const earlier = record.appeals[kind];
  if (earlier !== undefined && earlier !== 'PENDING') {
    throw badInput('APPEAL_ALREADY_DECIDED', `The ${kind.toLowerCase().replace(/_/g, ' ')} about this request was already decided (${earlier}).`, { field: 'kind' });
  }
  // Litigation after reconsideration follows a reconsideration that was decided.
  if (kind === 'LITIGATION_AFTER_RECONSIDERATION' && (record.appeals.RECONSIDERATION ?? 'PENDING') === 'PENDING') {
    throw badInput('RECONSIDERATION_NOT_DECIDED', 'Record the decided reconsideration before litigation that follows it.', { field: 'kind' });
  }
  let decidedOn: string | null = null;
  if (result !== 'PENDING') {
    if (command.data.decidedOn === undefined || command.data.decidedOn === null) {
      throw badInput('APPEAL_DECISION_DATE_REQUIRED', 'A decided reconsideration or judgment needs the date it was decided (decidedOn).', { field: 'decidedOn' });
    }
    decidedOn = requireDate('decidedOn', command.data.decidedOn, context);
    requireNotBefore('decidedOn', decidedOn, record.receivedOn, 'receipt');
  }
  return [{ type: 'RequestAppealRecorded', data: { requestId: record.requestId, kind, result, decidedOn } }];
};

/**
 * Crypto-shredding when the retention period ends: the event says the key is to be forgotten and
 * why; the service then erases the key. The history stays whole and its hash chain verifies.
 */
export const erasePersonalData = (command: CommandOf<'EraseApplicantPersonalData'>, state: InformationRequestState, context: DecideContext): InformationRequestEvent[] => {
  requireRole(context.actor, 'admin');
  const record = requireRequest(state, command.data.requestId);
  requireAgencyScope(context.actor, record.agencyCode);
  // PIPL Art. 47: deleted when the purpose is achieved and the retention period has ended — never while the request is open.
  if (record.status !== 'ANSWERED' && record.status !== 'CLOSED') {
    throw badInput('ERASURE_BEFORE_ANSWER', 'The applicant’s personal data is needed until the request is answered: it can be erased only afterwards.');
  }
  if (record.personalDataErased) return [];
  const reason = requireText('reason', command.data.reason, { max: 1000 });
  return [{ type: 'ApplicantPersonalDataErased', data: { requestId: record.requestId, keyId: record.requestId, reason, erasedAt: context.now.toISOString() } }];
};
