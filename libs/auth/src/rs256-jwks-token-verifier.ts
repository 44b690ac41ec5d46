import type { Actor } from '@gongkai/kernel';
import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey, type RemoteJWKSetOptions } from 'jose';
import { actorFromClaims, DEFAULT_CLAIM_NAMES, type ClaimNames } from './token-claims';
import { IdentityProviderUnavailable, invalidToken, MAX_TOKEN_LENGTH, tokenError, type IssuedToken, type TokenService } from './tokens';

export interface Rs256JwksTokenVerifierOptions {
  /** The provider's JSON Web Key Set, e.g. `https://sso.example.gov.cn/realms/gongkai/protocol/openid-connect/certs`. */
  readonly jwksUrl: string;
  readonly issuer: string;
  readonly audience: string;
  /** Where the provider puts roles, agency and department; each defaults to the platform's own name. */
  readonly claims?: Partial<ClaimNames>;
  /** Tolerated clock difference with the provider, default 30 seconds. */
  readonly clockToleranceSeconds?: number;
  readonly clock?: () => Date;
  /** Fetch timeout and caching of the key set (jose's defaults: 5 s timeout, 10 min cache). */
  readonly jwks?: Pick<RemoteJWKSetOptions, 'timeoutDuration' | 'cooldownDuration' | 'cacheMaxAge'>;
}

const ALGORITHMS = ['RS256'];

/** Errors that mean "this token does not match any key", as opposed to "the keys could not be fetched". */
const isTokenProblem = (error: unknown): boolean =>
  error instanceof errors.JWKSNoMatchingKey ||
  error instanceof errors.JWKSMultipleMatchingKeys ||
  error instanceof errors.JOSEAlgNotAllowed ||
  error instanceof errors.JOSENotSupported;

/**
 * Verifies tokens issued by an external OIDC provider (production), with keys fetched from its
 * JWKS endpoint and cached. It cannot issue tokens: people sign in at the provider.
 */
export class Rs256JwksTokenVerifier implements TokenService {
  private readonly getKey: JWTVerifyGetKey;
  private readonly claims: ClaimNames;
  private readonly clock: () => Date;

  constructor(private readonly options: Rs256JwksTokenVerifierOptions) {
    const jwks = createRemoteJWKSet(new URL(options.jwksUrl), options.jwks);
    this.getKey = async (header, token) => {
      try {
        return await jwks(header, token);
      } catch (error) {
        if (isTokenProblem(error)) throw error;
        throw new IdentityProviderUnavailable('The identity provider’s signing keys could not be fetched.', { cause: error });
      }
    };
    this.claims = { ...DEFAULT_CLAIM_NAMES, ...options.claims };
    this.clock = options.clock ?? (() => new Date());
  }

  async issue(_actor: Actor): Promise<IssuedToken> {
    throw new Error('Tokens come from the OIDC identity provider: people sign in there, and this platform only verifies its tokens.');
  }

  async verify(token: string): Promise<Actor> {
    if (typeof token !== 'string' || token.length === 0 || token.length > MAX_TOKEN_LENGTH) throw invalidToken();
    try {
      const { payload } = await jwtVerify(token, this.getKey, {
        algorithms: ALGORITHMS,
        issuer: this.options.issuer,
        audience: this.options.audience,
        requiredClaims: ['sub', 'exp'],
        clockTolerance: this.options.clockToleranceSeconds ?? 30,
        currentDate: this.clock(),
      });
      return actorFromClaims(payload, this.claims);
    } catch (error) {
      throw tokenError(error);
    }
  }
}
