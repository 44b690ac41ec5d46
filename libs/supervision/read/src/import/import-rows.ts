import { badInput, type DomainError, isDomainError, type WorkingDayCalendar } from '@gongkai/kernel';
import {
  type DisclosureCategory,
  type DisclosureContent,
  type ImportedRow,
  importedDisclosureId,
  publicationDueOn,
  readDisclosureContent,
} from '@gongkai/supervision/domain';
import type { CsvRecord } from './csv-parser';
import { cellsByField, type ColumnMap, headingFor, type ImportProblem, mapColumns } from './import-columns';

/** What the rows of one import are checked against. */
export interface ImportContext {
  readonly importId: string;
  readonly category: DisclosureCategory;
  readonly today: string;
  readonly now: Date;
  readonly calendar: WorkingDayCalendar;
  /** Whether an enterprise is registered: a record may only name a registered one. */
  readonly knownEnterprise: (creditCode: string) => Promise<boolean>;
}

/** One data row, read and checked: the record it becomes, or everything wrong with it. */
export type CheckedRow = { readonly row: number; readonly imported: ImportedRow } | { readonly row: number; readonly problems: readonly ImportProblem[] };

const problemOf = (row: number, columns: ColumnMap | undefined, error: DomainError): ImportProblem => ({
  row: typeof error.details['row'] === 'number' ? error.details['row'] : row,
  column: columns ? headingFor(columns, error.details['field']) : null,
  rule: error.rule,
  message: error.message,
});

const isBlank = (cells: readonly string[]): boolean => cells.every((cell) => cell.trim() === '');

const checkRow = async (record: CsvRecord, columns: ColumnMap, context: ImportContext): Promise<CheckedRow> => {
  const { row } = record;
  if (record.cells.length !== columns.fieldOfColumn.length) {
    const message = `Row ${row} has ${record.cells.length} cells; the header has ${columns.fieldOfColumn.length} columns.`;
    return { row, problems: [{ row, column: null, rule: 'COLUMN_COUNT', message }] };
  }
  const cells = cellsByField(columns, record.cells);
  const errors: DomainError[] = [];
  const content = readDisclosureContent(
    {
      category: context.category,
      enterpriseCreditCode: cells.get('enterpriseCreditCode'),
      formedOn: cells.get('formedOn'),
      title: cells.get('title'),
      valueOf: (field) => cells.get(field.name),
      source: 'csv',
    },
    { today: context.today, now: context.now },
    errors,
  );
  if (content) await checkAgainstRegisters(content, context, errors);
  if (errors.length || !content) return { row, problems: errors.map((error) => problemOf(row, columns, error)) };
  return { row, imported: { disclosureId: importedDisclosureId(context.importId, row), row, content } };
};

/** What a row alone cannot tell: whether its enterprise is registered, and whether its deadline can be counted. */
const checkAgainstRegisters = async (content: DisclosureContent, context: ImportContext, errors: DomainError[]): Promise<void> => {
  if (content.enterpriseCreditCode && !(await context.knownEnterprise(content.enterpriseCreditCode))) {
    errors.push(badInput('UNKNOWN_ENTERPRISE', `No enterprise with credit code ${content.enterpriseCreditCode} is registered.`, { field: 'enterpriseCreditCode' }));
  }
  try {
    publicationDueOn(content.category, content.formedOn, context.calendar);
  } catch (error) {
    if (!isDomainError(error)) throw error;
    errors.push(badInput(error.rule, error.message, { field: 'formedOn' }));
  }
};

/**
 * The rows of a file, each checked as the domain checks a record, one at a time. The header comes
 * first; blank lines at the end are ignored, blank lines between rows are a problem (rows are
 * numbered as the spreadsheet shows them, and an import's rows must follow each other).
 */
export async function* checkedRows(records: AsyncIterable<CsvRecord>, context: ImportContext): AsyncGenerator<CheckedRow> {
  let columns: ColumnMap | undefined;
  const blanks: number[] = [];
  try {
    for await (const record of records) {
      if (!columns) {
        const mapped = mapColumns(context.category, record.cells);
        if (mapped.problems.length) {
          yield { row: 1, problems: mapped.problems };
          return;
        }
        columns = mapped.columns;
        continue;
      }
      if (isBlank(record.cells)) {
        blanks.push(record.row);
        continue;
      }
      for (const row of blanks.splice(0)) yield { row, problems: [{ row, column: null, rule: 'BLANK_ROW', message: `Row ${row} is empty.` }] };
      yield await checkRow(record, columns, context);
    }
  } catch (error) {
    // A file that cannot be read on (an unclosed quote, bytes that are not text) ends the check.
    if (!isDomainError(error)) throw error;
    yield { row: Number(error.details['row'] ?? 0), problems: [problemOf(0, undefined, error)] };
  }
}
