import type { RecordedEvent } from '@gongkai/event-sourcing';
import type { AnnualReportContent, AnnualReportEvent } from '@gongkai/oversight/domain';
import { type PublicationHistory, type Projection, type ReadDocument, type ReadStore, withPublication } from '@gongkai/read-store';

export const ANNUAL_REPORTS = 'oversight_annual_reports';

export interface SubmittedAnnualReport {
  readonly version: number;
  readonly content: AnnualReportContent;
  readonly contentHash: string;
  readonly reviewId: string;
  readonly submittedAt: string;
  readonly submittedBy: string;
}

export type PublishedAnnualReport = SubmittedAnnualReport & { readonly publishedAt: string; readonly publishedOn: string; readonly dueOn: string; readonly late: boolean };

/** An agency's annual report for a year as submitted for review and, once approved, as published. */
export interface AnnualReportDocument extends ReadDocument {
  readonly agencyCode: string;
  readonly year: number;
  readonly latest: SubmittedAnnualReport;
  readonly published: PublishedAnnualReport | null;
  /** Each published version with the period it was the public's report (point in time); a resubmission published later replaces it. */
  readonly publicationHistory?: PublicationHistory<PublishedAnnualReport>;
}

type DataOf<T extends AnnualReportEvent['type']> = Extract<AnnualReportEvent, { type: T }>['data'];

export const annualReportsProjection: Projection = {
  name: 'oversight.annual-reports',
  version: 2,
  collections: [ANNUAL_REPORTS],
  indexes: { [ANNUAL_REPORTS]: [{ keys: { agencyCode: 1, year: -1 } }] },
  handles: ['AnnualReportSubmitted', 'AnnualReportPublished'],

  async apply(event: RecordedEvent, store: ReadStore): Promise<void> {
    const reports = store.collection<AnnualReportDocument>(ANNUAL_REPORTS);
    if (event.type === 'AnnualReportSubmitted') {
      const data = event.data as DataOf<'AnnualReportSubmitted'>;
      const _id = `${data.agencyCode}:${data.year}`;
      const latest: SubmittedAnnualReport = {
        version: data.version,
        content: data.content,
        contentHash: data.contentHash,
        reviewId: data.publicationRequest.reviewId,
        submittedAt: event.occurredAt,
        submittedBy: event.metadata.actor.id,
      };
      const existing = await reports.findOne({ _id });
      await reports.replaceOne(
        { _id },
        { _id, agencyCode: data.agencyCode, year: data.year, latest, published: existing?.published ?? null, publicationHistory: existing?.publicationHistory ?? [] },
        { upsert: true },
      );
      return;
    }
    const data = event.data as DataOf<'AnnualReportPublished'>;
    const report = await reports.findOne({ _id: `${data.agencyCode}:${data.year}` });
    if (!report || report.latest.version !== data.version) return;
    const { publishedAt, publishedOn, dueOn, late } = data;
    const published: PublishedAnnualReport = { ...report.latest, publishedAt, publishedOn, dueOn, late };
    await reports.updateOne({ _id: report._id }, { $set: { published, publicationHistory: withPublication(report.publicationHistory, published, publishedAt) } });
  },
};
