import { defaultCalendar } from '@gongkai/calendar';
import { SqliteEventStore } from '@gongkai/event-sourcing/sqlite';
import type { Decider } from '@gongkai/kernel';
import { inSpan, startTracing, type Tracing } from '@gongkai/observability';
import { startNatsServer, type NatsServer } from '@gongkai/testing';
import { SpanKind } from '@opentelemetry/api';
import type { NatsConnection } from '@nats-io/transport-node';
import type { CommandMetadata } from '../command-bus';
import { InProcessCommandBus } from '../in-process/in-process-command-bus';
import { deciderCommandHandler, route } from '../decider-command-handler';
import { connectNats } from './connection';
import { NatsCommandBus } from './nats-command-bus';

// What a portal sends: its own trace, which the gateway's mutation continues.
const CLIENT_TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const CLIENT_TRACEPARENT = `00-${CLIENT_TRACE_ID}-00f067aa0ba902b7-01`;

const traceIdOf = (traceparent: string | undefined): string | undefined => traceparent?.split('-')[1];
const spanIdOf = (traceparent: string | undefined): string | undefined => traceparent?.split('-')[2];

type Noted = { type: 'NoteTaken'; data: { noteId: string } };
const notes: Decider<{ type: 'TakeNote'; data: { noteId: string } }, Noted, null> = {
  initialState: () => null,
  decide: (command) => [{ type: 'NoteTaken', data: { noteId: command.data.noteId } }],
  evolve: (state) => state,
};

const metadata: CommandMetadata = { actor: { id: 'demo-window', roles: ['staff'] }, correlationId: 'corr-handed-on' };

/** A mutation as the gateway runs it: a span continuing the client's trace, handed to the command. */
const mutation = <T>(work: (trace: Readonly<Record<string, string>>) => Promise<T>): Promise<T> =>
  inSpan('mutation takeNote', SpanKind.SERVER, {}, (continueTrace) => work(continueTrace()), { traceparent: CLIENT_TRACEPARENT });

describe('a process that keeps no async context (the gateway, the embedded platform) still hands its trace on', () => {
  let tracing: Tracing;
  let server: NatsServer;
  let connection: NatsConnection;

  beforeAll(async () => {
    tracing = startTracing('test', { keepsAsyncContext: false });
    server = await startNatsServer();
    connection = await connectNats(server.url, 'gateway');
  });

  afterAll(async () => {
    await connection.close();
    await server.stop();
    await tracing.shutdown();
  });

  it('sends the client’s trace in the command’s headers, as a child of the mutation', async () => {
    const received: { traceparent?: string }[] = [];
    const service = connection.subscribe('commands.notes.>', {
      callback: (_error, msg) => {
        received.push({ traceparent: msg.headers?.get('traceparent') });
        msg.respond(JSON.stringify({ ok: true, result: { streamId: 'notes.Note-1', revision: 0, position: 1 } }));
      },
    });
    const gateway = new NatsCommandBus(connection);

    let handedOn: Readonly<Record<string, string>> = {};
    await mutation((trace) => {
      handedOn = trace;
      return gateway.send({ context: 'notes', type: 'TakeNote', data: { noteId: 'n-1' }, metadata, trace });
    });

    expect(received).toHaveLength(1);
    const sent = received[0].traceparent;
    expect(traceIdOf(handedOn['traceparent'])).toBe(CLIENT_TRACE_ID);
    expect(traceIdOf(sent)).toBe(CLIENT_TRACE_ID);
    // The command's own span sits between the mutation and the service.
    expect(spanIdOf(sent)).not.toBe(spanIdOf(handedOn['traceparent']));
    expect(spanIdOf(sent)).not.toBe(spanIdOf(CLIENT_TRACEPARENT));
    service.unsubscribe();
    await gateway.close();
  });

  it('writes the mutation’s trace into the events of a command handled in the same process', async () => {
    const store = new SqliteEventStore(':memory:');
    const bus = new InProcessCommandBus();
    await bus.serve('notes', deciderCommandHandler({ store, clock: { now: () => new Date('2026-11-28T02:00:00Z') }, calendar: defaultCalendar(), routes: { TakeNote: route(notes, (data) => `notes.Note-${data.noteId}`) } }));

    let handedOn: Readonly<Record<string, string>> = {};
    await mutation((trace) => {
      handedOn = trace;
      return bus.send({ context: 'notes', type: 'TakeNote', data: { noteId: 'n-2' }, metadata, trace });
    });

    const [event] = await store.readStream('notes.Note-n-2');
    expect(event.metadata.traceparent).toBe(handedOn['traceparent']);
    expect(traceIdOf(event.metadata.traceparent)).toBe(CLIENT_TRACE_ID);
    await store.close();
  });
});
