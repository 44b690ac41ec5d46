import { assertSafeForProduction, loadAuthConfig } from '@gongkai/auth';
import { signingKeyFrom } from '@gongkai/oversight/domain';
import { APP_PORT, GATEWAY, SIGNERS } from './expectations';

export type Environment = Readonly<Record<string, string | undefined>>;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
const NATS_URL = /^(nats|tls):\/\/\S+$/;
const EVENTSTORE_URL = /^(esdb|kurrentdb|esdb\+discover|kurrentdb\+discover):\/\//;
const MONGODB_URI = /^mongodb(\+srv)?:\/\//;

const isSigningKey = (pem: string): boolean => {
  try {
    return signingKeyFrom({ INTEGRITY_SIGNING_KEY: pem }).configured;
  } catch {
    return false;
  }
};

/** Unset and blank are the same thing in a manifest (libs/auth reads them so too). */
const present = (env: Environment, name: string): string | undefined => {
  const value = env[name]?.trim();
  return value ? value : undefined;
};

/**
 * The environment a process of the distributed topology gets from a deployment (compose or
 * Kubernetes), held to what its configuration loader accepts (libs/platform/src/distributed/
 * process-config.ts and the files beside it, libs/auth/src/auth-config.ts) and to what the
 * deployment around it assumes: it listens on 0.0.0.0:3000, every process keeps the personal-data
 * vault's keys in MongoDB (so that no process is held to one node), the gateway keeps its read
 * models there too, each context service keeps its events in EventStoreDB.
 */
export const checkProcessEnvironment = (app: string, env: Environment): string[] => {
  const problems: string[] = [];
  if (env['APP'] !== app) problems.push(`APP must be ${app} (is ${env['APP'] ?? 'unset'})`);

  const nats = present(env, 'NATS_URL');
  if (!nats) problems.push('NATS_URL is missing');
  else if (!nats.split(',').every((url) => NATS_URL.test(url.trim()))) problems.push(`NATS_URL must be nats://host:port (is ${nats})`);

  if (env['PORT'] !== String(APP_PORT)) problems.push(`PORT must be ${APP_PORT}, the port of the probes, the Service and the healthcheck (is ${env['PORT'] ?? 'unset'})`);
  if (env['HOST'] !== '0.0.0.0') problems.push(`HOST must be 0.0.0.0 in a container, or nothing outside it can connect (is ${env['HOST'] ?? 'unset'})`);
  const logLevel = env['LOG_LEVEL'];
  if (logLevel !== undefined && !LOG_LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (is ${logLevel})`);
  const timeout = env['COMMAND_TIMEOUT_MS'];
  if (timeout !== undefined && (!/^\d+$/.test(timeout) || Number(timeout) < 100 || Number(timeout) > 60_000)) problems.push(`COMMAND_TIMEOUT_MS must be 100 to 60000 (is ${timeout})`);
  const nodeEnv = present(env, 'NODE_ENV');
  if (!nodeEnv) problems.push('NODE_ENV is missing');
  const replicas = present(env, 'JETSTREAM_REPLICAS');
  if (replicas !== undefined && !/^[1-5]$/.test(replicas)) problems.push(`JETSTREAM_REPLICAS must be 1 to 5 (is ${replicas})`);

  // The personal-data vault: in MongoDB for every process, so that none is held to one node.
  const mongodb = present(env, 'MONGODB_URI');
  if (!mongodb) problems.push(`MONGODB_URI is missing: ${app === GATEWAY ? 'the gateway keeps its read models and ' : ''}the personal-data vault keeps its keys in MongoDB`);
  else if (!MONGODB_URI.test(mongodb)) problems.push('MONGODB_URI must be a mongodb:// or mongodb+srv:// connection string');
  if (present(env, 'PERSONAL_DATA_FILE')) problems.push('PERSONAL_DATA_FILE is set: an SQLite key table holds every process on one node, and with MONGODB_URI the process refuses it');
  const database = present(env, 'PERSONAL_DATA_DATABASE');
  if (database !== undefined && !/^[A-Za-z0-9_-]{1,63}$/.test(database)) problems.push(`PERSONAL_DATA_DATABASE must be a MongoDB database name (is ${database})`);

  if (SIGNERS.includes(app)) {
    const key = present(env, 'INTEGRITY_SIGNING_KEY');
    if (!key && nodeEnv === 'production') problems.push('INTEGRITY_SIGNING_KEY is missing: a process that signs integrity checkpoints refuses to start without it when NODE_ENV=production');
    else if (key && !isSigningKey(key)) problems.push('INTEGRITY_SIGNING_KEY must be an Ed25519 private key in PEM');
  }

  if (app === GATEWAY) {
    for (const name of ['EVENTSTORE_URL', 'EVENT_STORE_FILE']) if (present(env, name)) problems.push(`${name} is set on the gateway, which has no event store`);
    const fingerprint = present(env, 'APPLICANT_FINGERPRINT_SECRET');
    if (!fingerprint) problems.push('APPLICANT_FINGERPRINT_SECRET is missing: with the vault in MongoDB the gateway replicas share no file to keep it in');
    else if (Buffer.from(fingerprint, 'base64').length < 32) problems.push('APPLICANT_FINGERPRINT_SECRET must be base64 of at least 32 bytes');
    try {
      assertSafeForProduction(loadAuthConfig(env), env['NODE_ENV']);
    } catch (error) {
      problems.push((error instanceof Error ? error.message : String(error)).replace(/\n/g, ' '));
    }
  } else {
    const url = present(env, 'EVENTSTORE_URL');
    if (!url) problems.push('EVENTSTORE_URL is missing: a context service of the distributed topology keeps its events in EventStoreDB');
    else if (!EVENTSTORE_URL.test(url)) problems.push('EVENTSTORE_URL must be an esdb:// or kurrentdb:// connection string');
    if (present(env, 'EVENT_STORE_FILE')) problems.push('EVENT_STORE_FILE and EVENTSTORE_URL are both set');
    for (const name of ['AUTH_MODE', 'JWT_SECRET', 'OIDC_JWKS_URL', 'APPLICANT_FINGERPRINT_SECRET']) if (present(env, name)) problems.push(`${name} is set on a context service, which does not read it`);
  }
  return problems;
};
