import { startNatsServer, type NatsServer } from '@gongkai/testing';
import { DomainError, type Actor } from '@gongkai/kernel';
import { headers, type Status } from '@nats-io/transport-node';
import type { CommandEnvelope, CommandReply, CommandResult } from '../command-bus';
import { COMMAND_HEADERS } from './command-wire';
import { connectNats } from './connection';
import { NatsCommandBus } from './nats-command-bus';

// Fault tests stop, kill and restart nats-server; recovery waits out a pull's expiry (5 s) on a busy machine.
jest.setTimeout(30_000);

const CONTEXT = 'services-catalog';
const actor: Actor = { id: 'user-window-07', roles: ['staff'], agencyCode: '445300' };

const aCommand = (data: unknown = {}): CommandEnvelope => ({ context: CONTEXT, type: 'RegisterServiceItem', data, metadata: { actor, correlationId: 'corr-1' } });
const result = (revision = 0): CommandResult => ({ streamId: `${CONTEXT}.ServiceItem-1`, revision, position: revision + 1 });
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const waitUntil = async (condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}.`);
    await sleep(10);
  }
};

const caught = async (work: Promise<unknown>): Promise<DomainError> => {
  try {
    await work;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
};

describe('NatsCommandBus over a real nats-server', () => {
  let server: NatsServer;
  const cleanups: (() => Promise<unknown>)[] = [];

  /** A connection (and its bus) closed after the test; reconnects quickly so that fault tests stay short. */
  const open = async (name: string, options: { timeoutMs?: number; onStatus?: (status: Status) => void; onError?: (message: string) => void } = {}) => {
    const connection = await connectNats(server.url, name, { reconnectTimeWaitMs: 50, ...(options.onStatus ? { onStatus: options.onStatus } : {}) });
    const bus = new NatsCommandBus(connection, { timeoutMs: options.timeoutMs ?? 2_000, ...(options.onError ? { onError: options.onError } : {}) });
    cleanups.push(async () => {
      await bus.close();
      await connection.close();
    });
    return { connection, bus };
  };

  beforeAll(async () => {
    server = await startNatsServer();
  });

  afterEach(async () => {
    await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
  });

  afterAll(async () => {
    await server?.stop();
  });

  it('shares the commands of one context between the replicas in its queue group, each handled once', async () => {
    const handledBy = new Map<number, string[]>();
    for (const replica of ['replica-a', 'replica-b']) {
      const { bus } = await open(replica);
      await bus.serve(CONTEXT, async (command) => {
        const { n } = command.data as { n: number };
        handledBy.set(n, [...(handledBy.get(n) ?? []), replica]);
        await sleep(1);
        return result(n);
      });
    }
    const { bus: sender } = await open('gateway');

    const results = await Promise.all(Array.from({ length: 200 }, (_, n) => sender.send(aCommand({ n }))));

    expect(results.map((r) => r.revision)).toEqual(Array.from({ length: 200 }, (_, n) => n));
    expect([...handledBy.values()].every((replicas) => replicas.length === 1)).toBe(true);
    expect(handledBy.size).toBe(200);
    const perReplica = [...handledBy.values()].flat().reduce((counts, replica) => counts.set(replica, (counts.get(replica) ?? 0) + 1), new Map<string, number>());
    expect(perReplica.get('replica-a')).toBeGreaterThan(0);
    expect(perReplica.get('replica-b')).toBeGreaterThan(0);
  });

  it('does not let a slow command hold up the ones behind it', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const { bus: serving } = await open('service');
    await serving.serve(CONTEXT, async (command) => {
      const { slow } = command.data as { slow: boolean };
      if (slow) await gate;
      return result(slow ? 1 : 2);
    });
    const { bus: sender } = await open('gateway');

    const slow = sender.send(aCommand({ slow: true }));
    await expect(sender.send(aCommand({ slow: false }))).resolves.toEqual(result(2));
    release();
    await expect(slow).resolves.toEqual(result(1));
  });

  it('answers an unexpected handler error with SERVICE_UNAVAILABLE and no internals, and reports the error', async () => {
    const reported: string[] = [];
    const { bus: serving } = await open('service', { onError: (message) => reported.push(message) });
    await serving.serve(CONTEXT, async () => {
      throw new TypeError('Cannot read properties of undefined (reading "secretColumn")');
    });
    const { bus: sender } = await open('gateway');

    const error = await caught(sender.send(aCommand()));

    expect(error).toMatchObject({ code: 'SERVICE_UNAVAILABLE', rule: 'COMMAND_FAILED' });
    expect(error.message).not.toMatch(/secretColumn|TypeError/);
    expect(reported).toContain('command handler failed');
  });

  it('answers malformed commands with BAD_USER_INPUT without calling the handler, and keeps serving', async () => {
    let calls = 0;
    const { bus: serving } = await open('service');
    await serving.serve(CONTEXT, async () => {
      calls++;
      return result();
    });
    const { connection: raw, bus: sender } = await open('raw-client');
    const valid = headers();
    valid.set(COMMAND_HEADERS.actor, encodeURIComponent(JSON.stringify(actor)));
    valid.set(COMMAND_HEADERS.correlationId, 'corr-raw');
    const badPercent = headers();
    badPercent.set(COMMAND_HEADERS.actor, '%E4%B8'); // a cut-off UTF-8 sequence
    badPercent.set(COMMAND_HEADERS.correlationId, 'corr-raw');
    const unknownRole = headers();
    unknownRole.set(COMMAND_HEADERS.actor, encodeURIComponent(JSON.stringify({ id: 'x', roles: ['superuser'] })));
    unknownRole.set(COMMAND_HEADERS.correlationId, 'corr-raw');
    const attempts: [string, string, ReturnType<typeof headers> | undefined][] = [
      ['not json', 'body is not JSON', valid],
      [JSON.stringify([1, 2]), 'body is not an object', valid],
      [JSON.stringify({ data: {} }), 'no headers at all', undefined],
      [JSON.stringify({ data: {} }), 'actor header is not percent-encoded UTF-8', badPercent],
      [JSON.stringify({ data: {} }), 'actor with an unknown role', unknownRole],
    ];

    for (const [payload, why, hdrs] of attempts) {
      const reply = await raw.request(`commands.${CONTEXT}.RegisterServiceItem`, payload, { timeout: 2_000, ...(hdrs ? { headers: hdrs } : {}) });
      const decoded = reply.json<CommandReply>();
      expect({ why, reply: decoded }).toMatchObject({ why, reply: { ok: false, error: { code: 'BAD_USER_INPUT', rule: 'MALFORMED_COMMAND' } } });
    }
    expect(calls).toBe(0);
    await expect(sender.send(aCommand())).resolves.toEqual(result());
    expect(calls).toBe(1);
  });

  it('gives up after the timeout with SERVICE_UNAVAILABLE / COMMAND_TIMEOUT', async () => {
    const { bus: serving } = await open('service');
    await serving.serve(CONTEXT, async () => {
      await sleep(400);
      return result();
    });
    const { bus: sender } = await open('gateway', { timeoutMs: 200 });

    const started = Date.now();
    const error = await caught(sender.send(aCommand()));

    expect(error).toMatchObject({ code: 'SERVICE_UNAVAILABLE', rule: 'COMMAND_TIMEOUT' });
    expect(error.message).toContain('200 ms');
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('close() stops taking commands but lets the one in flight finish and reply', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let started = false;
    const { bus: serving } = await open('service');
    await serving.serve(CONTEXT, async () => {
      started = true;
      await gate;
      return result(7);
    });
    const { bus: sender } = await open('gateway');

    const inFlight = sender.send(aCommand());
    await waitUntil(() => started, 'the handler to start');
    let closed = false;
    const closing = serving.close().then(() => {
      closed = true;
    });
    await sleep(150);
    expect(closed).toBe(false);

    release();
    await closing;
    await expect(inFlight).resolves.toEqual(result(7));
    expect(await caught(sender.send(aCommand()))).toMatchObject({ code: 'SERVICE_UNAVAILABLE', rule: 'NO_RESPONDERS' });
  });

  it('fails fast while nats-server is down, and works again once it is back (the connections reconnect)', async () => {
    const statuses: string[] = [];
    const { bus: serving } = await open('service');
    await serving.serve(CONTEXT, async () => result(1));
    const { bus: sender } = await open('gateway', { timeoutMs: 3_000, onStatus: (status) => statuses.push(status.type) });
    await expect(sender.send(aCommand())).resolves.toEqual(result(1));

    await server.kill();
    await waitUntil(() => statuses.includes('disconnect'), 'the client to notice the outage');
    const started = Date.now();
    const error = await caught(sender.send(aCommand()));
    expect(error).toMatchObject({ code: 'SERVICE_UNAVAILABLE', rule: 'NOT_CONNECTED' });
    expect(Date.now() - started).toBeLessThan(500); // not the 3 s timeout

    await server.restart();
    await waitUntil(() => statuses.includes('reconnect'), 'the client to reconnect');
    await expect(eventually(() => sender.send(aCommand()))).resolves.toEqual(result(1));
  });
});

/**
 * Retries for a bounded while: after a reconnect the two connections resubscribe independently,
 * so the service's subscription may reach the server a moment after the client is back.
 */
const eventually = async <T>(attempt: () => Promise<T>, timeoutMs = 5_000): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await sleep(50);
    }
  }
};

