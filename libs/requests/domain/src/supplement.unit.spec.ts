import { CalendarRegistry } from '@gongkai/calendar';
import type { InformationRequestCommand } from './information-request-commands';
import { given, planning, received, requestId, supplementArrived, supplementAsked, system } from './information-request.fixtures';

describe('Information request (政府信息公开申请): supplement', () => {
  const ask = (noticeOn: string, supplementDueOn?: string): InformationRequestCommand => ({
    type: 'RequestSupplement',
    data: { requestId, instructions: '请写明所需数据的年份和企业名称', noticeOn, ...(supplementDueOn ? { supplementDueOn } : {}) },
  });

  it('accepts a notice on the 7th working day, across the Spring Festival, due 15 working days later', () => {
    // Received Mon 02-09: 02-10 [1] … 02-13 [4], Sat 02-14 make-up [5]; holidays to 02-23; Tue 02-24 [6], Wed 02-25 [7].
    // Due: Thu 02-26 [1], Fri [2], Sat 02-28 make-up [3], 03-02 … 03-06 [4–8], 03-09 … 03-13 [9–13], Mon 03-16 [14], Tue 03-17 [15].
    given([received('2026-02-09')]).when(ask('2026-02-25')).then([supplementAsked('2026-02-25', '2026-03-17')]);
  });

  it('refuses a notice later than 7 working days after receipt, naming the rule and the last day', () => {
    const error = given([received('2026-02-09')]).when(ask('2026-02-26')).thenThrows('BAD_USER_INPUT', 'SUPPLEMENT_NOTICE_TOO_LATE');
    expect(error.message).toMatch(/Art\. 30.*2026-02-25/);
  });

  it('asks once only', () => {
    given([received('2026-02-09'), supplementAsked('2026-02-12', '2026-03-11')]).when(ask('2026-02-13')).thenThrows('BAD_USER_INPUT', 'SUPPLEMENT_ALREADY_REQUESTED');
  });

  it('keeps a due date set for this request, and refuses one before the notice', () => {
    given([received('2026-02-09')]).when(ask('2026-02-12', '2026-04-30')).then([supplementAsked('2026-02-12', '2026-04-30')]);
    given([received('2026-02-09')]).when(ask('2026-02-12', '2026-02-12')).thenThrows('BAD_USER_INPUT', 'SUPPLEMENT_DUE_BEFORE_NOTICE');
  });

  describe('a supplement period running into a year with no calendar', () => {
    // Notice Mon 2026-12-21: 12-22 [1] … 12-31 [8], then 2027, which the built-in calendar does not have.
    const onNoticeDay = { now: '2026-12-21T02:00:00Z' };

    it('is refused rather than recorded without a due day, so no notice ever waits undated', () => {
      const error = given([received('2026-12-18')]).when(ask('2026-12-21'), onNoticeDay).thenThrows('BAD_USER_INPUT', 'CALENDAR_YEAR_NOT_LOADED');
      expect(error.message).toMatch(/2027.*supplementDueOn/);
      expect(error.details).toEqual({ year: 2027, field: 'supplementDueOn' });
    });

    it('keeps a due day set for the request in that year', () => {
      given([received('2026-12-18')]).when(ask('2026-12-21', '2027-01-15'), onNoticeDay).then([supplementAsked('2026-12-21', '2027-01-15')]);
    });

    it('is counted once the year is loaded', () => {
      const calendar = new CalendarRegistry();
      calendar.load({ calendarYear: { year: 2027, holidays: ['2027-01-01'], makeUpWorkingDays: [], source: 'test notice' }, revision: 0 });
      // (01-01 holiday) 01-04 [9] … 01-08 [13], 01-11 [14], Tue 01-12 [15].
      given([received('2026-12-18')]).when(ask('2026-12-21'), { ...onNoticeDay, calendar }).then([supplementAsked('2026-12-21', '2027-01-12')]);
    });
  });

  it('is asked by the handling department only', () => {
    given([received('2026-02-09')]).when(ask('2026-02-12'), { actor: planning }).thenThrows('FORBIDDEN', 'OUTSIDE_DEPARTMENT_SCOPE');
  });

  it('records the supplement that restarts the clock', () => {
    given([received('2026-02-09'), supplementAsked('2026-02-12', '2026-03-11')])
      .when({ type: 'RecordSupplement', data: { requestId, receivedOn: '2026-02-27', content: '2025年，云浮某水泥厂' } })
      .then([supplementArrived('2026-02-27')]);
  });

  it.each([
    ['before the notice', '2026-02-11', 'DATE_BEFORE_NOTICE'],
    ['after its due date', '2026-03-12', 'SUPPLEMENT_OVERDUE'],
  ])('refuses a supplement received %s', (_, receivedOn, rule) => {
    given([received('2026-02-09'), supplementAsked('2026-02-12', '2026-03-11')])
      .when({ type: 'RecordSupplement', data: { requestId, receivedOn, content: 'x' } })
      .thenThrows('BAD_USER_INPUT', rule);
  });

  it('refuses a supplement nobody asked for', () => {
    given([received('2026-02-09')])
      .when({ type: 'RecordSupplement', data: { requestId, receivedOn: '2026-02-27', content: 'x' } })
      .thenThrows('BAD_USER_INPUT', 'SUPPLEMENT_NOT_REQUESTED');
  });

  it('closes the request as "no supplement" the day after the supplement was due', () => {
    const [event] = given([received('2026-02-09'), supplementAsked('2026-02-12', '2026-03-11')])
      .when({ type: 'CloseRequestWithoutSupplement', data: { requestId } }, { actor: system, now: '2026-03-12T01:00:00Z' })
      .events();
    expect(event).toMatchObject({ type: 'InformationRequestAnswered', data: { outcome: 'OTHER_NO_SUPPLEMENT', answeredOn: '2026-03-12', answerDueOn: null, late: false } });
    expect(event.type === 'InformationRequestAnswered' && event.data.letter).toMatch(/2026年3月11日前补正.*第三十条.*视为放弃申请/);
  });

  it('leaves the request alone on the due date itself, or once the supplement arrived', () => {
    given([received('2026-02-09'), supplementAsked('2026-02-12', '2026-03-11')])
      .when({ type: 'CloseRequestWithoutSupplement', data: { requestId } }, { actor: system, now: '2026-03-11T15:00:00Z' })
      .thenNothingHappened();
    given([received('2026-02-09'), supplementAsked('2026-02-12', '2026-03-11'), supplementArrived('2026-02-27')])
      .when({ type: 'CloseRequestWithoutSupplement', data: { requestId } }, { actor: system })
      .thenNothingHappened();
  });

  it('is closed for lack of a supplement by the deadline watch only', () => {
    given([received('2026-02-09'), supplementAsked('2026-02-12', '2026-03-11')]).when({ type: 'CloseRequestWithoutSupplement', data: { requestId } }).thenThrows('FORBIDDEN', 'ROLE_REQUIRED');
  });
});
