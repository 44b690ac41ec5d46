import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IStatefulSet } from 'kubernetes-models/apps/v1/StatefulSet';
import type { IHorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import type { IJob } from 'kubernetes-models/batch/v1/Job';
import type { IIngress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import type { IPodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import type { IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { INamespace } from 'kubernetes-models/v1/Namespace';
import type { IPodSpec } from 'kubernetes-models/v1/PodSpec';
import type { IProbe } from 'kubernetes-models/v1/Probe';
import type { IService } from 'kubernetes-models/v1/Service';
import { checkProcessEnvironment } from './environment';
import {
  APP_CONTAINER,
  APP_PORT,
  APP_SHUTDOWN_SECONDS,
  APP_UID,
  APPS,
  CLUSTER_NAMESPACES,
  CONTEXT_SERVICES,
  GATEWAY,
  NAMESPACE,
  NATS_BOX_LABELS,
  NATS_SERVER_LABELS,
  NATS_SERVERS,
  type OverlayName,
  SECRETS,
} from './expectations';
import { type Endpoint, NetworkPolicies, selectorMatches, type Traffic } from './network';
import { parseQuantity, type Problem, problem } from './problems';
import { describe, type RenderedObject } from './render';

/** A Deployment, StatefulSet or Job: something that runs pods from a template. */
interface Workload {
  readonly object: RenderedObject;
  readonly labels: Readonly<Record<string, string>>;
  readonly pod: IPodSpec;
  /** Deployments and StatefulSets run until stopped; Jobs finish. */
  readonly longRunning: boolean;
}

const as = <T>(object: RenderedObject): T => object.raw as unknown as T;

const workloadsOf = (objects: readonly RenderedObject[]): Workload[] =>
  objects.flatMap((object): Workload[] => {
    if (object.kind === 'Deployment' || object.kind === 'StatefulSet') {
      const template = as<IDeployment | IStatefulSet>(object).spec?.template;
      return [{ object, labels: template?.metadata?.labels ?? {}, pod: template?.spec ?? { containers: [] }, longRunning: true }];
    }
    if (object.kind === 'Job') {
      const template = as<IJob>(object).spec?.template;
      return [{ object, labels: template?.metadata?.labels ?? {}, pod: template?.spec ?? { containers: [] }, longRunning: false }];
    }
    return [];
  });

const LATEST = /:latest$/;

/** An image reference that pins a version: a tag other than `latest`, or a digest. */
const pinned = (image: string | undefined): boolean => {
  if (!image) return false;
  if (image.includes('@sha256:')) return true;
  const lastSegment = image.slice(image.lastIndexOf('/') + 1);
  return lastSegment.includes(':') && !LATEST.test(image);
};

/** Pod Security "restricted", plus our own rules: read-only root with a writable /tmp, limits, pinned images. */
const checkPodSecurity = (workload: Workload, where: string): Problem[] => {
  const problems: Problem[] = [];
  const at = `${where}: ${describe(workload.object)}`;
  const pod = workload.pod;
  const podContext = pod.securityContext ?? {};
  if (pod.hostNetwork || pod.hostPID || pod.hostIPC) problems.push(problem(at, 'uses a host namespace'));
  if (pod.automountServiceAccountToken !== false) problems.push(problem(at, 'automountServiceAccountToken must be false: nothing of ours talks to the Kubernetes API'));
  // Service links would put KURRENTDB_PORT, NATS_PORT… into every container's environment, where
  // KurrentDB reads KURRENTDB_* as its own options.
  if (pod.enableServiceLinks !== false) problems.push(problem(at, 'enableServiceLinks must be false'));
  for (const volume of pod.volumes ?? []) if (volume.hostPath) problems.push(problem(at, `volume ${volume.name} is a hostPath`));
  if (podContext.runAsUser === 0) problems.push(problem(at, 'runs as root (runAsUser 0)'));

  const containers = [...(pod.initContainers ?? []).map((c) => ({ c, init: true })), ...pod.containers.map((c) => ({ c, init: false }))];
  for (const { c, init } of containers) {
    const here = `${at} container ${c.name}`;
    const context = c.securityContext ?? {};
    if ((context.runAsNonRoot ?? podContext.runAsNonRoot) !== true) problems.push(problem(here, 'runAsNonRoot must be true'));
    if ((context.runAsUser ?? podContext.runAsUser) === 0) problems.push(problem(here, 'runs as root'));
    const seccomp = context.seccompProfile?.type ?? podContext.seccompProfile?.type;
    if (seccomp !== 'RuntimeDefault' && seccomp !== 'Localhost') problems.push(problem(here, 'seccompProfile must be RuntimeDefault'));
    if (context.allowPrivilegeEscalation !== false) problems.push(problem(here, 'allowPrivilegeEscalation must be false'));
    if (context.privileged) problems.push(problem(here, 'is privileged'));
    if (!(context.capabilities?.drop ?? []).includes('ALL')) problems.push(problem(here, 'must drop ALL capabilities'));
    if ((context.capabilities?.add ?? []).length > 0) problems.push(problem(here, `adds capabilities ${(context.capabilities?.add ?? []).join(', ')}`));
    if (context.readOnlyRootFilesystem !== true) problems.push(problem(here, 'readOnlyRootFilesystem must be true'));
    else {
      const tmp = (c.volumeMounts ?? []).find((mount) => mount.mountPath === '/tmp');
      const volume = tmp && (pod.volumes ?? []).find((v) => v.name === tmp.name);
      if (!volume?.emptyDir) problems.push(problem(here, 'a read-only root needs an emptyDir mounted on /tmp'));
    }
    if (!pinned(c.image)) problems.push(problem(here, `image ${c.image ?? '(none)'} must carry a version tag other than latest`));
    const requests = c.resources?.requests ?? {};
    const limits = c.resources?.limits ?? {};
    for (const resource of ['cpu', 'memory']) {
      const request = parseQuantity(requests[resource]);
      const limit = parseQuantity(limits[resource]);
      if (request === undefined) problems.push(problem(here, `no ${resource} request`));
      if (limit === undefined) problems.push(problem(here, `no ${resource} limit`));
      if (request !== undefined && limit !== undefined && limit < request) problems.push(problem(here, `${resource} limit ${limits[resource]} is below its request ${requests[resource]}`));
    }
    if (workload.longRunning && !init) {
      for (const probe of ['startupProbe', 'readinessProbe', 'livenessProbe'] as const) if (!c[probe]) problems.push(problem(here, `no ${probe}`));
    }
    // $(NAME) in a value only expands when NAME is defined earlier in the list.
    const defined = new Set<string>();
    for (const variable of c.env ?? []) {
      for (const match of (variable.value ?? '').matchAll(/\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g)) {
        if (!defined.has(match[1])) problems.push(problem(here, `${variable.name} refers to $(${match[1]}), which is not defined before it`));
      }
      defined.add(variable.name);
    }
  }
  return problems;
};

/** The environment a container gets, with the configured ConfigMaps and stand-ins for the Secrets. */
const resolveEnvironment = (container: IContainer, configMaps: ReadonlyMap<string, Readonly<Record<string, string>>>, at: string, problems: Problem[]): Record<string, string> => {
  const env: Record<string, string> = {};
  for (const source of container.envFrom ?? []) {
    const prefix = source.prefix ?? '';
    const configMap = source.configMapRef?.name;
    const secret = source.secretRef?.name;
    const values = configMap !== undefined ? configMaps.get(configMap) : secret !== undefined ? SECRETS[secret] : undefined;
    if (!values) {
      problems.push(problem(at, `envFrom names ${configMap ?? secret}, which ${configMap !== undefined ? 'the overlay does not render' : 'is not a documented Secret (tools/deploy-check/expectations.ts)'}`));
      continue;
    }
    for (const [key, value] of Object.entries(values)) env[prefix + key] = value;
  }
  for (const variable of container.env ?? []) {
    const from = variable.valueFrom;
    if (variable.value !== undefined) env[variable.name] = variable.value.replace(/\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g, (_, name: string) => env[name] ?? '');
    else if (from?.secretKeyRef) {
      const value = SECRETS[from.secretKeyRef.name ?? '']?.[from.secretKeyRef.key];
      if (value === undefined) problems.push(problem(at, `${variable.name} reads key ${from.secretKeyRef.key} of Secret ${from.secretKeyRef.name}, which is not documented (tools/deploy-check/expectations.ts)`));
      else env[variable.name] = value;
    } else if (from?.configMapKeyRef) {
      const value = configMaps.get(from.configMapKeyRef.name ?? '')?.[from.configMapKeyRef.key];
      if (value === undefined) problems.push(problem(at, `${variable.name} reads key ${from.configMapKeyRef.key} of ConfigMap ${from.configMapKeyRef.name}, which is not rendered`));
      else env[variable.name] = value;
    } else env[variable.name] = 'from-the-pod';
  }
  return env;
};

const SECRET_NAME = /(SECRET|PASSWORD|PASSWD|TOKEN|PRIVATE_KEY|SIGNING_KEY|CREDENTIAL)/i;
const URL_WITH_CREDENTIALS = /:\/\/[^/\s:@]+:[^/\s@]+@/;

/** No Secret objects, and nothing that looks like one in a ConfigMap or a literal env value. */
const checkNoLiteralSecrets = (objects: readonly RenderedObject[], workloads: readonly Workload[], where: string): Problem[] => {
  const problems: Problem[] = [];
  for (const object of objects) {
    if (object.kind === 'Secret') problems.push(problem(`${where}: ${describe(object)}`, 'a Secret in the manifests: the operator creates Secrets (docs/operations.md)'));
    if (object.kind === 'ConfigMap') {
      for (const [key, value] of Object.entries(as<IConfigMap>(object).data ?? {})) {
        if (SECRET_NAME.test(key) || URL_WITH_CREDENTIALS.test(value)) problems.push(problem(`${where}: ${describe(object)}`, `${key} looks like a secret; put it in a Secret`));
      }
    }
  }
  for (const workload of workloads) {
    for (const container of [...(workload.pod.initContainers ?? []), ...workload.pod.containers]) {
      for (const variable of container.env ?? []) {
        if (variable.value === undefined) continue;
        // A path to a key file is not a secret; the key in it is.
        const names = SECRET_NAME.test(variable.name) && !/_(FILE|PATH)$/.test(variable.name);
        if (names || URL_WITH_CREDENTIALS.test(variable.value)) {
          problems.push(problem(`${where}: ${describe(workload.object)} container ${container.name}`, `${variable.name} is a literal value but looks like a secret`));
        }
      }
    }
  }
  return problems;
};

const namedPorts = (pod: IPodSpec): Record<string, number> =>
  Object.fromEntries(pod.containers.flatMap((c) => (c.ports ?? []).filter((p) => p.name).map((p) => [p.name as string, p.containerPort])));

const probeTarget = (probe: IProbe | undefined, pod: IPodSpec): { path?: string; port?: number } => {
  const get = probe?.httpGet;
  if (!get) return {};
  const port = typeof get.port === 'number' ? get.port : namedPorts(pod)[get.port];
  return { path: get.path, port };
};

/** The gateway and every context service: one image, APP chooses; probes on /health/*; the graceful stop. */
const checkApps = (objects: readonly RenderedObject[], configMaps: ReadonlyMap<string, Readonly<Record<string, string>>>, overlay: OverlayName, where: string): Problem[] => {
  const problems: Problem[] = [];
  const deployments = objects.filter((o) => o.kind === 'Deployment');
  const names = deployments.map((d) => d.name).sort();
  if (names.join(',') !== [...APPS].sort().join(',')) problems.push(problem(where, `Deployments are ${names.join(', ')}; expected exactly ${APPS.join(', ')}`));

  for (const object of deployments) {
    const at = `${where}: ${describe(object)}`;
    const deployment = as<IDeployment>(object);
    const pod = deployment.spec?.template.spec;
    if (!pod) continue;
    if (deployment.spec?.replicas !== undefined) problems.push(problem(at, 'sets replicas, which its HorizontalPodAutoscaler owns (kubectl apply would reset the count)'));
    const container = pod.containers.find((c) => c.name === APP_CONTAINER);
    if (!container) {
      problems.push(problem(at, `no container named ${APP_CONTAINER}`));
      continue;
    }
    if ((container.securityContext?.runAsUser ?? pod.securityContext?.runAsUser) !== APP_UID) problems.push(problem(at, `must run as uid ${APP_UID} (node)`));
    if (!(container.ports ?? []).some((p) => p.containerPort === APP_PORT)) problems.push(problem(at, `container port ${APP_PORT} is not declared`));

    const expectations: Array<[string, IProbe | undefined, string]> = [
      ['startupProbe', container.startupProbe, '/health/live'],
      ['livenessProbe', container.livenessProbe, '/health/live'],
      ['readinessProbe', container.readinessProbe, '/health/ready'],
    ];
    for (const [name, probe, path] of expectations) {
      const target = probeTarget(probe, pod);
      if (target.path !== path || target.port !== APP_PORT) problems.push(problem(at, `${name} must GET ${path} on port ${APP_PORT} (is ${target.path ?? '-'} on ${target.port ?? '-'})`));
    }

    const preStop = container.lifecycle?.preStop;
    const command = preStop?.exec?.command ?? [];
    const pause = preStop?.sleep?.seconds ?? (command[0] === 'sleep' ? Number(command[1]) : NaN);
    if (!(pause > 0)) problems.push(problem(at, 'needs a preStop pause (exec sleep), so that endpoints drop the pod before SIGTERM'));
    const grace = pod.terminationGracePeriodSeconds ?? 30;
    if (pause > 0 && grace < pause + APP_SHUTDOWN_SECONDS + 5) {
      problems.push(problem(at, `terminationGracePeriodSeconds ${grace} leaves less than the ${APP_SHUTDOWN_SECONDS} s shutdown plus margin after the ${pause} s preStop pause`));
    }

    const envProblems: Problem[] = [];
    const env = resolveEnvironment(container, configMaps, at, envProblems);
    problems.push(...envProblems);
    for (const message of checkProcessEnvironment(object.name, env)) problems.push(problem(at, message));
    if (env['JETSTREAM_REPLICAS'] !== String(NATS_SERVERS[overlay])) {
      problems.push(problem(at, `JETSTREAM_REPLICAS is ${env['JETSTREAM_REPLICAS'] ?? 'unset'}; ${overlay} runs ${NATS_SERVERS[overlay]} NATS server(s), and the streams get a replica on each`));
    }
    // Every process is stateless (its stores are KurrentDB, MongoDB and NATS), so any node may run it.
    const pinned = (pod.affinity?.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []).some((term) => term.topologyKey === 'kubernetes.io/hostname');
    if (pinned) problems.push(problem(at, 'is held on the node of other pods (required pod affinity on kubernetes.io/hostname); nothing of ours needs that, and it puts every replica on one node'));
    for (const volume of pod.volumes ?? []) {
      if (volume.persistentVolumeClaim) problems.push(problem(at, `mounts PersistentVolumeClaim ${volume.persistentVolumeClaim.claimName}: a ReadWriteOnce volume holds every replica on one node`));
    }

    const isContext = (CONTEXT_SERVICES as readonly string[]).includes(object.name);
    const labels = deployment.spec?.template.metadata?.labels ?? {};
    const component = labels['app.kubernetes.io/component'];
    const expectedComponent = object.name === GATEWAY ? 'gateway' : 'context-service';
    if (component !== expectedComponent) problems.push(problem(at, `pod label app.kubernetes.io/component is ${component}; expected ${expectedComponent}`));
    if (overlay === 'prod' && isContext && env['EVENTSTORE_URL'] && !(container.volumeMounts ?? []).some((m) => m.mountPath === '/etc/gongkai/kurrentdb-ca')) {
      problems.push(problem(at, 'prod: the KurrentDB CA (tlsCAFile) is not mounted on /etc/gongkai/kurrentdb-ca'));
    }
  }
  return problems;
};

/** A PodDisruptionBudget for every Deployment and StatefulSet; an HPA for the gateway and every context service. */
const checkAvailability = (objects: readonly RenderedObject[], workloads: readonly Workload[], overlay: OverlayName, where: string): Problem[] => {
  const problems: Problem[] = [];
  const budgets = objects.filter((o) => o.kind === 'PodDisruptionBudget').map((o) => as<IPodDisruptionBudget>(o));
  const autoscalers = objects.filter((o) => o.kind === 'HorizontalPodAutoscaler').map((o) => ({ object: o, hpa: as<IHorizontalPodAutoscaler>(o) }));
  for (const workload of workloads.filter((w) => w.longRunning)) {
    const at = `${where}: ${describe(workload.object)}`;
    const budget = budgets.filter((b) => b.spec?.selector && selectorMatches(b.spec.selector, workload.labels));
    if (budget.length !== 1) problems.push(problem(at, `${budget.length} PodDisruptionBudgets select its pods; expected one`));
    else if (budget[0].spec?.maxUnavailable === undefined) problems.push(problem(at, 'its PodDisruptionBudget should use maxUnavailable, which never blocks a drain whatever the replica count'));
  }
  for (const app of APPS) {
    const at = `${where}: Deployment/${app}`;
    const found = autoscalers.filter(({ hpa }) => hpa.spec?.scaleTargetRef.kind === 'Deployment' && hpa.spec.scaleTargetRef.name === app);
    if (found.length !== 1) {
      problems.push(problem(at, `${found.length} HorizontalPodAutoscalers target it; expected one`));
      continue;
    }
    const spec = found[0].hpa.spec;
    const min = spec?.minReplicas ?? 1;
    const max = spec?.maxReplicas ?? 0;
    if (min < 1 || max < min) problems.push(problem(at, `HPA bounds ${min}..${max} are not a range`));
    if ((spec?.metrics ?? []).length === 0) problems.push(problem(at, 'HPA has no metric'));
    if (overlay === 'prod' && min < 2) problems.push(problem(at, `prod: HPA minReplicas ${min}; at least two keep it available through a node drain`));
  }
  for (const { object, hpa } of autoscalers) {
    if (!APPS.includes(hpa.spec?.scaleTargetRef.name ?? '')) problems.push(problem(`${where}: ${describe(object)}`, `targets ${hpa.spec?.scaleTargetRef.name}, which is not one of ours`));
  }
  return problems;
};

/** Services select pods and reach a declared port; StatefulSets have their headless Service. */
const checkServices = (objects: readonly RenderedObject[], workloads: readonly Workload[], where: string): Problem[] => {
  const problems: Problem[] = [];
  const services = objects.filter((o) => o.kind === 'Service').map((o) => ({ object: o, service: as<IService>(o) }));
  for (const { object, service } of services) {
    const at = `${where}: ${describe(object)}`;
    const selector = service.spec?.selector ?? {};
    const targets = workloads.filter((w) => w.longRunning && Object.keys(selector).length > 0 && selectorMatches({ matchLabels: selector }, w.labels));
    if (targets.length === 0) {
      problems.push(problem(at, 'selects no pods'));
      continue;
    }
    for (const port of service.spec?.ports ?? []) {
      const target = port.targetPort ?? port.port;
      const ok = targets.every((w) => (typeof target === 'number' ? w.pod.containers.some((c) => (c.ports ?? []).some((p) => p.containerPort === target)) : namedPorts(w.pod)[target] !== undefined));
      if (!ok) problems.push(problem(at, `port ${port.name ?? port.port} targets ${target}, which its pods do not declare`));
    }
  }
  for (const workload of workloads.filter((w) => w.object.kind === 'Deployment')) {
    const selected = services.some(({ service }) => {
      const selector = service.spec?.selector ?? {};
      return Object.keys(selector).length > 0 && selectorMatches({ matchLabels: selector }, workload.labels);
    });
    if (!selected) {
      problems.push(problem(`${where}: ${describe(workload.object)}`, 'no Service selects its pods'));
    }
  }
  for (const workload of workloads.filter((w) => w.object.kind === 'StatefulSet')) {
    const set = as<IStatefulSet>(workload.object);
    const governing = services.find(({ object }) => object.name === set.spec?.serviceName);
    if (!governing || governing.service.spec?.clusterIP !== 'None') problems.push(problem(`${where}: ${describe(workload.object)}`, `its serviceName ${set.spec?.serviceName} is not a headless Service`));
    if ((set.spec?.volumeClaimTemplates ?? []).length === 0) problems.push(problem(`${where}: ${describe(workload.object)}`, 'keeps its data without a volumeClaimTemplate'));
  }
  return problems;
};

const envValue = (container: IContainer | undefined, name: string): string | undefined => container?.env?.find((e) => e.name === name)?.value;

/** KurrentDB and MongoDB: sizes agree with their configuration; production is a TLS cluster. */
const checkStores = (objects: readonly RenderedObject[], overlay: OverlayName, where: string): Problem[] => {
  const problems: Problem[] = [];
  const find = <T>(kind: string, name: string): T | undefined => {
    const object = objects.find((o) => o.kind === kind && o.name === name);
    return object ? as<T>(object) : undefined;
  };
  const kurrentdb = find<IStatefulSet>('StatefulSet', 'kurrentdb');
  const mongodb = find<IStatefulSet>('StatefulSet', 'mongodb');
  const init = find<IJob>('Job', 'mongodb-init-replica-set');
  if (!kurrentdb) problems.push(problem(where, 'no KurrentDB StatefulSet'));
  if (!mongodb) problems.push(problem(where, 'no MongoDB StatefulSet'));
  if (!init) problems.push(problem(where, 'no Job that initiates the MongoDB replica set'));
  const expected = overlay === 'prod' ? 3 : 1;
  if (kurrentdb) {
    const at = `${where}: StatefulSet/kurrentdb`;
    const container = kurrentdb.spec?.template.spec?.containers[0];
    const replicas = kurrentdb.spec?.replicas ?? 1;
    if (replicas !== expected) problems.push(problem(at, `${replicas} nodes; expected ${expected}`));
    if (envValue(container, 'KURRENTDB_CLUSTER_SIZE') !== String(replicas)) problems.push(problem(at, `KURRENTDB_CLUSTER_SIZE ${envValue(container, 'KURRENTDB_CLUSTER_SIZE')} differs from replicas ${replicas}`));
    const insecure = envValue(container, 'KURRENTDB_INSECURE') === 'true';
    if (overlay === 'prod') {
      if (insecure) problems.push(problem(at, 'prod runs KurrentDB insecure'));
      for (const name of ['KURRENTDB_CERTIFICATE_FILE', 'KURRENTDB_CERTIFICATE_PRIVATE_KEY_FILE', 'KURRENTDB_TRUSTED_ROOT_CERTIFICATES_PATH']) {
        if (!envValue(container, name)) problems.push(problem(at, `prod: ${name} is not set`));
      }
      if (container?.readinessProbe?.httpGet?.scheme !== 'HTTPS') problems.push(problem(at, 'prod: the probes must use HTTPS'));
    } else if (!insecure && !envValue(container, 'KURRENTDB_CERTIFICATE_FILE')) problems.push(problem(at, 'neither insecure nor given a certificate: KurrentDB would not start'));
  }
  if (mongodb && init) {
    const replicas = mongodb.spec?.replicas ?? 1;
    if (replicas !== expected) problems.push(problem(`${where}: StatefulSet/mongodb`, `${replicas} members; expected ${expected}`));
    const declared = envValue(init.spec?.template.spec?.containers[0], 'MONGODB_REPLICAS');
    if (declared !== String(replicas)) problems.push(problem(`${where}: Job/mongodb-init-replica-set`, `MONGODB_REPLICAS ${declared} differs from the StatefulSet's ${replicas} members`));
  }
  return problems;
};

const checkNamespace = (objects: readonly RenderedObject[], where: string): { problems: Problem[]; labels: Record<string, string> } => {
  const problems: Problem[] = [];
  const namespace = objects.find((o) => o.kind === 'Namespace' && o.name === NAMESPACE);
  const labels: Record<string, string> = { 'kubernetes.io/metadata.name': NAMESPACE, ...(namespace ? (as<INamespace>(namespace).metadata?.labels ?? {}) : {}) };
  if (!namespace) problems.push(problem(where, `no Namespace ${NAMESPACE}`));
  for (const mode of ['enforce', 'audit', 'warn']) {
    if (labels[`pod-security.kubernetes.io/${mode}`] !== 'restricted') problems.push(problem(`${where}: Namespace/${NAMESPACE}`, `pod-security.kubernetes.io/${mode} must be restricted`));
  }
  for (const object of objects) {
    if (object.kind !== 'Namespace' && object.namespace !== NAMESPACE) problems.push(problem(`${where}: ${describe(object)}`, `is in namespace ${object.namespace ?? '(none)'}, not ${NAMESPACE}`));
  }
  return { problems, labels };
};

const checkIngress = (objects: readonly RenderedObject[], overlay: OverlayName, where: string): Problem[] => {
  const ingresses = objects.filter((o) => o.kind === 'Ingress');
  if (overlay !== 'prod') return [];
  if (ingresses.length !== 1) return [problem(where, `${ingresses.length} Ingresses; prod exposes the gateway through one`)];
  const ingress = as<IIngress>(ingresses[0]);
  const at = `${where}: ${describe(ingresses[0])}`;
  const problems: Problem[] = [];
  const hosts = (ingress.spec?.rules ?? []).map((rule) => rule.host).filter((host): host is string => Boolean(host));
  if (hosts.length === 0) problems.push(problem(at, 'no host'));
  const tlsHosts = (ingress.spec?.tls ?? []).flatMap((tls) => tls.hosts ?? []);
  for (const host of hosts) if (!tlsHosts.includes(host)) problems.push(problem(at, `${host} is served without TLS`));
  const backends = (ingress.spec?.rules ?? []).flatMap((rule) => rule.http?.paths ?? []).map((path) => path.backend.service?.name);
  if (backends.length === 0 || backends.some((name) => name !== GATEWAY)) problems.push(problem(at, 'must route to the gateway Service only'));
  return problems;
};

/** Traffic the deployment needs, and traffic it must refuse, evaluated through the NetworkPolicies. */
const checkNetwork = (objects: readonly RenderedObject[], workloads: readonly Workload[], namespaceLabels: Record<string, string>, natsBoxLabels: Readonly<Record<string, string>>, where: string): Problem[] => {
  const problems: Problem[] = [];
  const policies = new NetworkPolicies(objects.filter((o) => o.kind === 'NetworkPolicy'));
  if (!policies.defaultDeny(NAMESPACE)) problems.push(problem(where, 'no default-deny NetworkPolicy (empty podSelector, Ingress and Egress, no rules)'));

  const ours = (description: string, labels: Readonly<Record<string, string>>, ports: Record<string, number> = {}): Endpoint => ({ description, namespace: NAMESPACE, namespaceLabels, labels, namedPorts: ports });
  const elsewhere = (namespace: string, labels: Record<string, string>): Endpoint => ({
    description: `${namespace} pod`,
    namespace,
    namespaceLabels: { 'kubernetes.io/metadata.name': namespace },
    labels,
    namedPorts: {},
  });
  const pods = new Map<string, Endpoint>(workloads.map((w) => [w.object.name, ours(describe(w.object), w.labels, namedPorts(w.pod))]));
  const pod = (name: string): Endpoint => pods.get(name) ?? ours(`(missing ${name})`, { missing: name });
  const nats = ours('NATS server (Helm release nats)', NATS_SERVER_LABELS, { nats: 4222, cluster: 6222, monitor: 8222, 'prom-metrics': 7777 });
  const natsBox = ours('nats-box (Helm release nats)', natsBoxLabels);
  const stranger = ours('a pod without client labels', { 'app.kubernetes.io/name': 'debug' });
  const dns = elsewhere(CLUSTER_NAMESPACES.dns, { 'k8s-app': 'kube-dns' });
  const ingressController = elsewhere(CLUSTER_NAMESPACES.ingressController, { 'app.kubernetes.io/name': 'ingress-nginx' });
  const prometheus = elsewhere(CLUSTER_NAMESPACES.monitoring, { 'app.kubernetes.io/name': 'prometheus' });
  const identityProvider: Endpoint = { description: 'identity provider on the internet', namespaceLabels: {}, labels: {}, namedPorts: {}, ip: '203.0.113.10' };
  const tcp = (port: number): Traffic => ({ port, protocol: 'TCP' });

  const must: Array<[Endpoint, Endpoint, Traffic]> = [
    [ingressController, pod(GATEWAY), tcp(APP_PORT)],
    [pod(GATEWAY), nats, tcp(4222)],
    [pod(GATEWAY), pod('mongodb'), tcp(27017)],
    [pod(GATEWAY), identityProvider, tcp(443)],
    [prometheus, pod('kurrentdb'), tcp(2113)],
    [prometheus, nats, tcp(7777)],
    [pod('kurrentdb'), pod('kurrentdb'), tcp(2113)],
    [pod('kurrentdb'), pod('kurrentdb'), tcp(1112)],
    [pod('mongodb'), pod('mongodb'), tcp(27017)],
    [pod('mongodb-init-replica-set'), pod('mongodb'), tcp(27017)],
    [nats, nats, tcp(6222)],
    [natsBox, nats, tcp(4222)],
  ];
  const mustNot: Array<[Endpoint, Endpoint, Traffic]> = [
    [pod(GATEWAY), pod('kurrentdb'), tcp(2113)],
    [ingressController, pod('kurrentdb'), tcp(2113)],
    [ingressController, pod('mongodb'), tcp(27017)],
    [ingressController, nats, tcp(4222)],
    [prometheus, pod('mongodb'), tcp(27017)],
    [stranger, nats, tcp(4222)],
    [stranger, pod('kurrentdb'), tcp(2113)],
    [stranger, pod('mongodb'), tcp(27017)],
    [stranger, pod(GATEWAY), tcp(APP_PORT)],
    [identityProvider, pod(GATEWAY), tcp(APP_PORT)],
  ];
  for (const app of APPS) must.push([prometheus, pod(app), tcp(APP_PORT)]);
  for (const context of CONTEXT_SERVICES) {
    must.push([pod(context), nats, tcp(4222)], [pod(context), pod('kurrentdb'), tcp(2113)]);
    // The personal-data vault's keys are in MongoDB.
    must.push([pod(context), pod('mongodb'), tcp(27017)]);
    mustNot.push(
      [pod(context), identityProvider, tcp(443)],
      [ingressController, pod(context), tcp(APP_PORT)],
      [pod(GATEWAY), pod(context), tcp(APP_PORT)],
    );
  }
  for (const source of [...pods.values(), nats, natsBox]) {
    must.push([source, dns, { port: 53, protocol: 'UDP' }], [source, dns, tcp(53)]);
  }

  for (const [source, destination, traffic] of must) {
    if (!policies.allows(source, destination, traffic)) {
      problems.push(problem(where, `NetworkPolicies block ${source.description} → ${destination.description} on ${traffic.port}/${traffic.protocol}, which it needs`));
    }
  }
  for (const [source, destination, traffic] of mustNot) {
    if (policies.allows(source, destination, traffic)) {
      problems.push(problem(where, `NetworkPolicies let ${source.description} reach ${destination.description} on ${traffic.port}/${traffic.protocol}`));
    }
  }
  return problems;
};

/** Every rule the rendered overlay is held to, beyond its schemas. */
export const checkPolicies = (objects: readonly RenderedObject[], overlay: OverlayName, natsBoxLabels: Readonly<Record<string, string>> = NATS_BOX_LABELS): Problem[] => {
  const where = `overlays/${overlay}`;
  const workloads = workloadsOf(objects);
  const configMaps = new Map<string, Readonly<Record<string, string>>>(objects.filter((o) => o.kind === 'ConfigMap').map((o) => [o.name, as<IConfigMap>(o).data ?? {}]));
  const namespace = checkNamespace(objects, where);
  return [
    ...namespace.problems,
    ...workloads.flatMap((workload) => checkPodSecurity(workload, where)),
    ...checkNoLiteralSecrets(objects, workloads, where),
    ...checkApps(objects, configMaps, overlay, where),
    ...checkAvailability(objects, workloads, overlay, where),
    ...checkServices(objects, workloads, where),
    ...checkStores(objects, overlay, where),
    ...checkIngress(objects, overlay, where),
    ...checkNetwork(objects, workloads, namespace.labels, natsBoxLabels, where),
  ];
};

/** The Secrets (and keys) the rendered objects read: each must be described to the operator. */
export const referencedSecrets = (objects: readonly RenderedObject[]): Map<string, Set<string>> => {
  const secrets = new Map<string, Set<string>>();
  const add = (name: string | undefined, key?: string): void => {
    if (!name) return;
    const keys = secrets.get(name) ?? new Set<string>();
    if (key) keys.add(key);
    secrets.set(name, keys);
  };
  for (const workload of workloadsOf(objects)) {
    for (const container of [...(workload.pod.initContainers ?? []), ...workload.pod.containers]) {
      for (const source of container.envFrom ?? []) add(source.secretRef?.name);
      for (const variable of container.env ?? []) add(variable.valueFrom?.secretKeyRef?.name, variable.valueFrom?.secretKeyRef?.key);
    }
    for (const volume of workload.pod.volumes ?? []) {
      add(volume.secret?.secretName);
      for (const item of volume.secret?.items ?? []) add(volume.secret?.secretName, item.key);
    }
  }
  for (const object of objects.filter((o) => o.kind === 'Ingress')) for (const tls of as<IIngress>(object).spec?.tls ?? []) add(tls.secretName);
  return secrets;
};
