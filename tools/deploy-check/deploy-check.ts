import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkCompose, checkComposeInfra, loadCompose, resolveService, TEST_INFRA_ENVIRONMENT } from './compose';
import { CONFIGURATION_SOURCES, OVERLAYS, type OverlayName } from './expectations';
import { checkNatsValues } from './nats-values';
import { checkPolicies, referencedSecrets } from './policies';
import { asObject, asString, type Problem, problem } from './problems';
import { kubectlVersion, type RenderedObject, renderOverlay } from './render';
import { findUnknownFields, validateSchemas } from './schemas';

export interface DeployCheckReport {
  readonly kubectl: string;
  readonly objects: Readonly<Record<OverlayName, readonly RenderedObject[]>>;
  /** The labels nats-box pods get from the NATS values, which the network evaluation uses. */
  readonly natsBoxLabels: Readonly<Record<string, string>>;
  readonly problems: readonly Problem[];
}

export const repositoryRoot = (): string => resolve(__dirname, '..', '..');

/** The environment variables the configuration loaders read. */
export const configurationVariables = (root: string): string[] => {
  const names = new Set<string>();
  for (const file of CONFIGURATION_SOURCES) {
    const path = join(root, file);
    if (!existsSync(path)) continue;
    const source = readFileSync(path, 'utf8');
    for (const pattern of [/env\[\s*['"]([A-Z][A-Z0-9_]*)['"]\s*\]/g, /read\(\s*env\s*,\s*['"]([A-Z][A-Z0-9_]*)['"]/g, /['"](OIDC_[A-Z0-9_]+)['"]/g]) {
      for (const match of source.matchAll(pattern)) names.add(match[1]);
    }
  }
  return [...names].sort();
};

/** Every image the deployment runs, for the versions table of docs/operations.md. */
const imagesInUse = (root: string, objects: readonly RenderedObject[]): string[] => {
  const images = new Set<string>();
  for (const object of objects) {
    const template = asObject(asObject(object.raw['spec'])['template']);
    const pod = asObject(template['spec']);
    for (const list of [pod['containers'], pod['initContainers']]) {
      for (const container of Array.isArray(list) ? list : []) {
        const image = asString(asObject(container)['image']);
        if (image && !image.startsWith('registry.example.gov.cn/gongkai/')) images.add(image);
      }
    }
  }
  const infra = join(root, 'deploy', 'compose', 'compose.infra.yaml');
  if (existsSync(infra)) {
    for (const name of Object.keys(asObject(loadCompose(infra)['services']))) {
      const image = asString(resolveService(infra, name)['image']);
      if (image) images.add(image);
    }
  }
  return [...images].sort();
};

/** docs/operations.md describes what an operator must know: every variable, Secret, version and command. */
const checkOperationsGuide = (root: string, objects: readonly RenderedObject[]): Problem[] => {
  const where = 'docs/operations.md';
  const path = join(root, 'docs', 'operations.md');
  if (!existsSync(path)) return [problem(where, 'missing')];
  const guide = readFileSync(path, 'utf8');
  const problems: Problem[] = [];
  for (const variable of configurationVariables(root)) if (!guide.includes(`\`${variable}\``)) problems.push(problem(where, `the configuration reference does not describe \`${variable}\``));
  for (const [secret, keys] of referencedSecrets(objects)) {
    if (!guide.includes(secret)) problems.push(problem(where, `does not say how to create the Secret ${secret}`));
    for (const key of keys) if (!guide.includes(key)) problems.push(problem(where, `does not name the key ${key} of Secret ${secret}`));
  }
  for (const image of imagesInUse(root, objects)) {
    const version = image.slice(image.lastIndexOf(':') + 1);
    if (!guide.includes(version)) problems.push(problem(where, `the versions section does not name ${image}`));
  }
  for (const text of ['npm run test:infra', 'helm upgrade --install nats', 'npm run migrate:sqlite-to-eventstoredb', TEST_INFRA_ENVIRONMENT.EVENTSTORE_URL, TEST_INFRA_ENVIRONMENT.MONGODB_URI]) {
    if (!guide.includes(text)) problems.push(problem(where, `does not mention ${text}`));
  }
  return problems;
};

/**
 * Renders every overlay offline and holds it, the compose files and the NATS values to the
 * deployment's rules. Needs `kubectl` (for `kubectl kustomize`); nothing else, and no network.
 */
export const runDeployCheck = (root: string = repositoryRoot()): DeployCheckReport => {
  const kubectl = kubectlVersion();
  const problems: Problem[] = [];
  const nats = checkNatsValues(join(root, 'deploy', 'k8s'));
  problems.push(...nats.problems);

  const objects = {} as Record<OverlayName, readonly RenderedObject[]>;
  const all: Array<{ where: string; object: RenderedObject }> = [];
  for (const overlay of OVERLAYS) {
    const rendered = renderOverlay(join(root, 'deploy', 'k8s', 'overlays', overlay));
    objects[overlay] = rendered;
    const where = `overlays/${overlay}`;
    const schemaProblems = validateSchemas(rendered, where);
    problems.push(...schemaProblems);
    all.push(...rendered.map((object) => ({ where, object })));
    // Policies read the objects as their kinds' types: only once the schemas hold.
    if (schemaProblems.length === 0) problems.push(...checkPolicies(rendered, overlay, nats.natsBoxLabels));
  }
  problems.push(...findUnknownFields(all, root));
  problems.push(...checkComposeInfra(join(root, 'deploy', 'compose')));
  problems.push(...checkCompose(join(root, 'deploy', 'compose'), root));
  problems.push(...checkOperationsGuide(root, all.map(({ object }) => object)));
  return { kubectl, objects, natsBoxLabels: nats.natsBoxLabels, problems };
};
