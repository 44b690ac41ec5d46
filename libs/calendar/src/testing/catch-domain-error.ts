import { DomainError } from '../errors';

/** For specs: runs `action`, which must throw a DomainError, and returns that error to inspect. */
export const catchDomainError = (action: () => unknown): DomainError => {
  try {
    action();
  } catch (error: unknown) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('Expected a DomainError, but nothing was thrown.');
};
