import { defaultCalendar } from '@gongkai/calendar';
import type { DisclosureCategory } from './disclosure-categories';
import { DISCLOSURE_CATEGORIES } from './disclosure-categories';
import { isLate, publicationDueOn, publicationPeriod, withdrawalDueOn } from './publication-deadline';

/**
 * Publication deadlines over the 2025 and 2026 calendars. Each expected date is counted by hand in
 * the comment: each working day after the day the information was formed, with the running count
 * in brackets; "S" marks a make-up Saturday or Sunday (调休上班).
 */
const calendar = defaultCalendar();

interface Case {
  readonly category: DisclosureCategory;
  readonly formedOn: string;
  readonly dueOn: string;
}

describe('publication deadlines (Regulations Art. 26; 双公示 for licensing and penalty decisions)', () => {
  it.each<Case>([
    // 7 working days for a penalty decision. Wed 02-11 [1], Thu [2], Fri 02-13 [3], Sat 02-14 S [4];
    // 02-15 … 02-23 Spring Festival; Tue 02-24 [5], Wed [6], Thu 02-26 [7].
    { category: 'ADMINISTRATIVE_PENALTY', formedOn: '2026-02-10', dueOn: '2026-02-26' },
    // 7 for a permit. Tue 09-29 [1], Wed 09-30 [2]; 10-01 … 10-07 National Day; Thu 10-08 [3], Fri [4],
    // Sat 10-10 S [5]; Mon 10-12 [6], Tue 10-13 [7].
    { category: 'DISCHARGE_PERMIT', formedOn: '2026-09-28', dueOn: '2026-10-13' },
    // 7 for an EIA approval. Sun 2025-01-26 S [1], Mon 01-27 [2]; 01-28 … 02-04 Spring Festival;
    // Wed 02-05 [3], Thu [4], Fri 02-07 [5], Sat 02-08 S [6], Mon 02-10 [7].
    { category: 'EIA_APPROVAL', formedOn: '2025-01-24', dueOn: '2025-02-10' },
    // 20 for other enforcement decisions. Tue 02-10 [1] … Fri 02-13 [4], Sat 02-14 S [5]; Spring Festival;
    // Tue 02-24 [6] … Fri 02-27 [9], Sat 02-28 S [10]; 03-02 … 03-06 [11–15]; 03-09 … Fri 03-13 [16–20].
    { category: 'ENFORCEMENT_ACTION', formedOn: '2026-02-09', dueOn: '2026-03-13' },
    // 20. 09-25 … 09-27 Mid-Autumn; Mon 09-28 [1], Tue [2], Wed 09-30 [3]; 10-01 … 10-07 National Day;
    // Thu 10-08 [4], Fri [5], Sat 10-10 S [6]; 10-12 … 10-16 [7–11]; 10-19 … 10-23 [12–16]; Mon 10-26 [17] … Thu 10-29 [20].
    { category: 'ENVIRONMENTAL_QUALITY', formedOn: '2026-09-24', dueOn: '2026-10-29' },
    // 20. Fri 09-26 [1], Sun 09-28 S [2], Mon [3], Tue 09-30 [4]; 10-01 … 10-08; Thu 10-09 [5], Fri [6],
    // Sat 10-11 S [7]; 10-13 … 10-17 [8–12]; 10-20 … 10-24 [13–17]; Mon 10-27 [18] … Wed 10-29 [20].
    { category: 'SUPERVISORY_MONITORING', formedOn: '2025-09-25', dueOn: '2025-10-29' },
    // 20. Tue 01-21 [1] … Fri 01-24 [4], Sun 01-26 S [5], Mon 01-27 [6]; Spring Festival; Wed 02-05 [7],
    // Thu [8], Fri [9], Sat 02-08 S [10]; 02-10 … 02-14 [11–15]; 02-17 … Fri 02-21 [16–20].
    { category: 'HAZARDOUS_WASTE_TRANSFER', formedOn: '2025-01-20', dueOn: '2025-02-21' },
    // 20. 05-01 … 05-05 Labour Day; Wed 05-06 [1], Thu [2], Fri 05-08 [3], Sat 05-09 S [4];
    // 05-11 … 05-15 [5–9]; 05-18 … 05-22 [10–14]; 05-25 … 05-29 [15–19]; Mon 06-01 [20].
    { category: 'DISCHARGE_FEE', formedOn: '2026-04-30', dueOn: '2026-06-01' },
    // 20. Tue 06-16 [1], Wed [2], Thu 06-18 [3]; 06-19 … 06-21 Dragon Boat; 06-22 … 06-26 [4–8];
    // 06-29 … 07-03 [9–13]; 07-06 … 07-10 [14–18]; Mon 07-13 [19], Tue 07-14 [20].
    { category: 'COMPLAINT_CASE', formedOn: '2026-06-15', dueOn: '2026-07-14' },
    // 20 across the new year. Fri 12-26 [1], 12-29 … 12-31 [2–4]; 2026-01-01 … 01-03 New Year;
    // Sun 01-04 S [5]; 01-05 … 01-09 [6–10]; 01-12 … 01-16 [11–15]; 01-19 … Fri 01-23 [16–20].
    { category: 'EMERGENCY_INCIDENT', formedOn: '2025-12-25', dueOn: '2026-01-23' },
  ])('$category formed on $formedOn is due on $dueOn', ({ category, formedOn, dueOn }) => {
    expect(publicationDueOn(category, formedOn, calendar)).toBe(dueOn);
  });

  it('gives licensing and penalty decisions 7 working days and everything else 20', () => {
    const periods = Object.fromEntries(DISCLOSURE_CATEGORIES.map((category) => [category, publicationPeriod(category)]));
    expect(periods).toEqual({
      ENVIRONMENTAL_QUALITY: 20,
      SUPERVISORY_MONITORING: 20,
      ADMINISTRATIVE_PENALTY: 7,
      DISCHARGE_PERMIT: 7,
      EIA_APPROVAL: 7,
      HAZARDOUS_WASTE_TRANSFER: 20,
      DISCHARGE_FEE: 20,
      COMPLAINT_CASE: 20,
      ENFORCEMENT_ACTION: 20,
      EMERGENCY_INCIDENT: 20,
    });
  });

  it('refuses to guess a deadline in a year whose holiday notice is not loaded', () => {
    expect(() => publicationDueOn('COMPLAINT_CASE', '2026-12-20', calendar)).toThrow(expect.objectContaining({ rule: 'CALENDAR_YEAR_NOT_LOADED' }));
  });

  describe('withdrawing a revoked penalty decision (Administrative Penalty Law Art. 48, 85)', () => {
    it.each([
      // Revoked on the eve of National Day: 10-01 … 10-07; Thu 10-08 [1], Fri 10-09 [2], Sat 10-10 S [3].
      ['2026-09-30', '2026-10-10'],
      // Revoked before the Spring Festival: Sat 02-14 S [1]; 02-15 … 02-23; Tue 02-24 [2], Wed 02-25 [3].
      ['2026-02-13', '2026-02-25'],
      // An ordinary week: Tue [1], Wed [2], Thu [3].
      ['2026-03-02', '2026-03-05'],
    ])('a decision revoked on %s is withdrawn by %s', (revokedOn, dueOn) => {
      expect(withdrawalDueOn(revokedOn, calendar)).toBe(dueOn);
    });
  });

  it('is late only after the due day', () => {
    expect(isLate('2026-02-26', '2026-02-26')).toBe(false);
    expect(isLate('2026-02-26', '2026-02-27')).toBe(true);
  });
});
