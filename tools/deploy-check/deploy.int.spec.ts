import { join } from 'node:path';
import { checkCompose, interpolate, OPERATOR_VARIABLES } from './compose';
import { type DeployCheckReport, repositoryRoot, runDeployCheck } from './deploy-check';
import { checkProcessEnvironment } from './environment';
import type { OverlayName } from './expectations';
import { checkPolicies } from './policies';
import { formatProblems, type JsonObject } from './problems';
import type { RenderedObject } from './render';
import { findUnknownFields, validateSchemas } from './schemas';

const REMOVE = Symbol('remove');

/** A copy of one rendered object with the value at `path` replaced (or removed). */
const edited = (object: RenderedObject, path: ReadonlyArray<string | number>, value: unknown): RenderedObject => {
  const raw = structuredClone(object.raw) as JsonObject;
  let node: unknown = raw;
  for (const key of path.slice(0, -1)) node = (node as Record<string | number, unknown>)[key];
  const last = path[path.length - 1];
  if (value === REMOVE) {
    if (Array.isArray(node) && typeof last === 'number') node.splice(last, 1);
    else delete (node as Record<string | number, unknown>)[last];
  } else (node as Record<string | number, unknown>)[last] = value;
  return { ...object, raw };
};

const CONTAINER = ['spec', 'template', 'spec', 'containers', 0];

describe('the deployment (deploy/compose, deploy/k8s) checked offline', () => {
  let report: DeployCheckReport;

  beforeAll(() => {
    report = runDeployCheck();
  }, 60_000);

  const objects = (overlay: OverlayName): readonly RenderedObject[] => report.objects[overlay];
  const find = (overlay: OverlayName, kind: string, name: string): RenderedObject => {
    const object = objects(overlay).find((o) => o.kind === kind && o.name === name);
    if (!object) throw new Error(`${overlay} renders no ${kind}/${name}`);
    return object;
  };
  /** The overlay's objects with one replaced by `change(object)`, or removed when it returns undefined. */
  const withChange = (overlay: OverlayName, kind: string, name: string, change: (object: RenderedObject) => RenderedObject | undefined): RenderedObject[] =>
    objects(overlay).flatMap((object) => {
      if (object.kind !== kind || object.name !== name) return [object];
      const replaced = change(object);
      return replaced ? [replaced] : [];
    });
  const messages = (overlay: OverlayName, changed: readonly RenderedObject[]): string => formatProblems(checkPolicies(changed, overlay, report.natsBoxLabels));

  it('renders both overlays, validates every object and finds no problem', () => {
    expect(formatProblems(report.problems)).toBe('');
    for (const overlay of ['dev', 'prod'] as const) {
      const kinds = objects(overlay).reduce<Record<string, number>>((count, o) => ({ ...count, [o.kind]: (count[o.kind] ?? 0) + 1 }), {});
      // The gateway and seven contexts; KurrentDB and MongoDB.
      expect(kinds).toMatchObject({ Deployment: 8, StatefulSet: 2, HorizontalPodAutoscaler: 8, PodDisruptionBudget: 10, Job: 1, Namespace: 1 });
      expect(kinds['PersistentVolumeClaim'] ?? 0).toBe(0);
      expect(kinds['Ingress'] ?? 0).toBe(overlay === 'prod' ? 1 : 0);
    }
  });

  it('sizes the stores per environment: one node each in dev, three in prod', () => {
    expect(find('dev', 'StatefulSet', 'kurrentdb').raw).toMatchObject({ spec: { replicas: 1 } });
    expect(find('prod', 'StatefulSet', 'kurrentdb').raw).toMatchObject({ spec: { replicas: 3 } });
    expect(find('prod', 'StatefulSet', 'mongodb').raw).toMatchObject({ spec: { replicas: 3 } });
    expect(find('prod', 'HorizontalPodAutoscaler', 'gateway').raw).toMatchObject({ spec: { minReplicas: 3, maxReplicas: 10 } });
  });

  it('gives the JetStream streams a replica on each NATS server: one in dev, three in prod', () => {
    const replicas = (overlay: OverlayName) => {
      const config = objects(overlay).find((o) => o.kind === 'ConfigMap' && o.name.startsWith('gongkai-config-'));
      return (config?.raw['data'] as Record<string, string> | undefined)?.['JETSTREAM_REPLICAS'];
    };
    expect(replicas('dev')).toBe('1');
    expect(replicas('prod')).toBe('3');
  });

  describe('the rules catch what they are there for', () => {
    it('a container without limits, probes or a read-only root', () => {
      const changed = withChange('prod', 'Deployment', 'oversight', (o) =>
        edited(edited(edited(o, [...CONTAINER, 'resources', 'limits'], REMOVE), [...CONTAINER, 'readinessProbe'], REMOVE), [...CONTAINER, 'securityContext', 'readOnlyRootFilesystem'], false),
      );
      const found = messages('prod', changed);
      expect(found).toContain('Deployment/oversight container app: no memory limit');
      expect(found).toContain('no readinessProbe');
      expect(found).toContain('readOnlyRootFilesystem must be true');
    });

    it('a container that may escalate or keeps its capabilities', () => {
      const changed = withChange('dev', 'StatefulSet', 'kurrentdb', (o) => edited(edited(o, [...CONTAINER, 'securityContext', 'capabilities'], REMOVE), [...CONTAINER, 'securityContext', 'allowPrivilegeEscalation'], true));
      const found = messages('dev', changed);
      expect(found).toContain('must drop ALL capabilities');
      expect(found).toContain('allowPrivilegeEscalation must be false');
    });

    it('a Deployment without its PodDisruptionBudget or HorizontalPodAutoscaler', () => {
      const withoutBudget = withChange('prod', 'PodDisruptionBudget', 'requests', () => undefined);
      expect(messages('prod', withoutBudget)).toContain('Deployment/requests: 0 PodDisruptionBudgets select its pods');
      const withoutAutoscaler = withChange('prod', 'HorizontalPodAutoscaler', 'gateway', () => undefined);
      expect(messages('prod', withoutAutoscaler)).toContain('Deployment/gateway: 0 HorizontalPodAutoscalers target it');
    });

    it('a shutdown the grace period cannot hold', () => {
      const changed = withChange('prod', 'Deployment', 'gateway', (o) => edited(o, ['spec', 'template', 'spec', 'terminationGracePeriodSeconds'], 10));
      expect(messages('prod', changed)).toContain('terminationGracePeriodSeconds 10 leaves less than the 10 s shutdown');
    });

    it('missing or too open NetworkPolicies', () => {
      expect(messages('prod', withChange('prod', 'NetworkPolicy', 'default-deny-all', () => undefined))).toContain('no default-deny NetworkPolicy');
      expect(messages('prod', withChange('prod', 'NetworkPolicy', 'nats-clients', () => undefined))).toContain('block Deployment/gateway → NATS server');
      const open = withChange('prod', 'NetworkPolicy', 'mongodb-server', (o) => edited(o, ['spec', 'ingress', 0, 'from'], REMOVE));
      expect(messages('prod', open)).toContain('let ingress-nginx pod reach StatefulSet/mongodb on 27017/TCP');
      // An unlabelled pod of ours still cannot: its own egress is denied.
      expect(messages('prod', open)).not.toContain('without client labels');
    });

    it('a process held to one node, by a pod affinity or a volume claim', () => {
      const together = withChange('prod', 'Deployment', 'decisions', (o) =>
        edited(o, ['spec', 'template', 'spec', 'affinity'], {
          podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: 'kubernetes.io/hostname', labelSelector: { matchLabels: { 'app.kubernetes.io/part-of': 'gongkai' } } }] },
        }),
      );
      expect(messages('prod', together)).toContain('Deployment/decisions: is held on the node of other pods (required pod affinity on kubernetes.io/hostname)');
      const onClaim = withChange('prod', 'Deployment', 'decisions', (o) => edited(o, ['spec', 'template', 'spec', 'volumes', 1], { name: 'keys', persistentVolumeClaim: { claimName: 'personal-data' } }));
      expect(messages('prod', onClaim)).toContain('Deployment/decisions: mounts PersistentVolumeClaim personal-data: a ReadWriteOnce volume holds every replica on one node');
    });

    it('a context service that cannot reach the vault in MongoDB, or keeps it in a file', () => {
      expect(messages('prod', withChange('prod', 'NetworkPolicy', 'mongodb-clients', () => undefined))).toContain('block Deployment/participation → StatefulSet/mongodb on 27017/TCP');
      const inFile = withChange('prod', 'Deployment', 'supervision', (o) => {
        const env = (o.raw['spec'] as { template: { spec: { containers: Array<{ env: unknown[] }> } } }).template.spec.containers[0].env;
        return edited(o, [...CONTAINER, 'env', env.length], { name: 'PERSONAL_DATA_FILE', value: '/data/personal-data.db' });
      });
      expect(messages('prod', inFile)).toContain('Deployment/supervision: PERSONAL_DATA_FILE is set: an SQLite key table holds every process on one node');
    });

    it('JetStream streams with fewer replicas than the NATS servers', () => {
      const configMap = objects('prod').find((o) => o.kind === 'ConfigMap' && o.name.startsWith('gongkai-config-'));
      if (!configMap) throw new Error('no gongkai-config ConfigMap');
      const single = objects('prod').map((o) => (o === configMap ? edited(o, ['data', 'JETSTREAM_REPLICAS'], '1') : o));
      expect(messages('prod', single)).toContain('Deployment/gateway: JETSTREAM_REPLICAS is 1; prod runs 3 NATS server(s)');
    });

    it('a credential written into the manifests', () => {
      const changed = withChange('prod', 'Deployment', 'gateway', (o) => edited(o, [...CONTAINER, 'env', 1], { name: 'MONGODB_URI', value: 'mongodb://gongkai:hunter2@mongodb-0/gongkai' }));
      expect(messages('prod', changed)).toContain('MONGODB_URI is a literal value but looks like a secret');
    });

    it('an environment the process would refuse, or that breaks production', () => {
      const configMap = objects('prod').find((o) => o.kind === 'ConfigMap' && o.name.startsWith('gongkai-gateway-'));
      if (!configMap) throw new Error('no gongkai-gateway ConfigMap');
      const demoWithOidc = objects('prod').map((o) => (o === configMap ? edited(o, ['data', 'DEMO_ACCOUNTS'], 'true') : o));
      expect(messages('prod', demoWithOidc)).toContain('DEMO_ACCOUNTS=true needs AUTH_MODE=embedded');
      const demoInProduction = withChange('dev', 'Deployment', 'gateway', (o) => {
        const env = (o.raw['spec'] as { template: { spec: { containers: Array<{ env: Array<{ name: string }> }> } } }).template.spec.containers[0].env;
        return edited(o, [...CONTAINER, 'env', env.findIndex((variable) => variable.name === 'NODE_ENV'), 'value'], 'production');
      });
      expect(messages('dev', demoInProduction)).toContain('Refusing to start: the demo accounts');
      const insecure = withChange('prod', 'StatefulSet', 'kurrentdb', (o) => edited(o, [...CONTAINER, 'env', 0], { name: 'KURRENTDB_INSECURE', value: 'true' }));
      expect(messages('prod', insecure)).toContain('prod runs KurrentDB insecure');
      expect(checkProcessEnvironment('oversight', { APP: 'oversight', NATS_URL: 'http://nats', PORT: '3000', HOST: '0.0.0.0', NODE_ENV: 'production' })).toEqual([
        'NATS_URL must be nats://host:port (is http://nats)',
        'MONGODB_URI is missing: the personal-data vault keeps its keys in MongoDB',
        'INTEGRITY_SIGNING_KEY is missing: a process that signs integrity checkpoints refuses to start without it when NODE_ENV=production',
        'EVENTSTORE_URL is missing: a context service of the distributed topology keeps its events in EventStoreDB',
      ]);
      const gateway = { APP: 'gateway', NATS_URL: 'nats://nats:4222', PORT: '3000', HOST: '0.0.0.0', NODE_ENV: 'development', MONGODB_URI: 'mongodb://mongodb:27017/gongkai' };
      expect(checkProcessEnvironment('gateway', { ...gateway, INTEGRITY_SIGNING_KEY: 'not a key', APPLICANT_FINGERPRINT_SECRET: 'c2hvcnQ=' })).toEqual([
        'INTEGRITY_SIGNING_KEY must be an Ed25519 private key in PEM',
        'APPLICANT_FINGERPRINT_SECRET must be base64 of at least 32 bytes',
      ]);
      expect(checkProcessEnvironment('gateway', gateway)).toEqual(['APPLICANT_FINGERPRINT_SECRET is missing: with the vault in MongoDB the gateway replicas share no file to keep it in']);
    });

    it('a $(VARIABLE) used before it is defined', () => {
      const changed = withChange('prod', 'StatefulSet', 'kurrentdb', (o) => {
        const env = (o.raw['spec'] as { template: { spec: { containers: Array<{ env: Array<{ name: string }> }> } } }).template.spec.containers[0].env;
        const withoutPodName = env.filter((variable) => variable.name !== 'POD_NAME');
        return edited(o, [...CONTAINER, 'env'], [...withoutPodName, env.find((variable) => variable.name === 'POD_NAME')]);
      });
      expect(messages('prod', changed)).toContain('KURRENTDB_NODE_HOST_ADVERTISE_AS refers to $(POD_NAME), which is not defined before it');
    });

    it('schema violations and unknown fields', () => {
      const wrongType = edited(find('dev', 'Deployment', 'gateway'), [...CONTAINER, 'ports', 0, 'containerPort'], '3000');
      expect(formatProblems(validateSchemas([wrongType], 'dev'))).toContain('containerPort must be integer');
      const unknownKind = { ...find('dev', 'Service', 'gateway'), apiVersion: 'v1beta1', kind: 'Service' };
      expect(formatProblems(validateSchemas([unknownKind], 'dev'))).toContain('no schema for v1beta1/Service');

      const misspelt = edited(find('dev', 'Deployment', 'gateway'), [...CONTAINER, 'readinesProbe'], { periodSeconds: 5 });
      const stray = edited(find('dev', 'NetworkPolicy', 'allow-dns'), ['spec', 'egres'], []);
      const found = formatProblems(findUnknownFields([{ where: 'dev', object: misspelt }, { where: 'dev', object: stray }], repositoryRoot()));
      expect(found).toContain('dev: Deployment/gateway: spec.template.spec.containers[0].readinesProbe');
      expect(found).toContain("'\"readinesProbe\"' does not exist in type 'IContainer'");
      expect(found).toContain('dev: NetworkPolicy/allow-dns: spec.egres');
    }, 30_000);
  });

  describe('compose', () => {
    it('interpolates like compose does', () => {
      expect(interpolate('${LOG_LEVEL:-info}')).toBe('info');
      expect(interpolate('${LOG_LEVEL:-info}', { LOG_LEVEL: 'debug' })).toBe('debug');
      expect(interpolate('${JWT_SECRET:-}')).toBe('');
      expect(interpolate('$$HOME ${A-x} ${A:-y}', { A: '' })).toBe('$HOME  y');
      expect(() => interpolate('${NEEDED:?set it}')).toThrow('NEEDED is required');
    });

    it('refuses demo accounts with NODE_ENV=production, and accepts them in development', () => {
      const directory = join(repositoryRoot(), 'deploy', 'compose');
      expect(formatProblems(checkCompose(directory, repositoryRoot(), { ...OPERATOR_VARIABLES, DEMO_ACCOUNTS: 'true' }))).toContain('Refusing to start: the demo accounts');
      expect(checkCompose(directory, repositoryRoot(), { ...OPERATOR_VARIABLES, DEMO_ACCOUNTS: 'true', GATEWAY_NODE_ENV: 'development' })).toEqual([]);
      expect(formatProblems(checkCompose(directory, repositoryRoot(), { ...OPERATOR_VARIABLES, AUTH_MODE: 'oidc' }))).toContain('AUTH_MODE=oidc needs OIDC_JWKS_URL, OIDC_ISSUER and OIDC_AUDIENCE');
    });

    it('will not start without the secrets the operator exports', () => {
      const found = formatProblems(checkCompose(join(repositoryRoot(), 'deploy', 'compose'), repositoryRoot(), {}));
      expect(found).toContain('services.oversight: INTEGRITY_SIGNING_KEY is required');
      expect(found).toContain('services.gateway: INTEGRITY_SIGNING_KEY is required');
    });
  });
});
