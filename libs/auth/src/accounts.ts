import type { Actor, Role } from '@gongkai/kernel';

/** A staff member who signs in to the platform (the public never has an account). */
export interface UserAccount {
  /** Stable id written into every event this person causes; never reused. */
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly roles: readonly Role[];
  /** The bureau (city or county) the person works for. */
  readonly agencyCode: string;
  /** The responsible department (责任科室) they act for, when they act for one. */
  readonly departmentCode?: string;
  /** From `hashPassword`; never leaves this library. */
  readonly passwordHash: string;
}

/** The identity that commands and events carry: the account minus its credentials. */
export const actorFromAccount = (account: UserAccount): Actor => ({
  id: account.id,
  roles: [...account.roles],
  agencyCode: account.agencyCode,
  ...(account.departmentCode === undefined ? {} : { departmentCode: account.departmentCode }),
  displayName: account.displayName,
});
