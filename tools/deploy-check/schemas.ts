import { join } from 'node:path';
import { Deployment, StatefulSet } from 'kubernetes-models/apps/v1';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import { Job } from 'kubernetes-models/batch/v1';
import { Ingress, NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { ConfigMap, Namespace, PersistentVolumeClaim, Service, ServiceAccount } from 'kubernetes-models/v1';
import ts from 'typescript';
import { type Problem, problem } from './problems';
import { describe, type RenderedObject } from './render';

interface Validatable {
  validate(): void;
}

/**
 * The kinds a rendered overlay may contain, each with its JSON schema validator (kubernetes-models,
 * generated from the Kubernetes OpenAPI). Anything else is reported: a new kind is added here
 * deliberately, not slipped in.
 */
const MODELS: Readonly<Record<string, (data: unknown) => Validatable>> = {
  'v1/Namespace': (data) => new Namespace(data as ConstructorParameters<typeof Namespace>[0]),
  'v1/ServiceAccount': (data) => new ServiceAccount(data as ConstructorParameters<typeof ServiceAccount>[0]),
  'v1/ConfigMap': (data) => new ConfigMap(data as ConstructorParameters<typeof ConfigMap>[0]),
  'v1/Service': (data) => new Service(data as ConstructorParameters<typeof Service>[0]),
  'v1/PersistentVolumeClaim': (data) => new PersistentVolumeClaim(data as ConstructorParameters<typeof PersistentVolumeClaim>[0]),
  'apps/v1/Deployment': (data) => new Deployment(data as ConstructorParameters<typeof Deployment>[0]),
  'apps/v1/StatefulSet': (data) => new StatefulSet(data as ConstructorParameters<typeof StatefulSet>[0]),
  'batch/v1/Job': (data) => new Job(data as ConstructorParameters<typeof Job>[0]),
  'autoscaling/v2/HorizontalPodAutoscaler': (data) => new HorizontalPodAutoscaler(data as ConstructorParameters<typeof HorizontalPodAutoscaler>[0]),
  'policy/v1/PodDisruptionBudget': (data) => new PodDisruptionBudget(data as ConstructorParameters<typeof PodDisruptionBudget>[0]),
  'networking.k8s.io/v1/NetworkPolicy': (data) => new NetworkPolicy(data as ConstructorParameters<typeof NetworkPolicy>[0]),
  'networking.k8s.io/v1/Ingress': (data) => new Ingress(data as ConstructorParameters<typeof Ingress>[0]),
};

const modelKey = (object: Pick<RenderedObject, 'apiVersion' | 'kind'>): string => `${object.apiVersion}/${object.kind}`;

export const knownKinds = (): string[] => Object.keys(MODELS);

/** Validates each object against the Kubernetes JSON schema of its kind: types, required fields, enums, formats. */
export const validateSchemas = (objects: readonly RenderedObject[], where: string): Problem[] => {
  const problems: Problem[] = [];
  for (const object of objects) {
    const create = MODELS[modelKey(object)];
    if (!create) {
      problems.push(problem(`${where}: ${describe(object)}`, `no schema for ${modelKey(object)}; deploy-check knows ${knownKinds().join(', ')}`));
      continue;
    }
    try {
      create(object.raw).validate();
    } catch (error) {
      problems.push(problem(`${where}: ${describe(object)}`, `schema: ${error instanceof Error ? error.message : String(error)}`));
    }
  }
  return problems;
};

/** The JSON path of the innermost property or element of `root` that contains `position`. */
const jsonPathAt = (root: ts.Node, position: number): string => {
  let path = '';
  let node: ts.Node | undefined = root;
  while (node) {
    let next: ts.Node | undefined;
    if (ts.isObjectLiteralExpression(node)) {
      for (const property of node.properties) {
        if (position >= property.getStart() && position < property.getEnd() && ts.isPropertyAssignment(property)) {
          const name = ts.isStringLiteral(property.name) || ts.isIdentifier(property.name) ? property.name.text : property.name.getText();
          path += path ? `.${name}` : name;
          next = position >= property.initializer.getStart() ? property.initializer : undefined;
        }
      }
    } else if (ts.isArrayLiteralExpression(node)) {
      node.elements.forEach((element, index) => {
        if (position >= element.getStart() && position < element.getEnd()) {
          path += `[${index}]`;
          next = element;
        }
      });
    }
    node = next;
  }
  return path || '(object)';
};

/**
 * Unknown fields: the JSON schemas accept any extra property (as the API server does unless it
 * validates strictly), so a misspelt `readinesProbe` would pass them unnoticed. TypeScript's
 * excess-property check over the kubernetes-models types catches it: each object is assigned to
 * its kind's interface in a program the compiler checks in memory. It reports the first problem
 * of each object.
 */
export const findUnknownFields = (objects: ReadonlyArray<{ readonly where: string; readonly object: RenderedObject }>, repositoryRoot: string): Problem[] => {
  const fileName = join(repositoryRoot, 'tools', 'deploy-check', '__rendered-objects__.ts');
  const entries = objects.filter(({ object }) => MODELS[modelKey(object)]);
  let source = '';
  entries.forEach(({ object }, index) => {
    const modulePath = `kubernetes-models/${object.apiVersion}/${object.kind}`;
    source += `import type { I${object.kind} as T${index} } from '${modulePath}';\nexport const o${index}: T${index} = ${JSON.stringify(object.raw, null, 1)};\n`;
  });
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    target: ts.ScriptTarget.ES2022,
    types: [],
    lib: ['lib.es2022.d.ts'],
  };
  const host = ts.createCompilerHost(options, true);
  const getSourceFile = host.getSourceFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  const readFile = host.readFile.bind(host);
  host.getSourceFile = (name, languageVersion, onError, shouldCreate) =>
    name === fileName ? ts.createSourceFile(name, source, languageVersion, true) : getSourceFile(name, languageVersion, onError, shouldCreate);
  host.fileExists = (name) => name === fileName || fileExists(name);
  host.readFile = (name) => (name === fileName ? source : readFile(name));
  const program = ts.createProgram([fileName], options, host);
  const sourceFile = program.getSourceFile(fileName);
  if (!sourceFile) return [problem('deploy-check', 'the TypeScript program lost the rendered objects')];

  const declarations = new Map<string, ts.Expression>();
  for (const statement of sourceFile.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations) {
      if (ts.isIdentifier(declaration.name) && declaration.initializer) declarations.set(declaration.name.text, declaration.initializer);
    }
  }
  const problems: Problem[] = [];
  for (const diagnostic of ts.getPreEmitDiagnostics(program, sourceFile)) {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ');
    const start = diagnostic.start ?? 0;
    const index = entries.findIndex((_, i) => {
      const initializer = declarations.get(`o${i}`);
      return initializer !== undefined && start >= initializer.getStart() && start < initializer.getEnd();
    });
    const entry = entries[index];
    const initializer = declarations.get(`o${index}`);
    if (!entry || !initializer) {
      problems.push(problem('deploy-check', `TypeScript: ${message}`));
      continue;
    }
    problems.push(problem(`${entry.where}: ${describe(entry.object)}`, `${jsonPathAt(initializer, start)}: ${message}`));
  }
  return problems;
};
