import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join, resolve } from 'node:path';
import type { CommandEnvelope } from '@gongkai/messaging';
import { connectNats, JetStreamEventBus, NatsCommandBus, requestInboxOf } from '@gongkai/messaging/nats';
import { startAppProcess, startNatsServer } from '@gongkai/testing';
import { headers as natsHeaders, type NatsConnection } from '@nats-io/transport-node';
import type { BenchOptions } from './support/options';
import { childPidsNamed, cpuDuring } from './support/process-cpu';
import type { BenchResult } from './support/report';
import { serviceGuide } from './support/service-item-fixtures';
import { withTempDir } from './support/temp-dir';

const WORKSPACE = resolve(__dirname, '../..');
const CONCURRENCY = 32;

interface LoadFigures {
  readonly requests: number;
  readonly seconds: number;
  readonly latenciesMs: number[];
}

const percentile = (sorted: readonly number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0;

/** Keeps CONCURRENCY requests in flight for `seconds`, recording each one's latency. */
const load = async (seconds: number, request: (n: number) => Promise<unknown>): Promise<LoadFigures> => {
  const latenciesMs: number[] = [];
  const deadline = process.hrtime.bigint() + BigInt(Math.round(seconds * 1e9));
  const started = process.hrtime.bigint();
  let n = 0;
  const worker = async (): Promise<void> => {
    while (process.hrtime.bigint() < deadline) {
      const at = process.hrtime.bigint();
      await request(n++);
      latenciesMs.push(Number(process.hrtime.bigint() - at) / 1e6);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return { requests: latenciesMs.length, seconds: Number(process.hrtime.bigint() - started) / 1e9, latenciesMs };
};

const merge = (runs: readonly LoadFigures[]): { rate: number; p50: number; p99: number } => {
  const latencies = runs.flatMap((r) => r.latenciesMs).sort((a, b) => a - b);
  const requests = runs.reduce((sum, r) => sum + r.requests, 0);
  const seconds = runs.reduce((sum, r) => sum + r.seconds, 0);
  return { rate: requests / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
};

/** `name µs` per request for each process, and their sum. */
const cpuPerRequest = (cpu: Readonly<Record<string, number>>, runs: readonly LoadFigures[], order: readonly string[]): string => {
  const requests = runs.reduce((sum, r) => sum + r.requests, 0);
  const known = order.filter((name) => cpu[name] !== undefined);
  if (known.length === 0 || requests === 0) return 'not measured';
  const micros = (seconds: number): string => ((seconds * 1e6) / requests).toFixed(0);
  const total = known.reduce((sum, name) => sum + (cpu[name] ?? 0), 0);
  return `${known.map((name) => `${name} ${micros(cpu[name] ?? 0)}`).join(', ')}; total ${micros(total)}`;
};

const startEcho = (natsUrl: string): Promise<{ stop: () => void; pid: number | undefined }> =>
  new Promise((resolveStart, rejectStart) => {
    const child = spawn(process.execPath, ['-r', join(WORKSPACE, 'tools/register.js'), join(__dirname, 'servers/nats-echo.ts')], {
      cwd: WORKSPACE,
      env: { ...process.env, NATS_URL: natsUrl },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('"listening"')) resolveStart({ stop: () => child.kill('SIGTERM'), pid: child.pid });
    });
    child.once('exit', (code) => rejectStart(new Error(`the echo server exited with ${code}`)));
  });

const draftCommand = (n: number): CommandEnvelope => ({
  context: 'services-catalog',
  type: 'DraftServiceItem',
  data: { itemId: randomUUID(), agencyCode: '445300', guide: serviceGuide(n) },
  metadata: { actor: { id: 'demo-window', roles: ['staff'], agencyCode: '445300', departmentCode: 'SERVICE_WINDOW' }, correlationId: randomUUID() },
});

/**
 * Commands through NATS to a services-catalog process that loads, decides and appends (SQLite,
 * synchronous=FULL) and replies — beside raw NATS request-reply to an echo process with the same
 * payload, headers and concurrency. Also the lag from a command's reply to its event reaching a
 * JetStream consumer (relay + JetStream + delivery): what a read model waits at the least.
 */
export const benchCommandRoundTrip = (options: BenchOptions): Promise<BenchResult> => withTempDir('commands', (dir) => measure(options, dir));

const measure = async (options: BenchOptions, dir: string): Promise<BenchResult> => {
  const nats = await startNatsServer();
  const service = await startAppProcess({
    app: 'services-catalog',
    env: { NATS_URL: nats.url, EVENT_STORE_FILE: join(dir, 'events.db'), PERSONAL_DATA_FILE: join(dir, 'keys.db') },
    ready: /"health":"(http:\/\/[^"]+)\/health\/ready"/,
  }).catch(async (error: unknown) => {
    await nats.stop();
    throw error;
  });
  const echoServer = await startEcho(nats.url);
  const connection: NatsConnection = await connectNats(nats.url, 'bench-client');
  const commands = new NatsCommandBus(connection, { timeoutMs: 30_000 });
  const events = new JetStreamEventBus(connection);
  const replies = new Map<string, number>();
  // An event may reach the consumer before its reply reaches this client: its lag is then negative.
  const arrivals = new Map<string, number>();
  const lags: number[] = [];
  try {
    await events.subscribe({
      durableName: 'bench.lag',
      contexts: ['services-catalog'],
      // As a gateway replica's read models in memory (the default) consume: a durable of their own.
      exclusive: true,
      handle: async (event) => {
        const repliedAt = replies.get(event.streamId);
        if (repliedAt !== undefined) lags.push(performance.now() - repliedAt);
        else arrivals.set(event.streamId, performance.now());
      },
    });
    const sendCommand = async (n: number): Promise<void> => {
      const command = draftCommand(n);
      const result = await commands.send(command);
      const repliedAt = performance.now();
      replies.set(result.streamId, repliedAt);
      const arrivedAt = arrivals.get(result.streamId);
      if (arrivedAt !== undefined) lags.push(arrivedAt - repliedAt);
    };
    // The same bytes the command bus puts on the wire, answered by the echo instead of the service.
    const sample = draftCommand(0);
    const payload = JSON.stringify({ data: sample.data });
    const echoHeaders = () => {
      const headers = natsHeaders();
      headers.set('Gongkai-Actor', encodeURIComponent(JSON.stringify(sample.metadata.actor)));
      headers.set('Gongkai-Correlation-Id', randomUUID());
      return headers;
    };
    const echo = async (): Promise<void> => {
      await connection.request('bench.echo', payload, { timeout: 30_000, headers: echoHeaders() });
    };
    // The same echo through the request inbox the command bus uses (one reply subscription, no
    // per-request timer or Error): how much of the gap is the client library's request path.
    const inbox = requestInboxOf(connection);
    const echoThroughInbox = async (): Promise<void> => {
      const outcome = await inbox.request('bench.echo', payload, { timeoutMs: 30_000, headers: echoHeaders() });
      if (outcome.kind !== 'answered') throw new Error(`the echo through the request inbox ${outcome.kind}`);
    };
    const seconds = options.quick ? 2 : 8;
    await load(1, echo); // warm-up of both paths
    await load(1, sendCommand);
    const raw: LoadFigures[] = [];
    const rawThroughInbox: LoadFigures[] = [];
    const through: LoadFigures[] = [];
    // Where the CPU goes, process by process (Linux /proc): the client is this process, with its
    // JetStream consumer; the server side is the service or the echo.
    const pids = { client: process.pid, 'nats-server': childPidsNamed('nats-server')[0], service: service.pid, echo: echoServer.pid };
    const cpuOfEcho: Record<string, number> = {};
    const cpuOfCommands: Record<string, number> = {};
    const add = (into: Record<string, number>, cpu: Record<string, number>): void => {
      for (const [name, seconds] of Object.entries(cpu)) into[name] = (into[name] ?? 0) + seconds;
    };
    // Alternating rounds: a noisy neighbour slows both sides alike instead of one of them.
    for (let round = 0; round < 2; round++) {
      const echoRound = await cpuDuring(pids, () => load(seconds / 2, echo));
      raw.push(echoRound.result);
      add(cpuOfEcho, echoRound.cpu);
      rawThroughInbox.push(await load(seconds / 4, echoThroughInbox));
      const commandRound = await cpuDuring(pids, () => load(seconds / 2, sendCommand));
      through.push(commandRound.result);
      add(cpuOfCommands, commandRound.cpu);
    }
    const settle = Date.now() + 10_000;
    while (lags.length < replies.size && Date.now() < settle) await new Promise((r) => setTimeout(r, 50));
    const a = merge(through);
    const b = merge(raw);
    const c = merge(rawThroughInbox);
    const sortedLags = [...lags].sort((x, y) => x - y);
    return {
      rows: [
        {
          measurement: 'command round trip, NATS → service → append → reply',
          figure: { value: a.rate, unit: 'cmd/s' },
          baselineName: `raw NATS request-reply echo, same payload, ${CONCURRENCY} in flight`,
          baseline: { value: b.rate, unit: 'req/s' },
          goal: 0.3,
        },
        {
          measurement: 'command round trip, NATS → service → append → reply',
          figure: { value: a.rate, unit: 'cmd/s' },
          baselineName: "the same echo through the command bus's request inbox",
          baseline: { value: c.rate, unit: 'req/s' },
        },
      ],
      notes: [
        `command round trip p50 ${a.p50.toFixed(2)} ms, p99 ${a.p99.toFixed(2)} ms; raw echo p50 ${b.p50.toFixed(2)} ms, p99 ${b.p99.toFixed(2)} ms; p99 ratio ${(a.p99 / b.p99).toFixed(2)} (goal ≤ 3); echo through the request inbox p50 ${c.p50.toFixed(2)} ms, p99 ${c.p99.toFixed(2)} ms`,
        `CPU per request (µs, /proc, 10 ms resolution): commands ${cpuPerRequest(cpuOfCommands, through, ['client', 'nats-server', 'service', 'echo'])}; echo ${cpuPerRequest(cpuOfEcho, raw, ['client', 'nats-server', 'echo', 'service'])}`,
        `lag from a command's reply to its event at a JetStream consumer under that load (negative: the event came first): p50 ${percentile(sortedLags, 50).toFixed(1)} ms, p99 ${percentile(sortedLags, 99).toFixed(1)} ms, max ${(sortedLags.at(-1) ?? 0).toFixed(1)} ms (${lags.length} of ${replies.size} events seen)`,
      ],
    };
  } finally {
    await events.close();
    await commands.close();
    await connection.close();
    echoServer.stop();
    await service.stop();
    await nats.stop();
  }
};
