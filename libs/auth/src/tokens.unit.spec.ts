import { ANONYMOUS, systemActor, type Actor } from '@gongkai/kernel';
import { SignJWT, UnsecuredJWT } from 'jose';
import { Hs256TokenService } from './hs256-token-service';
import { actorFromClaims } from './token-claims';

const SECRET = 'test-secret-test-secret-test-secret!';
const T0 = new Date('2026-03-02T01:00:00.000Z');

const staff: Actor = { id: 'demo-window', roles: ['staff'], agencyCode: '445300', departmentCode: 'SERVICE_WINDOW', displayName: '环保窗口' };

const clockAt = (date: Date) => () => date;
const secondsAfter = (date: Date, seconds: number) => new Date(date.getTime() + seconds * 1000);
const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const decodePayload = (token: string): Record<string, unknown> => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));

describe('Hs256TokenService', () => {
  const service = new Hs256TokenService({ secret: SECRET, clock: clockAt(T0) });

  it('issues a token that verifies back to the same actor', async () => {
    const { token, expiresAt } = await service.issue(staff);
    expect(expiresAt).toBe('2026-03-02T09:00:00.000Z');
    await expect(service.verify(token)).resolves.toEqual(staff);
  });

  it('writes the documented claims', async () => {
    const { token } = await service.issue(staff);
    expect(decodePayload(token)).toMatchObject({
      sub: 'demo-window',
      iss: 'gongkai',
      aud: 'gongkai',
      name: '环保窗口',
      roles: ['staff'],
      agency: '445300',
      dept: 'SERVICE_WINDOW',
      iat: T0.getTime() / 1000,
      exp: T0.getTime() / 1000 + 8 * 3600,
    });
  });

  it('works with a generated secret when none is configured, but only in the same process', async () => {
    const embedded = new Hs256TokenService();
    const { token } = await embedded.issue(staff);
    await expect(embedded.verify(token)).resolves.toEqual(staff);
    await expect(new Hs256TokenService().verify(token)).rejects.toMatchObject({ code: 'UNAUTHENTICATED', rule: 'INVALID_TOKEN' });
  });

  it('rejects a token whose claims were changed', async () => {
    const { token } = await service.issue(staff);
    const [header, , signature] = token.split('.');
    const escalated = `${header}.${b64({ ...decodePayload(token), roles: ['admin'] })}.${signature}`;
    await expect(service.verify(escalated)).rejects.toMatchObject({ code: 'UNAUTHENTICATED', rule: 'INVALID_TOKEN' });
  });

  it('rejects an expired token as TOKEN_EXPIRED', async () => {
    const { token } = await new Hs256TokenService({ secret: SECRET, ttlSeconds: 60, clock: clockAt(T0) }).issue(staff);
    const later = new Hs256TokenService({ secret: SECRET, clock: clockAt(secondsAfter(T0, 61)) });
    await expect(later.verify(token)).rejects.toMatchObject({ code: 'UNAUTHENTICATED', rule: 'TOKEN_EXPIRED' });
    const justInTime = new Hs256TokenService({ secret: SECRET, clock: clockAt(secondsAfter(T0, 59)) });
    await expect(justInTime.verify(token)).resolves.toEqual(staff);
  });

  it('rejects a token for another audience or from another issuer', async () => {
    const forOthers = new Hs256TokenService({ secret: SECRET, audience: 'other-system', clock: clockAt(T0) });
    const fromOthers = new Hs256TokenService({ secret: SECRET, issuer: 'other-issuer', clock: clockAt(T0) });
    await expect(service.verify((await forOthers.issue(staff)).token)).rejects.toMatchObject({ rule: 'INVALID_TOKEN' });
    await expect(service.verify((await fromOthers.issue(staff)).token)).rejects.toMatchObject({ rule: 'INVALID_TOKEN' });
  });

  it('rejects a token signed with another secret', async () => {
    const other = new Hs256TokenService({ secret: 'another-secret-another-secret-another', clock: clockAt(T0) });
    await expect(service.verify((await other.issue(staff)).token)).rejects.toMatchObject({ rule: 'INVALID_TOKEN' });
  });

  it('rejects unsigned tokens and garbage', async () => {
    const unsigned = new UnsecuredJWT({ roles: ['admin'] })
      .setSubject('intruder')
      .setIssuer('gongkai')
      .setAudience('gongkai')
      .setIssuedAt(T0)
      .setExpirationTime(secondsAfter(T0, 3600))
      .encode();
    for (const token of [unsigned, '', 'not-a-token', 'a.b.c', 'x'.repeat(10_000)]) {
      await expect(service.verify(token)).rejects.toMatchObject({ code: 'UNAUTHENTICATED', rule: 'INVALID_TOKEN' });
    }
  });

  it('never puts the token into the error message', async () => {
    const { token } = await new Hs256TokenService({ secret: SECRET, ttlSeconds: 60, clock: clockAt(T0) }).issue(staff);
    const later = new Hs256TokenService({ secret: SECRET, clock: clockAt(secondsAfter(T0, 3600)) });
    const errors = await Promise.all(
      [token, `${token}x`, token.replace(/\.[^.]+$/, '.AAAA')].map((candidate) => later.verify(candidate).catch((error: Error) => error)),
    );
    for (const error of errors) {
      expect(error).toBeInstanceOf(Error);
      for (const part of token.split('.')) expect(JSON.stringify({ message: (error as Error).message, error })).not.toContain(part);
    }
  });

  it('refuses to grant the system role through a token, even a validly signed one', async () => {
    const forged = await new SignJWT({ roles: ['system', 'staff'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('svc')
      .setIssuer('gongkai')
      .setAudience('gongkai')
      .setIssuedAt(T0)
      .setExpirationTime(secondsAfter(T0, 60))
      .sign(new TextEncoder().encode(SECRET));
    await expect(service.verify(forged)).resolves.toMatchObject({ id: 'svc', roles: ['staff'] });
  });

  it('issues no token for the public or for system actors', async () => {
    await expect(service.issue(ANONYMOUS)).rejects.toThrow('No token');
    await expect(service.issue(systemActor('relay'))).rejects.toThrow('No token');
  });

  it('refuses a short secret and a bad lifetime', () => {
    expect(() => new Hs256TokenService({ secret: 'short' })).toThrow('at least 32 bytes');
    expect(() => new Hs256TokenService({ ttlSeconds: 0 })).toThrow('positive whole number');
  });
});

describe('actorFromClaims', () => {
  it('reads renamed and nested claims and ignores roles the platform does not know', () => {
    const payload = { sub: 'u1', realm_access: { roles: ['offline_access', 'reviewer'] }, 'https://gongkai.example/agency': '445321' };
    const actor = actorFromClaims(payload, { name: 'preferred_username', roles: 'realm_access.roles', agency: 'https://gongkai.example/agency', department: 'dept' });
    expect(actor).toEqual({ id: 'u1', roles: ['reviewer'], agencyCode: '445321' });
  });

  it('accepts roles as one space-separated string', () => {
    expect(actorFromClaims({ sub: 'u1', roles: 'staff office' }).roles).toEqual(['staff', 'office']);
  });

  it('refuses unknown agency or department codes and a missing subject', () => {
    expect(() => actorFromClaims({ sub: 'u1', agency: '110000' })).toThrow('agency the platform does not know');
    expect(() => actorFromClaims({ sub: 'u1', dept: 'KITCHEN' })).toThrow('department the platform does not know');
    expect(() => actorFromClaims({ roles: ['admin'] })).toThrow('does not say who');
  });
});
