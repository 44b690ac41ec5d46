import { setTimeout as sleep } from 'node:timers/promises';
import { eventually, startNatsServer, type NatsServer } from '@gongkai/testing';
import { jetstreamManager, DiscardPolicy } from '@nats-io/jetstream';
import type { Msg, NatsConnection, Status } from '@nats-io/transport-node';
import { connectNats } from './connection';
import { requestInboxOf, type RequestOutcome } from './request-inbox';
import { publishToStream } from './stream-publish';

// The restart test waits for two connections to notice the outage and to come back.
jest.setTimeout(30_000);

const answerOf = (outcome: RequestOutcome): string => {
  if (outcome.kind !== 'answered') throw new Error(`expected an answer, got ${JSON.stringify(outcome)}`);
  return outcome.msg.string();
};

/** Fisher–Yates, seeded, so that a failure can be reproduced. */
const shuffled = <T>(items: readonly T[], seed: number): T[] => {
  const copy = [...items];
  let state = seed;
  for (let i = copy.length - 1; i > 0; i--) {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    const j = state % (i + 1);
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
};

describe('RequestInbox over a real nats-server', () => {
  let server: NatsServer;
  const connections: NatsConnection[] = [];

  const open = async (name: string, onStatus?: (status: Status) => void): Promise<NatsConnection> => {
    const connection = await connectNats(server.url, name, { reconnectTimeWaitMs: 50, ...(onStatus ? { onStatus } : {}) });
    connections.push(connection);
    return connection;
  };

  /** A responder on its own connection that answers each request with `answer(msg)`, or not at all. */
  const respond = async (subject: string, answer: (msg: Msg) => string | undefined): Promise<NatsConnection> => {
    const connection = await open('responder');
    connection.subscribe(subject, {
      callback: (error, msg) => {
        if (error) return;
        const reply = answer(msg);
        if (reply !== undefined) msg.respond(reply);
      },
    });
    await connection.flush();
    return connection;
  };

  beforeAll(async () => {
    server = await startNatsServer();
  });

  afterEach(async () => {
    await Promise.all(connections.splice(0).map((connection) => (connection.isClosed() ? undefined : connection.close())));
  });

  afterAll(async () => {
    await server?.stop();
  });

  it('gives each of 500 concurrent requests its own answer, whatever order the answers come in', async () => {
    const received: Msg[] = [];
    await respond('echo', (msg) => {
      received.push(msg);
      return undefined;
    });
    const inbox = requestInboxOf(await open('client'));

    const outcomes = Promise.all(Array.from({ length: 500 }, (_, n) => inbox.request('echo', `request-${n}`, { timeoutMs: 10_000 })));
    await eventually(async () => received.length === 500);
    for (const msg of shuffled(received, 20_261_128)) msg.respond(`answer to ${msg.string()}`);

    expect((await outcomes).map(answerOf)).toEqual(Array.from({ length: 500 }, (_, n) => `answer to request-${n}`));
    expect(inbox.size).toBe(0);
  });

  it('shares one inbox between everything that sends over the same connection', async () => {
    const connection = await open('client');

    expect(requestInboxOf(connection)).toBe(requestInboxOf(connection));
    expect(requestInboxOf(connection)).not.toBe(requestInboxOf(await open('other-client')));
  });

  it('times a request out after its own timeout, and ignores the answer that comes later', async () => {
    await respond('slow', (msg) => {
      setTimeout(() => msg.respond('too late'), 400);
      return undefined;
    });
    const inbox = requestInboxOf(await open('client'));

    const started = performance.now();
    const outcome = await inbox.request('slow', 'anyone?', { timeoutMs: 200 });
    const waited = performance.now() - started;

    expect(outcome).toEqual({ kind: 'timed-out' });
    expect(waited).toBeGreaterThanOrEqual(195);
    expect(waited).toBeLessThan(1_000);
    await sleep(400); // the late answer arrives and finds nobody waiting
    expect(inbox.size).toBe(0);
  });

  it('times out a short request made after a long one first, and answers the rest', async () => {
    let answering = true;
    await respond('selective', (msg) => (answering && msg.string() === 'answer me' ? 'answered' : undefined));
    const inbox = requestInboxOf(await open('client'));

    const long = inbox.request('selective', 'ignore me', { timeoutMs: 1_500 });
    const shortStarted = performance.now();
    const short = await inbox.request('selective', 'ignore me too', { timeoutMs: 100 });
    const shortWaited = performance.now() - shortStarted;
    const answered = await inbox.request('selective', 'answer me', { timeoutMs: 100 });
    answering = false;

    expect(short).toEqual({ kind: 'timed-out' });
    expect(shortWaited).toBeLessThan(1_000); // not held up behind the long request's deadline
    expect(answerOf(answered)).toBe('answered');
    expect(inbox.size).toBe(1);
    expect(await long).toEqual({ kind: 'timed-out' });
    expect(inbox.size).toBe(0);
  });

  it('tells no responders from a timeout, and an empty answer from no responders', async () => {
    await respond('empty', () => '');
    const inbox = requestInboxOf(await open('client'));

    const started = performance.now();
    expect(await inbox.request('nobody.listens', 'hello?', { timeoutMs: 5_000 })).toEqual({ kind: 'no-responders' });
    expect(performance.now() - started).toBeLessThan(1_000); // the server says so at once
    expect(answerOf(await inbox.request('empty', 'hello?', { timeoutMs: 5_000 }))).toBe('');
  });

  it('fails every pending request at once when the connection closes, and every later one', async () => {
    await respond('silent', () => undefined);
    const connection = await open('client');
    const inbox = requestInboxOf(connection);

    const pending = Array.from({ length: 3 }, () => inbox.request('silent', 'waiting', { timeoutMs: 10_000 }));
    await eventually(async () => inbox.size === 3);
    const started = performance.now();
    await connection.close();
    const outcomes = await Promise.all(pending);

    expect(performance.now() - started).toBeLessThan(1_000);
    expect(outcomes).toEqual(Array.from({ length: 3 }, () => ({ kind: 'failed', reason: 'the connection to NATS closed' })));
    expect(inbox.size).toBe(0);
    expect(await inbox.request('silent', 'after', { timeoutMs: 10_000 })).toMatchObject({ kind: 'failed' });
  });

  it('refuses what the client refuses to publish, without leaving it pending', async () => {
    const inbox = requestInboxOf(await open('client'));

    expect(await inbox.request('not a subject', 'x', { timeoutMs: 1_000 })).toMatchObject({ kind: 'failed' });
    expect(await inbox.request('fine', 'x', { timeoutMs: 0 })).toMatchObject({ kind: 'failed' });
    expect(inbox.size).toBe(0);
  });

  it('fails requests while nats-server is down and answers again once the connection is back', async () => {
    await respond('echo.restart', (msg) => {
      const text = msg.string();
      return text === 'in flight' ? undefined : `echo ${text}`;
    });
    const statuses: string[] = [];
    const inbox = requestInboxOf(await open('client', (status) => statuses.push(status.type)));
    expect(answerOf(await inbox.request('echo.restart', 'before', { timeoutMs: 2_000 }))).toBe('echo before');

    const inFlight = inbox.request('echo.restart', 'in flight', { timeoutMs: 500 });
    await server.kill();
    await eventually(async () => statuses.includes('disconnect'));
    const duringOutage = await inbox.request('echo.restart', 'during', { timeoutMs: 300 });

    expect(await inFlight).toEqual({ kind: 'timed-out' });
    expect(duringOutage).toEqual({ kind: 'timed-out' });

    await server.restart();
    await eventually(async () => statuses.includes('reconnect'));
    // The responder's connection comes back on its own schedule: until then the server finds nobody.
    const after = await eventually(async () => {
      const outcome = await inbox.request('echo.restart', 'after', { timeoutMs: 2_000 });
      return outcome.kind === 'answered' ? outcome : undefined;
    });
    expect(answerOf(after)).toBe('echo after');
    expect(inbox.size).toBe(0);
  });

  describe('publishToStream', () => {
    it('resolves once JetStream stored the message or knew it already, and rejects what it refuses', async () => {
      const connection = await open('publisher');
      const jsm = await jetstreamManager(connection);
      await jsm.streams.add({ name: 'ONE_ONLY', subjects: ['one.>'], max_msgs: 1, discard: DiscardPolicy.New });
      const inbox = requestInboxOf(connection);
      try {
        await publishToStream(inbox, 'one.first', '{"n":1}', 'event-1', 2_000);
        await publishToStream(inbox, 'one.first', '{"n":1}', 'event-1', 2_000); // a duplicate is acknowledged too

        expect((await jsm.streams.info('ONE_ONLY')).state.messages).toBe(1);
        await expect(publishToStream(inbox, 'one.second', '{"n":2}', 'event-2', 2_000)).rejects.toThrow(/JetStream refused one\.second \(message event-2\): maximum messages exceeded/);
        await expect(publishToStream(inbox, 'no-stream.here', '{}', 'event-3', 2_000)).rejects.toThrow(/No JetStream stream takes no-stream\.here/);
      } finally {
        await jsm.streams.delete('ONE_ONLY');
      }
    });
  });
});
