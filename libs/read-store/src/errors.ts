/**
 * A write would give two documents the same key of a unique index (`_id` included). Both adapters
 * throw this one class, so a caller can tell a broken invariant from an outage whatever the store.
 */
export class DuplicateKeyError extends Error {
  override readonly name = 'DuplicateKeyError';
  readonly code = 'READ_STORE_DUPLICATE_KEY';
  constructor(
    readonly collection: string,
    readonly index: string,
    /** The key that is already taken, e.g. `{ email: 'a@b.cn' }`; empty when the server did not say. */
    readonly key: Readonly<Record<string, unknown>>,
    options?: ErrorOptions,
  ) {
    super(`Read collection "${collection}": unique index "${index}" already holds the key ${describeKey(key)}.`, options);
  }
}

function describeKey(key: Readonly<Record<string, unknown>>): string {
  const fields = Object.keys(key);
  return fields.length ? JSON.stringify(key) : '(not reported)';
}
