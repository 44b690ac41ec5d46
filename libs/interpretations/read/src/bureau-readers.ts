import { type Actor, agencyFilter } from '@gongkai/kernel';
import type { Filter } from '@gongkai/read-store';

/** The agencies whose internal records the reader may list, as a filter (nothing for the public). */
export const internalAgencyFilter = (actor: Actor): Filter => {
  const agencies = agencyFilter(actor);
  return agencies === undefined ? {} : { agencyCode: { $in: [...agencies] } };
};
