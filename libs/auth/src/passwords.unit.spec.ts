import { DEFAULT_SCRYPT_COST, hashPassword, needsRehash, verifyPassword, type ScryptCost } from './passwords';

// A cheap cost keeps these tests fast; the format and comparison are the same at any cost.
const CHEAP: ScryptCost = { N: 2 ** 10, r: 8, p: 1 };

describe('password hashing', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const hash = await hashPassword('正确的密码 correct horse', CHEAP);
    await expect(verifyPassword('正确的密码 correct horse', hash)).resolves.toBe(true);
    await expect(verifyPassword('正确的密码 correct hors', hash)).resolves.toBe(false);
    await expect(verifyPassword('', hash)).resolves.toBe(false);
  });

  it('salts every hash and encodes its parameters in it', async () => {
    const [first, second] = await Promise.all([hashPassword('same', CHEAP), hashPassword('same', CHEAP)]);
    expect(first).not.toBe(second);
    expect(first).toMatch(/^\$scrypt\$ln=10,r=8,p=1\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/);
    expect(first).not.toContain('same');
  });

  it('verifies a hash with the parameters stored in it, not the current default', async () => {
    const hash = await hashPassword('pw', { N: 2 ** 11, r: 4, p: 2 });
    await expect(verifyPassword('pw', hash)).resolves.toBe(true);
    expect(needsRehash(hash)).toBe(true);
    expect(needsRehash(hash, { N: 2 ** 11, r: 4, p: 2 })).toBe(false);
  });

  it('treats the same password in different Unicode forms as the same password', async () => {
    const hash = await hashPassword('caf\u00e9', CHEAP);
    await expect(verifyPassword('cafe\u0301', hash)).resolves.toBe(true);
  });

  it('throws on a malformed stored hash without echoing it', async () => {
    const broken = '$scrypt$ln=99,r=8,p=1$c2VjcmV0c2FsdHNhbHQ$c2VjcmV0a2V5a2V5a2V5';
    await expect(verifyPassword('pw', broken)).rejects.toThrow('not a valid scrypt hash');
    await expect(verifyPassword('pw', broken)).rejects.not.toThrow('c2VjcmV0');
    await expect(verifyPassword('pw', 'plaintext')).rejects.toThrow('not a valid scrypt hash');
  });

  it('refuses an empty password and out-of-range costs', async () => {
    await expect(hashPassword('', CHEAP)).rejects.toThrow('non-empty');
    await expect(hashPassword('pw', { N: 1000, r: 8, p: 1 })).rejects.toThrow('out of range');
    await expect(hashPassword('pw', { N: 2 ** 20, r: 32, p: 1 })).rejects.toThrow('out of range');
  });

  it('defaults to an OWASP-equivalent cost', () => {
    expect(DEFAULT_SCRYPT_COST.N * DEFAULT_SCRYPT_COST.r * DEFAULT_SCRYPT_COST.p).toBeGreaterThanOrEqual(2 ** 15 * 8 * 3);
  });
});
