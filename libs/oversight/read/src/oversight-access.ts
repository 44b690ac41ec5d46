import { type Actor, CITY_AGENCY_CODE, optionalAgency, requireAgencyScope, requireBureauReader, requireRole } from '@gongkai/kernel';

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

/**
 * The agency a query is about: the one asked for, else the caller's, else the city bureau. A code
 * asked for must be one of the bureau's agencies (UNKNOWN_AGENCY), so that a mistyped code is told
 * apart from an agency with nothing to show.
 */
export const agencyOf = (actor: Actor, agencyCode: string | null | undefined): string => optionalAgency('agencyCode', agencyCode) ?? actor.agencyCode ?? CITY_AGENCY_CODE;
