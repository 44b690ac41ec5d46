import {
  ANNUAL_REPORT_COMMAND_TYPES,
  annualReportDecider,
  auditAccessLogDecider,
  bureauWorkReportDecider,
  INSPECTION_COMMAND_TYPES,
  inspectionDecider,
  INTEGRITY_LOG_COMMAND_TYPES,
  integrityLogDecider,
  leadershipHearingDecider,
  NEGATIVE_LIST_COMMAND_TYPES,
  negativeListDecider,
  POWER_LIST_COMMAND_TYPES,
  powerListItemDecider,
  semiannualReportDecider,
  WORK_PLAN_TASK_COMMAND_TYPES,
  WORKING_DAY_CALENDAR_COMMAND_TYPES,
  workingDayCalendarDecider,
  workPlanTaskDecider,
} from '@gongkai/oversight/domain';
import { WORKING_DAY_CALENDAR_STREAM } from '@gongkai/contracts';
import { byIdField, type DeciderRoute, route } from '@gongkai/messaging';
import { byFields, INTEGRITY_LOG_STREAM, oversightStreamId } from './oversight-streams';
import { PUBLICATION_REVIEW_ROUTES } from './publication-review-routes';

const each = (types: readonly string[], target: DeciderRoute): Record<string, DeciderRoute> => Object.fromEntries(types.map((type) => [type, target]));

/** Every command of the oversight context and the aggregate stream it goes to. */
export const OVERSIGHT_ROUTES: Readonly<Record<string, DeciderRoute>> = {
  ...PUBLICATION_REVIEW_ROUTES,
  ...each(NEGATIVE_LIST_COMMAND_TYPES, route(negativeListDecider, byFields('NegativeList', 'agencyCode'))),
  ...each(POWER_LIST_COMMAND_TYPES, route(powerListItemDecider, byIdField((id) => oversightStreamId('PowerListItem', id), 'itemId'))),
  ...each(WORK_PLAN_TASK_COMMAND_TYPES, route(workPlanTaskDecider, byIdField((id) => oversightStreamId('WorkPlanTask', id), 'taskId'))),
  SubmitSemiannualReport: route(semiannualReportDecider, byFields('SemiannualReport', 'agencyCode', 'departmentCode', 'year', 'half')),
  ConsolidateSemiannualReports: route(bureauWorkReportDecider, byFields('BureauWorkReport', 'agencyCode', 'year', 'half')),
  RecordLeadershipHearing: route(leadershipHearingDecider, byFields('LeadershipHearings', 'agencyCode', 'year')),
  ...each(INSPECTION_COMMAND_TYPES, route(inspectionDecider, byIdField((id) => oversightStreamId('Inspection', id), 'inspectionId'))),
  ...each(ANNUAL_REPORT_COMMAND_TYPES, route(annualReportDecider, byFields('AnnualReport', 'agencyCode', 'year'))),
  ...each(INTEGRITY_LOG_COMMAND_TYPES, route(integrityLogDecider, () => INTEGRITY_LOG_STREAM)),
  RecordPersonalDataRead: route(auditAccessLogDecider, byFields('AuditAccessLog', 'day')),
  ...each(WORKING_DAY_CALENDAR_COMMAND_TYPES, route(workingDayCalendarDecider, () => WORKING_DAY_CALENDAR_STREAM)),
};
