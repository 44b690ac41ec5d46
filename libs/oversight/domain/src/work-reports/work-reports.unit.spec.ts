import { DeciderSpecification } from '@gongkai/kernel/testing';
import { auditor, leader, office, planning, window } from '../oversight.fixtures';
import { bureauWorkReportDecider } from './bureau-work-report';
import { leadershipHearingDecider } from './leadership-hearing';
import { semiannualReportDecider, type SemiannualReportEvent } from './semiannual-report';

const report = { agencyCode: '445300', departmentCode: 'SERVICE_WINDOW', year: 2026, half: 'FIRST_HALF', content: '上半年政务公开工作情况' };
const submitted = (submittedOn: string, late: boolean, version = 1): SemiannualReportEvent => ({
  type: 'SemiannualReportSubmitted',
  data: { ...report, half: 'FIRST_HALF', version, dueOn: '2026-06-30', submittedOn, late },
});

describe('Semiannual reports of the departments (每年6月底和12月底前报送)', () => {
  const on = (day: string) => DeciderSpecification.for(semiannualReportDecider, { now: `${day}T02:00:00Z`, actor: window });

  it('is on time up to the last day of June, and late from the first of July', () => {
    on('2026-06-30')([]).when({ type: 'SubmitSemiannualReport', data: report }).then([submitted('2026-06-30', false)]);
    on('2026-07-01')([]).when({ type: 'SubmitSemiannualReport', data: report }).then([submitted('2026-07-01', true)]);
  });

  it('counts the day in Shanghai: 16:30 UTC on 30 June is already 1 July', () => {
    const late = DeciderSpecification.for(semiannualReportDecider, { now: '2026-06-30T16:30:00Z', actor: window });
    expect(late([]).when({ type: 'SubmitSemiannualReport', data: report }).events()[0].data).toMatchObject({ submittedOn: '2026-07-01', late: true });
  });

  it('keeps a late first submission late when it is revised', () => {
    expect(on('2026-08-01')([submitted('2026-07-05', true)]).when({ type: 'SubmitSemiannualReport', data: report }).events()[0].data).toMatchObject({ version: 2, late: true, submittedOn: '2026-08-01' });
    expect(on('2026-08-01')([submitted('2026-06-29', false)]).when({ type: 'SubmitSemiannualReport', data: report }).events()[0].data).toMatchObject({ version: 2, late: false });
  });

  it('is due on 31 December for the second half, and cannot be written before the half begins', () => {
    expect(on('2026-12-31')([]).when({ type: 'SubmitSemiannualReport', data: { ...report, half: 'SECOND_HALF' } }).events()[0].data).toMatchObject({ dueOn: '2026-12-31', late: false });
    on('2026-06-15')([]).when({ type: 'SubmitSemiannualReport', data: { ...report, half: 'SECOND_HALF' } }).thenThrows('BAD_USER_INPUT', 'REPORT_PERIOD_NOT_STARTED');
    on('2026-06-15')([]).when({ type: 'SubmitSemiannualReport', data: { ...report, half: 'THIRD_HALF' } }).thenThrows('BAD_USER_INPUT', 'NOT_ALLOWED_VALUE');
    on('2026-06-15')([]).when({ type: 'SubmitSemiannualReport', data: { ...report, year: 1999 } }).thenThrows('BAD_USER_INPUT', 'OUT_OF_RANGE');
  });

  it('is sent by the department itself or by the office', () => {
    on('2026-06-15')([]).when({ type: 'SubmitSemiannualReport', data: report }, { actor: planning }).thenThrows('FORBIDDEN', 'OUTSIDE_DEPARTMENT_SCOPE');
    expect(on('2026-06-15')([]).when({ type: 'SubmitSemiannualReport', data: report }, { actor: office }).events()).toHaveLength(1);
    on('2026-06-15')([]).when({ type: 'SubmitSemiannualReport', data: report }, { actor: auditor }).thenThrows('FORBIDDEN', 'ROLE_REQUIRED');
  });
});

describe('The office’s consolidation and the leadership’s hearing', () => {
  const given = DeciderSpecification.for(bureauWorkReportDecider, { now: '2026-07-10T02:00:00Z', actor: office });
  const consolidate = { agencyCode: '445300', year: 2026, half: 'FIRST_HALF', content: '全局上半年政务公开工作总结', includedReports: [{ departmentCode: 'SERVICE_WINDOW', version: 1 }], missingDepartments: ['PLANNING'] };

  it('names the reports it drew on and those missing', () => {
    given([])
      .when({ type: 'ConsolidateSemiannualReports', data: consolidate })
      .then([{ type: 'SemiannualReportsConsolidated', data: { ...consolidate, half: 'FIRST_HALF', version: 1, consolidatedOn: '2026-07-10' } }]);
    given([]).when({ type: 'ConsolidateSemiannualReports', data: consolidate }, { actor: window }).thenThrows('FORBIDDEN', 'ROLE_REQUIRED');
    given([]).when({ type: 'ConsolidateSemiannualReports', data: { ...consolidate, missingDepartments: ['NOWHERE'] } }).thenThrows('BAD_USER_INPUT', 'UNKNOWN_DEPARTMENT');
  });

  it('records the leadership’s hearings of a year, on a day of that year that has come', () => {
    const hearing = DeciderSpecification.for(leadershipHearingDecider, { now: '2026-11-27T02:00:00Z', actor: leader });
    const data = { agencyCode: '445300', year: 2026, heldOn: '2026-11-20', chairedBy: '王局长', summary: '听取全局政务公开工作汇报' };
    hearing([]).when({ type: 'RecordLeadershipHearing', data }).then([{ type: 'LeadershipHearingRecorded', data: { ...data, hearingNumber: 1 } }]);
    hearing([]).when({ type: 'RecordLeadershipHearing', data: { ...data, heldOn: '2025-12-30' } }).thenThrows('BAD_USER_INPUT', 'HEARING_OUTSIDE_YEAR');
    hearing([]).when({ type: 'RecordLeadershipHearing', data: { ...data, heldOn: '2026-12-30' } }).thenThrows('BAD_USER_INPUT', 'DATE_IN_FUTURE');
    hearing([]).when({ type: 'RecordLeadershipHearing', data }, { actor: window }).thenThrows('FORBIDDEN', 'ROLE_REQUIRED');
  });
});
