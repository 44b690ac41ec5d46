import { localDateOf } from '@gongkai/calendar';
import { CONTEXTS } from '@gongkai/contracts';
import { CLOCK, type Clock } from '@gongkai/event-sourcing';
import { agencyRef, CommandGateway, commandOptions, CurrentActor, CurrentRequest, departmentRef, type GatewayContext, LocalDateValue } from '@gongkai/graphql';
import { type Actor, DEPARTMENTS, hasRole, notFound } from '@gongkai/kernel';
import { requireYear, semiannualDueOn, type Half as HalfValue } from '@gongkai/oversight/domain';
import { READ_STORE, type ReadStore } from '@gongkai/read-store';
import { Inject } from '@nestjs/common';
import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { agencyOf, requireInternalReader } from '../oversight-access';
import {
  BUREAU_WORK_REPORTS,
  type BureauWorkReportDocument,
  LEADERSHIP_HEARINGS,
  type LeadershipHearingDocument,
  SEMIANNUAL_REPORTS,
  semiannualReportKey,
  type SemiannualReportDocument,
} from '../work-reports/work-reports.projection';
import { Half } from './oversight-enums';
import { BureauWorkReport, LeadershipHearing, SemiannualReport } from './work-report.types';

const toBureauReport = (report: BureauWorkReportDocument): BureauWorkReport => ({
  agency: agencyRef(report.agencyCode),
  year: report.year,
  half: report.half,
  version: report.version,
  content: report.content,
  includedDepartments: report.includedReports.map((r) => departmentRef(r.departmentCode)),
  missingDepartments: report.missingDepartments.map(departmentRef),
  consolidatedOn: report.consolidatedOn,
});

/** Semiannual reports of the departments, the office's consolidation, and the leadership's hearing. */
@Resolver(() => SemiannualReport)
export class WorkReportsResolver {
  constructor(
    @Inject(READ_STORE) private readonly store: ReadStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly commands: CommandGateway,
  ) {}

  /**
   * One row per department of the agency: its report, or the gap where it is missing and, past the
   * due date, flagged overdue. Staff of a department see their own department's row only.
   */
  @Query(() => [SemiannualReport], { description: 'Every department’s report for the half-year, submitted or missing, with dueOn, submittedOn and late.' })
  async semiannualReports(
    @CurrentActor() actor: Actor,
    @Args('year', { type: () => Int }) year: number,
    @Args('half', { type: () => Half }) half: HalfValue,
    @Args('agencyCode', { type: () => String, nullable: true }) agencyCode: string | null,
  ): Promise<SemiannualReport[]> {
    const agency = agencyOf(actor, agencyCode);
    requireYear('year', year);
    requireInternalReader(actor, agency);
    const submitted = await this.store.collection<SemiannualReportDocument>(SEMIANNUAL_REPORTS).find({ agencyCode: agency, year, half });
    const byDepartment = new Map(submitted.map((r) => [r.departmentCode, r]));
    const seesAll = hasRole(actor, 'office', 'leader', 'auditor', 'admin', 'reviewer');
    const dueOn = semiannualDueOn(year, half);
    const today = localDateOf(this.clock.now());
    return DEPARTMENTS.filter((d) => seesAll || d.code === actor.departmentCode).map(({ code }) => {
      const report = byDepartment.get(code);
      return {
        department: departmentRef(code),
        agency: agencyRef(agency),
        year,
        half,
        dueOn,
        submittedOn: report?.submittedOn ?? null,
        late: report?.late ?? false,
        overdue: !report && today > dueOn,
        version: report?.version ?? 0,
        content: report?.content ?? null,
      };
    });
  }

  @Mutation(() => SemiannualReport, { description: 'A department sends its report to the office; a later submission revises it.' })
  async submitSemiannualReport(
    @CurrentRequest() request: GatewayContext,
    @Args('departmentCode', { type: () => String }) departmentCode: string,
    @Args('year', { type: () => Int }) year: number,
    @Args('half', { type: () => Half }) half: HalfValue,
    @Args('content', { type: () => String }) content: string,
  ): Promise<SemiannualReport> {
    const agencyCode = agencyOf(request.actor, null);
    await this.commands.execute(request, CONTEXTS.oversight, 'SubmitSemiannualReport', { agencyCode, departmentCode, year, half, content }, commandOptions(request));
    const report = await this.store.collection<SemiannualReportDocument>(SEMIANNUAL_REPORTS).findOne({ _id: semiannualReportKey(agencyCode, departmentCode, year, half) });
    if (!report) throw notFound('REPORT_NOT_FOUND', `No report of ${departmentCode} for ${year} ${half}.`);
    return { department: departmentRef(departmentCode), agency: agencyRef(agencyCode), year, half, dueOn: report.dueOn, submittedOn: report.submittedOn, late: report.late, overdue: false, version: report.version, content: report.content };
  }

  @Mutation(() => BureauWorkReport, { description: 'The office consolidates the departments’ reports into the bureau’s, naming those missing.' })
  async consolidateSemiannualReports(
    @CurrentRequest() request: GatewayContext,
    @Args('year', { type: () => Int }) year: number,
    @Args('half', { type: () => Half }) half: HalfValue,
    @Args('content', { type: () => String }) content: string,
  ): Promise<BureauWorkReport> {
    const agencyCode = agencyOf(request.actor, null);
    const submitted = await this.store.collection<SemiannualReportDocument>(SEMIANNUAL_REPORTS).find({ agencyCode, year, half });
    const includedReports = submitted.map((r) => ({ departmentCode: r.departmentCode, version: r.version }));
    const missingDepartments = DEPARTMENTS.map((d) => d.code).filter((code) => !submitted.some((r) => r.departmentCode === code));
    await this.commands.execute(request, CONTEXTS.oversight, 'ConsolidateSemiannualReports', { agencyCode, year, half, content, includedReports, missingDepartments }, commandOptions(request));
    const report = await this.store.collection<BureauWorkReportDocument>(BUREAU_WORK_REPORTS).findOne({ _id: `${agencyCode}:${year}:${half}` });
    if (!report) throw notFound('REPORT_NOT_FOUND', `No consolidated report for ${year} ${half}.`);
    return toBureauReport(report);
  }

  @Query(() => [BureauWorkReport], { description: 'The bureau’s consolidated reports of a year.' })
  async bureauWorkReports(@CurrentActor() actor: Actor, @Args('year', { type: () => Int }) year: number, @Args('agencyCode', { type: () => String, nullable: true }) agencyCode: string | null): Promise<BureauWorkReport[]> {
    const agency = agencyOf(actor, agencyCode);
    requireYear('year', year);
    requireInternalReader(actor, agency);
    return (await this.store.collection<BureauWorkReportDocument>(BUREAU_WORK_REPORTS).find({ agencyCode: agency, year }, { sort: { half: 1 } })).map(toBureauReport);
  }

  @Mutation(() => LeadershipHearing, { description: 'Records the leadership’s hearing of the open-government work (at least once a year).' })
  async recordLeadershipHearing(
    @CurrentRequest() request: GatewayContext,
    @Args('year', { type: () => Int }) year: number,
    @Args('heldOn', { type: () => LocalDateValue }) heldOn: string,
    @Args('chairedBy', { type: () => String }) chairedBy: string,
    @Args('summary', { type: () => String }) summary: string,
  ): Promise<LeadershipHearing> {
    const agencyCode = agencyOf(request.actor, null);
    await this.commands.execute(request, CONTEXTS.oversight, 'RecordLeadershipHearing', { agencyCode, year, heldOn, chairedBy, summary }, commandOptions(request));
    const hearings = await this.store.collection<LeadershipHearingDocument>(LEADERSHIP_HEARINGS).find({ agencyCode, year }, { sort: { hearingNumber: -1 }, limit: 1 });
    if (!hearings[0]) throw notFound('HEARING_NOT_FOUND', `No hearing recorded for ${year}.`);
    return hearings[0];
  }

  @Query(() => [LeadershipHearing], { description: 'The leadership’s hearings of a year; an empty list means the yearly hearing is still owed.' })
  async leadershipHearings(@CurrentActor() actor: Actor, @Args('year', { type: () => Int }) year: number, @Args('agencyCode', { type: () => String, nullable: true }) agencyCode: string | null): Promise<LeadershipHearing[]> {
    const agency = agencyOf(actor, agencyCode);
    requireYear('year', year);
    requireInternalReader(actor, agency);
    return this.store.collection<LeadershipHearingDocument>(LEADERSHIP_HEARINGS).find({ agencyCode: agency, year }, { sort: { hearingNumber: 1 } });
  }
}
