import type { ReadDocument } from '@gongkai/read-store';
import type { DisclosureCategory, ImportStatus } from '@gongkai/supervision/domain';

export const DISCLOSURE_IMPORTS = 'supervision_disclosure_imports';

/** A bulk import of one file: staff follow it from start to publication. */
export interface DisclosureImportDocument extends ReadDocument {
  readonly _id: string;
  readonly agencyCode: string;
  readonly departmentCode: string;
  readonly category: DisclosureCategory;
  readonly fileName: string;
  readonly rowCount: number;
  readonly status: ImportStatus;
  readonly contentHash: string;
  readonly pendingReviewId: string | null;
  readonly startedAt: string;
  readonly startedBy: string;
  readonly completedAt: string | null;
  readonly publishedAt: string | null;
}
