import { type AccountDirectory, authenticate, type TokenService } from '@gongkai/auth';
import { type Actor, isAnonymous } from '@gongkai/kernel';
import { Inject } from '@nestjs/common';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AuthPayload, User } from './auth.types';
import { agencyRef, departmentRef } from './organisation.types';
import { RateLimited } from './rate-limit';
import { CurrentActor } from './request-context';

export const TOKEN_SERVICE = Symbol.for('gongkai.TokenService');
export const ACCOUNT_DIRECTORY = Symbol.for('gongkai.AccountDirectory');

const toUser = (actor: Actor, username: string): User => ({
  id: actor.id,
  username,
  displayName: actor.displayName ?? username,
  roles: [...actor.roles],
  agency: actor.agencyCode ? agencyRef(actor.agencyCode) : null,
  department: actor.departmentCode ? departmentRef(actor.departmentCode) : null,
});

@Resolver()
export class AuthResolver {
  constructor(
    @Inject(TOKEN_SERVICE) private readonly tokens: TokenService,
    @Inject(ACCOUNT_DIRECTORY) private readonly accounts: AccountDirectory,
  ) {}

  /** Guessing passwords is slowed per client: ten attempts a minute. */
  @RateLimited({ name: 'login', points: 10, durationSeconds: 60 })
  @Mutation(() => AuthPayload, { description: 'Signs a member of staff in; the public needs no account.' })
  async login(@Args('username', { type: () => String }) username: string, @Args('password', { type: () => String }) password: string): Promise<AuthPayload> {
    const actor = await authenticate(this.accounts, username, password);
    const account = await this.accounts.findByUsername(username);
    const issued = await this.tokens.issue(actor);
    return { token: issued.token, expiresAt: issued.expiresAt, user: toUser(actor, account?.username ?? username) };
  }

  @Query(() => User, { nullable: true, description: 'Who you are signed in as; null for the public.' })
  me(@CurrentActor() actor: Actor): User | null {
    return isAnonymous(actor) ? null : toUser(actor, actor.displayName ?? actor.id);
  }
}
