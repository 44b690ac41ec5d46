import { DomainError, type Actor } from '@gongkai/kernel';
import { errors } from 'jose';

export interface IssuedToken {
  readonly token: string;
  /** UTC ISO-8601 instant after which the token is refused. */
  readonly expiresAt: string;
}

/** Bearer tokens for signed-in staff: issued by the platform (embedded) or by an OIDC provider. */
export interface TokenService {
  issue(actor: Actor): Promise<IssuedToken>;
  /**
   * The actor the token speaks for; throws UNAUTHENTICATED `INVALID_TOKEN` or `TOKEN_EXPIRED`, or
   * SERVICE_UNAVAILABLE `IDENTITY_PROVIDER_UNAVAILABLE` when an OIDC provider's keys cannot be fetched.
   */
  verify(token: string): Promise<Actor>;
}

/** Tokens are a few hundred bytes; anything much longer is not one of ours and is not worth parsing. */
export const MAX_TOKEN_LENGTH = 8192;

/** Thrown while fetching the provider's signing keys: their outage is not the caller's fault. */
export class IdentityProviderUnavailable extends Error {
  override readonly name = 'IdentityProviderUnavailable';
}

export const invalidToken = (message = 'The token is not valid; sign in again.', details: Record<string, unknown> = {}): DomainError =>
  new DomainError('UNAUTHENTICATED', 'INVALID_TOKEN', message, details);

/**
 * Turns whatever verification threw into the error a caller can act on. The messages are ours,
 * never the library's, and never contain the token: tokens are credentials and errors get logged.
 */
export const tokenError = (error: unknown): DomainError => {
  if (error instanceof DomainError) return error;
  if (error instanceof errors.JWTExpired) {
    return new DomainError('UNAUTHENTICATED', 'TOKEN_EXPIRED', 'The session has expired; sign in again.');
  }
  if (error instanceof IdentityProviderUnavailable) {
    // Not UNAUTHENTICATED: a client told to sign in again would loop while the provider is down.
    return new DomainError('SERVICE_UNAVAILABLE', 'IDENTITY_PROVIDER_UNAVAILABLE', 'The sign-in service cannot be reached; try again shortly.');
  }
  if (error instanceof errors.JOSEError) return invalidToken(undefined, { reason: error.code });
  return invalidToken();
};
