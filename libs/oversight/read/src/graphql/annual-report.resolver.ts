import { CONTEXTS } from '@gongkai/contracts';
import { agencyRef, CommandGateway, commandOptions, CurrentActor, CurrentRequest, type GatewayContext, InstantValue, newAggregateId } from '@gongkai/graphql';
import { type Actor, requireRole } from '@gongkai/kernel';
import { READ_STORE, type ReadStore } from '@gongkai/read-store';
import { Inject } from '@nestjs/common';
import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { type AnnualReportView, annualReportView } from '../annual-report/annual-report-view';
import { reportFigures } from '../annual-report/report-figures';
import { agencyOf } from '../oversight-access';
import { AnnualReport, type AnnualReportPublication } from './annual-report.types';

const publicationOf = ({ document }: AnnualReportView): AnnualReportPublication | null => {
  if (!document) return null;
  const shown = document.published && document.published.version === document.latest.version ? document.published : null;
  const { latest } = document;
  return {
    version: latest.version,
    status: shown ? 'PUBLISHED' : 'PENDING_REVIEW',
    reviewId: latest.reviewId,
    contentHash: latest.contentHash,
    submittedAt: latest.submittedAt,
    publishedAt: shown?.publishedAt ?? null,
    publishedOn: shown?.publishedOn ?? null,
    late: shown?.late ?? null,
    overview: latest.content.overview,
    problems: latest.content.problems,
    otherMatters: latest.content.otherMatters,
  };
};

export const toAnnualReport = (view: AnnualReportView): AnnualReport => {
  const { report } = view;
  return {
    year: report.year,
    agency: agencyRef(report.agencyCode),
    dueOn: report.dueOn,
    source: view.source,
    proactive: report.proactive,
    applications: { byApplicantType: report.applications.byApplicantType.map((r) => ({ ...r, outcomes: [...r.outcomes] })), total: { ...report.applications.total, outcomes: [...report.applications.total.outcomes] } },
    appeals: report.appeals,
    notCounted: [...report.notCounted],
    figures: reportFigures(report).map((f) => ({ ...f, eventIds: [...f.eventIds] })),
    publication: view.source === 'LIVE' ? publicationOf(view) : null,
  };
};

/** The annual report (政府信息公开工作年度报告): generated from the event history, published through the review gate. */
@Resolver(() => AnnualReport)
export class AnnualReportResolver {
  constructor(
    @Inject(READ_STORE) private readonly store: ReadStore,
    private readonly commands: CommandGateway,
  ) {}

  @Query(() => AnnualReport, {
    description:
      'The report of a year for an agency: computed now for the office, leaders, reviewers and auditors; the published version for everyone else. With asOfInstant: the version published and in force then, whoever asks (NOT_FOUND when none was).',
  })
  async annualReport(
    @CurrentActor() actor: Actor,
    @Args('year', { type: () => Int }) year: number,
    @Args('agencyCode', { type: () => String, nullable: true }) agencyCode: string | null,
    @Args('asOfInstant', { type: () => InstantValue, nullable: true, description: 'Point in time: the published report then, with the figures as published, not as computed today.' }) asOfInstant: string | null,
  ): Promise<AnnualReport> {
    return toAnnualReport(await annualReportView(this.store, actor, year, agencyOf(actor, agencyCode), asOfInstant));
  }

  @Mutation(() => AnnualReport, { description: 'The office submits the report — the figures as computed now, and its text — for the confidentiality review; approval publishes it.' })
  async submitAnnualReport(
    @CurrentRequest() request: GatewayContext,
    @Args('year', { type: () => Int }) year: number,
    @Args('overview', { type: () => String }) overview: string,
    @Args('problems', { type: () => String }) problems: string,
    @Args('otherMatters', { type: () => String, nullable: true }) otherMatters: string | null,
    @Args('agencyCode', { type: () => String, nullable: true }) agencyCode: string | null,
  ): Promise<AnnualReport> {
    // Who may submit is settled before anything is computed.
    requireRole(request.actor, 'office');
    const agency = agencyOf(request.actor, agencyCode);
    const { report } = await annualReportView(this.store, request.actor, year, agency);
    const reviewId = newAggregateId(request, `annual-report-review:${agency}:${year}`);
    await this.commands.execute(
      request,
      CONTEXTS.oversight,
      'SubmitAnnualReport',
      { agencyCode: agency, year, reviewId, overview, problems, otherMatters: otherMatters ?? '', figures: report },
      commandOptions(request),
    );
    return toAnnualReport(await annualReportView(this.store, request.actor, year, agency));
  }
}
