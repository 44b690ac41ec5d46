import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWTPayload, type KeyLike } from 'jose';
import { Rs256JwksTokenVerifier } from './rs256-jwks-token-verifier';

/**
 * Plays the OIDC provider: a JWKS endpoint on a local port, and tokens signed with its private key.
 */
const ISSUER = 'https://sso.example.gov.cn/realms/gongkai';
const AUDIENCE = 'gongkai-gateway';
const KID = 'test-key-1';

const listen = (server: Server): Promise<number> =>
  new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
const close = (server: Server): Promise<void> => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));

describe('Rs256JwksTokenVerifier against a local JWKS endpoint', () => {
  let privateKey: KeyLike;
  let server: Server;
  let jwksUrl: string;
  let jwksRequests = 0;

  const sign = (claims: JWTPayload, options: { key?: KeyLike; kid?: string; audience?: string; expiresIn?: string } = {}) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: options.kid ?? KID, typ: 'JWT' })
      .setSubject('f3a1c2d4-oidc-user')
      .setIssuer(ISSUER)
      .setAudience(options.audience ?? AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(options.expiresIn ?? '5m')
      .sign(options.key ?? privateKey);

  const verifier = (overrides: Partial<ConstructorParameters<typeof Rs256JwksTokenVerifier>[0]> = {}) =>
    new Rs256JwksTokenVerifier({
      jwksUrl,
      issuer: ISSUER,
      audience: AUDIENCE,
      claims: { roles: 'realm_access.roles', agency: 'agency_code', department: 'department_code', name: 'name' },
      ...overrides,
    });

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    privateKey = pair.privateKey;
    const publicJwk = { ...(await exportJWK(pair.publicKey)), kid: KID, alg: 'RS256', use: 'sig' };
    server = createServer((request, response) => {
      jwksRequests += 1;
      if (request.url !== '/certs') {
        response.writeHead(404).end();
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [publicJwk] }));
    });
    jwksUrl = `http://127.0.0.1:${await listen(server)}/certs`;
  });

  afterAll(() => close(server));

  it('verifies a provider token and maps the configured claims to an actor', async () => {
    const token = await sign({ name: '罗定市 张三', realm_access: { roles: ['staff', 'uma_authorization'] }, agency_code: '445381', department_code: 'SERVICE_WINDOW' });
    await expect(verifier().verify(token)).resolves.toEqual({
      id: 'f3a1c2d4-oidc-user',
      roles: ['staff'],
      agencyCode: '445381',
      departmentCode: 'SERVICE_WINDOW',
      displayName: '罗定市 张三',
    });
  });

  it('fetches the key set once and caches it', async () => {
    const subject = verifier();
    const before = jwksRequests;
    const token = await sign({ realm_access: { roles: ['auditor'] }, agency_code: '445300' });
    await subject.verify(token);
    await subject.verify(token);
    expect(jwksRequests - before).toBe(1);
  });

  it('rejects a token for another audience', async () => {
    const token = await sign({ realm_access: { roles: ['admin'] } }, { audience: 'some-other-client' });
    await expect(verifier().verify(token)).rejects.toMatchObject({ code: 'UNAUTHENTICATED', rule: 'INVALID_TOKEN' });
  });

  it('rejects an expired token beyond the clock tolerance as TOKEN_EXPIRED', async () => {
    const token = await sign({}, { expiresIn: '1m' });
    const inTwoMinutes = () => new Date(Date.now() + 2 * 60 * 1000);
    await expect(verifier({ clock: inTwoMinutes }).verify(token)).rejects.toMatchObject({ code: 'UNAUTHENTICATED', rule: 'TOKEN_EXPIRED' });
    const inSeventySeconds = () => new Date(Date.now() + 70 * 1000);
    await expect(verifier({ clock: inSeventySeconds }).verify(token)).resolves.toMatchObject({ id: 'f3a1c2d4-oidc-user' });
  });

  it('rejects a token signed by a key the provider does not publish', async () => {
    const stranger = await generateKeyPair('RS256');
    const withOurKid = await sign({ realm_access: { roles: ['admin'] } }, { key: stranger.privateKey });
    const withOtherKid = await sign({ realm_access: { roles: ['admin'] } }, { key: stranger.privateKey, kid: 'unknown-key' });
    await expect(verifier().verify(withOurKid)).rejects.toMatchObject({ code: 'UNAUTHENTICATED', rule: 'INVALID_TOKEN' });
    await expect(verifier().verify(withOtherKid)).rejects.toMatchObject({ code: 'UNAUTHENTICATED', rule: 'INVALID_TOKEN' });
  });

  it('rejects an HS256 token even when it names the provider', async () => {
    const hs256 = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256', kid: KID })
      .setSubject('x')
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode('a'.repeat(32)));
    await expect(verifier().verify(hs256)).rejects.toMatchObject({ code: 'UNAUTHENTICATED', rule: 'INVALID_TOKEN' });
  });

  it('reports an unreachable provider as unavailable, not as a bad token', async () => {
    const down = createServer();
    const port = await listen(down);
    await close(down);
    const token = await sign({});
    await expect(verifier({ jwksUrl: `http://127.0.0.1:${port}/certs` }).verify(token)).rejects.toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
      rule: 'IDENTITY_PROVIDER_UNAVAILABLE',
    });
    await expect(verifier({ jwksUrl: jwksUrl.replace('/certs', '/missing') }).verify(token)).rejects.toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
    });
  });

  it('does not issue tokens', async () => {
    await expect(verifier().issue({ id: 'u', roles: ['staff'] })).rejects.toThrow('Tokens come from the OIDC identity provider');
  });
});
