import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parse } from 'yaml';
import { checkProcessEnvironment, type Environment } from './environment';
import { APP_PORT, APPS, CONTEXT_SERVICES, GATEWAY, SECRETS } from './expectations';
import { asArray, asObject, asString, isObject, type JsonObject, type Problem, problem } from './problems';

export const INFRA_SERVICES = ['kurrentdb', 'mongodb', 'nats'] as const;

/** What `npm run test:infra` points the contract suites at (docs/operations.md says the same). */
export const TEST_INFRA_ENVIRONMENT = {
  EVENTSTORE_URL: 'esdb://localhost:2113?tls=false',
  MONGODB_URI: 'mongodb://localhost:27017/gongkai-test?replicaSet=rs0',
} as const;

/**
 * What the operator exports before `docker compose up` (docs/operations.md, section 3): compose
 * refuses to start without them. The check stands in for them with the Secrets' stand-ins.
 */
export const OPERATOR_VARIABLES: Environment = {
  INTEGRITY_SIGNING_KEY: SECRETS['gongkai-integrity']['INTEGRITY_SIGNING_KEY'],
  APPLICANT_FINGERPRINT_SECRET: SECRETS['gongkai-applicant-fingerprint']['APPLICANT_FINGERPRINT_SECRET'],
};

const TOP_LEVEL_KEYS = new Set(['name', 'services', 'volumes', 'networks', 'configs', 'secrets', 'include']);
const SERVICE_KEYS = new Set([
  'build', 'cap_add', 'cap_drop', 'command', 'container_name', 'cpus', 'depends_on', 'deploy', 'entrypoint', 'env_file', 'environment', 'expose',
  'extends', 'extra_hosts', 'healthcheck', 'hostname', 'image', 'init', 'labels', 'logging', 'mem_limit', 'network_mode', 'networks', 'platform',
  'ports', 'profiles', 'pull_policy', 'read_only', 'restart', 'security_opt', 'shm_size', 'stop_grace_period', 'stop_signal', 'sysctls', 'tmpfs',
  'ulimits', 'user', 'volumes', 'working_dir',
]);
const HEALTHCHECK_KEYS = new Set(['test', 'interval', 'timeout', 'retries', 'start_period', 'start_interval', 'disable']);
const DEPENDENCY_CONDITIONS = new Set(['service_started', 'service_healthy', 'service_completed_successfully']);

export const loadCompose = (file: string): JsonObject => {
  const value: unknown = parse(readFileSync(file, 'utf8'), { merge: true });
  if (!isObject(value)) throw new Error(`${file} is not a compose file`);
  return value;
};

/** Compose's variable syntax, with the values of `variables` (the defaults when empty). */
export const interpolate = (text: string, variables: Environment = {}): string =>
  text.replace(/\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (whole, name?: string, operator?: string, operand?: string, bare?: string) => {
    if (whole === '$$') return '$';
    const variable = name ?? bare ?? '';
    const value = variables[variable];
    if (operator === ':-') return value ? value : (operand ?? '');
    if (operator === '-') return value ?? operand ?? '';
    if ((operator === ':?' && !value) || (operator === '?' && value === undefined)) throw new Error(`${variable} is required: ${operand ?? ''}`);
    return value ?? '';
  });

const environmentOf = (service: JsonObject, variables: Environment): Record<string, string> => {
  const raw = service['environment'];
  const entries: Array<[string, string]> = Array.isArray(raw)
    ? raw.map((entry) => {
        const [key, ...rest] = String(entry).split('=');
        return [key, rest.join('=')];
      })
    : Object.entries(asObject(raw)).map(([key, value]) => [key, value === null || value === undefined ? '' : String(value)]);
  return Object.fromEntries(entries.map(([key, value]) => [key, interpolate(value, variables)]));
};

/** A service with `extends` merged in (environment maps merge; other keys of the extending service win). */
export const resolveService = (file: string, name: string, depth = 0): JsonObject => {
  if (depth > 5) throw new Error(`${file}: extends of ${name} nests too deep`);
  const service = asObject(asObject(loadCompose(file)['services'])[name]);
  const extension = service['extends'];
  if (extension === undefined) return service;
  const { file: baseFile, service: baseName } = typeof extension === 'string' ? { file: undefined, service: extension } : asObject(extension);
  const basePath = typeof baseFile === 'string' ? resolve(dirname(file), baseFile) : file;
  const base = resolveService(basePath, String(baseName), depth + 1);
  const merged: Record<string, unknown> = { ...base, ...service };
  delete merged['extends'];
  const environment = { ...asObject(base['environment']), ...asObject(service['environment']) };
  if (Object.keys(environment).length > 0) merged['environment'] = environment;
  return merged;
};

const pinnedImage = (image: string | undefined): boolean => {
  if (!image) return false;
  const last = image.slice(image.lastIndexOf('/') + 1);
  return last.includes(':') && !image.endsWith(':latest');
};

const seconds = (duration: unknown): number => {
  const text = String(duration ?? '');
  let total = 0;
  for (const [, amount, unit] of text.matchAll(/(\d+(?:\.\d+)?)(h|m|s|ms|us)/g)) total += Number(amount) * ({ h: 3600, m: 60, s: 1, ms: 1e-3, us: 1e-6 }[unit] ?? 0);
  return total;
};

const publishedPorts = (service: JsonObject): string[] => asArray(service['ports']).map((port) => String(port));

const commandWords = (service: JsonObject): string[] => {
  const command = service['command'];
  return Array.isArray(command) ? command.map(String) : typeof command === 'string' ? command.split(/\s+/) : [];
};

const healthcheckText = (service: JsonObject): string => asArray(asObject(service['healthcheck'])['test']).map(String).join(' ');

/** Keys a compose implementation would reject or ignore: usually a typo. */
const checkKeys = (file: string, document: JsonObject): Problem[] => {
  const problems: Problem[] = [];
  for (const key of Object.keys(document)) if (!TOP_LEVEL_KEYS.has(key) && !key.startsWith('x-')) problems.push(problem(file, `unknown top-level key ${key}`));
  for (const [name, value] of Object.entries(asObject(document['services']))) {
    const service = asObject(value);
    for (const key of Object.keys(service)) if (!SERVICE_KEYS.has(key)) problems.push(problem(`${file}: services.${name}`, `unknown key ${key}`));
    for (const key of Object.keys(asObject(service['healthcheck']))) if (!HEALTHCHECK_KEYS.has(key)) problems.push(problem(`${file}: services.${name}.healthcheck`, `unknown key ${key}`));
  }
  return problems;
};

/** Named volumes a service mounts must be declared at the top level. */
const checkVolumes = (file: string, document: JsonObject, services: ReadonlyMap<string, JsonObject>): Problem[] => {
  const declared = new Set(Object.keys(asObject(document['volumes'])));
  const problems: Problem[] = [];
  for (const [name, service] of services) {
    for (const volume of asArray(service['volumes'])) {
      const source = String(volume).split(':')[0];
      if (!source.startsWith('.') && !source.startsWith('/') && !declared.has(source)) problems.push(problem(`${file}: services.${name}`, `volume ${source} is not declared`));
    }
  }
  return problems;
};

const mountsAt = (service: JsonObject, path: string): boolean => asArray(service['volumes']).some((volume) => String(volume).split(':')[1] === path);

/** NATS with JetStream, KurrentDB and a MongoDB replica set, each pinned, persisted and health-checked. */
const checkInfraServices = (file: string, services: ReadonlyMap<string, JsonObject>, memberHost: string): Problem[] => {
  const problems: Problem[] = [];
  for (const name of INFRA_SERVICES) {
    const service = services.get(name);
    const at = `${file}: services.${name}`;
    if (!service) {
      problems.push(problem(file, `no ${name} service`));
      continue;
    }
    if (!pinnedImage(asString(service['image']))) problems.push(problem(at, `image ${String(service['image'])} must carry a version tag other than latest`));
    if (!healthcheckText(service)) problems.push(problem(at, 'no healthcheck'));
  }
  const nats = services.get('nats');
  if (nats) {
    const words = commandWords(nats);
    if (!words.includes('-js') && !words.includes('--jetstream')) problems.push(problem(`${file}: services.nats`, 'JetStream is off (-js)'));
    const storeFlag = words.findIndex((word) => word === '-sd' || word === '--store_dir');
    if (storeFlag < 0 || !mountsAt(nats, words[storeFlag + 1])) problems.push(problem(`${file}: services.nats`, 'the JetStream store directory (-sd) is not on a volume'));
    if (!publishedPorts(nats).some((port) => port.endsWith(':4222'))) problems.push(problem(`${file}: services.nats`, 'client port 4222 is not published'));
  }
  const kurrentdb = services.get('kurrentdb');
  if (kurrentdb) {
    const env = environmentOf(kurrentdb, {});
    if (env['KURRENTDB_INSECURE'] !== 'true') problems.push(problem(`${file}: services.kurrentdb`, 'local KurrentDB must be insecure, or esdb://…?tls=false cannot connect'));
    if (env['KURRENTDB_CLUSTER_SIZE'] !== '1') problems.push(problem(`${file}: services.kurrentdb`, 'local KurrentDB is a single node'));
    if (!mountsAt(kurrentdb, '/var/lib/kurrentdb')) problems.push(problem(`${file}: services.kurrentdb`, 'its data (/var/lib/kurrentdb) is not on a volume'));
    if (!publishedPorts(kurrentdb).some((port) => port.endsWith(':2113'))) problems.push(problem(`${file}: services.kurrentdb`, 'port 2113 is not published'));
  }
  const mongodb = services.get('mongodb');
  if (mongodb) {
    const at = `${file}: services.mongodb`;
    const words = commandWords(mongodb);
    if (words[words.indexOf('--replSet') + 1] !== 'rs0' || !words.includes('--replSet')) problems.push(problem(at, 'mongod must run with --replSet rs0'));
    const health = healthcheckText(mongodb);
    if (!health.includes('rs.initiate') || !health.includes("'rs0'")) problems.push(problem(at, 'the healthcheck must initiate rs0'));
    if (environmentOf(mongodb, {})['RS_MEMBER_HOST'] !== memberHost) problems.push(problem(at, `the replica set member must be ${memberHost} (RS_MEMBER_HOST)`));
    if (!mountsAt(mongodb, '/data/db')) problems.push(problem(at, 'its data (/data/db) is not on a volume'));
    if (!publishedPorts(mongodb).some((port) => port.endsWith(':27017'))) problems.push(problem(at, 'port 27017 is not published'));
  }
  return problems;
};

const servicesOf = (file: string, document: JsonObject): Map<string, JsonObject> =>
  new Map(Object.keys(asObject(document['services'])).map((name) => [name, resolveService(file, name)]));

/** compose.infra.yaml: exactly the three servers, reachable from the host as `npm run test:infra` expects. */
export const checkComposeInfra = (directory: string): Problem[] => {
  const file = resolve(directory, 'compose.infra.yaml');
  const label = 'deploy/compose/compose.infra.yaml';
  if (!existsSync(file)) return [problem(label, 'missing')];
  const document = loadCompose(file);
  const services = servicesOf(file, document);
  const problems = [...checkKeys(label, document), ...checkVolumes(label, document, services)];
  const names = [...services.keys()].sort();
  if (names.join(',') !== [...INFRA_SERVICES].join(',')) problems.push(problem(label, `services are ${names.join(', ')}; expected ${INFRA_SERVICES.join(', ')}`));
  const mongoUrl = new URL(TEST_INFRA_ENVIRONMENT.MONGODB_URI);
  problems.push(...checkInfraServices(label, services, mongoUrl.host));
  if (mongoUrl.searchParams.get('replicaSet') !== 'rs0') problems.push(problem(label, 'the test:infra MongoDB URI must name replicaSet rs0'));
  return problems;
};

const urlHost = (url: string | undefined): string | undefined => {
  try {
    return url ? new URL(url.split(',')[0]).host : undefined;
  } catch {
    return undefined;
  }
};

/** compose.yaml: the servers (extended from compose.infra.yaml), the gateway and every context service. */
export const checkCompose = (directory: string, repositoryRoot: string, variables: Environment = OPERATOR_VARIABLES): Problem[] => {
  const file = resolve(directory, 'compose.yaml');
  const label = 'deploy/compose/compose.yaml';
  if (!existsSync(file)) return [problem(label, 'missing')];
  const document = loadCompose(file);
  const services = servicesOf(file, document);
  const problems = [...checkKeys(label, document), ...checkVolumes(label, document, services)];
  const expected = [...INFRA_SERVICES, ...APPS].sort();
  const names = [...services.keys()].sort();
  if (names.join(',') !== expected.join(',')) problems.push(problem(label, `services are ${names.join(', ')}; expected ${expected.join(', ')}`));

  for (const name of INFRA_SERVICES) {
    const extension = asObject(asObject(asObject(document['services'])[name])['extends']);
    if (extension['file'] !== 'compose.infra.yaml' || extension['service'] !== name) problems.push(problem(`${label}: services.${name}`, 'must extend the same service of compose.infra.yaml, so that the two files cannot drift'));
  }
  problems.push(...checkInfraServices(label, services, 'mongodb:27017'));

  const images = new Set<string>();
  for (const app of APPS) {
    const service = services.get(app);
    const at = `${label}: services.${app}`;
    if (!service) continue;
    const build = asObject(service['build']);
    const dockerfile = resolve(directory, String(build['context'] ?? '.'), String(build['dockerfile'] ?? 'Dockerfile'));
    if (dockerfile !== resolve(repositoryRoot, 'deploy', 'Dockerfile')) problems.push(problem(at, 'must build deploy/Dockerfile from the repository root'));
    else if (!existsSync(dockerfile)) problems.push(problem(at, 'deploy/Dockerfile does not exist'));
    images.add(String(service['image']));
    let env: Record<string, string> = {};
    try {
      env = environmentOf(service, variables);
    } catch (error) {
      problems.push(problem(at, error instanceof Error ? error.message : String(error)));
    }
    for (const message of checkProcessEnvironment(app, env)) problems.push(problem(at, message));
    const health = healthcheckText(service);
    if (!health.includes(`:${APP_PORT}/health/ready`)) problems.push(problem(at, `the healthcheck must GET /health/ready on port ${APP_PORT}`));
    if (service['read_only'] !== true || !asArray(service['tmpfs']).includes('/tmp')) problems.push(problem(at, 'must run with a read-only root and a tmpfs /tmp'));
    if (!asArray(service['cap_drop']).includes('ALL')) problems.push(problem(at, 'must drop ALL capabilities'));
    if (seconds(service['stop_grace_period']) < 15) problems.push(problem(at, 'stop_grace_period must leave the 10 s graceful shutdown room (15 s or more)'));

    const dependsOn = asObject(service['depends_on']);
    const needs: readonly string[] = app === GATEWAY ? ['nats', 'mongodb'] : ['nats', 'kurrentdb', 'mongodb'];
    for (const dependency of needs) {
      if (asObject(dependsOn[dependency])['condition'] !== 'service_healthy') problems.push(problem(at, `must wait for ${dependency} to be healthy (depends_on condition service_healthy)`));
    }
    for (const [dependency, value] of Object.entries(dependsOn)) {
      if (!services.has(dependency)) problems.push(problem(at, `depends on ${dependency}, which is not a service`));
      if (!DEPENDENCY_CONDITIONS.has(String(asObject(value)['condition']))) problems.push(problem(at, `depends_on ${dependency} has no valid condition`));
    }
    if (urlHost(env['NATS_URL']) !== 'nats:4222') problems.push(problem(at, 'NATS_URL must point at the nats service (nats://nats:4222)'));
    if (urlHost(env['MONGODB_URI']) !== 'mongodb:27017') problems.push(problem(at, 'MONGODB_URI must point at the mongodb service, as its replica set member is named'));
    if (app === GATEWAY) {
      if (!publishedPorts(service).some((port) => port.endsWith(`:${APP_PORT}`))) problems.push(problem(at, `port ${APP_PORT} is not published`));
    } else if (urlHost(env['EVENTSTORE_URL']) !== 'kurrentdb:2113') problems.push(problem(at, 'EVENTSTORE_URL must point at the kurrentdb service'));
  }
  if (images.size > 1) problems.push(problem(label, `the processes run different images (${[...images].join(', ')}); deploy/Dockerfile builds one for all`));
  for (const context of CONTEXT_SERVICES) if (!services.has(context)) problems.push(problem(label, `no ${context} service`));
  return problems;
};
