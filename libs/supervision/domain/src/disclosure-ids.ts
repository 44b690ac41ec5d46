import { contentHash } from '@gongkai/kernel';
import type { DisclosureContent } from './disclosure-content';

/**
 * Rows of a bulk import are written in chunks: each chunk is one stream (one append, one fsync)
 * holding the individual event of each of its rows, so that 100,000 rows are 200 appends, and a
 * correction of one row loads at most this many events.
 */
export const IMPORT_CHUNK_ROWS = 500;

/** Row 1 of a CSV file is its header; data rows are numbered from 2, as a spreadsheet shows them. */
export const FIRST_DATA_ROW = 2;

export const chunkOfRow = (row: number): number => Math.floor((row - FIRST_DATA_ROW) / IMPORT_CHUNK_ROWS);

/** An imported record's id says where it came from: the import and the row of the file. */
export const importedDisclosureId = (importId: string, row: number): string => `${importId}:${row}`;

const IMPORTED = /^(.+):(\d{1,9})$/;

/** The import and row of an imported record's id; undefined for a record entered one by one. */
export const parseImportedDisclosureId = (disclosureId: string): { importId: string; row: number } | undefined => {
  const match = IMPORTED.exec(disclosureId);
  return match ? { importId: match[1], row: Number(match[2]) } : undefined;
};

/** The content a reviewer approves for one version of one record. */
export const disclosureVersionHash = (disclosureId: string, version: number, content: DisclosureContent): string =>
  contentHash({ disclosureId, version, content });

export interface ImportedRow {
  readonly disclosureId: string;
  readonly row: number;
  readonly content: DisclosureContent;
}

/** One chunk's rows exactly as imported: the importer and the chunk's decider compute it alike. */
export const importChunkHash = (importId: string, chunk: number, rows: readonly ImportedRow[]): string =>
  contentHash({ importId, chunk, rows: rows.map((r) => ({ disclosureId: r.disclosureId, content: r.content })) });

/** The content a reviewer approves for a whole import: its rows, by the hashes of its chunks. */
export const importContentHash = (importId: string, category: string, rowCount: number, chunkHashes: readonly string[]): string =>
  contentHash({ importId, category, rowCount, chunkHashes });
