import { CalendarRegistry } from '@gongkai/calendar';
import type { RecordedEvent } from '@gongkai/event-sourcing';
import { type CommandBus, type CommandEnvelope, DeadlineWatch } from '@gongkai/messaging';
import { overdueMessageRule } from './overdue-message-watch';

const recorded = (type: string, data: Record<string, unknown>): RecordedEvent => ({ type, data, occurredAt: '2026-03-02T02:00:00.000Z' }) as unknown as RecordedEvent;
const receivedEvent = (messageId: string, answerDueOn: string | null, receivedOn = '2026-03-02') =>
  recorded('PublicMessageReceived', { messageId, receivedOn, answerLimitWorkingDays: 5, answerDueOn });

describe('The overdue-message watch (督办)', () => {
  let sent: CommandEnvelope[];
  let today: string;
  let failing: boolean;
  let watch: DeadlineWatch;
  let calendar: CalendarRegistry;
  const failures: string[] = [];

  beforeEach(() => {
    sent = [];
    today = '2026-03-09';
    failing = false;
    const bus = {
      send: async (command: CommandEnvelope) => {
        if (failing) throw new Error('service unavailable');
        sent.push(command);
        return { streamId: 's', revision: 1, position: 1 };
      },
    } as unknown as CommandBus;
    calendar = new CalendarRegistry();
    watch = new DeadlineWatch(overdueMessageRule(calendar), bus, () => today, (messageId) => failures.push(messageId));
  });

  const escalated = () => sent.map((c) => [c.type, (c.data as { messageId: string }).messageId, c.metadata.actor.roles, c.metadata.idempotencyKey]);

  it('escalates a waiting message at the first tick after its due date, as the system, once', async () => {
    await watch.handle(receivedEvent('m1', '2026-03-09'));
    await watch.tick();
    expect(sent).toEqual([]);
    today = '2026-03-10';
    await watch.tick();
    await watch.tick();
    expect(escalated()).toEqual([['EscalateOverduePublicMessage', 'm1', ['system'], 'escalate-overdue-message:m1']]);
  });

  it('escalates at once what is already overdue when the log is replayed at start', async () => {
    today = '2026-03-20';
    await watch.handle(receivedEvent('m1', '2026-03-09'));
    expect(escalated()).toHaveLength(1);
  });

  it('forgets answered and redirected messages, and waits for none while a message cannot be dated', async () => {
    await watch.handle(receivedEvent('answered', '2026-03-09'));
    await watch.handle(recorded('PublicMessageAnswered', { messageId: 'answered' }));
    await watch.handle(receivedEvent('complaint', '2026-03-09'));
    await watch.handle(recorded('ComplaintRedirected', { messageId: 'complaint' }));
    await watch.handle(receivedEvent('no-calendar', null, '2026-12-28'));
    today = '2027-03-20';
    await watch.tick();
    expect(sent).toEqual([]);
    expect(watch.pending().size).toBe(0);
    expect(watch.undatedSubjects()).toEqual(['no-calendar']);
  });

  describe('a message received while the year its period runs into had no calendar', () => {
    // Mon 2026-12-28, 5 working days: 12-29, 12-30, 12-31, (01-01 holiday), 01-04, Tue 01-05.
    const load2027 = () => calendar.load({ calendarYear: { year: 2027, holidays: ['2027-01-01'], makeUpWorkingDays: [], source: 'test notice' }, revision: 0 });

    it('is watched from the first tick after the year is loaded, and escalated the day after its due day, once', async () => {
      today = '2026-12-28';
      await watch.handle(receivedEvent('m2', null, '2026-12-28'));
      await watch.tick();
      expect(watch.pending().size).toBe(0);
      load2027();
      today = '2027-01-02';
      await watch.tick();
      expect(watch.pending()).toEqual(new Map([['m2', '2027-01-05']]));
      expect(watch.undatedSubjects()).toEqual([]);
      today = '2027-01-05';
      await watch.tick();
      expect(sent).toEqual([]);
      today = '2027-01-06';
      await watch.tick();
      await watch.tick();
      expect(escalated()).toEqual([['EscalateOverduePublicMessage', 'm2', ['system'], 'escalate-overdue-message:m2']]);
    });

    it('is escalated at the first tick when the year comes only after its due day', async () => {
      await watch.handle(receivedEvent('m3', null, '2026-12-28'));
      today = '2027-01-11';
      await watch.tick();
      expect(sent).toEqual([]);
      load2027();
      await watch.tick();
      expect(escalated()).toEqual([['EscalateOverduePublicMessage', 'm3', ['system'], 'escalate-overdue-message:m3']]);
    });

    it('is dated at once when the log is replayed on a calendar that already has the year', async () => {
      load2027();
      await watch.handle(receivedEvent('m4', null, '2026-12-28'));
      expect(watch.pending()).toEqual(new Map([['m4', '2027-01-05']]));
    });

    it('is forgotten when answered before the year arrives', async () => {
      await watch.handle(receivedEvent('m5', null, '2026-12-28'));
      await watch.handle(recorded('PublicMessageAnswered', { messageId: 'm5' }));
      load2027();
      today = '2027-01-20';
      await watch.tick();
      expect(sent).toEqual([]);
      expect(watch.undatedSubjects()).toEqual([]);
    });
  });

  it('reports a failure and tries again at the next tick', async () => {
    await watch.handle(receivedEvent('m1', '2026-03-09'));
    today = '2026-03-10';
    failing = true;
    await watch.tick();
    expect(failures).toContain('m1');
    failing = false;
    await watch.tick();
    expect(escalated()).toHaveLength(1);
  });
});
