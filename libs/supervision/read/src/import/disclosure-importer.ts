import type { DisclosureCategory, ImportedRow, ImportRowInput } from '@gongkai/supervision/domain';
import type { ImportProblem } from './import-columns';
import { checkImport, importChunks } from './import-plan';
import { checkedRows, type ImportContext } from './import-rows';
import { type CsvEncoding, csvRecords } from './csv-records';

export interface ImportRequest {
  readonly importId: string;
  readonly category: DisclosureCategory;
  readonly agencyCode: string;
  readonly departmentCode: string;
  readonly fileName: string;
  /** Undefined: detected from the start of the file. */
  readonly encoding?: CsvEncoding;
}

export interface ImportPorts extends Omit<ImportContext, 'importId' | 'category'> {
  /** The file's bytes, from the start, each time it is called: the file is read twice, never held. */
  readonly file: () => AsyncIterable<Uint8Array>;
  /** Sends one command of the supervision context as the importing user; answers once the read models show it. */
  readonly send: (type: string, data: object) => Promise<unknown>;
  /** Writes one chunk without waiting for the read models, so that writing and projecting overlap. */
  readonly sendChunk: (data: object) => Promise<Written>;
  /** Waits until the read models have applied a stream up to a revision (and so everything written before it). */
  readonly applied: (written: Written) => Promise<void>;
}

export interface Written {
  readonly streamId: string;
  readonly revision: number;
}

export type ImportOutcome =
  | { readonly imported: true; readonly importId: string; readonly rowCount: number; readonly chunkCount: number }
  | { readonly imported: false; readonly problemCount: number; readonly problems: readonly ImportProblem[] };

const rowInput = ({ row, content }: ImportedRow): ImportRowInput => ({
  row,
  enterpriseCreditCode: content.enterpriseCreditCode,
  formedOn: content.formedOn,
  title: content.title,
  details: content.details,
});

/**
 * A bulk import (批量导入), all or nothing: the whole file is checked first and nothing is written
 * if any row is bad. A valid file is then declared (row count and chunk hashes), written chunk by
 * chunk — every row its own event — and completed; its rows are used only once it is complete.
 */
export const importDisclosures = async (request: ImportRequest, ports: ImportPorts): Promise<ImportOutcome> => {
  const context: ImportContext = { ...ports, importId: request.importId, category: request.category };
  const rows = () => checkedRows(csvRecords(ports.file(), request.encoding), context);
  const check = await checkImport(rows(), request.importId);
  if (!check.valid) return { imported: false, problemCount: check.problemCount, problems: check.problems };
  const { importId, category, agencyCode, departmentCode, fileName } = request;
  await ports.send('StartDisclosureImport', { importId, agencyCode, departmentCode, category, fileName, rowCount: check.rowCount, chunkHashes: check.chunkHashes });
  let last: Written | undefined;
  for await (const { chunk, rows: chunkRows } of importChunks(rows())) {
    last = await ports.sendChunk({ importId, chunk, agencyCode, departmentCode, category, rows: chunkRows.map(rowInput) });
  }
  // Every row is in the read models before the import says it is complete.
  if (last) await ports.applied(last);
  await ports.send('CompleteDisclosureImport', { importId });
  return { imported: true, importId, rowCount: check.rowCount, chunkCount: check.chunkHashes.length };
};
