import { execFileSync } from 'node:child_process';
import { parseAllDocuments } from 'yaml';
import { asObject, asString, isObject, type JsonObject } from './problems';

/** One object of a rendered overlay, as kustomize printed it. */
export interface RenderedObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly name: string;
  readonly namespace?: string;
  readonly raw: JsonObject;
}

export const describe = (object: Pick<RenderedObject, 'kind' | 'name'>): string => `${object.kind}/${object.name}`;

/** `kubectl` from the PATH, or the one KUBECTL names. */
export const kubectlCommand = (): string => process.env['KUBECTL'] ?? 'kubectl';

/** The kustomize inside kubectl 1.27+ (v5) understands `labels` and patch targets; 1.20's (v2) does not. */
const MINIMUM_KUBECTL_MINOR = 27;

export const kubectlVersion = (): string => {
  let text: string;
  try {
    text = execFileSync(kubectlCommand(), ['version', '--client'], { encoding: 'utf8', timeout: 20_000, stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  } catch (error) {
    throw new Error(`kubectl 1.${MINIMUM_KUBECTL_MINOR}+ is needed to render the overlays offline (\`kubectl kustomize\`, kustomize v5): ${errorText(error)}`);
  }
  const minor = /(?:Client Version: |GitVersion:")v1\.(\d+)/.exec(text)?.[1];
  if (minor !== undefined && Number(minor) < MINIMUM_KUBECTL_MINOR) {
    throw new Error(`kubectl 1.${minor} is too old to render the overlays (its kustomize predates v5): use kubectl 1.${MINIMUM_KUBECTL_MINOR}+ (set KUBECTL to its path)`);
  }
  return text;
};

const errorText = (error: unknown): string => {
  if (isObject(error) && (typeof error['stderr'] === 'string' || Buffer.isBuffer(error['stderr']))) {
    const stderr = String(error['stderr']).trim();
    if (stderr) return stderr;
  }
  return error instanceof Error ? error.message : String(error);
};

/** Parses a multi-document YAML stream; a document that is not an object is an error. */
export const parseObjects = (text: string, source: string): RenderedObject[] => {
  const objects: RenderedObject[] = [];
  for (const document of parseAllDocuments(text)) {
    if (document.errors.length > 0) throw new Error(`${source}: ${document.errors.map((e) => e.message).join('; ')}`);
    const value: unknown = document.toJS();
    if (value === null || value === undefined) continue;
    if (!isObject(value)) throw new Error(`${source}: a document is not a Kubernetes object`);
    const metadata = asObject(value['metadata']);
    const namespace = asString(metadata['namespace']);
    objects.push({
      apiVersion: asString(value['apiVersion']) ?? '',
      kind: asString(value['kind']) ?? '',
      name: asString(metadata['name']) ?? '',
      ...(namespace === undefined ? {} : { namespace }),
      raw: value,
    });
  }
  return objects;
};

/** Renders a kustomization directory with `kubectl kustomize`: no cluster, no network. */
export const renderOverlay = (directory: string): RenderedObject[] => {
  let output: string;
  try {
    output = execFileSync(kubectlCommand(), ['kustomize', directory], { encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    throw new Error(`\`kubectl kustomize ${directory}\` failed: ${errorText(error)}`);
  }
  return parseObjects(output, directory);
};
