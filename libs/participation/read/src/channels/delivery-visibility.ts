import { type Actor, agencyFilter, hasRole, requireRole } from '@gongkai/kernel';
import type { Filter } from '@gongkai/read-store';

/** Who reads the delivery log: the office, admins, auditors and leaders across the bureau; staff for their own department's publications. */
export const requireDeliveryReader = (actor: Actor): void => requireRole(actor, 'staff', 'office', 'admin', 'auditor', 'leader');

export const seesDeliveryLog = (actor: Actor): boolean => hasRole(actor, 'staff', 'office', 'admin', 'auditor', 'leader');

const agencyScope = (actor: Actor, field: string): Filter => {
  const agencies = agencyFilter(actor);
  return agencies === undefined ? {} : { [field]: { $in: [...agencies] } };
};

/** The deliveries one reader may list (call requireDeliveryReader first). */
export const deliveryScopeFilter = (actor: Actor): Filter => {
  const agency = agencyScope(actor, 'publication.agencyCode');
  if (hasRole(actor, 'office', 'admin', 'auditor', 'leader')) return agency;
  return { ...agency, 'publication.departmentCode': actor.departmentCode ?? null };
};

/** The publication records one overseer counts: those of the agencies in scope. */
export const publicationScopeFilter = (actor: Actor): Filter => agencyScope(actor, 'agencyCode');

/** Oversight figures are for those who oversee: the office, leaders, auditors and admins. */
export const requireChannelOverseer = (actor: Actor): void => requireRole(actor, 'office', 'leader', 'auditor', 'admin');
