import { type Actor, agencyFilter, canActForAgency, hasRole, requireRole } from '@gongkai/kernel';
import type { Filter } from '@gongkai/read-store';

/** Everyone who works in a bureau; the public is not among them. */
export const BUREAU_ROLES = ['staff', 'office', 'reviewer', 'auditor', 'admin', 'leader'] as const;

/** Bureau people of the record's agency see work in progress; everyone else only what was published. */
export const seesInternals = (actor: Actor, agencyCode: string): boolean => hasRole(actor, ...BUREAU_ROLES) && canActForAgency(actor, agencyCode);

/** Staff-only views refuse the public before anything is looked up: UNAUTHENTICATED for anonymous callers. */
export const requireBureauReader = (actor: Actor): void => requireRole(actor, ...BUREAU_ROLES);

/** The agencies whose internal records the reader may list, as a filter (nothing for the public). */
export const internalAgencyFilter = (actor: Actor): Filter => {
  const agencies = agencyFilter(actor);
  return agencies === undefined ? {} : { agencyCode: { $in: [...agencies] } };
};

/** User text as a literal `$regex`; `textSearchPattern` in @gongkai/graphql does the same but loads Nest, which jest cannot. */
export const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
