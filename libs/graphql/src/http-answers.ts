import { type DomainError, httpStatusOf, isDomainError } from '@gongkai/kernel';
import { HttpException } from '@nestjs/common';

/** A refusal as a plain HTTP answer: the same code and rule a GraphQL client would get. */
export const httpError = (error: DomainError): HttpException =>
  new HttpException({ ...error.details, code: error.code, rule: error.rule, message: error.message }, httpStatusOf(error.code));

/**
 * Runs the work of a plain HTTP endpoint (a feed, a printable page, an export), answering a domain
 * error with its status and rule instead of the 500 Nest gives anything it does not know.
 */
export const answering = async <T>(work: () => Promise<T>): Promise<T> => {
  try {
    return await work();
  } catch (error) {
    if (isDomainError(error)) throw httpError(error);
    throw error;
  }
};
