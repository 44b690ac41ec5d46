import type { PublicationRequestMarker, ReviewWithdrawalMarker } from '@gongkai/contracts';
import type { DisclosureCategory } from './disclosure-categories';

/**
 * A bulk import (批量导入) of one file: its rows are declared (count and chunk hashes) before they
 * are written, and it is complete only when every chunk was written, so that nothing of a file is
 * used unless all of it is.
 */
export type DisclosureImportEvent =
  | {
      type: 'DisclosureImportStarted';
      data: {
        importId: string;
        agencyCode: string;
        departmentCode: string;
        category: DisclosureCategory;
        fileName: string;
        rowCount: number;
        chunkHashes: readonly string[];
        contentHash: string;
        startedAt: string;
      };
    }
  | { type: 'DisclosureImportCompleted'; data: { importId: string; rowCount: number; completedAt: string } }
  | { type: 'DisclosureImportPublicationRequested'; data: { importId: string; contentHash: string } & PublicationRequestMarker & Partial<ReviewWithdrawalMarker> }
  | { type: 'DisclosureImportPublished'; data: { importId: string; reviewId: string; contentHash: string; chunkHashes: readonly string[]; publishedAt: string } };

export const IMPORT_STATUSES = ['STARTED', 'COMPLETED', 'PENDING_REVIEW', 'PUBLISHED'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

export type DisclosureImportState =
  | { status: 'NONE' }
  | {
      status: ImportStatus;
      importId: string;
      agencyCode: string;
      departmentCode: string;
      category: DisclosureCategory;
      fileName: string;
      rowCount: number;
      chunkHashes: readonly string[];
      contentHash: string;
      pendingReviewId?: string;
    };

export const initialDisclosureImportState = (): DisclosureImportState => ({ status: 'NONE' });

export const evolveDisclosureImport = (state: DisclosureImportState, event: DisclosureImportEvent): DisclosureImportState => {
  switch (event.type) {
    case 'DisclosureImportStarted': {
      const { startedAt: _at, ...started } = event.data;
      return { status: 'STARTED', ...started };
    }
    case 'DisclosureImportCompleted':
      return state.status === 'NONE' ? state : { ...state, status: 'COMPLETED' };
    case 'DisclosureImportPublicationRequested':
      return state.status === 'NONE' ? state : { ...state, status: 'PENDING_REVIEW', pendingReviewId: event.data.publicationRequest.reviewId };
    case 'DisclosureImportPublished':
      return state.status === 'NONE' ? state : { ...state, status: 'PUBLISHED', pendingReviewId: undefined };
  }
};
