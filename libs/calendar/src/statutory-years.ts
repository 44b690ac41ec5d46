import { dateRange } from './local-date';
import type { CalendarYear } from './working-day-calendar';

/**
 * The State Council General Office's annual holiday notices (国务院办公厅关于…年部分节假日安排的通知),
 * as shipped with the code. Each holiday run is written as the notice states it (first day–last
 * day) and expanded to single dates; make-up working days (调休上班) are the weekend days the
 * notice declares working days. Both years come to 248 working days, which the tests check.
 *
 * Later years are loaded by an administrator from the new notice; these are the starting data.
 */
export const STATUTORY_CALENDAR_YEARS: readonly CalendarYear[] = Object.freeze([
  Object.freeze<CalendarYear>({
    year: 2025,
    holidays: Object.freeze([
      '2025-01-01', // 元旦 New Year's Day
      ...dateRange('2025-01-28', '2025-02-04'), // 春节 Spring Festival
      ...dateRange('2025-04-04', '2025-04-06'), // 清明节 Qingming
      ...dateRange('2025-05-01', '2025-05-05'), // 劳动节 Labour Day
      ...dateRange('2025-05-31', '2025-06-02'), // 端午节 Dragon Boat Festival
      ...dateRange('2025-10-01', '2025-10-08'), // 国庆节、中秋节 National Day and Mid-Autumn
    ]),
    makeUpWorkingDays: Object.freeze([
      '2025-01-26', // Sunday, for the Spring Festival
      '2025-02-08', // Saturday, for the Spring Festival
      '2025-04-27', // Sunday, for Labour Day
      '2025-09-28', // Sunday, for National Day
      '2025-10-11', // Saturday, for National Day
    ]),
    source: '国务院办公厅关于2025年部分节假日安排的通知 (State Council General Office notice on the 2025 holidays, 12 November 2024)',
  }),
  Object.freeze<CalendarYear>({
    year: 2026,
    holidays: Object.freeze([
      ...dateRange('2026-01-01', '2026-01-03'), // 元旦 New Year's Day
      ...dateRange('2026-02-15', '2026-02-23'), // 春节 Spring Festival
      ...dateRange('2026-04-04', '2026-04-06'), // 清明节 Qingming
      ...dateRange('2026-05-01', '2026-05-05'), // 劳动节 Labour Day
      ...dateRange('2026-06-19', '2026-06-21'), // 端午节 Dragon Boat Festival
      ...dateRange('2026-09-25', '2026-09-27'), // 中秋节 Mid-Autumn Festival
      ...dateRange('2026-10-01', '2026-10-07'), // 国庆节 National Day
    ]),
    makeUpWorkingDays: Object.freeze([
      '2026-01-04', // Sunday, for New Year's Day
      '2026-02-14', // Saturday, for the Spring Festival
      '2026-02-28', // Saturday, for the Spring Festival
      '2026-05-09', // Saturday, for Labour Day
      '2026-09-20', // Sunday, for National Day
      '2026-10-10', // Saturday, for National Day
    ]),
    source: '国务院办公厅关于2026年部分节假日安排的通知 (State Council General Office notice on the 2026 holidays, 4 November 2025)',
  }),
]);
