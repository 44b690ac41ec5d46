import type { Projection } from './projection';
import { PROJECTION_VERSIONS } from './projection-versions';
import { STREAM_HEADS } from './shared-stream-heads';
import { STREAM_REVISIONS } from './stream-revisions';

// `_checkpoints` is where the MongoDB adapter keeps checkpoints.
const RESERVED = new Set([STREAM_REVISIONS, STREAM_HEADS, PROJECTION_VERSIONS, '_checkpoints']);

/** Waits for every write in flight before failing, so the next event never overtakes one. */
export async function settleAll(work: readonly Promise<void>[]): Promise<void> {
  const failed = (await Promise.allSettled(work)).find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;
}

/** Names and collections must be distinct: a rebuild of one projection drops every collection it owns. */
export function assertDistinct(projections: readonly Projection[]): void {
  const names = new Set<string>();
  const owners = new Map<string, string>();
  for (const { name, collections } of projections) {
    if (names.has(name)) throw new Error(`Two projections are named ${name}.`);
    names.add(name);
    for (const collection of collections) {
      if (RESERVED.has(collection)) throw new Error(`Projection ${name} cannot own ${collection}: the runner keeps its records there.`);
      const owner = owners.get(collection);
      if (owner) throw new Error(`Projections ${owner} and ${name} both own collection ${collection}; a rebuild of one would drop the other's data.`);
      owners.set(collection, name);
    }
  }
}
