import { type Actor, agencyFilter, canActForAgency, hasRole } from '@gongkai/kernel';
import type { Filter } from '@gongkai/read-store';

/** Everyone who works in a bureau; the public and applicants are not among them. */
export const BUREAU_ROLES = ['staff', 'office', 'reviewer', 'auditor', 'admin', 'leader'] as const;

export const isBureauReader = (actor: Actor): boolean => hasRole(actor, ...BUREAU_ROLES);

/** Bureau people of the record's agency see work in progress; everyone else only what was published. */
export const seesInternals = (actor: Actor, agencyCode: string): boolean => isBureauReader(actor) && canActForAgency(actor, agencyCode);

/** The agencies whose unpublished records a reader may list: all (undefined), some, or none. */
export const internalAgencies = (actor: Actor): Filter | undefined => {
  if (!isBureauReader(actor)) return { _id: { $in: [] } };
  const agencies = agencyFilter(actor);
  return agencies === undefined ? undefined : { agencyCode: { $in: [...agencies] } };
};
