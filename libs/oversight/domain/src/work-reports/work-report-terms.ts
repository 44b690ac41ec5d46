import { badInput, type LocalDate, requireOneOf } from '@gongkai/kernel';

/**
 * The two reports a department owes each year (保障措施 (四)): its open-government work of the first
 * half by the end of June, and of the whole year by the end of December (每年的6月底和12月底前).
 */
export const HALVES = ['FIRST_HALF', 'SECOND_HALF'] as const;
export type Half = (typeof HALVES)[number];

export const requireHalf = (field: string, value: unknown): Half => requireOneOf(field, value, HALVES);

/** The last day a department's report for `half` of `year` is on time. */
export const semiannualDueOn = (year: number, half: Half): LocalDate => (half === 'FIRST_HALF' ? `${year}-06-30` : `${year}-12-31`);

/** The first day a report on `half` can be written: the period has to have begun. */
export const semiannualPeriodStart = (year: number, half: Half): LocalDate => (half === 'FIRST_HALF' ? `${year}-01-01` : `${year}-07-01`);

export const requirePeriodStarted = (year: number, half: Half, today: LocalDate): void => {
  const start = semiannualPeriodStart(year, half);
  if (today < start) throw badInput('REPORT_PERIOD_NOT_STARTED', `The ${half === 'FIRST_HALF' ? 'first half' : 'second half'} of ${year} begins on ${start}: nothing can be reported on it yet.`, { field: 'year' });
};
