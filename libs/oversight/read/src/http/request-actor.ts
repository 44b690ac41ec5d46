import { invalidToken, type TokenService } from '@gongkai/auth';
import { type Actor, ANONYMOUS, type DomainError, httpStatusOf, isDomainError } from '@gongkai/kernel';
import { HttpException } from '@nestjs/common';

/** A refusal as a plain HTTP answer: the same code and rule a GraphQL client would get. */
export const httpError = (error: DomainError): HttpException =>
  new HttpException({ code: error.code, rule: error.rule, message: error.message }, httpStatusOf(error.code));

/** The caller of a plain HTTP request (the printable report, the exports), from the same bearer token as GraphQL. */
export const actorOfRequest = async (tokens: TokenService, authorization: string | undefined): Promise<Actor> => {
  if (authorization === undefined) return ANONYMOUS;
  const match = /^Bearer (\S+)$/.exec(authorization);
  if (!match) throw invalidToken('The Authorization header must be `Bearer <token>`.');
  return tokens.verify(match[1]);
};

/** Runs `work`, answering a domain error with its HTTP status instead of a 500. */
export const answering = async <T>(work: () => Promise<T>): Promise<T> => {
  try {
    return await work();
  } catch (error) {
    if (isDomainError(error)) throw httpError(error);
    throw error;
  }
};
