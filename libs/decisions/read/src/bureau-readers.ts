import { type Actor, agencyFilter, isBureauReader } from '@gongkai/kernel';
import type { Filter } from '@gongkai/read-store';

/**
 * A list filter for one reader: the public gets `published`; bureau people also every record of
 * the agencies in their scope (`own` narrows those further, e.g. to drafts with a consultation).
 */
export const internalOrPublishedFilter = (actor: Actor, published: Filter, own: Filter = {}): Filter => {
  if (!isBureauReader(actor)) return published;
  const agencies = agencyFilter(actor);
  const internal: Filter = agencies === undefined ? own : { ...own, agencyCode: { $in: [...agencies] } };
  return agencies === undefined ? internal : { $or: [internal, published] };
};
