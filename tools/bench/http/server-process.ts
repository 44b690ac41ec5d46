import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';

const WORKSPACE = resolve(__dirname, '../../..');
const START_TIMEOUT_MS = 30_000;

export interface ServerProcess {
  /** The GraphQL endpoint, always on the loopback interface. */
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * Starts one of tools/bench/servers/ in a process of its own, so that the server has an event loop
 * (and, on two cores, a core) to itself while the load generator runs in the bench process.
 */
export const startServerProcess = (script: string, args: readonly string[]): Promise<ServerProcess> => {
  const child = spawn(process.execPath, ['-r', join(WORKSPACE, 'tools/register.js'), join(__dirname, '../servers', script), ...args], {
    cwd: WORKSPACE,
    // The platform runs with NODE_ENV=test (startPlatformProcess, as the e2e tests); graphql-js and
    // Apollo behave a little differently in production, so the baselines run under the same value.
    env: { ...process.env, NODE_ENV: 'test' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  // Should the bench itself die half way, its servers go with it instead of holding their ports.
  const killOnExit = (): void => {
    child.kill('SIGKILL');
  };
  process.once('exit', killOnExit);
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  void exited.then(() => process.off('exit', killOnExit));
  return new Promise<ServerProcess>((resolveStart, rejectStart) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      rejectStart(new Error(`${script} did not start within ${START_TIMEOUT_MS} ms:\n${output}`));
    }, START_TIMEOUT_MS);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      const match = /\{"listening":"(http:\/\/127\.0\.0\.1:\d+\/graphql)"\}/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      resolveStart({
        url: match[1],
        stop: async () => {
          child.kill('SIGTERM');
          await exited;
        },
      });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then(() => {
      clearTimeout(timer);
      rejectStart(new Error(`${script} exited before it was listening:\n${output}`));
    });
  });
};

export interface ServerSpec {
  /** A file of tools/bench/servers/. */
  readonly script: string;
  readonly args: readonly string[];
}

/** Starts the servers one after the other, runs `work` with them, and stops them all, failed or not. */
export const withServerProcesses = async <T>(specs: readonly ServerSpec[], work: (servers: readonly ServerProcess[]) => Promise<T>): Promise<T> => {
  const started: ServerProcess[] = [];
  try {
    for (const spec of specs) started.push(await startServerProcess(spec.script, spec.args));
    return await work(started);
  } finally {
    await Promise.all(started.map((server) => server.stop()));
  }
};
