import { resolve } from 'node:path';
import { type AuthConfig, loadAuthConfig } from '@gongkai/auth';
import { ConfigurationError } from '../platform-config';
import { besideEventLog, checkFingerprintSecret, checkMongodbUri, type PersonalDataLocation, readPersonalDataLocation } from './personal-data-config';
import { checkSigningKey } from './signing-key-config';
import { readTrustedProxies, type TrustedProxies } from '../trusted-proxies';

type Env = Readonly<Record<string, string | undefined>>;

/** Where a service keeps its events: an SQLite file shared by the services on one host, or EventStoreDB. */
export type EventStoreLocation = { readonly kind: 'sqlite'; readonly file: string } | { readonly kind: 'eventstoredb'; readonly url: string };

export interface ServiceProcessConfig {
  readonly context: string;
  readonly natsUrl: string;
  readonly eventStore: EventStoreLocation;
  /** The key table of the personal-data vault (crypto-shredding). */
  readonly personalData: PersonalDataLocation;
  readonly host: string;
  readonly port: number;
  readonly logLevel: string;
  readonly production: boolean;
  /** How long a command may take before the gateway answers SERVICE_UNAVAILABLE. */
  readonly commandTimeoutMs: number;
  /** Replicas of the JetStream streams this process creates or updates (EVENTS, PARKED). */
  readonly jetStreamReplicas: number;
  /** Settings the process starts with but should not run with for long; logged at start. */
  readonly warnings: readonly string[];
}

export interface GatewayProcessConfig {
  readonly natsUrl: string;
  /** Unset: read models in memory, rebuilt from JetStream at start. */
  readonly mongodbUri?: string;
  /** The key table of the personal-data vault: staff read applicants' data through the gateway. */
  readonly personalData: PersonalDataLocation;
  readonly host: string;
  readonly port: number;
  readonly logLevel: string;
  readonly production: boolean;
  readonly commandTimeoutMs: number;
  readonly jetStreamReplicas: number;
  readonly auth: AuthConfig;
  /** Proxies allowed to name the caller (X-Forwarded-For): rate limits count per caller. */
  readonly trustedProxies?: TrustedProxies;
  readonly warnings: readonly string[];
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** Reads the settings every process shares, collecting every problem before failing. */
const common = (env: Env, problems: string[], defaultPort: string) => {
  const natsUrl = env['NATS_URL'];
  if (!natsUrl) problems.push('NATS_URL is required, e.g. nats://127.0.0.1:4222 (comma-separate several servers).');
  else if (!natsUrl.split(',').every((url) => /^(nats|tls):\/\/[^\s]+$/.test(url.trim()))) problems.push(`NATS_URL must be nats://host:port (got "${natsUrl}").`);
  const portText = env['PORT'] ?? defaultPort;
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) problems.push(`PORT must be a port number from 0 to 65535 (got "${portText}").`);
  const logLevel = env['LOG_LEVEL'] ?? 'info';
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${logLevel}").`);
  const timeoutText = env['COMMAND_TIMEOUT_MS'] ?? '5000';
  const commandTimeoutMs = Number(timeoutText);
  if (!/^\d+$/.test(timeoutText) || commandTimeoutMs < 100 || commandTimeoutMs > 60_000) problems.push(`COMMAND_TIMEOUT_MS must be 100 to 60000 (got "${timeoutText}").`);
  // A stream cannot have more replicas than the cluster has servers; NATS allows at most 5.
  const replicasText = env['JETSTREAM_REPLICAS'] || '1';
  const jetStreamReplicas = Number(replicasText);
  if (!/^[1-5]$/.test(replicasText)) problems.push(`JETSTREAM_REPLICAS must be 1 to 5, at most the number of NATS servers (got "${replicasText}").`);
  return { natsUrl: natsUrl ?? '', port, logLevel, commandTimeoutMs, jetStreamReplicas, host: env['HOST'] ?? '127.0.0.1', production: env['NODE_ENV'] === 'production' };
};

/** The contexts whose service signs integrity checkpoints. */
const SIGNING_CONTEXTS = new Set(['oversight']);

const fail = (what: string, problems: string[]): never => {
  throw new ConfigurationError(`The ${what} cannot start:\n- ${problems.join('\n- ')}`);
};

export const loadServiceProcessConfig = (context: string, env: Env, cwd: string = process.cwd()): ServiceProcessConfig => {
  const problems: string[] = [];
  const shared = common(env, problems, '0');
  const file = env['EVENT_STORE_FILE'];
  const url = env['EVENTSTORE_URL'];
  let eventStore: EventStoreLocation = { kind: 'sqlite', file: '' };
  if (file && url) problems.push('Set either EVENT_STORE_FILE (SQLite) or EVENTSTORE_URL (EventStoreDB), not both.');
  else if (url) {
    if (!/^(esdb|kurrentdb|esdb\+discover|kurrentdb\+discover):\/\//.test(url)) problems.push(`EVENTSTORE_URL must be an esdb:// or kurrentdb:// connection string (got "${url.replace(/\/\/[^@]*@/, '//***@')}").`);
    eventStore = { kind: 'eventstoredb', url };
  } else if (file) eventStore = { kind: 'sqlite', file: resolve(cwd, file) };
  else problems.push('EVENT_STORE_FILE (SQLite) or EVENTSTORE_URL (EventStoreDB) is required.');
  const uri = env['MONGODB_URI'];
  if (uri !== undefined) checkMongodbUri(uri, problems);
  // On EventStoreDB there is no file to put the key table beside: then it must be configured.
  const fallback = eventStore.kind === 'sqlite' ? besideEventLog(eventStore.file) : undefined;
  const personalData = readPersonalDataLocation(env, cwd, problems, fallback, 'with EVENTSTORE_URL');
  const warnings: string[] = [];
  if (SIGNING_CONTEXTS.has(context)) checkSigningKey(env, shared.production, problems, warnings);
  if (problems.length) fail(`${context} service`, problems);
  return { context, ...shared, eventStore, personalData, warnings };
};

export const loadGatewayProcessConfig = (env: Env, cwd: string = process.cwd()): GatewayProcessConfig => {
  const problems: string[] = [];
  const shared = common(env, problems, '3000');
  const mongodbUri = env['MONGODB_URI'];
  if (mongodbUri !== undefined) checkMongodbUri(mongodbUri, problems);
  let auth: AuthConfig | undefined;
  try {
    auth = loadAuthConfig(env);
  } catch (error) {
    problems.push(error instanceof Error ? error.message : String(error));
  }
  const personalData = readPersonalDataLocation(env, cwd, problems, undefined, 'for the gateway (staff read applicants\' data through it)');
  checkFingerprintSecret(env, personalData, problems);
  const warnings: string[] = [];
  checkSigningKey(env, shared.production, problems, warnings);
  const trustedProxies = readTrustedProxies(env, problems);
  if (problems.length || !auth) return fail('gateway', problems);
  return { ...shared, ...(mongodbUri ? { mongodbUri } : {}), ...(trustedProxies !== undefined ? { trustedProxies } : {}), personalData, auth, warnings };
};
