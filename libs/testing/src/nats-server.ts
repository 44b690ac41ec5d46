import { type ChildProcess, spawn } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

const HOST = '127.0.0.1';
const DEFAULT_START_TIMEOUT_MS = 10_000;
const STOP_TIMEOUT_MS = 5_000;
const POLL_INTERVAL_MS = 25;

export interface NatsServerOptions {
  /** How long to wait for the server to accept connections; 10 s by default. */
  readonly startTimeoutMs?: number;
  /** Reuse a JetStream store directory (it is then not removed on stop). */
  readonly storeDir?: string;
}

export interface NatsServer {
  /** `nats://127.0.0.1:<port>` */
  readonly url: string;
  readonly port: number;
  readonly storeDir: string;
  /** Everything the server wrote to stdout and stderr, across restarts: for failure messages. */
  readonly output: () => string;
  /** SIGTERM and wait for the exit; removes the store directory unless it was given. */
  stop(): Promise<void>;
  /**
   * Stops (keeping the store) and starts again on the same port and store: for fault tests. After
   * kill() it just starts the server again, so kill() then restart() is a crash and a recovery.
   */
  restart(): Promise<void>;
  /** SIGKILL, as in a crash; the store directory stays for a restart. */
  kill(): Promise<void>;
}

/** Where `nats-server` is on PATH; CI installs it with `apt-get install nats-server`. */
export const findNatsServer = (): string => {
  for (const dir of (process.env['PATH'] ?? '').split(delimiter).filter(Boolean)) {
    const candidate = join(dir, 'nats-server');
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  throw new Error('nats-server is not on PATH: install the Debian package nats-server (apt-get install nats-server).');
};

/**
 * Starts a real nats-server with JetStream on a free loopback port and a fresh store directory, and
 * resolves once it accepts TCP connections. Integration tests run against it instead of mocks.
 */
export const startNatsServer = async (options: NatsServerOptions = {}): Promise<NatsServer> => {
  const binary = findNatsServer();
  const port = await freePort();
  const ownsStore = options.storeDir === undefined;
  const storeDir = options.storeDir ?? mkdtempSync(join(tmpdir(), 'gongkai-nats-'));
  const startTimeoutMs = options.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS;
  let output = '';
  let running: Running | undefined;

  const start = async (): Promise<void> => {
    const child = spawn(binary, ['-js', '-a', HOST, '-p', String(port), '-sd', storeDir], { stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    const collect = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    running = { child, exited };
    try {
      await waitUntilAccepting(port, exited, startTimeoutMs);
    } catch (error) {
      child.kill('SIGKILL');
      await exited;
      running = undefined;
      throw new Error(`nats-server did not start on port ${port}: ${String(error)}\n${output}`);
    }
  };

  const halt = async (signal: NodeJS.Signals): Promise<void> => {
    const current = running;
    running = undefined;
    if (!current || current.child.exitCode !== null || current.child.signalCode !== null) return;
    current.child.kill(signal);
    // A server that ignores SIGTERM (stuck flushing) must not hang the suite.
    const timer = setTimeout(() => current.child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    await current.exited;
    clearTimeout(timer);
  };

  await start();
  return {
    url: `nats://${HOST}:${port}`,
    port,
    storeDir,
    output: () => output,
    async stop() {
      await halt('SIGTERM');
      if (ownsStore) rmSync(storeDir, { recursive: true, force: true });
    },
    async restart() {
      await halt('SIGTERM');
      await start();
    },
    async kill() {
      await halt('SIGKILL');
    },
  };
};

interface Running {
  readonly child: ChildProcess;
  readonly exited: Promise<void>;
}

/** Asks the kernel for a free port, then releases it for nats-server (which binds it a moment later). */
const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, HOST, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('no port assigned'))));
    });
  });

const canConnect = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = createConnection({ host: HOST, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => {
      socket.destroy();
      resolve(false);
    });
  });

const waitUntilAccepting = async (port: number, exited: Promise<void>, timeoutMs: number): Promise<void> => {
  let hasExited = false;
  void exited.then(() => {
    hasExited = true;
  });
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (hasExited) throw new Error('the process exited');
    if (await canConnect(port)) return;
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
  }
  throw new Error(`no connection accepted within ${timeoutMs} ms`);
};
