import { chunkOfRow, type ImportedRow, importChunkHash } from '@gongkai/supervision/domain';
import type { ImportProblem } from './import-columns';
import type { CheckedRow } from './import-rows';

/** The report names the first problems; a file with more has the same mistake all over. */
export const MAX_REPORTED_PROBLEMS = 1000;

export type ImportCheck =
  | { readonly valid: true; readonly rowCount: number; readonly chunkHashes: readonly string[] }
  | { readonly valid: false; readonly problemCount: number; readonly problems: readonly ImportProblem[] };

/** One chunk's rows, in file order. */
export interface ImportChunk {
  readonly chunk: number;
  readonly rows: readonly ImportedRow[];
}

/** Groups consecutive rows into their chunks: memory holds one chunk (500 rows) at a time. */
async function* chunked(rows: AsyncIterable<ImportedRow>): AsyncGenerator<ImportChunk> {
  let current: ImportedRow[] = [];
  for await (const row of rows) {
    if (current.length && chunkOfRow(row.row) !== chunkOfRow(current[0].row)) {
      yield { chunk: chunkOfRow(current[0].row), rows: current };
      current = [];
    }
    current.push(row);
  }
  if (current.length) yield { chunk: chunkOfRow(current[0].row), rows: current };
}

/** The rows of a file that must be valid throughout: the first problem ends the import. */
async function* validRows(rows: AsyncIterable<CheckedRow>): AsyncGenerator<ImportedRow> {
  for await (const checked of rows) {
    if ('problems' in checked) throw new Error(`Row ${checked.row} changed between the check and the import: ${checked.problems[0]?.rule}.`);
    yield checked.imported;
  }
}

/**
 * The first pass over a file: every row checked, the problems collected (the first
 * MAX_REPORTED_PROBLEMS of them), and — for a valid file — the hash of each chunk, which the
 * import declares before writing anything.
 */
export const checkImport = async (rows: AsyncIterable<CheckedRow>, importId: string): Promise<ImportCheck> => {
  const problems: ImportProblem[] = [];
  let problemCount = 0;
  let rowCount = 0;
  async function* validSoFar(): AsyncGenerator<ImportedRow> {
    for await (const checked of rows) {
      if ('problems' in checked) {
        problemCount += checked.problems.length;
        problems.push(...checked.problems.slice(0, MAX_REPORTED_PROBLEMS - problems.length));
      } else {
        rowCount++;
        if (!problemCount) yield checked.imported; // once the file is refused, hashing the rest would be wasted
      }
    }
  }
  const chunkHashes: string[] = [];
  for await (const { chunk, rows: chunkRows } of chunked(validSoFar())) chunkHashes.push(importChunkHash(importId, chunk, chunkRows));
  if (problemCount) return { valid: false, problemCount, problems };
  if (rowCount === 0) return { valid: false, problemCount: 1, problems: [{ row: 2, column: null, rule: 'NO_ROWS', message: 'The file has a header but no rows.' }] };
  return { valid: true, rowCount, chunkHashes };
};

/** The second pass: the same rows, now known to be valid, chunk by chunk. */
export const importChunks = (rows: AsyncIterable<CheckedRow>): AsyncGenerator<ImportChunk> => chunked(validRows(rows));
