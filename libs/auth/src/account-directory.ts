import { randomUUID } from 'node:crypto';
import { DomainError, type Actor } from '@gongkai/kernel';
import { actorFromAccount, type UserAccount } from './accounts';
import { hashPassword, verifyPassword } from './passwords';

/** Where accounts come from: in memory for the embedded platform, a real store later. */
export interface AccountDirectory {
  findByUsername(username: string): Promise<UserAccount | undefined>;
}

/** Usernames compare case-insensitively, so `Office` and `office` cannot be two people. */
export const normaliseUsername = (username: string): string => username.normalize('NFC').trim().toLowerCase();

export class InMemoryAccountDirectory implements AccountDirectory {
  private readonly byUsername = new Map<string, UserAccount>();

  constructor(accounts: readonly UserAccount[]) {
    for (const account of accounts) {
      const key = normaliseUsername(account.username);
      if (this.byUsername.has(key)) throw new Error(`Duplicate username in the account list: ${account.username}`);
      this.byUsername.set(key, account);
    }
  }

  async findByUsername(username: string): Promise<UserAccount | undefined> {
    return this.byUsername.get(normaliseUsername(username));
  }
}

/** Longer input is certainly wrong; refusing it early keeps hostile requests from costing more. */
const MAX_USERNAME_LENGTH = 128;
const MAX_PASSWORD_LENGTH = 1024;

let dummyHash: Promise<string> | undefined;

/**
 * A hash of a random password nobody knows, made with the default cost. Unknown usernames are
 * checked against it so that they take as long as known ones and the response time does not
 * reveal which usernames exist.
 */
const dummyPasswordHash = (): Promise<string> => {
  dummyHash ??= hashPassword(randomUUID()).catch((error: unknown) => {
    dummyHash = undefined;
    throw error;
  });
  return dummyHash;
};

const invalidCredentials = (): DomainError =>
  // One message for every failure: telling "no such user" from "wrong password" would let anyone list the accounts.
  new DomainError('UNAUTHENTICATED', 'INVALID_CREDENTIALS', 'The username or password is wrong.');

/** Checks a username and password and returns who signed in, or throws INVALID_CREDENTIALS. */
export const authenticate = async (directory: AccountDirectory, username: string, password: string): Promise<Actor> => {
  const usable =
    typeof username === 'string' &&
    typeof password === 'string' &&
    username.length <= MAX_USERNAME_LENGTH &&
    password.length <= MAX_PASSWORD_LENGTH;
  const account = usable && username.trim() !== '' ? await directory.findByUsername(username) : undefined;
  const matches = await verifyPassword(usable ? password : '', account?.passwordHash ?? (await dummyPasswordHash()));
  if (!account || !matches) throw invalidCredentials();
  return actorFromAccount(account);
};
