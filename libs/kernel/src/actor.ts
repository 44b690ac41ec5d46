/**
 * Who acts. Every command and every stored event carries one, so the history always says who did what.
 */
export const ROLES = ['public', 'applicant', 'staff', 'reviewer', 'office', 'leader', 'auditor', 'admin', 'system'] as const;
export type Role = (typeof ROLES)[number];

export interface Actor {
  /** Stable identifier: the account id, `anonymous`, or `system:<process>` for process managers. */
  readonly id: string;
  readonly roles: readonly Role[];
  /** The agency the actor belongs to (a city or county bureau code); absent for the public. */
  readonly agencyCode?: string;
  /** The department the actor acts for (责任科室); absent for the public and for agency-wide roles. */
  readonly departmentCode?: string;
  readonly displayName?: string;
}

export const ANONYMOUS: Actor = Object.freeze({ id: 'anonymous', roles: Object.freeze(['public'] as Role[]) });

export const systemActor = (process: string): Actor => ({ id: `system:${process}`, roles: ['system'] });

export const hasRole = (actor: Actor, ...roles: Role[]): boolean => roles.some((role) => actor.roles.includes(role));

export const isAnonymous = (actor: Actor): boolean => actor.id === ANONYMOUS.id;
