import { defaultCalendar } from '@gongkai/calendar';
import { DomainError } from '@gongkai/kernel';
import { interpretationDueOn, isOnTime, obligationStatusOn } from './interpretation-deadline';

const calendar = defaultCalendar();

describe('The three-working-day rule (最迟不超过3个工作日)', () => {
  it.each([
    ['an ordinary week: Monday to Thursday', '2026-03-02', '2026-03-05'],
    ['over a weekend: Thursday to Tuesday', '2026-03-05', '2026-03-10'],
    ['over Qingming (4–6 April, Saturday to Monday)', '2026-04-02', '2026-04-08'],
    ['from a holiday: publication on Qingming Saturday counts from Tuesday', '2026-04-04', '2026-04-09'],
    ['into Spring Festival, where Saturday 14 February is a make-up working day', '2026-02-13', '2026-02-25'],
    ['into National Day, ending on the make-up Saturday 10 October', '2026-09-30', '2026-10-10'],
    ['over the new year, through the make-up Sunday 4 January 2026', '2025-12-30', '2026-01-05'],
    ['before Labour Day 2025: the make-up Sunday 27 April counts', '2025-04-25', '2025-04-29'],
  ])('%s', (_, publishedOn, dueOn) => {
    expect(interpretationDueOn(calendar, publishedOn)).toBe(dueOn);
  });

  it('refuses to guess a due day in a year whose calendar is not loaded', () => {
    let caught: unknown;
    try {
      interpretationDueOn(calendar, '2026-12-30');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DomainError);
    expect(caught).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'CALENDAR_YEAR_NOT_LOADED' });
  });

  it('is met on time on the due day itself, late the day after', () => {
    expect(isOnTime('2026-04-08', '2026-04-08')).toBe(true);
    expect(isOnTime('2026-04-09', '2026-04-08')).toBe(false);
  });
});

describe('The obligation on a given day', () => {
  const obligation = { interpretationDueOn: '2026-04-08' };

  it('is pending up to and including the due day, overdue from the next', () => {
    expect(obligationStatusOn(obligation, '2026-04-02')).toBe('PENDING');
    expect(obligationStatusOn(obligation, '2026-04-08')).toBe('PENDING');
    expect(obligationStatusOn(obligation, '2026-04-09')).toBe('OVERDUE');
  });

  it('is met by the first published interpretation, on time or late, for good', () => {
    expect(obligationStatusOn({ ...obligation, met: { publishedOn: '2026-04-02', onTime: true } }, '2027-01-01')).toBe('MET_ON_TIME');
    expect(obligationStatusOn({ ...obligation, met: { publishedOn: '2026-04-10', onTime: false } }, '2026-04-10')).toBe('MET_LATE');
  });
});
