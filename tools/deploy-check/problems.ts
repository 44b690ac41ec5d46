/** One thing wrong with the deployment: where (file or overlay and object) and what. */
export interface Problem {
  readonly where: string;
  readonly message: string;
}

export const problem = (where: string, message: string): Problem => ({ where, message });

export const formatProblems = (problems: readonly Problem[]): string => problems.map((p) => `- ${p.where}: ${p.message}`).join('\n');

export type JsonObject = { readonly [key: string]: unknown };

export const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

export const asObject = (value: unknown): JsonObject => (isObject(value) ? value : {});

export const asArray = (value: unknown): readonly unknown[] => (Array.isArray(value) ? value : []);

export const asString = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** Kubernetes resource quantities ("500m", "1", "384Mi", "2Gi") as plain numbers, to compare them. */
export const parseQuantity = (value: unknown): number | undefined => {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string') return undefined;
  const match = /^(\d+(?:\.\d+)?)(m|k|M|G|T|Ki|Mi|Gi|Ti)?$/.exec(value);
  if (!match) return undefined;
  const factors: Record<string, number> = { m: 1e-3, k: 1e3, M: 1e6, G: 1e9, T: 1e12, Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40 };
  return Number(match[1]) * (match[2] ? factors[match[2]] : 1);
};
