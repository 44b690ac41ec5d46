import type { IndexSpec } from './read-store';

/** MongoDB's default index name (`status_1_createdAt_-1`), so both adapters name an index alike. */
export function indexName(spec: IndexSpec): string {
  return spec.name ?? Object.entries(spec.keys).map(([field, order]) => `${field}_${order}`).join('_');
}
