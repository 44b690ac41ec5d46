import { assertSafeForProduction, loadAuthConfig } from '@gongkai/auth';
import { APP_PORT, GATEWAY } from './expectations';

export type Environment = Readonly<Record<string, string | undefined>>;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
const NATS_URL = /^(nats|tls):\/\/\S+$/;
const EVENTSTORE_URL = /^(esdb|kurrentdb|esdb\+discover|kurrentdb\+discover):\/\//;
const MONGODB_URI = /^mongodb(\+srv)?:\/\//;

/** Unset and blank are the same thing in a manifest (libs/auth reads them so too). */
const present = (env: Environment, name: string): string | undefined => {
  const value = env[name]?.trim();
  return value ? value : undefined;
};

/**
 * The environment a process of the distributed topology gets from a deployment (compose or
 * Kubernetes), held to what its configuration loader accepts (libs/platform/src/distributed/
 * process-config.ts, libs/auth/src/auth-config.ts) and to what the deployment around it assumes:
 * it listens on 0.0.0.0:3000, the gateway keeps its read models in MongoDB, each context service
 * keeps its events in EventStoreDB.
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
  if (!present(env, 'NODE_ENV')) problems.push('NODE_ENV is missing');
  // The personal-data vault's key table: the gateway always opens it, a service on EventStoreDB too.
  const vault = present(env, 'PERSONAL_DATA_FILE');
  const needsVault = app === GATEWAY || present(env, 'EVENTSTORE_URL') !== undefined;
  if (needsVault && !vault) problems.push('PERSONAL_DATA_FILE is missing: the key table of the personal-data vault');
  else if (vault && !vault.startsWith('/')) problems.push(`PERSONAL_DATA_FILE must be an absolute path on the shared volume (is ${vault})`);

  if (app === GATEWAY) {
    const mongodb = present(env, 'MONGODB_URI');
    if (!mongodb) problems.push('MONGODB_URI is missing: the distributed gateway keeps its read models in MongoDB');
    else if (!MONGODB_URI.test(mongodb)) problems.push('MONGODB_URI must be a mongodb:// or mongodb+srv:// connection string');
    for (const name of ['EVENTSTORE_URL', 'EVENT_STORE_FILE']) if (present(env, name)) problems.push(`${name} is set on the gateway, which has no event store`);
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
    for (const name of ['MONGODB_URI', 'AUTH_MODE', 'JWT_SECRET', 'OIDC_JWKS_URL']) if (present(env, name)) problems.push(`${name} is set on a context service, which does not read it`);
  }
  return problems;
};
