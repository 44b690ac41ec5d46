import { isAbsolute, resolve } from 'node:path';
import { type AuthConfig, loadAuthConfig } from '@gongkai/auth';
import { checkSigningKey } from './distributed/signing-key-config';
import { readTrustedProxies, type TrustedProxies } from './trusted-proxies';

/** Everything the embedded platform reads from its environment, validated before anything starts. */
export interface PlatformConfig {
  readonly dataDir: string;
  readonly eventStoreFile: string;
  readonly host: string;
  readonly port: number;
  readonly production: boolean;
  /** Proxies allowed to name the caller (X-Forwarded-For): rate limits count per caller. */
  readonly trustedProxies?: TrustedProxies;
  readonly logLevel: string;
  readonly auth: AuthConfig;
  /** Settings the platform starts with but should not run with for long; logged at start. */
  readonly warnings: readonly string[];
}

export class ConfigurationError extends Error {
  override readonly name = 'ConfigurationError';
}

type Env = Readonly<Record<string, string | undefined>>;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export const loadPlatformConfig = (env: Env, cwd: string = process.cwd()): PlatformConfig => {
  const problems: string[] = [];
  const portText = env['PORT'] ?? '3000';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) problems.push(`PORT must be a port number from 0 to 65535 (got "${portText}").`);
  const dataDirText = env['DATA_DIR'] ?? './data';
  const dataDir = isAbsolute(dataDirText) ? dataDirText : resolve(cwd, dataDirText);
  const logLevel = env['LOG_LEVEL'] ?? 'info';
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${logLevel}").`);
  let auth: AuthConfig | undefined;
  try {
    auth = loadAuthConfig(env);
  } catch (error) {
    problems.push(error instanceof Error ? error.message : String(error));
  }
  const warnings: string[] = [];
  checkSigningKey(env, env['NODE_ENV'] === 'production', problems, warnings);
  const trustedProxies = readTrustedProxies(env, problems);
  if (problems.length > 0 || !auth) throw new ConfigurationError(`The platform cannot start:\n- ${problems.join('\n- ')}`);
  return {
    dataDir,
    eventStoreFile: env['EVENT_STORE_FILE'] ? resolve(cwd, env['EVENT_STORE_FILE']) : resolve(dataDir, 'gongkai.db'),
    host: env['HOST'] ?? '127.0.0.1',
    port,
    production: env['NODE_ENV'] === 'production',
    ...(trustedProxies !== undefined ? { trustedProxies } : {}),
    logLevel,
    auth,
    warnings,
  };
};
