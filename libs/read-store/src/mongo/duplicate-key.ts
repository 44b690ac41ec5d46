import { DuplicateKeyError } from '../errors';
import { isPlainObject } from '../upsert-seed';

const DUPLICATE_KEY = 11000;

/**
 * Runs a write and turns MongoDB's E11000 into the `DuplicateKeyError` the in-memory store throws.
 * Matched by code rather than class: the driver reports it as a server error or a bulk write error.
 */
export async function mappingDuplicateKey<T>(collection: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error: unknown) {
    if (!isDuplicateKey(error)) throw error;
    const index = /index: (\S+) dup key/.exec(error.message)?.[1] ?? 'unknown';
    const key = isPlainObject(error.keyValue) ? error.keyValue : {};
    throw new DuplicateKeyError(collection, index, key, { cause: error });
  }
}

function isDuplicateKey(error: unknown): error is Error & { keyValue?: unknown } {
  return error instanceof Error && (error as { code?: unknown }).code === DUPLICATE_KEY;
}
