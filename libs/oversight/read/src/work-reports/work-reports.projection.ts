import type { RecordedEvent } from '@gongkai/event-sourcing';
import type { BureauWorkReportEvent, Half, IncludedReport, LeadershipHearingEvent, SemiannualReportEvent } from '@gongkai/oversight/domain';
import type { Projection, ReadDocument, ReadStore } from '@gongkai/read-store';

export const SEMIANNUAL_REPORTS = 'oversight_semiannual_reports';
export const BUREAU_WORK_REPORTS = 'oversight_bureau_work_reports';
export const LEADERSHIP_HEARINGS = 'oversight_leadership_hearings';

/** A department's report for a half-year; `late` and `submittedOn` are those of the first submission. */
export interface SemiannualReportDocument extends ReadDocument {
  readonly agencyCode: string;
  readonly departmentCode: string;
  readonly year: number;
  readonly half: Half;
  readonly version: number;
  readonly content: string;
  readonly dueOn: string;
  readonly submittedOn: string;
  readonly lastRevisedOn: string;
  readonly late: boolean;
  readonly submittedBy: string;
}

export interface BureauWorkReportDocument extends ReadDocument {
  readonly agencyCode: string;
  readonly year: number;
  readonly half: Half;
  readonly version: number;
  readonly content: string;
  readonly includedReports: readonly IncludedReport[];
  readonly missingDepartments: readonly string[];
  readonly consolidatedOn: string;
  readonly consolidatedBy: string;
}

export interface LeadershipHearingDocument extends ReadDocument {
  readonly agencyCode: string;
  readonly year: number;
  readonly hearingNumber: number;
  readonly heldOn: string;
  readonly chairedBy: string;
  readonly summary: string;
  readonly recordedBy: string;
}

export const semiannualReportKey = (agencyCode: string, departmentCode: string, year: number, half: string): string => `${agencyCode}:${departmentCode}:${year}:${half}`;

/** The departments' semiannual reports, the office's consolidations and the leadership's hearings. */
export const workReportsProjection: Projection = {
  name: 'oversight.work-reports',
  version: 1,
  collections: [SEMIANNUAL_REPORTS, BUREAU_WORK_REPORTS, LEADERSHIP_HEARINGS],
  indexes: {
    [SEMIANNUAL_REPORTS]: [{ keys: { agencyCode: 1, year: 1, half: 1 } }],
    [BUREAU_WORK_REPORTS]: [{ keys: { agencyCode: 1, year: 1 } }],
    [LEADERSHIP_HEARINGS]: [{ keys: { agencyCode: 1, year: 1 } }],
  },
  handles: ['SemiannualReportSubmitted', 'SemiannualReportsConsolidated', 'LeadershipHearingRecorded'],

  async apply(event: RecordedEvent, store: ReadStore): Promise<void> {
    const by = event.metadata.actor.id;
    switch (event.type) {
      case 'SemiannualReportSubmitted': {
        const data = event.data as SemiannualReportEvent['data'];
        const reports = store.collection<SemiannualReportDocument>(SEMIANNUAL_REPORTS);
        const _id = semiannualReportKey(data.agencyCode, data.departmentCode, data.year, data.half);
        const first = await reports.findOne({ _id });
        await reports.replaceOne(
          { _id },
          {
            _id,
            agencyCode: data.agencyCode,
            departmentCode: data.departmentCode,
            year: data.year,
            half: data.half,
            version: data.version,
            content: data.content,
            dueOn: data.dueOn,
            submittedOn: first?.submittedOn ?? data.submittedOn,
            lastRevisedOn: data.submittedOn,
            late: first?.late ?? data.late,
            submittedBy: first?.submittedBy ?? by,
          },
          { upsert: true },
        );
        return;
      }
      case 'SemiannualReportsConsolidated': {
        const data = event.data as BureauWorkReportEvent['data'];
        const _id = `${data.agencyCode}:${data.year}:${data.half}`;
        await store.collection<BureauWorkReportDocument>(BUREAU_WORK_REPORTS).replaceOne({ _id }, { _id, ...data, consolidatedBy: by }, { upsert: true });
        return;
      }
      case 'LeadershipHearingRecorded': {
        const data = event.data as LeadershipHearingEvent['data'];
        const _id = `${data.agencyCode}:${data.year}:${data.hearingNumber}`;
        await store.collection<LeadershipHearingDocument>(LEADERSHIP_HEARINGS).replaceOne({ _id }, { _id, ...data, recordedBy: by }, { upsert: true });
        return;
      }
    }
  },
};
