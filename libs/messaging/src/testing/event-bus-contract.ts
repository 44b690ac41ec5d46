import type { EventStore, EventToAppend, RecordedEvent } from '@gongkai/event-sourcing';
import { SqliteEventStore } from '@gongkai/event-sourcing/sqlite';
import { currentRequestScope, injectTraceContext, startTracing } from '@gongkai/observability';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { randomUUID } from 'node:crypto';
import type { EventBus, EventConsumer, EventSubscription } from '../event-bus';

/** Every bus under the contract gives up on an event after this many attempts, then parks it. */
export const CONTRACT_MAX_ATTEMPTS = 3;

export interface EventBusHarness {
  /**
   * A bus over the harness's lasting state (the history, the positions of consumers, the NATS
   * server). Opening again after closing the previous bus is what a process restart looks like.
   */
  open(): Promise<EventBus>;
  close(): Promise<void>;
  /** Subscribes every consumer of the suite as exclusive (`EventConsumer.exclusive`), the way a replica's own read models are. */
  readonly exclusive?: boolean;
}

/** `history` is the event store the events were appended to (the in-process bus reads it). */
export type EventBusFactory = (history: Pick<EventStore, 'readAll'>) => Promise<EventBusHarness>;

/** Long enough for a duplicate or a stray redelivery to show up, short enough for the suite. */
const SETTLE_MS = 250;
const WAIT_MS = 10_000;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const waitUntil = async (condition: () => boolean | Promise<boolean>, what: string): Promise<void> => {
  const deadline = Date.now() + WAIT_MS;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}.`);
    await sleep(10);
  }
};

const ids = (events: readonly RecordedEvent[]): string[] => events.map((event) => event.id);

/** The index-th event of a test's own fixture (which the test just recorded, so it is there). */
const at = (events: readonly RecordedEvent[], index: number): RecordedEvent => {
  const event = events[index];
  if (!event) throw new Error(`the fixture has no event ${index}`);
  return event;
};

const anEvent = (type: string, data: Record<string, unknown>): EventToAppend => ({
  id: randomUUID(),
  type,
  schemaVersion: 1,
  occurredAt: '2026-03-02T02:00:00.000Z',
  data,
  metadata: { actor: { id: 'user-window-07', roles: ['staff'], agencyCode: '445300' }, correlationId: `corr-${randomUUID()}`, causationId: null, reason: '依申请公开' },
});

/** A consumer that records what it was given; `failOn` makes it throw for chosen events. */
class Recorder implements EventConsumer {
  readonly handled: RecordedEvent[] = [];
  readonly attempts = new Map<string, number>();
  failOn = new Set<string>();

  constructor(
    readonly durableName: string,
    readonly contexts?: readonly string[],
    readonly checkpoint?: EventConsumer['checkpoint'],
  ) {}

  async handle(event: RecordedEvent): Promise<void> {
    this.attempts.set(event.id, (this.attempts.get(event.id) ?? 0) + 1);
    if (this.failOn.has(event.id)) throw new Error(`投影失败: ${event.type} cannot be applied yet`);
    this.handled.push(event);
  }
}

/**
 * What every EventBus must do. The events are real: appended to a SQLite event store (so they carry
 * true global positions and hashes) and then published, as the relay does.
 */
export const describeEventBusContract = (name: string, factory: EventBusFactory): void => {
  describe(`EventBus contract: ${name}`, () => {
    let store: SqliteEventStore;
    let harness: EventBusHarness;
    let bus: EventBus;
    const subscriptions: EventSubscription[] = [];

    /** Appends one event per entry to the store, in order, and returns them as recorded. */
    const record = async (...entries: readonly (readonly [streamId: string, type: string])[]): Promise<RecordedEvent[]> => {
      const recorded: RecordedEvent[] = [];
      for (const [streamId, type] of entries) {
        const event = anEvent(type, { n: recorded.length });
        await store.appendToStream(streamId, [event], { expectedRevision: 'any' });
        const [stored] = await store.readStream(streamId, { direction: 'backwards', maxCount: 1 });
        if (stored?.id !== event.id) throw new Error('the store did not return the event just appended');
        recorded.push(stored);
      }
      return recorded;
    };

    const publish = async (events: readonly RecordedEvent[]): Promise<void> => {
      for (const event of events) await bus.publish(event);
    };

    const subscribe = async (consumer: EventConsumer): Promise<EventSubscription> => {
      // A wrapper, not a copy: tests replace a recorder's handle after subscribing.
      const exclusive: EventConsumer = {
        durableName: consumer.durableName,
        ...(consumer.contexts ? { contexts: consumer.contexts } : {}),
        ...(consumer.checkpoint ? { checkpoint: consumer.checkpoint } : {}),
        handle: (event) => consumer.handle(event),
        exclusive: true,
      };
      const subscription = await bus.subscribe(harness.exclusive ? exclusive : consumer);
      subscriptions.push(subscription);
      return subscription;
    };

    const item = (n: number): string => `services-catalog.ServiceItem-${n}`;
    const decision = (n: number): string => `decisions.Decision-${n}`;
    const request = (n: number): string => `requests.Request-${n}`;

    beforeEach(async () => {
      store = new SqliteEventStore(':memory:');
      harness = await factory(store);
      bus = await harness.open();
    });

    afterEach(async () => {
      await Promise.all(subscriptions.splice(0).map((subscription) => subscription.close()));
      await harness.close();
      await store.close();
    });

    it('delivers every event once, in publishing order, to each durable consumer, also one that subscribes late', async () => {
      const early = new Recorder('catalog-projection');
      const other = new Recorder('oversight.review-gate');
      await subscribe(early);
      await subscribe(other);
      const events = await record(
        [item(1), 'ServiceItemDrafted'],
        [decision(1), 'DecisionDrafted'],
        [item(1), 'ServiceItemPublished'],
        [item(2), 'ServiceItemDrafted'],
        [decision(1), 'DecisionPublished'],
        [item(2), 'ServiceItemRetired'],
      );

      await publish(events);
      const late = new Recorder('audit-trail');
      await subscribe(late);

      await waitUntil(() => [early, other, late].every((consumer) => consumer.handled.length >= events.length), 'every consumer to catch up');
      await sleep(SETTLE_MS);
      for (const consumer of [early, other, late]) expect(ids(consumer.handled)).toEqual(ids(events));
    });

    it('resumes a durable consumer where it left off, after re-subscribing and after a restart', async () => {
      const first = await record([item(1), 'ServiceItemDrafted'], [item(1), 'ServiceItemPublished'], [item(2), 'ServiceItemDrafted']);
      const before = new Recorder('catalog-projection');
      const subscription = await subscribe(before);
      await publish(first);
      await waitUntil(() => before.handled.length >= 3, 'the first three events');
      await subscription.close();

      const second = await record([item(2), 'ServiceItemPublished'], [item(3), 'ServiceItemDrafted']);
      await publish(second);
      await sleep(SETTLE_MS);
      expect(ids(before.handled)).toEqual(ids(first)); // closed: nothing more for it

      const again = new Recorder('catalog-projection');
      const resubscribed = await subscribe(again);
      await waitUntil(() => again.handled.length >= 2, 'the two events published while away');
      await resubscribed.close();

      await bus.close();
      bus = await harness.open();
      const third = await record([item(3), 'ServiceItemPublished']);
      await publish(third);
      const afterRestart = new Recorder('catalog-projection');
      await subscribe(afterRestart);
      await waitUntil(() => afterRestart.handled.length >= 1, 'the event published after the restart');
      await sleep(SETTLE_MS);

      expect(ids(again.handled)).toEqual(ids(second));
      expect(ids(afterRestart.handled)).toEqual(ids(third));
    });

    it('gives a consumer only the contexts it asked for', async () => {
      const catalogOnly = new Recorder('catalog-projection', ['services-catalog']);
      const twoContexts = new Recorder('public-feed', ['services-catalog', 'decisions']);
      await subscribe(catalogOnly);
      await subscribe(twoContexts);
      const events = await record(
        [item(1), 'ServiceItemDrafted'],
        [decision(1), 'DecisionDrafted'],
        [request(1), 'RequestReceived'],
        [item(1), 'ServiceItemPublished'],
        [request(1), 'RequestAnswered'],
      );

      await publish(events);

      const [drafted, decided, published] = [at(events, 0), at(events, 1), at(events, 3)];
      await waitUntil(() => catalogOnly.handled.length >= 2 && twoContexts.handled.length >= 3, 'the filtered events');
      await sleep(SETTLE_MS);
      expect(ids(catalogOnly.handled)).toEqual(ids([drafted, published]));
      expect(ids(twoContexts.handled)).toEqual(ids([drafted, decided, published]));
    });

    it('retries an event that failed once before any later event, so that order holds across retries', async () => {
      const consumer = new Recorder('catalog-projection');
      await subscribe(consumer);
      const events = await record([item(1), 'ServiceItemDrafted'], [item(1), 'ServiceItemPublished'], [item(1), 'ServiceItemRetired']);
      const flaky = at(events, 1);
      consumer.failOn.add(flaky.id);
      const handle = consumer.handle.bind(consumer);
      consumer.handle = async (event) => {
        const attempt = handle(event);
        consumer.failOn.delete(event.id); // fails the first time only
        return attempt;
      };

      await publish(events);

      await waitUntil(() => consumer.handled.length >= 3, 'all three events');
      await sleep(SETTLE_MS);
      expect(ids(consumer.handled)).toEqual(ids(events));
      expect(consumer.attempts.get(flaky.id)).toBe(2);
    });

    it('parks an event that keeps failing, moves on, and replays it on request', async () => {
      const consumer = new Recorder('catalog-projection');
      await subscribe(consumer);
      const events = await record([item(1), 'ServiceItemDrafted'], [item(1), 'ServiceItemPublished'], [item(2), 'ServiceItemDrafted']);
      const [before, poison, after] = [at(events, 0), at(events, 1), at(events, 2)];
      consumer.failOn.add(poison.id);

      await publish(events);

      await waitUntil(() => consumer.handled.length >= 2, 'the consumer to move past the failing event');
      await waitUntil(async () => (await bus.parkedEvents()).length >= 1, 'the failing event to be parked');
      expect(ids(consumer.handled)).toEqual(ids([before, after]));
      expect(consumer.attempts.get(poison.id)).toBe(CONTRACT_MAX_ATTEMPTS);
      const parked = await bus.parkedEvents();
      expect(parked).toHaveLength(1);
      const [entry] = parked;
      expect(entry).toMatchObject({ consumer: 'catalog-projection', error: expect.stringContaining('投影失败') });
      expect(entry?.event).toEqual(poison);
      expect(Number.isNaN(Date.parse(entry?.parkedAt ?? ''))).toBe(false);

      expect(await bus.replayParked('catalog-projection', randomUUID())).toBe(false);
      // A replay that fails again leaves the event parked once, not twice.
      expect(await bus.replayParked('catalog-projection', poison.id)).toBe(false);
      expect((await bus.parkedEvents()).map((p) => p.event.id)).toEqual([poison.id]);
      consumer.failOn.clear();
      expect(await bus.replayParked('catalog-projection', poison.id)).toBe(true);

      expect(ids(consumer.handled)).toEqual(ids([before, after, poison]));
      expect(await bus.parkedEvents()).toEqual([]);
    });

    it('delivers an event published twice (a relay resuming from its checkpoint) once', async () => {
      const consumer = new Recorder('catalog-projection');
      await subscribe(consumer);
      const events = await record([item(1), 'ServiceItemDrafted'], [item(1), 'ServiceItemPublished']);
      const [first, second] = [at(events, 0), at(events, 1)];

      await publish([first, first, second, second]);

      await waitUntil(() => consumer.handled.length >= 2, 'both events');
      await sleep(SETTLE_MS);
      expect(ids(consumer.handled)).toEqual(ids(events));
    });

    it('handles an event inside the trace of the command that wrote it, with its correlation id in scope', async () => {
      // As a process with an exporter runs: spans recorded, the active context kept across awaits.
      const tracing = startTracing('event-bus-contract', { processors: [new SimpleSpanProcessor(new InMemorySpanExporter())], keepsAsyncContext: true });
      try {
        const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
        const written = anEvent('ServiceItemDrafted', { n: 0 });
        const traced = { ...written, metadata: { ...written.metadata, traceparent: `00-${traceId}-00f067aa0ba902b7-01` } };
        await store.appendToStream(item(1), [traced], { expectedRevision: 'any' });
        const seen: { traceparent?: string; correlationId?: string }[] = [];
        const consumer: EventConsumer = {
          durableName: 'oversight.review-gate',
          handle: async () => {
            await sleep(1); // what a process manager's command sees: the context after an await
            seen.push({ traceparent: injectTraceContext({})['traceparent'], correlationId: currentRequestScope()?.correlationId });
          },
        };
        await subscribe(consumer);
        await publish(await store.readStream(item(1)));

        await waitUntil(() => seen.length >= 1, 'the event to be handled');
        expect(seen[0]?.correlationId).toBe(written.metadata.correlationId);
        expect(seen[0]?.traceparent?.split('-')[1]).toBe(traceId);
        // The consumer's own span, a child of the command's: not the command's span itself.
        expect(seen[0]?.traceparent?.split('-')[2]).not.toBe('00f067aa0ba902b7');
      } finally {
        await tracing.shutdown();
      }
    });

    it('gives a consumer whose own checkpoint is empty (a read model being rebuilt) the whole history, and moves that checkpoint', async () => {
      const events = await record(
        [item(1), 'ServiceItemDrafted'],
        [item(1), 'ServiceItemPublished'],
        [item(2), 'ServiceItemDrafted'],
      );
      await publish(events.slice(0, 2));
      let saved: number | undefined;
      const consumer = new Recorder('catalog-read-model', undefined, {
        load: async () => saved,
        save: async (position) => {
          saved = position;
        },
      });
      await subscribe(consumer);
      await publish(events.slice(2));

      await waitUntil(() => consumer.handled.length >= 3, 'the whole history');
      await waitUntil(() => saved === at(events, 2).globalPosition, 'the checkpoint to reach the last event');
      await sleep(SETTLE_MS);
      expect(ids(consumer.handled)).toEqual(ids(events));
    });
  });
};
