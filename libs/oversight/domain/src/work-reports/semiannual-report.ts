import { assertNever, type DecideContext, type Decider, requireAgency, requireAgencyScope, requireDepartment, requireDepartmentScope, requireRole, requireText } from '@gongkai/kernel';
import { requireYear, todayOf } from '../oversight-rules';
import { type Half, requireHalf, requirePeriodStarted, semiannualDueOn } from './work-report-terms';

/**
 * A department's semiannual report on its open-government work (政务公开工作开展情况), sent to the
 * office. A later submission revises it; whether it was on time is decided by the first one.
 */
export type SemiannualReportEvent = {
  type: 'SemiannualReportSubmitted';
  data: {
    agencyCode: string;
    departmentCode: string;
    year: number;
    half: Half;
    version: number;
    content: string;
    dueOn: string;
    submittedOn: string;
    late: boolean;
  };
};

export type SemiannualReportState = { version: number; firstSubmittedOn?: string };

export type SemiannualReportCommand = {
  type: 'SubmitSemiannualReport';
  data: { agencyCode: string; departmentCode: string; year: number; half: string; content: string };
};

const submit = (command: SemiannualReportCommand, state: SemiannualReportState, context: DecideContext): SemiannualReportEvent[] => {
  requireRole(context.actor, 'staff', 'office');
  const agencyCode = requireAgency('agencyCode', command.data.agencyCode);
  requireAgencyScope(context.actor, agencyCode);
  const departmentCode = requireDepartment('departmentCode', command.data.departmentCode);
  requireDepartmentScope(context.actor, departmentCode);
  const year = requireYear('year', command.data.year);
  const half = requireHalf('half', command.data.half);
  const today = todayOf(context);
  requirePeriodStarted(year, half, today);
  const content = requireText('content', command.data.content, { max: 50_000 });
  const dueOn = semiannualDueOn(year, half);
  const firstSubmittedOn = state.firstSubmittedOn ?? today;
  return [
    {
      type: 'SemiannualReportSubmitted',
      data: { agencyCode, departmentCode, year, half, version: state.version + 1, content, dueOn, submittedOn: today, late: firstSubmittedOn > dueOn },
    },
  ];
};

export const semiannualReportDecider: Decider<SemiannualReportCommand, SemiannualReportEvent, SemiannualReportState> = {
  initialState: () => ({ version: 0 }),
  decide: (command, state, context) => {
    switch (command.type) {
      case 'SubmitSemiannualReport':
        return submit(command, state, context);
      default:
        return assertNever(command.type);
    }
  },
  evolve: (state, event) => ({ version: event.data.version, firstSubmittedOn: state.firstSubmittedOn ?? event.data.submittedOn }),
};
