import { type Actor, CITY_AGENCY_CODE, requireAgencyScope, requireBureauReader, requireRole } from '@gongkai/kernel';

/**
 * Who reads what on the oversight read side: the deciders already refuse unauthorised writes, and
 * the read side checks again before it shows anything internal.
 */

/** The audit trail and the integrity checks: auditors (who read everything and change nothing) and the office. */
export const requireAuditReader = (actor: Actor): void => requireRole(actor, 'auditor', 'office');

export const requireInternalReader = (actor: Actor, agencyCode: string): void => {
  requireBureauReader(actor);
  requireAgencyScope(actor, agencyCode);
};

/** The agency a query is about: the one asked for, else the caller's, else the city bureau. */
export const agencyOf = (actor: Actor, agencyCode: string | null | undefined): string => agencyCode ?? actor.agencyCode ?? CITY_AGENCY_CODE;
