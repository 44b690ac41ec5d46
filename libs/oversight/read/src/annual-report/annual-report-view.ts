import { type Actor, hasRole, notFound, requireAgency, seesInternals } from '@gongkai/kernel';
import { type AnnualReport, computeAnnualReport, requireYear } from '@gongkai/oversight/domain';
import { type ReadStore, versionInForce } from '@gongkai/read-store';
import { ANNUAL_REPORTS, type AnnualReportDocument, type PublishedAnnualReport } from './annual-reports.projection';
import { loadReportFacts } from './report-facts.projection';
import type { ReportText } from './report-rendering';

/** The annual report as one caller may see it: computed now for the bureau's staff, the published version for everyone else. */
export interface AnnualReportView {
  readonly report: AnnualReport;
  readonly source: 'LIVE' | 'PUBLISHED';
  readonly text: ReportText;
  readonly document: AnnualReportDocument | null;
}

/** Those who prepare, review, hear or audit the report see it before it is published. */
const readsDrafts = (actor: Actor, agencyCode: string): boolean => seesInternals(actor, agencyCode) && hasRole(actor, 'office', 'leader', 'reviewer', 'auditor', 'admin');

/** The approved report exactly as published: its frozen figures, never today's computation. */
const publishedView = (published: PublishedAnnualReport, document: AnnualReportDocument): AnnualReportView => {
  const { overview, problems, otherMatters, figures } = published.content;
  return { report: figures as unknown as AnnualReport, source: 'PUBLISHED', text: { overview, problems, otherMatters }, document };
};

/**
 * With `asOfInstant` (point in time), the version published and in force at that instant, whoever
 * asks; NOT_FOUND when none was published by then, as for a report not published yet.
 */
export const annualReportView = async (store: ReadStore, actor: Actor, yearInput: number, agencyInput: string, asOfInstant: string | null = null): Promise<AnnualReportView> => {
  const year = requireYear('year', yearInput);
  const agencyCode = requireAgency('agencyCode', agencyInput);
  const document = await store.collection<AnnualReportDocument>(ANNUAL_REPORTS).findOne({ _id: `${agencyCode}:${year}` });
  if (asOfInstant) {
    const then = document ? versionInForce(document.publicationHistory, asOfInstant)?.content : undefined;
    if (!document || !then) throw notFound('ANNUAL_REPORT_NOT_PUBLISHED', `The annual report of ${agencyCode} for ${year} was not published at ${asOfInstant}.`);
    return publishedView(then, document);
  }
  if (readsDrafts(actor, agencyCode)) {
    const report = computeAnnualReport(await loadReportFacts(store, agencyCode), year, agencyCode);
    const content = document?.latest.content;
    return { report, source: 'LIVE', text: content ? { overview: content.overview, problems: content.problems, otherMatters: content.otherMatters } : {}, document };
  }
  const published = document?.published;
  if (!document || !published) throw notFound('ANNUAL_REPORT_NOT_PUBLISHED', `The annual report of ${agencyCode} for ${year} is not published.`);
  return publishedView(published, document);
};
