import { invalidToken, type TokenService } from '@gongkai/auth';
import { type Actor, ANONYMOUS } from '@gongkai/kernel';

/** The caller of a plain HTTP request (the printable report, the exports), from the same bearer token as GraphQL. */
export const actorOfRequest = async (tokens: TokenService, authorization: string | undefined): Promise<Actor> => {
  if (authorization === undefined) return ANONYMOUS;
  const match = /^Bearer (\S+)$/.exec(authorization);
  if (!match) throw invalidToken('The Authorization header must be `Bearer <token>`.');
  return tokens.verify(match[1]);
};
