import type { RecordedEvent } from '@gongkai/event-sourcing';
import { systemActor } from '@gongkai/kernel';
import type { CommandEnvelope } from './command-bus';
import { type DeadlineChange, type DeadlineRule, DeadlineWatch } from './deadline-watch';
import { InProcessCommandBus } from './in-process/in-process-command-bus';

const recorded = (type: string, data: Record<string, unknown>): RecordedEvent => ({ type, data, occurredAt: '2026-12-28T02:00:00.000Z' }) as unknown as RecordedEvent;
/** A notice with a due day set by hand, or one the rule counts on its calendar. */
const noticeGiven = (subjectId: string, dueOn?: string) => recorded('NoticeGiven', { subjectId, ...(dueOn ? { dueOn } : {}) });
const settled = (subjectId: string) => recorded('NoticeAnswered', { subjectId });

describe('The deadline watch', () => {
  /** Stands in for a live calendar: the due days it can count so far. */
  let countable: Map<string, string>;
  /** Notices the rule no longer reads at all, as if the event had stopped mattering. */
  let ignored: Set<string>;
  let today: string;
  let failing: boolean;
  let sent: CommandEnvelope[];
  let failures: string[];
  let watch: DeadlineWatch;

  const rule: DeadlineRule = {
    durableName: 'test.notices',
    context: 'test',
    read(event): DeadlineChange | undefined {
      const { subjectId, dueOn } = event.data as { subjectId: string; dueOn?: string };
      if (event.type === 'NoticeAnswered') return { subjectId, settled: true };
      if (event.type !== 'NoticeGiven') return undefined;
      const counted = dueOn ?? countable.get(subjectId);
      if (counted) return { subjectId, dueOn: counted };
      return ignored.has(subjectId) ? undefined : { subjectId, undated: true };
    },
    commandFor: (subjectId) => ({ context: 'test', type: 'CloseNotice', data: { subjectId }, metadata: { actor: systemActor('test.notices'), correlationId: subjectId } }),
  };

  beforeEach(async () => {
    countable = new Map();
    ignored = new Set();
    today = '2026-12-28';
    failing = false;
    sent = [];
    failures = [];
    const bus = new InProcessCommandBus();
    await bus.serve('test', async (command) => {
      if (failing) throw new Error('service unavailable');
      sent.push(command);
      return { streamId: 's', revision: 1, position: 1 };
    });
    watch = new DeadlineWatch(rule, bus, () => today, (subjectId) => failures.push(subjectId));
  });

  const closed = () => sent.map((command) => (command.data as { subjectId: string }).subjectId);

  it('acts on a dated subject at the first tick after its due day, once', async () => {
    await watch.handle(noticeGiven('n1', '2027-01-05'));
    today = '2027-01-05';
    await watch.tick();
    expect(closed()).toEqual([]);
    today = '2027-01-06';
    await watch.tick();
    await watch.tick();
    expect(closed()).toEqual(['n1']);
    expect(watch.pending().size).toBe(0);
  });

  it('keeps a subject it cannot date yet, dates it at the first tick the rule can, and acts the day after its due day', async () => {
    await watch.handle(noticeGiven('n2'));
    today = '2027-01-20';
    await watch.tick();
    expect(closed()).toEqual([]);
    expect(watch.pending().size).toBe(0);
    expect(watch.undatedSubjects()).toEqual(['n2']);
    countable.set('n2', '2027-02-05');
    await watch.tick();
    expect(watch.pending()).toEqual(new Map([['n2', '2027-02-05']]));
    expect(watch.undatedSubjects()).toEqual([]);
    today = '2027-02-06';
    await watch.tick();
    expect(closed()).toEqual(['n2']);
  });

  it('acts at the very tick that dates a subject already overdue, and reports one failure per tick', async () => {
    await watch.handle(noticeGiven('n3'));
    countable.set('n3', '2027-01-05');
    today = '2027-01-11';
    failing = true;
    await watch.tick();
    expect(failures).toEqual(['n3']);
    failing = false;
    await watch.tick();
    expect(closed()).toEqual(['n3']);
    expect(watch.pending().size).toBe(0);
  });

  it('forgets an undated subject that is settled, or that its event no longer concerns', async () => {
    await watch.handle(noticeGiven('answered'));
    await watch.handle(settled('answered'));
    await watch.handle(noticeGiven('ignored'));
    ignored.add('ignored');
    today = '2027-06-01';
    await watch.tick();
    expect(watch.undatedSubjects()).toEqual([]);
    expect(watch.pending().size).toBe(0);
    expect(closed()).toEqual([]);
  });

  it('lets a later event of a subject date it, or make it undated again', async () => {
    await watch.handle(noticeGiven('n4'));
    await watch.handle(noticeGiven('n4', '2027-01-08'));
    expect(watch.undatedSubjects()).toEqual([]);
    expect(watch.pending()).toEqual(new Map([['n4', '2027-01-08']]));
    await watch.handle(noticeGiven('n4'));
    expect(watch.pending().size).toBe(0);
    expect(watch.undatedSubjects()).toEqual(['n4']);
    today = '2027-02-01';
    await watch.tick();
    expect(closed()).toEqual([]);
  });

  it('dates at once what the rule can already count when the log is replayed, and acts on what is overdue', async () => {
    countable.set('n5', '2027-01-05');
    today = '2027-01-11';
    await watch.handle(noticeGiven('n5'));
    expect(closed()).toEqual(['n5']);
    expect(watch.undatedSubjects()).toEqual([]);
  });
});
