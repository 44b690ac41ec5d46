import { localDateOf } from '@gongkai/calendar';
import { isPressConferenceOverdue, needsPressConference, pressConferenceDueAt } from './opinion-case';

const major = { emergency: true, severity: 'MAJOR' as const };

describe('The 24-hour press-conference rule (24小时内举行新闻发布会)', () => {
  it('applies to major and especially major emergencies only', () => {
    expect(needsPressConference(major)).toBe(true);
    expect(needsPressConference({ emergency: true, severity: 'ESPECIALLY_MAJOR' })).toBe(true);
    expect(needsPressConference({ emergency: true, severity: 'GENERAL' })).toBe(false);
    expect(needsPressConference({ emergency: false, severity: 'ESPECIALLY_MAJOR' })).toBe(false);
    expect(pressConferenceDueAt({ emergency: false, severity: 'MAJOR', incidentAt: '2026-03-01T12:30:00.000Z' })).toBeNull();
  });

  it('runs across midnight: an incident at 20:30 in Yunfu is due by 20:30 the next evening', () => {
    expect(pressConferenceDueAt({ ...major, incidentAt: '2026-03-01T12:30:00.000Z' })).toBe('2026-03-02T12:30:00.000Z');
  });

  it('counts hours, not dates: an incident at 01:00 on 2 March in Yunfu is still 1 March in UTC', () => {
    const incidentAt = '2026-03-01T17:00:00.000Z';
    expect(localDateOf(new Date(incidentAt))).toBe('2026-03-02');
    const dueAt = pressConferenceDueAt({ ...major, incidentAt })!;
    expect(dueAt).toBe('2026-03-02T17:00:00.000Z'); // 01:00 on 3 March in Yunfu
    // 00:30 on 3 March in Yunfu is a day later by the local calendar, yet within the 24 hours.
    expect(isPressConferenceOverdue({ pressConferenceDueAt: dueAt, firstPressConferenceAt: '2026-03-02T16:30:00.000Z' }, new Date('2026-03-05T00:00:00Z'))).toBe(false);
    expect(isPressConferenceOverdue({ pressConferenceDueAt: dueAt, firstPressConferenceAt: '2026-03-02T17:00:01.000Z' }, new Date('2026-03-05T00:00:00Z'))).toBe(true);
  });

  it('does not stop for weekends or holidays: a Saturday-night incident before Spring Festival is due on the holiday', () => {
    expect(pressConferenceDueAt({ ...major, incidentAt: '2026-02-14T14:00:00.000Z' })).toBe('2026-02-15T14:00:00.000Z');
  });

  it('is overdue the instant the 24 hours have passed without a press conference, not before', () => {
    const facts = { pressConferenceDueAt: '2026-03-02T12:30:00.000Z' };
    expect(isPressConferenceOverdue(facts, new Date('2026-03-02T12:30:00.000Z'))).toBe(false);
    expect(isPressConferenceOverdue(facts, new Date('2026-03-02T12:30:00.001Z'))).toBe(true);
  });

  it('is settled by the first press conference, or by closing the case', () => {
    const dueAt = '2026-03-02T12:30:00.000Z';
    const muchLater = new Date('2026-06-01T00:00:00Z');
    expect(isPressConferenceOverdue({ pressConferenceDueAt: dueAt, firstPressConferenceAt: '2026-03-02T12:30:00.000Z' }, muchLater)).toBe(false);
    expect(isPressConferenceOverdue({ pressConferenceDueAt: dueAt, closedAt: '2026-03-02T09:00:00.000Z' }, muchLater)).toBe(false);
    expect(isPressConferenceOverdue({ pressConferenceDueAt: dueAt, closedAt: '2026-03-03T09:00:00.000Z' }, muchLater)).toBe(true);
  });

  it('never flags a case the rule does not apply to', () => {
    expect(isPressConferenceOverdue({ pressConferenceDueAt: null }, new Date('2030-01-01T00:00:00Z'))).toBe(false);
  });
});
