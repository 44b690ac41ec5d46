import { conflict, DomainError, type DecideContext, type Decider } from '@gongkai/kernel';
import { decideAndAppend, handleCommand, type CommandContext } from './command-handler';
import type { EventStore } from './event-store';
import { loadAggregate } from './load-aggregate';
import { SqliteEventStore } from './sqlite';
import { anEvent } from './testing/contract-fixtures';
import { UpcasterRegistry } from './upcasting';

// A small decider standing in for a bounded context's: a public consultation on a draft.
type ConsultationEvent =
  | { type: 'ConsultationOpened'; data: { title: string } }
  | { type: 'CommentReceived'; data: { text: string } }
  | { type: 'ConsultationClosed'; data: { comments: number } };
type ConsultationCommand =
  | { type: 'OpenConsultation'; data: { title: string } }
  | { type: 'SubmitComment'; data: { text: string } }
  | { type: 'CloseConsultation'; data: Record<string, never> };
type Consultation = { status: 'NONE' } | { status: 'OPEN'; title: string; comments: number } | { status: 'CLOSED'; comments: number };

const consultation: Decider<ConsultationCommand, ConsultationEvent, Consultation> = {
  initialState: () => ({ status: 'NONE' }),
  decide: (command, state) => {
    switch (command.type) {
      case 'OpenConsultation':
        if (state.status === 'OPEN' && state.title === command.data.title) return [];
        if (state.status !== 'NONE') throw conflict('CONSULTATION_ALREADY_OPENED', 'The consultation was opened before.');
        return [{ type: 'ConsultationOpened', data: { title: command.data.title } }];
      case 'SubmitComment':
        if (state.status !== 'OPEN') throw conflict('CONSULTATION_NOT_OPEN', 'Comments are taken only while the consultation is open.');
        return [{ type: 'CommentReceived', data: { text: command.data.text } }];
      case 'CloseConsultation':
        if (state.status !== 'OPEN') throw conflict('CONSULTATION_NOT_OPEN', 'Only an open consultation can be closed.');
        return [{ type: 'ConsultationClosed', data: { comments: state.comments } }];
    }
  },
  evolve: (state, event) => {
    switch (event.type) {
      case 'ConsultationOpened':
        return { status: 'OPEN', title: event.data.title, comments: 0 };
      case 'CommentReceived':
        return state.status === 'OPEN' ? { ...state, comments: state.comments + 1 } : state;
      case 'ConsultationClosed':
        return { status: 'CLOSED', comments: event.data.comments };
    }
  },
};

/** Counts decisions, to show when the handler decided again and when it did not. */
const counting = (decider: typeof consultation) => {
  const counter = { decisions: 0, decider: { ...decider, decide: (...args: Parameters<typeof decider.decide>) => (counter.decisions++, decider.decide(...args)) } };
  return counter;
};

const noCalendar = new Proxy({}, { get: () => { throw new Error('This decider reads no calendar.'); } }) as DecideContext['calendar'];

const context = (overrides: Partial<CommandContext> = {}): CommandContext => ({
  now: new Date('2026-03-02T02:00:00Z'),
  actor: { id: 'user-window', roles: ['staff'], agencyCode: '445300', departmentCode: 'SERVICE_WINDOW', displayName: 'not stored' },
  calendar: noCalendar,
  correlationId: 'correlation-1',
  ...overrides,
});

const open = { type: 'OpenConsultation', data: { title: '大气污染防治条例（草案）' } } as const;
const comment = (text: string) => ({ type: 'SubmitComment', data: { text } }) as const;

/** The real store, with another writer slipping an event in before each of our first `times` appends. */
const withRivalWriter = (inner: EventStore, times: number, rivalEvent = anEvent({ type: 'CommentReceived', data: { text: 'rival' } })): EventStore => {
  let remaining = times;
  return {
    appendToStream: async (streamId, events, options) => {
      if (remaining-- > 0) await inner.appendToStream(streamId, [{ ...rivalEvent, id: anEvent().id }], { expectedRevision: 'any' });
      return inner.appendToStream(streamId, events, options);
    },
    readStream: (streamId, options) => inner.readStream(streamId, options),
    readAll: (options) => inner.readAll(options),
    subscribeToAll: (options, handler) => inner.subscribeToAll(options, handler),
    getStreamMetadata: (streamId) => inner.getStreamMetadata(streamId),
    setStreamMetadata: (streamId, metadata) => inner.setStreamMetadata(streamId, metadata),
    close: () => inner.close(),
  };
};

describe('handleCommand', () => {
  let store: SqliteEventStore;
  const streamId = 'consultation-1';

  beforeEach(() => {
    store = new SqliteEventStore(':memory:');
  });

  afterEach(() => store.close());

  it('appends the decided events with the context in their envelope', async () => {
    let next = 0;
    const result = await handleCommand(store, consultation, streamId, open, context({ causationId: 'command-9', reason: '依法征求意见', idempotencyKey: 'key-1' }), {
      newEventId: () => `00000000-0000-4000-8000-00000000000${++next}`,
    });
    const stored = await store.readStream(streamId);
    expect(stored).toEqual([
      expect.objectContaining({
        id: '00000000-0000-4000-8000-000000000001',
        type: 'ConsultationOpened',
        schemaVersion: 1,
        revision: 0,
        occurredAt: '2026-03-02T02:00:00.000Z',
        data: { title: '大气污染防治条例（草案）' },
        metadata: {
          actor: { id: 'user-window', roles: ['staff'], agencyCode: '445300', departmentCode: 'SERVICE_WINDOW' },
          correlationId: 'correlation-1',
          causationId: 'command-9',
          reason: '依法征求意见',
          idempotencyKey: 'key-1',
        },
      }),
    ]);
    expect(result).toEqual({ streamId, revision: 0, position: stored[0].globalPosition, events: stored, state: { status: 'OPEN', title: open.data.title, comments: 0 } });
  });

  it('records a user’s own act with a null causation and leaves out what the context does not say', async () => {
    await handleCommand(store, consultation, streamId, open, context({ actor: { id: 'user-2', roles: ['staff'] } }));
    const [event] = await store.readStream(streamId);
    expect(event.metadata).toEqual({ actor: { id: 'user-2', roles: ['staff'] }, correlationId: 'correlation-1', causationId: null });
  });

  it('decides on the state folded from the stream and appends after its last revision', async () => {
    await handleCommand(store, consultation, streamId, open, context());
    await handleCommand(store, consultation, streamId, comment('同意'), context());
    const result = await handleCommand(store, consultation, streamId, { type: 'CloseConsultation', data: {} }, context());
    expect(result).toMatchObject({ revision: 2, state: { status: 'CLOSED', comments: 1 } });
    expect(result.events.map((event) => [event.type, event.data])).toEqual([['ConsultationClosed', { comments: 1 }]]);
  });

  it('decides and appends without reading the events back, reporting where they went as handleCommand does', async () => {
    await handleCommand(store, consultation, streamId, open, context());
    const appended = await decideAndAppend(store, consultation, streamId, comment('同意'), context());
    const [stored] = await store.readStream(streamId, { fromRevision: 1 });
    expect(appended).toEqual({ streamId, revision: 1, position: stored.globalPosition, appended: 1, state: { status: 'OPEN', title: open.data.title, comments: 1 } });
    const closed = await handleCommand(store, consultation, streamId, { type: 'CloseConsultation', data: {} }, context());
    expect(closed.events).toEqual(await store.readStream(streamId, { fromRevision: 2 }));
    await expect(decideAndAppend(store, consultation, streamId, comment('too late'), context())).rejects.toMatchObject({ rule: 'CONSULTATION_NOT_OPEN' });
  });

  it('appends nothing when the decision changes nothing, and reports where the stream stands', async () => {
    const opened = await handleCommand(store, consultation, streamId, open, context());
    const again = await handleCommand(store, consultation, streamId, open, context());
    expect(again).toEqual({ ...opened, events: [] });
    expect(await store.readStream(streamId)).toHaveLength(1);
  });

  it('lets the domain error through and writes nothing', async () => {
    const attempt = handleCommand(store, consultation, streamId, comment('too early'), context());
    await expect(attempt).rejects.toBeInstanceOf(DomainError);
    await expect(attempt).rejects.toMatchObject({ code: 'CONFLICT', rule: 'CONSULTATION_NOT_OPEN' });
    expect(await store.readStream(streamId)).toEqual([]);
  });

  it('answers a command retried with its idempotency key as the first time, without deciding again', async () => {
    await handleCommand(store, consultation, streamId, open, context());
    const counter = counting(consultation);
    const first = await handleCommand(store, counter.decider, streamId, comment('同意'), context({ idempotencyKey: 'comment-key' }));
    await handleCommand(store, consultation, streamId, comment('另一条'), context());
    const retried = await handleCommand(store, counter.decider, streamId, comment('同意'), context({ idempotencyKey: 'comment-key' }));
    expect(retried).toEqual(first);
    expect(counter.decisions).toBe(1);
    expect(await store.readStream(streamId)).toHaveLength(3);
  });

  it('decides again on the new state when another writer got there first', async () => {
    await handleCommand(store, consultation, streamId, open, context());
    const counter = counting(consultation);
    const result = await handleCommand(withRivalWriter(store, 1), counter.decider, streamId, comment('我的意见'), context());
    expect(counter.decisions).toBe(2);
    expect(result).toMatchObject({ revision: 2, state: { status: 'OPEN', comments: 2 } });
    expect((await store.readStream(streamId)).map((event) => event.data)).toEqual([{ title: open.data.title }, { text: 'rival' }, { text: '我的意见' }]);
  });

  it('applies the rules to what the other writer did: a comment after the closing is refused', async () => {
    await handleCommand(store, consultation, streamId, open, context());
    const closing = anEvent({ type: 'ConsultationClosed', data: { comments: 0 } });
    const attempt = handleCommand(withRivalWriter(store, 1, closing), consultation, streamId, comment('late'), context());
    await expect(attempt).rejects.toMatchObject({ code: 'CONFLICT', rule: 'CONSULTATION_NOT_OPEN' });
  });

  it('gives up with CONFLICT once the stream changed under it more than maxRetries times', async () => {
    await handleCommand(store, consultation, streamId, open, context());
    const counter = counting(consultation);
    const attempt = handleCommand(withRivalWriter(store, 10), counter.decider, streamId, comment('x'), context(), { maxRetries: 2 });
    await expect(attempt).rejects.toMatchObject({ name: 'DomainError', code: 'CONFLICT', rule: 'CONCURRENT_MODIFICATION', details: { streamId, attempts: 3 } });
    expect(counter.decisions).toBe(3);
  });

  it('reads old events through the upcasters and writes new ones at their current version', async () => {
    await store.appendToStream(streamId, [anEvent({ type: 'ConsultationOpened', schemaVersion: 1, data: { name: 'old title' } })], { expectedRevision: 'no_stream' });
    const upcasters = new UpcasterRegistry()
      .register('ConsultationOpened', 1, (data) => ({ title: (data as { name: string }).name }))
      .register('CommentReceived', 1, (data) => data);
    const result = await handleCommand(store, consultation, streamId, comment('ok'), context(), { upcasters });
    expect(result.state).toEqual({ status: 'OPEN', title: 'old title', comments: 1 });
    expect(result.events[0].schemaVersion).toBe(2);
  });
});

describe('loadAggregate', () => {
  let store: SqliteEventStore;

  beforeEach(() => {
    store = new SqliteEventStore(':memory:');
  });

  afterEach(() => store.close());

  it('gives the initial state and revision -1 for a stream without events', async () => {
    expect(await loadAggregate(store, consultation, 'consultation-none')).toEqual({ state: { status: 'NONE' }, revision: -1, events: [] });
  });

  it('folds the stream and reports its last revision', async () => {
    await handleCommand(store, consultation, 'c', open, context());
    await handleCommand(store, consultation, 'c', comment('a'), context());
    const loaded = await loadAggregate(store, consultation, 'c');
    expect(loaded).toMatchObject({ state: { status: 'OPEN', comments: 1 }, revision: 1 });
    expect(loaded.events).toEqual(await store.readStream('c'));
  });
});
