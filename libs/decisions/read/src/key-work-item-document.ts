import type { KeyWorkItemContent, ProgressReport } from '@gongkai/decisions/domain';
import type { ReadDocument } from '@gongkai/read-store';

export const KEY_WORK_ITEMS = 'key_work_items';

export interface ProgressReportEntry extends ProgressReport {
  readonly number: number;
  readonly reportedAt: string;
  readonly reviewId: string;
  readonly contentHash: string;
  /** Null until a reviewer approved it and it was published. */
  readonly publishedAt: string | null;
}

/** A key work item (重点工作) with every progress report; the public sees the published ones. */
export interface KeyWorkItemDocument extends ReadDocument, KeyWorkItemContent {
  readonly _id: string;
  readonly agencyCode: string;
  readonly reports: readonly ProgressReportEntry[];
  readonly publishedReports: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}
