import { type ChildProcess, spawn } from 'node:child_process';
import { join, resolve } from 'node:path';

const WORKSPACE = resolve(__dirname, '../../..');
const START_TIMEOUT_MS = 60_000;

export interface AppProcess {
  /** The address the process reported, e.g. http://127.0.0.1:41234 (its health, metrics or GraphQL). */
  readonly baseUrl: string;
  readonly pid: number | undefined;
  /** Every line the process wrote, stdout and stderr. */
  readonly output: () => string;
  /** SIGKILL: no shutdown hook runs, as in a power cut. */
  kill(): Promise<void>;
  /** SIGTERM, then waits for the exit code. */
  stop(): Promise<number | null>;
  /** Resolves with the exit code once the process has ended. */
  readonly exited: Promise<number | null>;
}

export interface AppProcessOptions {
  /** The app under apps/, e.g. platform, gateway, services-catalog. */
  readonly app: string;
  readonly env: Readonly<Record<string, string>>;
  /** The log line that says the process is ready; its first group is the base URL. */
  readonly ready: RegExp;
}

/** Starts one of the apps as its own OS process, exactly as its npm script or container does. */
export const startAppProcess = (options: AppProcessOptions): Promise<AppProcess> => {
  const child = spawn(process.execPath, ['-r', join(WORKSPACE, 'tools/register.js'), join(WORKSPACE, `apps/${options.app}/src/main.ts`)], {
    cwd: WORKSPACE,
    env: { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'info', HOST: '127.0.0.1', PORT: '0', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolveExit) => child.once('exit', (code) => resolveExit(code)));
  return new Promise<AppProcess>((resolveStart, rejectStart) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      rejectStart(new Error(`${options.app} did not start within ${START_TIMEOUT_MS} ms:\n${output}`));
    }, START_TIMEOUT_MS);
    let started = false;
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      const match = started ? null : options.ready.exec(output);
      if (!match) return;
      started = true;
      clearTimeout(timer);
      resolveStart(handle(child, exited, match[1], () => output));
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      if (!started) rejectStart(new Error(`${options.app} exited with code ${code} before it was ready:\n${output}`));
    });
  });
};

const handle = (child: ChildProcess, exited: Promise<number | null>, baseUrl: string, output: () => string): AppProcess => ({
  baseUrl,
  pid: child.pid,
  output,
  exited,
  async kill() {
    child.kill('SIGKILL');
    await exited;
  },
  async stop() {
    child.kill('SIGTERM');
    return exited;
  },
});
