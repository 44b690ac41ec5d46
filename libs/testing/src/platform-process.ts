import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AppProcess, startAppProcess } from './app-process';

export interface PlatformProcess extends Omit<AppProcess, 'exited' | 'pid'> {
  readonly graphqlUrl: string;
  readonly dataDir: string;
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
export const startPlatformProcess = async (options: PlatformProcessOptions = {}): Promise<PlatformProcess> => {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'gongkai-platform-'));
  const app = await startAppProcess({ app: 'platform', env: { DATA_DIR: dataDir, ...options.env }, ready: /"graphql":"(http:\/\/[^"]+)\/graphql"/ });
  return {
    ...app,
    graphqlUrl: `${app.baseUrl}/graphql`,
    dataDir,
    cleanup: () => rmSync(dataDir, { recursive: true, force: true }),
  };
};
