import { badInput, type DecideContext, hasRole, requireAgencyScope, requireDepartmentScope, requireInteger, requireRole, requireText } from '@gongkai/kernel';
import type { CommandOf } from './information-request-commands';
import type { InformationRequestEvent, InformationRequestState } from './information-request-events';
import { requestClock } from './request-clock';
import { requireOpen, requireRequest, todayOf } from './request-rules';
import { MAX_EXTENSION_WORKING_DAYS } from './request-terms';

/** Extension (延长答复期限): once, by at most 20 working days, approved by the agency's leadership. */
export const extend = (command: CommandOf<'ExtendInformationRequest'>, state: InformationRequestState, context: DecideContext): InformationRequestEvent[] => {
  const { actor } = context;
  requireRole(actor, 'staff', 'office', 'leader');
  const record = requireRequest(state, command.data.requestId);
  requireAgencyScope(actor, record.agencyCode);
  const byLeader = hasRole(actor, 'leader');
  if (!byLeader) requireDepartmentScope(actor, record.departmentCode);
  requireOpen(record);
  // Regulations Art. 33: extended once only.
  if (record.extension) throw badInput('EXTENSION_ALREADY_GRANTED', `Regulations Art. 33: the answer period may be extended once only, and was extended by ${record.extension.workingDays} working days.`);
  const workingDays = requireInteger('workingDays', command.data.workingDays, { min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER });
  // Regulations Art. 33: by at most 20 working days.
  if (workingDays > MAX_EXTENSION_WORKING_DAYS) {
    throw badInput('EXTENSION_TOO_LONG', `Regulations Art. 33: an extension may add at most ${MAX_EXTENSION_WORKING_DAYS} working days (asked for ${workingDays}).`, { field: 'workingDays' });
  }
  if (workingDays < 1) throw badInput('OUT_OF_RANGE', 'workingDays must be between 1 and 20.', { field: 'workingDays', min: 1, max: MAX_EXTENSION_WORKING_DAYS });
  const reason = requireText('reason', command.data.reason, { max: 1000 });
  const recordedApproval = requireText('approvedBy', command.data.approvedBy, { max: 100, optional: true });
  // Regulations Art. 33: approved by the person in charge of the agency's open-government work.
  if (!byLeader && !recordedApproval) {
    throw badInput('LEADER_APPROVAL_REQUIRED', 'Regulations Art. 33: an extension needs a leader’s approval: sign in as a leader, or name the leader who approved it in approvedBy.', {
      field: 'approvedBy',
    });
  }
  const before = requestClock(record, context.calendar).answerDueOn;
  if (before === null) throw badInput('EXTENSION_WHILE_CLOCK_STOPPED', 'The clock is stopped while the applicant supplements the request: there is no due date to extend yet.');
  const after = requestClock({ ...record, extension: { workingDays } }, context.calendar).answerDueOn ?? before;
  return [
    {
      type: 'InformationRequestExtended',
      data: {
        requestId: record.requestId,
        workingDays,
        reason,
        approvedBy: byLeader ? (actor.displayName ?? actor.id) : recordedApproval,
        approvedInPerson: byLeader,
        grantedOn: todayOf(context),
        answerDueOnBefore: before,
        answerDueOn: after,
      },
    },
  ];
};
