import { CATEGORY_FIELDS, type DisclosureCategory, ENTERPRISE_ROLE } from '@gongkai/supervision/domain';

/** A problem of the file, as the error report names it: row (the header is row 1), column and rule. */
export interface ImportProblem {
  readonly row: number;
  /** The column's heading as the file writes it; null for a problem of the whole row or file. */
  readonly column: string | null;
  readonly rule: string;
  readonly message: string;
}

/** The columns every category has, besides its detail fields; each accepted by name or Chinese heading. */
const RECORD_COLUMNS = [
  { name: 'enterpriseCreditCode', label: '统一社会信用代码' },
  { name: 'formedOn', label: '形成日期' },
  { name: 'title', label: '标题' },
];

/** Which field each column holds, and the heading the file gave each field. */
export interface ColumnMap {
  readonly fieldOfColumn: readonly string[];
  readonly headingOfField: ReadonlyMap<string, string>;
}

/** Maps the header row to fields; an unknown, repeated or missing column is a problem of row 1. */
export const mapColumns = (category: DisclosureCategory, header: readonly string[]): { columns: ColumnMap; problems: ImportProblem[] } => {
  const fields = [...RECORD_COLUMNS, ...CATEGORY_FIELDS[category]];
  const problems: ImportProblem[] = [];
  const headingOfField = new Map<string, string>();
  const fieldOfColumn = header.map((raw, index) => {
    const heading = (index === 0 ? raw.replace(/^\uFEFF/, '') : raw).trim();
    const field = fields.find((f) => f.name === heading || f.label === heading);
    if (!field) {
      problems.push({ row: 1, column: heading, rule: 'UNKNOWN_COLUMN', message: `${heading} is not a column of ${category}: use ${fields.map((f) => f.name).join(', ')}.` });
      return '';
    }
    if (headingOfField.has(field.name)) problems.push({ row: 1, column: heading, rule: 'DUPLICATE_COLUMN', message: `${field.name} is given twice.` });
    headingOfField.set(field.name, heading);
    return field.name;
  });
  const required = [
    ...(ENTERPRISE_ROLE[category] === 'REQUIRED' ? ['enterpriseCreditCode'] : []),
    'formedOn',
    ...CATEGORY_FIELDS[category].filter((f) => f.required).map((f) => f.name),
  ];
  for (const name of required) {
    if (!headingOfField.has(name)) problems.push({ row: 1, column: name, rule: 'MISSING_COLUMN', message: `The file needs a column ${name}.` });
  }
  return { columns: { fieldOfColumn, headingOfField }, problems };
};

/** The cell of each field in one row; absent columns read as empty. */
export const cellsByField = (columns: ColumnMap, cells: readonly string[]): ReadonlyMap<string, string> => {
  const byField = new Map<string, string>();
  columns.fieldOfColumn.forEach((field, index) => field && byField.set(field, cells[index] ?? ''));
  return byField;
};

/** The heading to name in the report for a problem of a field (`indicators[0].value` is the indicators column). */
export const headingFor = (columns: ColumnMap, field: unknown): string | null => {
  if (typeof field !== 'string') return null;
  const name = field.replace(/\[.*$/, '');
  return columns.headingOfField.get(name) ?? name;
};
