import { type Actor, agencyFilter, canActForAgency, hasRole } from '@gongkai/kernel';
import type { Filter } from '@gongkai/read-store';

/** Everyone who works in a bureau; the public, applicants and commenters are not among them. */
export const BUREAU_ROLES = ['staff', 'office', 'reviewer', 'auditor', 'admin', 'leader'] as const;

/** Bureau people of the record's agency see work in progress; everyone else only what was published. */
export const seesInternals = (actor: Actor, agencyCode: string): boolean => hasRole(actor, ...BUREAU_ROLES) && canActForAgency(actor, agencyCode);

/**
 * A list filter for one reader: the public gets `published`; bureau people also every record of
 * the agencies in their scope (`own` narrows those further, e.g. to drafts with a consultation).
 */
export const internalOrPublishedFilter = (actor: Actor, published: Filter, own: Filter = {}): Filter => {
  if (!hasRole(actor, ...BUREAU_ROLES)) return published;
  const agencies = agencyFilter(actor);
  const internal: Filter = agencies === undefined ? own : { ...own, agencyCode: { $in: [...agencies] } };
  return agencies === undefined ? internal : { $or: [internal, published] };
};
