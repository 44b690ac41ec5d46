import type { RecordedEvent } from '@gongkai/event-sourcing';
import { type CommandBus, type CommandEnvelope, DeadlineWatch } from '@gongkai/messaging';
import { overdueMessageRule } from './overdue-message-watch';

const recorded = (type: string, data: Record<string, unknown>): RecordedEvent => ({ type, data, occurredAt: '2026-03-02T02:00:00.000Z' }) as unknown as RecordedEvent;
const receivedEvent = (messageId: string, answerDueOn: string | null) => recorded('PublicMessageReceived', { messageId, receivedOn: '2026-03-02', answerDueOn });

describe('The overdue-message watch (督办)', () => {
  let sent: CommandEnvelope[];
  let today: string;
  let failing: boolean;
  let watch: DeadlineWatch;
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
    watch = new DeadlineWatch(overdueMessageRule, bus, () => today, (messageId) => failures.push(messageId));
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

  it('forgets answered, redirected and undated messages', async () => {
    await watch.handle(receivedEvent('answered', '2026-03-09'));
    await watch.handle(recorded('PublicMessageAnswered', { messageId: 'answered' }));
    await watch.handle(receivedEvent('complaint', '2026-03-09'));
    await watch.handle(recorded('ComplaintRedirected', { messageId: 'complaint' }));
    await watch.handle(receivedEvent('no-calendar', null));
    today = '2026-03-20';
    await watch.tick();
    expect(sent).toEqual([]);
    expect(watch.pending().size).toBe(0);
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
