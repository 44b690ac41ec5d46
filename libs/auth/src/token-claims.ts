import { findAgency, findDepartment, ROLES, type Actor, type Role } from '@gongkai/kernel';
import type { JWTPayload } from 'jose';
import { invalidToken } from './tokens';

/** Which claims carry the actor's attributes; an OIDC provider may name them differently. */
export interface ClaimNames {
  readonly name: string;
  readonly roles: string;
  readonly agency: string;
  readonly department: string;
}

/** The names the platform uses in the tokens it issues itself. */
export const DEFAULT_CLAIM_NAMES: ClaimNames = Object.freeze({ name: 'name', roles: 'roles', agency: 'agency', department: 'dept' });

/**
 * `system` belongs to in-process process managers. No token may grant it, whoever signed it, or a
 * misconfigured provider could hand out unlimited reach.
 */
const GRANTABLE_ROLES: readonly Role[] = ROLES.filter((role) => role !== 'system');

const MAX_SUBJECT_LENGTH = 255;

/**
 * A claim by its exact name first (providers use names like `https://example.gov.cn/roles`), then
 * as a dotted path for nested claims such as Keycloak's `realm_access.roles`.
 */
const readClaim = (payload: JWTPayload, name: string): unknown => {
  if (name in payload) return payload[name];
  let value: unknown = payload;
  for (const part of name.split('.')) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
};

/** Providers send roles as a list or as one space-separated string; roles the platform does not know are ignored. */
const rolesFrom = (value: unknown): Role[] => {
  const names = typeof value === 'string' ? value.split(/\s+/) : Array.isArray(value) ? value : [];
  const roles = names.filter((name): name is Role => typeof name === 'string' && GRANTABLE_ROLES.includes(name as Role));
  return [...new Set(roles)];
};

const optionalCode = (payload: JWTPayload, claim: string, known: (code: string) => unknown, what: string): string | undefined => {
  const value = readClaim(payload, claim);
  if (value === undefined || value === null || value === '') return undefined;
  // A code we do not know would leave scope checks guessing, so the token is refused instead.
  if (typeof value !== 'string' || !known(value)) throw invalidToken(`The token names ${what} the platform does not know.`, { claim });
  return value;
};

/** The actor a verified token speaks for. Throws INVALID_TOKEN when the claims do not make sense. */
export const actorFromClaims = (payload: JWTPayload, claims: ClaimNames = DEFAULT_CLAIM_NAMES): Actor => {
  const id = payload.sub;
  if (typeof id !== 'string' || id.trim() === '' || id.length > MAX_SUBJECT_LENGTH) {
    throw invalidToken('The token does not say who it was issued to.', { claim: 'sub' });
  }
  const name = readClaim(payload, claims.name);
  const agencyCode = optionalCode(payload, claims.agency, findAgency, 'an agency');
  const departmentCode = optionalCode(payload, claims.department, findDepartment, 'a department');
  return {
    id,
    // An empty list is not an error: a provider may authenticate people the platform grants nothing to.
    roles: rolesFrom(readClaim(payload, claims.roles)),
    ...(agencyCode === undefined ? {} : { agencyCode }),
    ...(departmentCode === undefined ? {} : { departmentCode }),
    ...(typeof name === 'string' && name !== '' ? { displayName: name } : {}),
  };
};

/** The claims the platform writes into its own tokens, beside the registered ones (sub, iss, aud, exp). */
export const claimsFromActor = (actor: Actor): JWTPayload => ({
  [DEFAULT_CLAIM_NAMES.roles]: [...actor.roles],
  ...(actor.displayName === undefined ? {} : { [DEFAULT_CLAIM_NAMES.name]: actor.displayName }),
  ...(actor.agencyCode === undefined ? {} : { [DEFAULT_CLAIM_NAMES.agency]: actor.agencyCode }),
  ...(actor.departmentCode === undefined ? {} : { [DEFAULT_CLAIM_NAMES.department]: actor.departmentCode }),
});
