/** A figure with its unit, e.g. 4,812 events/s. */
export interface Rate {
  readonly value: number;
  readonly unit: string;
}

/** One line of the result table: a measurement against the baseline measured in the same run. */
export interface ResultRow {
  readonly measurement: string;
  readonly figure: Rate;
  readonly baselineName: string;
  readonly baseline: Rate;
  /** The smallest acceptable figure / baseline; absent for rows recorded for information only. */
  readonly goal?: number;
  /** A run whose load test saw errors, or whose servers answered differently, proves nothing. */
  readonly invalid?: string;
}

/** What a benchmark hands back: its rows, and remarks printed under the table (latencies, sizes). */
export interface BenchResult {
  readonly rows: readonly ResultRow[];
  readonly notes: readonly string[];
}

export const formatRate = (rate: Rate): string => `${Math.round(rate.value).toLocaleString('en-US')} ${rate.unit}`;

export const ratioOf = (row: ResultRow): number => row.figure.value / row.baseline.value;

const verdict = (row: ResultRow): string => {
  if (row.invalid) return 'INVALID';
  if (row.goal === undefined) return 'info';
  return ratioOf(row) >= row.goal ? 'pass' : 'FAIL';
};

/** A Markdown table, padded so that it also reads in a terminal and pastes into docs/performance.md. */
export const renderTable = (rows: readonly ResultRow[]): string => {
  const header = ['measurement', 'figure', 'baseline', 'baseline figure', 'ratio', 'goal', 'result'];
  const cells = rows.map((row) => [
    row.measurement,
    formatRate(row.figure),
    row.baselineName,
    formatRate(row.baseline),
    ratioOf(row).toFixed(2),
    row.goal === undefined ? '—' : `≥ ${row.goal}`,
    verdict(row),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...cells.map((line) => line[column].length)));
  const line = (values: readonly string[]): string => `| ${values.map((value, column) => value.padEnd(widths[column])).join(' | ')} |`;
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...cells.map(line)].join('\n');
};
