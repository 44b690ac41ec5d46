import { type Actor, hasRole, isAnonymous, type Role } from './actor';
import { DomainError } from './errors';
import { CITY_AGENCY_CODE, findAgency } from './organisation';

/**
 * Who acts and reads across agencies. Shared by the services (checked in the domain) and the
 * gateway (checked again), so both sides apply the same rules.
 *
 * - At the city bureau, office (coordination and reports), reviewers, auditors and admins reach
 *   every agency: the city bureau oversees the county bureaus.
 * - Everyone else reaches only their own agency: county staff their county bureau, and the city
 *   bureau's department staff only the city bureau's own records.
 * - `system` (process managers, never a token) reaches every agency, because sagas carry work
 *   across agencies on behalf of whoever started it.
 */
const CITY_WIDE_ROLES: readonly Role[] = ['office', 'reviewer', 'auditor', 'admin'];

/** Whether the actor may read every agency's internal records. */
export const canReadAllAgencies = (actor: Actor): boolean =>
  hasRole(actor, 'system') || (actor.agencyCode === CITY_AGENCY_CODE && hasRole(actor, ...CITY_WIDE_ROLES));

/** Whether the actor may see or act on a record that belongs to `agencyCode`. */
export const canActForAgency = (actor: Actor, agencyCode: string): boolean => {
  // A record under an agency nobody knows is refused rather than guessed about.
  if (!findAgency(agencyCode)) return false;
  return canReadAllAgencies(actor) || (actor.agencyCode !== undefined && actor.agencyCode === agencyCode);
};

/**
 * The agencies whose internal records a read-side query may return: undefined for all of them,
 * otherwise the list to filter on (empty for actors without an agency, e.g. the public). Published
 * records are public everywhere and are filtered by their publication state, not by this.
 */
export const agencyFilter = (actor: Actor): readonly string[] | undefined => {
  if (canReadAllAgencies(actor)) return undefined;
  return actor.agencyCode !== undefined && findAgency(actor.agencyCode) ? [actor.agencyCode] : [];
};

/** Anonymous callers are told to sign in (UNAUTHENTICATED); signed-in ones that they may not (FORBIDDEN). */
const refusal = (actor: Actor, rule: string, message: string, details: Record<string, unknown>): DomainError =>
  isAnonymous(actor)
    ? new DomainError('UNAUTHENTICATED', rule, `Sign in first. ${message}`, details)
    : new DomainError('FORBIDDEN', rule, message, details);

/** Throws ROLE_REQUIRED unless the actor holds at least one of `roles`. */
export const requireRole = (actor: Actor, ...roles: Role[]): void => {
  if (roles.length === 0) throw new Error('requireRole needs at least one role.');
  if (hasRole(actor, ...roles)) return;
  const named = roles.length === 1 ? `the ${roles[0]} role` : `one of the roles ${roles.join(', ')}`;
  throw refusal(actor, 'ROLE_REQUIRED', `This needs ${named}.`, { roles });
};

/** Throws OUTSIDE_AGENCY_SCOPE unless the actor may act for `agencyCode`. */
export const requireAgencyScope = (actor: Actor, agencyCode: string): void => {
  if (canActForAgency(actor, agencyCode)) return;
  throw refusal(actor, 'OUTSIDE_AGENCY_SCOPE', `This record belongs to agency ${agencyCode}, which is outside your scope.`, { agencyCode });
};

/** Staff act for their own department (责任科室); the office and admins for any. */
export const canActForDepartment = (actor: Actor, departmentCode: string): boolean =>
  hasRole(actor, 'office', 'admin', 'system') || actor.departmentCode === departmentCode;

/** Throws OUTSIDE_DEPARTMENT_SCOPE unless the actor may act for `departmentCode`. */
export const requireDepartmentScope = (actor: Actor, departmentCode: string): void => {
  if (canActForDepartment(actor, departmentCode)) return;
  throw refusal(actor, 'OUTSIDE_DEPARTMENT_SCOPE', `This record belongs to department ${departmentCode}, which is outside your scope.`, { departmentCode });
};

/** Everyone who works in a bureau; the public, applicants and commenters are not among them. */
export const BUREAU_ROLES: readonly Role[] = ['staff', 'office', 'reviewer', 'auditor', 'admin', 'leader'];

export const isBureauReader = (actor: Actor): boolean => hasRole(actor, ...BUREAU_ROLES);

/** Staff-only views refuse the public before anything is looked up: UNAUTHENTICATED for anonymous callers. */
export const requireBureauReader = (actor: Actor): void => requireRole(actor, ...BUREAU_ROLES);

/** Bureau people of the record's agency see work in progress; everyone else only what was published. */
export const seesInternals = (actor: Actor, agencyCode: string): boolean => isBureauReader(actor) && canActForAgency(actor, agencyCode);

/** Work on a record is its agency's and responsible department's (责任科室); the office and admins act for any department. */
export const requireStaffFor = ({ actor }: { readonly actor: Actor }, agencyCode: string, departmentCode: string): void => {
  requireRole(actor, 'staff', 'office', 'admin');
  requireAgencyScope(actor, agencyCode);
  requireDepartmentScope(actor, departmentCode);
};

/** The staff handling a case (承办): its agency and department; the office acts for any department. Not admins: the case is no administrator's work. */
export const requireHandlingStaff = ({ actor }: { readonly actor: Actor }, record: { readonly agencyCode: string; readonly departmentCode: string }): void => {
  requireRole(actor, 'staff', 'office');
  requireAgencyScope(actor, record.agencyCode);
  requireDepartmentScope(actor, record.departmentCode);
};
