import { assertNever, type DecideContext, type Decider, requireAgency, requireAgencyScope, requireDepartment, requireInteger, requireList, requireRole, requireText } from '@gongkai/kernel';
import { requireYear, todayOf } from '../oversight-rules';
import { type Half, requireHalf, requirePeriodStarted } from './work-report-terms';

/**
 * The office's consolidation of the departments' reports into one report of the bureau
 * (由局办公室负责汇总整理后上报), naming the reports it drew on and the departments that sent none.
 */
export interface IncludedReport {
  readonly departmentCode: string;
  readonly version: number;
}

export type BureauWorkReportEvent = {
  type: 'SemiannualReportsConsolidated';
  data: {
    agencyCode: string;
    year: number;
    half: Half;
    version: number;
    content: string;
    includedReports: IncludedReport[];
    missingDepartments: string[];
    consolidatedOn: string;
  };
};

export type BureauWorkReportCommand = {
  type: 'ConsolidateSemiannualReports';
  data: { agencyCode: string; year: number; half: string; content: string; includedReports: unknown; missingDepartments: unknown };
};

const included = (value: unknown, index: number): IncludedReport => {
  const item = (value ?? {}) as Record<string, unknown>;
  return {
    departmentCode: requireDepartment(`includedReports[${index}].departmentCode`, item['departmentCode']),
    version: requireInteger(`includedReports[${index}].version`, item['version'], { min: 1, max: 10_000 }),
  };
};

const consolidate = (command: BureauWorkReportCommand, state: { version: number }, context: DecideContext): BureauWorkReportEvent[] => {
  requireRole(context.actor, 'office');
  const agencyCode = requireAgency('agencyCode', command.data.agencyCode);
  requireAgencyScope(context.actor, agencyCode);
  const year = requireYear('year', command.data.year);
  const half = requireHalf('half', command.data.half);
  const today = todayOf(context);
  requirePeriodStarted(year, half, today);
  const content = requireText('content', command.data.content, { max: 100_000 });
  const includedReports = requireList('includedReports', command.data.includedReports, { max: 50 }, included);
  const missingDepartments = requireList('missingDepartments', command.data.missingDepartments, { max: 50 }, (code, i) => requireDepartment(`missingDepartments[${i}]`, code));
  return [{ type: 'SemiannualReportsConsolidated', data: { agencyCode, year, half, version: state.version + 1, content, includedReports, missingDepartments, consolidatedOn: today } }];
};

export const bureauWorkReportDecider: Decider<BureauWorkReportCommand, BureauWorkReportEvent, { version: number }> = {
  initialState: () => ({ version: 0 }),
  decide: (command, state, context) => {
    switch (command.type) {
      case 'ConsolidateSemiannualReports':
        return consolidate(command, state, context);
      default:
        return assertNever(command.type);
    }
  },
  evolve: (_state, event) => ({ version: event.data.version }),
};
