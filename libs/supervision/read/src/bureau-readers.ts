import { type Actor, agencyFilter, isBureauReader } from '@gongkai/kernel';
import type { Filter } from '@gongkai/read-store';

/** The agencies whose unpublished records a reader may list: all (undefined), some, or none. */
export const internalAgencies = (actor: Actor): Filter | undefined => {
  if (!isBureauReader(actor)) return { _id: { $in: [] } };
  const agencies = agencyFilter(actor);
  return agencies === undefined ? undefined : { agencyCode: { $in: [...agencies] } };
};
