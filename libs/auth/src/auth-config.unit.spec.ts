import { assertSafeForProduction, loadAuthConfig } from './auth-config';
import { Hs256TokenService } from './hs256-token-service';
import { Rs256JwksTokenVerifier } from './rs256-jwks-token-verifier';
import { createTokenService } from './token-service-factory';

const OIDC = {
  AUTH_MODE: 'oidc',
  OIDC_JWKS_URL: 'https://sso.example.gov.cn/certs',
  OIDC_ISSUER: 'https://sso.example.gov.cn',
  OIDC_AUDIENCE: 'gongkai',
};

describe('loadAuthConfig', () => {
  it('defaults to embedded mode with demo accounts, a generated secret and 8-hour tokens', () => {
    expect(loadAuthConfig({})).toEqual({ mode: 'embedded', demoAccounts: true, tokenTtlSeconds: 28_800 });
  });

  it('reads an embedded configuration', () => {
    const config = loadAuthConfig({ JWT_SECRET: 'k'.repeat(32), DEMO_ACCOUNTS: 'false', TOKEN_TTL_SECONDS: '3600' });
    expect(config).toEqual({ mode: 'embedded', hs256Secret: 'k'.repeat(32), demoAccounts: false, tokenTtlSeconds: 3600 });
    expect(createTokenService(config)).toBeInstanceOf(Hs256TokenService);
  });

  it('reads an oidc configuration with custom claim names, without demo accounts', () => {
    const config = loadAuthConfig({ ...OIDC, OIDC_ROLES_CLAIM: 'realm_access.roles', OIDC_AGENCY_CLAIM: 'agency_code' });
    expect(config).toEqual({
      mode: 'oidc',
      jwksUrl: OIDC.OIDC_JWKS_URL,
      issuer: OIDC.OIDC_ISSUER,
      audience: 'gongkai',
      claims: { name: 'name', roles: 'realm_access.roles', agency: 'agency_code', department: 'dept' },
      demoAccounts: false,
      tokenTtlSeconds: 28_800,
    });
    expect(createTokenService(config)).toBeInstanceOf(Rs256JwksTokenVerifier);
  });

  it('names every missing oidc setting', () => {
    expect(() => loadAuthConfig({ AUTH_MODE: 'oidc', OIDC_ISSUER: 'https://sso.example.gov.cn' })).toThrow(
      'AUTH_MODE=oidc needs OIDC_JWKS_URL, OIDC_ISSUER and OIDC_AUDIENCE; missing: OIDC_JWKS_URL, OIDC_AUDIENCE.',
    );
  });

  it('requires https for the key set, except on this machine', () => {
    expect(() => loadAuthConfig({ ...OIDC, OIDC_JWKS_URL: 'http://sso.example.gov.cn/certs' })).toThrow('OIDC_JWKS_URL must use https');
    expect(() => loadAuthConfig({ ...OIDC, OIDC_JWKS_URL: 'not a url' })).toThrow('OIDC_JWKS_URL must be an absolute URL');
    expect(loadAuthConfig({ ...OIDC, OIDC_JWKS_URL: 'http://localhost:8080/certs' }).jwksUrl).toBe('http://localhost:8080/certs');
  });

  it('requires a JWT_SECRET of at least 32 bytes when one is set, without echoing it', () => {
    const attempt = () => loadAuthConfig({ JWT_SECRET: 'too-short-secret' });
    expect(attempt).toThrow('JWT_SECRET must be at least 32 bytes');
    expect(attempt).not.toThrow('too-short-secret');
    // Bytes, not characters: 11 Chinese characters are 33 bytes in UTF-8.
    expect(loadAuthConfig({ JWT_SECRET: '云浮市环境保护局政务公' }).hs256Secret).toBe('云浮市环境保护局政务公');
  });

  it('refuses settings that contradict the mode', () => {
    expect(() => loadAuthConfig({ OIDC_JWKS_URL: OIDC.OIDC_JWKS_URL })).toThrow('OIDC_JWKS_URL is set but AUTH_MODE is not oidc');
    expect(() => loadAuthConfig({ ...OIDC, DEMO_ACCOUNTS: 'true' })).toThrow('DEMO_ACCOUNTS=true needs AUTH_MODE=embedded');
    expect(() => loadAuthConfig({ ...OIDC, JWT_SECRET: 'k'.repeat(32) })).toThrow('JWT_SECRET is used only with AUTH_MODE=embedded');
  });

  it('reports every problem at once', () => {
    let message = '';
    try {
      loadAuthConfig({ AUTH_MODE: 'ldap', DEMO_ACCOUNTS: 'maybe', TOKEN_TTL_SECONDS: '8h' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('AUTH_MODE must be one of embedded, oidc (is "ldap").');
    expect(message).toContain('DEMO_ACCOUNTS must be true or false (is "maybe").');
    expect(message).toContain('TOKEN_TTL_SECONDS must be a whole number of seconds from 60 to 86400 (is "8h").');
  });

  it('treats blank variables as unset', () => {
    expect(loadAuthConfig({ AUTH_MODE: ' ', JWT_SECRET: '', DEMO_ACCOUNTS: '' }).mode).toBe('embedded');
  });
});

describe('assertSafeForProduction', () => {
  it('refuses to start in production with the demo accounts', () => {
    expect(() => assertSafeForProduction(loadAuthConfig({}), 'production')).toThrow(/set DEMO_ACCOUNTS=false or provide real accounts/i);
  });

  it('lets production start without them, and development with them', () => {
    expect(() => assertSafeForProduction(loadAuthConfig({ DEMO_ACCOUNTS: 'false' }), 'production')).not.toThrow();
    expect(() => assertSafeForProduction(loadAuthConfig(OIDC), 'production')).not.toThrow();
    expect(() => assertSafeForProduction(loadAuthConfig({}), 'development')).not.toThrow();
    expect(() => assertSafeForProduction(loadAuthConfig({}), undefined)).not.toThrow();
  });
});
