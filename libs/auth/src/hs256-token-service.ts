import { randomBytes, randomUUID } from 'node:crypto';
import { hasRole, isAnonymous, type Actor } from '@gongkai/kernel';
import { jwtVerify, SignJWT } from 'jose';
import { actorFromClaims, claimsFromActor } from './token-claims';
import { invalidToken, MAX_TOKEN_LENGTH, tokenError, type IssuedToken, type TokenService } from './tokens';

export interface Hs256TokenServiceOptions {
  /**
   * The shared signing secret, at least 32 bytes. Without one a random secret is generated: fine
   * for the single embedded process, but its tokens die with the process and other processes
   * cannot verify them.
   */
  readonly secret?: string | Uint8Array;
  /** Default 8 hours: one working day. */
  readonly ttlSeconds?: number;
  readonly issuer?: string;
  readonly audience?: string;
  /** The current time; tests pass a fixed clock to issue and verify at chosen instants. */
  readonly clock?: () => Date;
}

export const DEFAULT_TOKEN_TTL_SECONDS = 8 * 60 * 60;
export const PLATFORM_ISSUER = 'gongkai';
export const PLATFORM_AUDIENCE = 'gongkai';
/** HS256 is only as strong as its key; RFC 7518 §3.2 asks for at least the hash size. */
export const MIN_SECRET_BYTES = 32;

const ALGORITHM = 'HS256';

/** Signs and verifies the platform's own tokens (embedded mode, where the platform is the identity provider). */
export class Hs256TokenService implements TokenService {
  private readonly key: Uint8Array;
  private readonly ttlSeconds: number;
  private readonly issuer: string;
  private readonly audience: string;
  private readonly clock: () => Date;

  constructor(options: Hs256TokenServiceOptions = {}) {
    const { secret } = options;
    this.key = secret === undefined ? randomBytes(MIN_SECRET_BYTES) : typeof secret === 'string' ? new TextEncoder().encode(secret) : secret;
    if (this.key.length < MIN_SECRET_BYTES) throw new Error(`The token signing secret must be at least ${MIN_SECRET_BYTES} bytes.`);
    this.ttlSeconds = options.ttlSeconds ?? DEFAULT_TOKEN_TTL_SECONDS;
    if (!Number.isInteger(this.ttlSeconds) || this.ttlSeconds <= 0) throw new Error('The token lifetime must be a positive whole number of seconds.');
    this.issuer = options.issuer ?? PLATFORM_ISSUER;
    this.audience = options.audience ?? PLATFORM_AUDIENCE;
    this.clock = options.clock ?? (() => new Date());
  }

  async issue(actor: Actor): Promise<IssuedToken> {
    // The public needs no token, and system actors never leave the process: a token for either is a bug.
    if (isAnonymous(actor) || hasRole(actor, 'system')) throw new Error(`No token is issued for ${actor.id}.`);
    const issuedAt = Math.floor(this.clock().getTime() / 1000);
    const expiresAt = issuedAt + this.ttlSeconds;
    const token = await new SignJWT(claimsFromActor(actor))
      .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
      .setSubject(actor.id)
      .setIssuer(this.issuer)
      .setAudience(this.audience)
      .setIssuedAt(issuedAt)
      .setExpirationTime(expiresAt)
      // A unique id per token, so that a revocation list can name one later.
      .setJti(randomUUID())
      .sign(this.key);
    return { token, expiresAt: new Date(expiresAt * 1000).toISOString() };
  }

  async verify(token: string): Promise<Actor> {
    if (typeof token !== 'string' || token.length === 0 || token.length > MAX_TOKEN_LENGTH) throw invalidToken();
    try {
      const { payload } = await jwtVerify(token, this.key, {
        // Pinning the algorithm refuses `alg: none` and any algorithm-confusion trick.
        algorithms: [ALGORITHM],
        issuer: this.issuer,
        audience: this.audience,
        requiredClaims: ['sub', 'exp', 'iat'],
        currentDate: this.clock(),
      });
      return actorFromClaims(payload);
    } catch (error) {
      throw tokenError(error);
    }
  }
}
