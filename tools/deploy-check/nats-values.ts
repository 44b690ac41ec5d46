import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { NATS_BOX_LABELS, NATS_SERVERS } from './expectations';
import { asObject, isObject, type JsonObject, parseQuantity, type Problem, problem } from './problems';

/** Helm's merge of values files: maps merge key by key, everything else is replaced. */
export const mergeValues = (base: unknown, override: unknown): unknown => {
  if (!isObject(base) || !isObject(override)) return override === undefined ? base : override;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) merged[key] = mergeValues(base[key], value);
  return merged;
};

const at = (values: unknown, path: string): unknown => path.split('.').reduce<unknown>((value, key) => asObject(value)[key], values);

const load = (file: string): JsonObject => {
  const value: unknown = parse(readFileSync(file, 'utf8'));
  return isObject(value) ? value : {};
};

/** The securityContext and resources a container of the chart gets through `merge`. */
const checkContainer = (where: string, merge: unknown): Problem[] => {
  const problems: Problem[] = [];
  const context = asObject(at(merge, 'securityContext'));
  if (context['runAsNonRoot'] !== true) problems.push(problem(where, 'runAsNonRoot must be true'));
  if (context['allowPrivilegeEscalation'] !== false) problems.push(problem(where, 'allowPrivilegeEscalation must be false'));
  const drop = at(context, 'capabilities.drop');
  if (!Array.isArray(drop) || !drop.includes('ALL')) problems.push(problem(where, 'must drop ALL capabilities'));
  if (at(context, 'seccompProfile.type') !== 'RuntimeDefault') problems.push(problem(where, 'seccompProfile must be RuntimeDefault'));
  for (const kind of ['requests', 'limits']) {
    for (const resource of ['cpu', 'memory']) {
      if (parseQuantity(at(merge, `resources.${kind}.${resource}`)) === undefined) problems.push(problem(where, `no ${resource} ${kind === 'requests' ? 'request' : 'limit'}`));
    }
  }
  return problems;
};

const checkPod = (where: string, spec: unknown): Problem[] => {
  const context = asObject(at(spec, 'securityContext'));
  const problems: Problem[] = [];
  if (context['runAsNonRoot'] !== true) problems.push(problem(where, 'pod runAsNonRoot must be true'));
  if (at(context, 'seccompProfile.type') !== 'RuntimeDefault') problems.push(problem(where, 'pod seccompProfile must be RuntimeDefault'));
  return problems;
};

export interface NatsValuesResult {
  readonly problems: Problem[];
  /** The labels nats-box pods get, for the NetworkPolicy evaluation. */
  readonly natsBoxLabels: Readonly<Record<string, string>>;
}

/**
 * deploy/k8s/nats-values.yaml (development, one server) and nats-values-prod.yaml on top of it
 * (a cluster of three): JetStream on a volume, a pinned server image, every container fit for a
 * namespace that enforces Pod Security "restricted". Helm is not run here: the keys follow the
 * chart's 1.x values layout.
 */
export const checkNatsValues = (directory: string): NatsValuesResult => {
  const baseFile = resolve(directory, 'nats-values.yaml');
  const prodFile = resolve(directory, 'nats-values-prod.yaml');
  const problems: Problem[] = [];
  for (const file of [baseFile, prodFile]) if (!existsSync(file)) problems.push(problem(`deploy/k8s/${file.slice(directory.length + 1)}`, 'missing'));
  if (problems.length > 0) return { problems, natsBoxLabels: NATS_BOX_LABELS };
  const dev = load(baseFile);
  const prod = mergeValues(dev, load(prodFile));
  const where = 'deploy/k8s/nats-values.yaml';

  for (const [name, values] of [
    ['dev', dev],
    ['prod', prod],
  ] as const) {
    const label = `${where} (${name})`;
    if (at(values, 'config.jetstream.enabled') !== true) problems.push(problem(label, 'JetStream is off'));
    if (at(values, 'config.jetstream.fileStore.enabled') !== true || at(values, 'config.jetstream.fileStore.pvc.enabled') !== true) {
      problems.push(problem(label, 'JetStream must store its streams on a PersistentVolumeClaim'));
    }
    const tag = String(at(values, 'container.image.tag') ?? '');
    if (!/^\d+\.\d+\.\d+/.test(tag)) problems.push(problem(label, `container.image.tag ${tag || '(unset)'} must pin a NATS server version`));
    else if (Number(tag.split('.')[0]) < 2 || (Number(tag.split('.')[0]) === 2 && Number(tag.split('.')[1]) < 10)) problems.push(problem(label, `NATS ${tag} is older than 2.10`));
  }
  if (at(dev, 'config.cluster.enabled') === true) problems.push(problem(`${where} (dev)`, 'development runs one server, without a cluster'));
  if (at(prod, 'config.cluster.enabled') !== true || at(prod, 'config.cluster.replicas') !== NATS_SERVERS.prod) {
    problems.push(problem('deploy/k8s/nats-values-prod.yaml', `production is a cluster of ${NATS_SERVERS.prod} servers (JETSTREAM_REPLICAS in overlays/prod)`));
  }
  if (at(prod, 'podDisruptionBudget.enabled') !== true) problems.push(problem(where, 'the chart\'s PodDisruptionBudget must be on'));

  problems.push(...checkContainer(`${where}: container`, at(prod, 'container.merge')));
  if (at(prod, 'reloader.enabled') !== false) problems.push(...checkContainer(`${where}: reloader`, at(prod, 'reloader.merge')));
  if (at(prod, 'promExporter.enabled') === true) problems.push(...checkContainer(`${where}: promExporter`, at(prod, 'promExporter.merge')));
  problems.push(...checkPod(`${where}: podTemplate`, at(prod, 'podTemplate.merge.spec')));

  let natsBoxLabels: Record<string, string> = { ...NATS_BOX_LABELS };
  if (at(prod, 'natsBox.enabled') !== false) {
    problems.push(...checkContainer(`${where}: natsBox`, at(prod, 'natsBox.container.merge')));
    problems.push(...checkPod(`${where}: natsBox.podTemplate`, at(prod, 'natsBox.podTemplate.merge.spec')));
    const extra = asObject(at(prod, 'natsBox.podTemplate.merge.metadata.labels'));
    natsBoxLabels = { ...natsBoxLabels, ...Object.fromEntries(Object.entries(extra).map(([key, value]) => [key, String(value)])) };
  }
  return { problems, natsBoxLabels };
};
