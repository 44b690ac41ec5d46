import { startNatsServer, type NatsServer } from '@gongkai/testing';
import type { RecordedEvent } from '@gongkai/event-sourcing';
import { AckPolicy, jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import type { NatsConnection, Status } from '@nats-io/transport-node';
import { randomUUID } from 'node:crypto';
import type { EventConsumer } from '../event-bus';
import { connectNats } from './connection';
import { JetStreamEventBus, type JetStreamEventBusOptions } from './jetstream-event-bus';
import { PARKED_HEADERS } from './parked-stream';
import { jetStreamName } from './subjects';

// Fault tests stop, kill and restart nats-server; recovery waits out a pull's expiry (5 s) on a busy machine.
jest.setTimeout(30_000);

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const waitUntil = async (condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}.`);
    await sleep(10);
  }
};

let position = 0;
const revisions = new Map<string, number>();
/** Envelopes as the relay publishes them; the bus does not look at hashes, so these are placeholders. */
const anEvent = (streamId: string, type: string): RecordedEvent => {
  position += 1;
  const revision = (revisions.get(streamId) ?? -1) + 1;
  revisions.set(streamId, revision);
  return {
    id: randomUUID(),
    type,
    schemaVersion: 1,
    occurredAt: '2026-03-02T02:00:00.000Z',
    data: { title: '排污许可证核发' },
    metadata: { actor: { id: 'user-window-07', roles: ['staff'] }, correlationId: 'corr-1', causationId: null },
    streamId,
    revision,
    globalPosition: position,
    prevHash: '0'.repeat(64),
    hash: 'f'.repeat(64),
  };
};

const recorder = (durableName: string, handle: (event: RecordedEvent) => Promise<void> = async () => undefined) => {
  const handled: RecordedEvent[] = [];
  const consumer: EventConsumer = {
    durableName,
    handle: async (event) => {
      await handle(event);
      handled.push(event);
    },
  };
  return { consumer, handled };
};

describe('JetStreamEventBus on a real nats-server', () => {
  let server: NatsServer;
  let admin: NatsConnection;
  let jsm: JetStreamManager;
  const cleanups: (() => Promise<unknown>)[] = [];

  const open = async (options: JetStreamEventBusOptions = {}, onStatus?: (status: Status) => void) => {
    const connection = await connectNats(server.url, 'jetstream-test', { reconnectTimeWaitMs: 50, ...(onStatus ? { onStatus } : {}) });
    const bus = new JetStreamEventBus(connection, { maxDeliveries: 2, retryDelaysMs: [20], ...options });
    cleanups.push(async () => {
      await bus.close();
      await connection.close();
    });
    return bus;
  };

  beforeAll(async () => {
    server = await startNatsServer();
    admin = await connectNats(server.url, 'jetstream-admin', { reconnectTimeWaitMs: 50 });
    jsm = await jetstreamManager(admin);
  });

  beforeEach(async () => {
    for (const stream of ['EVENTS', 'PARKED']) await jsm.streams.delete(stream).catch(() => false);
  });

  afterEach(async () => {
    await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
  });

  afterAll(async () => {
    await admin?.close();
    await server?.stop();
  });

  it('stores each event on events.<context>.<Type> with its id as Nats-Msg-Id, in a file stream with a duplicate window', async () => {
    const bus = await open({ duplicateWindowMs: 60_000 });
    const event = anEvent('services-catalog.ServiceItem-1', 'ServiceItemDrafted');

    await bus.publish(event);
    await bus.publish(event);

    const info = await jsm.streams.info('EVENTS');
    expect(info.config).toMatchObject({ subjects: ['events.>'], storage: 'file', duplicate_window: 60_000 * 1_000_000 });
    expect(info.state.messages).toBe(1);
    const stored = await jsm.streams.getMessage('EVENTS', { seq: info.state.last_seq });
    expect(stored?.subject).toBe('events.services-catalog.ServiceItemDrafted');
    expect(stored?.header.get('Nats-Msg-Id')).toBe(event.id);
    expect(stored?.json()).toEqual(event);
  });

  it('refuses an event whose stream id names no context', async () => {
    const bus = await open();

    await expect(bus.publish(anEvent('ServiceItem-1', 'ServiceItemDrafted'))).rejects.toThrow(/<context>/);
  });

  it('creates a durable, ordered, explicitly acked consumer under a JetStream-safe name', async () => {
    const bus = await open();
    const { consumer } = recorder('oversight.review-gate');

    await bus.subscribe(consumer);

    const name = jetStreamName('oversight.review-gate');
    expect(name).toMatch(/^oversight_review-gate-[0-9a-f]{8}$/);
    const info = await jsm.consumers.info('EVENTS', name);
    expect(info.config).toMatchObject({ durable_name: name, ack_policy: AckPolicy.Explicit, max_ack_pending: 1, filter_subject: 'events.>' });
  });

  it('keeps the parked copy on parked.<durable> with the error and the original subject as headers', async () => {
    const bus = await open();
    const { consumer, handled } = recorder('catalog.projection', async (event) => {
      if (event.type === 'ServiceItemPublished') throw new Error('字段缺失: title\n(second line)');
    });
    await bus.subscribe(consumer);
    const poison = anEvent('services-catalog.ServiceItem-1', 'ServiceItemPublished');
    const next = anEvent('services-catalog.ServiceItem-2', 'ServiceItemDrafted');

    await bus.publish(poison);
    await bus.publish(next);
    await waitUntil(() => handled.length === 1, 'the consumer to move on');

    const stored = await jsm.streams.getMessage('PARKED', { last_by_subj: `parked.${jetStreamName('catalog.projection')}` });
    expect(stored?.json()).toEqual(poison);
    expect(decodeURIComponent(stored?.header.get(PARKED_HEADERS.error) ?? '')).toBe('字段缺失: title\n(second line)');
    expect(decodeURIComponent(stored?.header.get(PARKED_HEADERS.originalSubject) ?? '')).toBe('events.services-catalog.ServiceItemPublished');
    expect(await bus.parkedEvents()).toEqual([expect.objectContaining({ consumer: 'catalog.projection', error: '字段缺失: title\n(second line)' })]);
  });

  it('close() lets the event in flight finish and be acked, so that the next subscriber does not get it again', async () => {
    const bus = await open();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const slow = recorder('catalog-projection', () => gate);
    const subscription = await bus.subscribe(slow.consumer);
    const first = anEvent('services-catalog.ServiceItem-1', 'ServiceItemDrafted');
    const second = anEvent('services-catalog.ServiceItem-1', 'ServiceItemPublished');
    await bus.publish(first);
    await bus.publish(second);
    await sleep(100);

    let closed = false;
    const closing = subscription.close().then(() => {
      closed = true;
    });
    await sleep(100);
    expect(closed).toBe(false);
    release();
    await closing;

    const next = recorder('catalog-projection');
    await bus.subscribe(next.consumer);
    await waitUntil(() => next.handled.length >= 1, 'the second event');
    await sleep(200);
    expect(slow.handled.map((event) => event.id)).toEqual([first.id]);
    expect(next.handled.map((event) => event.id)).toEqual([second.id]);
  });

  it('close() of an exclusive consumer acknowledges what it handled; the events it pulled and did not handle go, in order, to the next subscriber', async () => {
    const bus = await open();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const events = [1, 2, 3, 4, 5].map((n) => anEvent(`services-catalog.ServiceItem-${n % 2}`, 'ServiceItemRevised'));
    const slow = recorder('catalog-projection', (event) => (event.id === events[1]?.id ? gate : Promise.resolve()));
    const subscription = await bus.subscribe({ ...slow.consumer, exclusive: true });
    for (const event of events) await bus.publish(event);
    await waitUntil(() => slow.handled.length === 1, 'the first event');
    await sleep(100); // the rest of the batch is pulled by now, the second event held in its handler

    const closing = subscription.close();
    release();
    await closing;

    const next = recorder('catalog-projection');
    await bus.subscribe({ ...next.consumer, exclusive: true });
    await waitUntil(() => next.handled.length >= 3, 'the three events not handled before');
    await sleep(200);
    expect(slow.handled.map((event) => event.id)).toEqual(events.slice(0, 2).map((event) => event.id));
    expect(next.handled.map((event) => event.id)).toEqual(events.slice(2).map((event) => event.id));
  });

  it.each([
    ['a shared durable', false],
    ['an exclusive consumer (batched)', true],
  ])('resumes after nats-server restarted, losing and repeating nothing: %s', async (_kind, exclusive) => {
    const statuses: string[] = [];
    const bus = await open({}, (status) => statuses.push(status.type));
    const { consumer, handled } = recorder('catalog-projection');
    await bus.subscribe({ ...consumer, exclusive });
    const before = [anEvent('services-catalog.ServiceItem-1', 'ServiceItemDrafted'), anEvent('services-catalog.ServiceItem-1', 'ServiceItemPublished')];
    for (const event of before) await bus.publish(event);
    await waitUntil(() => handled.length === 2, 'the events before the restart');

    await server.restart();
    await waitUntil(() => statuses.includes('reconnect'), 'the reconnect');
    const after = [anEvent('services-catalog.ServiceItem-2', 'ServiceItemDrafted'), anEvent('services-catalog.ServiceItem-2', 'ServiceItemPublished')];
    for (const event of after) await bus.publish(event);

    await waitUntil(() => handled.length >= 4, 'the events after the restart');
    await sleep(200);
    expect(handled.map((event) => event.id)).toEqual([...before, ...after].map((event) => event.id));
  });

  it.each([
    ['a shared durable', false],
    ['an exclusive consumer (batched)', true],
  ])('loses nothing when nats-server crashes, and a read model that checks stream revisions applies nothing twice: %s', async (_kind, exclusive) => {
    // A crash can lose the server's record of the last acks: those events come again after ack_wait.
    const statuses: string[] = [];
    const bus = await open({ ackWaitMs: 500 }, (status) => statuses.push(status.type));
    const plain = recorder('audit-trail');
    let saved = 0;
    const readModel = recorder('catalog-read-model');
    // As the projection runner does: a redelivered event is recognised by its stream revision.
    const applied: string[] = [];
    const heads = new Map<string, number>();
    const applyOnce = async (event: RecordedEvent): Promise<void> => {
      await readModel.consumer.handle(event);
      if (event.revision <= (heads.get(event.streamId) ?? -1)) return;
      heads.set(event.streamId, event.revision);
      applied.push(event.id);
    };
    await bus.subscribe({ ...plain.consumer, exclusive });
    await bus.subscribe({ ...readModel.consumer, handle: applyOnce, checkpoint: { load: async () => saved, save: async (position) => void (saved = position) }, exclusive });
    const before = [anEvent('services-catalog.ServiceItem-1', 'ServiceItemDrafted'), anEvent('services-catalog.ServiceItem-1', 'ServiceItemPublished')];
    for (const event of before) await bus.publish(event);
    await waitUntil(() => plain.handled.length === 2 && readModel.handled.length === 2, 'the events before the crash');

    await server.kill();
    await waitUntil(() => statuses.includes('disconnect'), 'the disconnect');
    await server.restart();
    await waitUntil(() => statuses.includes('reconnect'), 'the reconnect');
    const after = [anEvent('services-catalog.ServiceItem-2', 'ServiceItemDrafted'), anEvent('services-catalog.ServiceItem-2', 'ServiceItemPublished')];
    for (const event of after) await bus.publish(event);

    const all = [...before, ...after].map((event) => event.id);
    await waitUntil(() => readModel.handled.length >= 4 && all.every((id) => plain.handled.some((event) => event.id === id)), 'every event after the crash');
    await sleep(700); // beyond ack_wait: a stray redelivery would show now
    expect(applied).toEqual(all);
    expect(saved).toBe(after[1]!.globalPosition);
    const firstSeen = [...new Set(plain.handled.map((event) => event.id))];
    expect(firstSeen).toEqual(all); // at least once, and in order
  });
});
