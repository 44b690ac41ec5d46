import { dateRange } from '@gongkai/calendar';
import { type Actor } from '@gongkai/kernel';
import { DeciderSpecification } from '@gongkai/kernel/testing';
import { anonymous, at, office, window } from '../oversight.fixtures';
import { type WorkingDayCalendarCommand, workingDayCalendarDecider } from './working-day-calendar-commands';
import type { WorkingDayCalendarYearData } from '@gongkai/contracts';
import type { WorkingDayCalendarEvent } from './working-day-calendar-events';

const admin: Actor = { id: 'demo-admin', roles: ['admin'], agencyCode: '445300' };
const given = DeciderSpecification.for(workingDayCalendarDecider, { now: at, actor: admin });

/** A made-up 2027 for the specifications, not the State Council's notice. */
const notice = { title: '测试通知 2027 (test notice)', documentNumber: '测试〔2026〕1号', issuedOn: '2026-11-20' };
const load2027: WorkingDayCalendarCommand['data'] = {
  year: 2027,
  holidays: [{ date: '2027-01-01', name: '元旦' }, ...dateRange('2027-02-06', '2027-02-14').map((date) => ({ date, name: '春节' }))],
  makeUpWorkingDays: ['2027-02-20'],
  notice,
  reason: 'The notice for 2027 is out.',
};
const load = (change: Partial<WorkingDayCalendarCommand['data']> = {}): WorkingDayCalendarCommand => ({ type: 'LoadWorkingDayCalendarYear', data: { ...load2027, ...change } });

const loaded2027: WorkingDayCalendarYearData = {
  year: 2027,
  holidays: load2027.holidays.map(({ date, name }) => ({ date, name: name ?? null })),
  makeUpWorkingDays: ['2027-02-20'],
  notice,
  reason: 'The notice for 2027 is out.',
  // 261 weekdays, less Fri 1 January and Mon 8 – Fri 12 February, plus Saturday 20 February.
  workingDays: 256,
  loadedAt: at,
};
const loadedEvent: WorkingDayCalendarEvent = { type: 'WorkingDayCalendarYearLoaded', data: loaded2027 };

describe('The working-day calendar (法定节假日与调休), loaded by an administrator', () => {
  it('loads a year from the notice and reports its working-day count', () => {
    given([]).when(load()).then([loadedEvent]);
  });

  it('replaces a loaded year only when asked to, recording the count it replaced', () => {
    given([loadedEvent]).when(load()).thenThrows('CONFLICT', 'CALENDAR_YEAR_ALREADY_LOADED');
    given([loadedEvent])
      .when(load({ makeUpWorkingDays: [], reason: 'Corrected: 20 February is not worked.', replace: true }))
      .then([
        {
          type: 'WorkingDayCalendarYearRevised',
          data: { ...loaded2027, makeUpWorkingDays: [], reason: 'Corrected: 20 February is not worked.', workingDays: 255, previousWorkingDays: 256 },
        },
      ]);
  });

  it('treats a built-in year (2025, 2026) as loaded: replacing it is a revision of 248 working days', () => {
    const holidays2026 = [{ date: '2026-01-01', name: null }];
    given([]).when(load({ year: 2026, holidays: holidays2026, makeUpWorkingDays: [] })).thenThrows('CONFLICT', 'CALENDAR_YEAR_ALREADY_LOADED');
    const events = given([]).when(load({ year: 2026, holidays: holidays2026, makeUpWorkingDays: [], replace: true })).events();
    expect(events).toMatchObject([{ type: 'WorkingDayCalendarYearRevised', data: { year: 2026, previousWorkingDays: 248, workingDays: 260 } }]);
  });

  it.each([
    ['a holiday outside the year', { holidays: [{ date: '2026-12-31' }] }, 'CALENDAR_DATE_OUTSIDE_YEAR'],
    ['a make-up day outside the year', { makeUpWorkingDays: ['2028-01-02'] }, 'CALENDAR_DATE_OUTSIDE_YEAR'],
    ['a day both holiday and make-up day', { holidays: [{ date: '2027-02-20' }] }, 'CALENDAR_DAY_BOTH_HOLIDAY_AND_MAKE_UP'],
    ['a make-up day on a weekday', { makeUpWorkingDays: ['2027-02-19'] }, 'MAKE_UP_DAY_NOT_ON_WEEKEND'],
    ['a holiday listed twice', { holidays: [{ date: '2027-01-01' }, { date: '2027-01-01', name: '元旦' }] }, 'CALENDAR_DATE_DUPLICATE'],
    ['a make-up day listed twice', { makeUpWorkingDays: ['2027-02-20', '2027-02-20'] }, 'CALENDAR_DATE_DUPLICATE'],
    ['a date that does not exist', { holidays: [{ date: '2027-02-29' }] }, 'INVALID_DATE'],
    ['a year out of range', { year: 1999 }, 'OUT_OF_RANGE'],
    ['no notice number', { notice: { ...notice, documentNumber: ' ' } }, 'REQUIRED'],
    ['a notice issued in the future', { notice: { ...notice, issuedOn: '2026-12-01' } }, 'DATE_IN_FUTURE'],
    ['no reason', { reason: '' }, 'REQUIRED'],
    ['holidays that are not a list', { holidays: '2027-01-01' as unknown as [] }, 'NOT_LIST'],
  ])('refuses %s', (_label, change, rule) => {
    given([]).when(load(change as Partial<WorkingDayCalendarCommand['data']>)).thenThrows('BAD_USER_INPUT', rule);
  });

  it('is an administrator’s act only', () => {
    given([]).when(load(), { actor: office }).thenThrows('FORBIDDEN', 'ROLE_REQUIRED');
    given([]).when(load(), { actor: window }).thenThrows('FORBIDDEN', 'ROLE_REQUIRED');
    given([]).when(load(), { actor: anonymous }).thenThrows('UNAUTHENTICATED', 'ROLE_REQUIRED');
  });
});
