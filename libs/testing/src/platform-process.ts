import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const WORKSPACE = resolve(__dirname, '../../..');
const START_TIMEOUT_MS = 60_000;

export interface PlatformProcess {
  readonly baseUrl: string;
  readonly graphqlUrl: string;
  readonly dataDir: string;
  /** Every line the process wrote, stdout and stderr. */
  readonly output: () => string;
  /** SIGKILL: no shutdown hook runs, as in a power cut. */
  kill(): Promise<void>;
  /** SIGTERM, then waits for the exit code. */
  stop(): Promise<number | null>;
  /** Removes the data directory (after stop or kill). */
  cleanup(): void;
}

export interface PlatformProcessOptions {
  /** Reuse a data directory, e.g. to restart after a kill. */
  readonly dataDir?: string;
  readonly env?: Readonly<Record<string, string>>;
}

/**
 * Starts the embedded platform as its own OS process, exactly as `npm start` does, on a free
 * port and a fresh data directory, and resolves once it reports where GraphQL is.
 */
export const startPlatformProcess = (options: PlatformProcessOptions = {}): Promise<PlatformProcess> => {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'gongkai-platform-'));
  const child = spawn(process.execPath, ['-r', join(WORKSPACE, 'tools/register.js'), join(WORKSPACE, 'apps/platform/src/main.ts')], {
    cwd: WORKSPACE,
    env: { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'info', PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolveExit) => child.once('exit', (code) => resolveExit(code)));
  return new Promise<PlatformProcess>((resolveStart, rejectStart) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      rejectStart(new Error(`The platform did not start within ${START_TIMEOUT_MS} ms:\n${output}`));
    }, START_TIMEOUT_MS);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      const match = /"graphql":"(http:\/\/[^"]+)\/graphql"/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      const baseUrl = match[1];
      resolveStart(handle(child, exited, baseUrl, dataDir, () => output));
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      rejectStart(new Error(`The platform exited with code ${code} before it was ready:\n${output}`));
    });
  });
};

const handle = (child: ChildProcess, exited: Promise<number | null>, baseUrl: string, dataDir: string, output: () => string): PlatformProcess => ({
  baseUrl,
  graphqlUrl: `${baseUrl}/graphql`,
  dataDir,
  output,
  async kill() {
    child.kill('SIGKILL');
    await exited;
  },
  async stop() {
    child.kill('SIGTERM');
    return exited;
  },
  cleanup() {
    rmSync(dataDir, { recursive: true, force: true });
  },
});
