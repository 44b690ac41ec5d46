import type { AuthConfig } from './auth-config';
import { Hs256TokenService } from './hs256-token-service';
import { Rs256JwksTokenVerifier } from './rs256-jwks-token-verifier';
import type { TokenService } from './tokens';

/** The token service the configuration asks for, so that the gateway and services choose the same way. */
export const createTokenService = (config: AuthConfig, clock?: () => Date): TokenService => {
  if (config.mode === 'embedded') {
    return new Hs256TokenService({ secret: config.hs256Secret, ttlSeconds: config.tokenTtlSeconds, clock });
  }
  if (config.jwksUrl === undefined || config.issuer === undefined || config.audience === undefined) {
    throw new Error('oidc mode needs jwksUrl, issuer and audience: load the configuration with loadAuthConfig.');
  }
  return new Rs256JwksTokenVerifier({ jwksUrl: config.jwksUrl, issuer: config.issuer, audience: config.audience, claims: config.claims, clock });
};
