import { AGENCIES, CITY_AGENCY_CODE, DEPARTMENTS, isDomainError, ROLES } from '@gongkai/kernel';
import { authenticate, InMemoryAccountDirectory } from './account-directory';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, loadDemoAccounts } from './demo-accounts';
import { hashPassword } from './passwords';

const failure = async (attempt: Promise<unknown>): Promise<{ code: string; rule: string; message: string }> => {
  const error = await attempt.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!isDomainError(error)) throw new Error(`expected a DomainError, got ${String(error)}`);
  return { code: error.code, rule: error.rule, message: error.message };
};

describe('demo accounts', () => {
  it('has the expected people, each in a known agency and department', () => {
    expect(DEMO_ACCOUNTS.map((a) => a.username)).toEqual([
      'admin',
      'office',
      'leader',
      'reviewer',
      'window',
      'regulations',
      'supervision',
      'auditor',
      'county-window',
    ]);
    for (const account of DEMO_ACCOUNTS) {
      expect(AGENCIES.map((a) => a.code)).toContain(account.agencyCode);
      if (account.departmentCode) expect(DEPARTMENTS.map((d) => d.code)).toContain(account.departmentCode);
      for (const role of account.roles) expect(ROLES).toContain(role);
    }
    expect(DEMO_ACCOUNTS.find((a) => a.username === 'county-window')).toMatchObject({ agencyCode: '445381', departmentCode: 'SERVICE_WINDOW' });
    expect(DEMO_ACCOUNTS.find((a) => a.username === 'office')).toMatchObject({ roles: ['office', 'staff'], agencyCode: CITY_AGENCY_CODE });
  });

  it('hashes the demo password once per process', async () => {
    const first = loadDemoAccounts();
    expect(loadDemoAccounts()).toBe(first);
    const accounts = await first;
    expect(accounts).toHaveLength(DEMO_ACCOUNTS.length);
    expect(new Set(accounts.map((a) => a.passwordHash)).size).toBe(1);
    expect(accounts[0].passwordHash).not.toContain(DEMO_PASSWORD);
  });
});

describe('authenticate', () => {
  let directory: InMemoryAccountDirectory;
  beforeAll(async () => {
    directory = new InMemoryAccountDirectory(await loadDemoAccounts());
  });

  it('returns the actor for the right password, without credentials', async () => {
    const actor = await authenticate(directory, 'office', DEMO_PASSWORD);
    expect(actor).toEqual({
      id: 'demo-office',
      roles: ['office', 'staff'],
      agencyCode: CITY_AGENCY_CODE,
      departmentCode: 'OFFICE',
      displayName: '办公室（演示）',
    });
    expect(JSON.stringify(actor)).not.toContain('scrypt');
  });

  it('matches usernames case-insensitively and omits the department for agency-wide roles', async () => {
    const actor = await authenticate(directory, ' Auditor ', DEMO_PASSWORD);
    expect(actor.id).toBe('demo-auditor');
    expect(actor).not.toHaveProperty('departmentCode');
  });

  it('gives a wrong password and an unknown user exactly the same error', async () => {
    const wrongPassword = await failure(authenticate(directory, 'admin', 'not-the-password'));
    const unknownUser = await failure(authenticate(directory, 'nobody', DEMO_PASSWORD));
    expect(wrongPassword).toEqual({ code: 'UNAUTHENTICATED', rule: 'INVALID_CREDENTIALS', message: 'The username or password is wrong.' });
    expect(unknownUser).toEqual(wrongPassword);
  });

  it('refuses empty and oversized input with the same error', async () => {
    const expected = { code: 'UNAUTHENTICATED', rule: 'INVALID_CREDENTIALS' };
    await expect(failure(authenticate(directory, '', DEMO_PASSWORD))).resolves.toMatchObject(expected);
    await expect(failure(authenticate(directory, 'admin', ''))).resolves.toMatchObject(expected);
    await expect(failure(authenticate(directory, 'admin', 'x'.repeat(5000)))).resolves.toMatchObject(expected);
  });

  it('refuses two accounts with the same username', async () => {
    const passwordHash = await hashPassword('pw', { N: 2 ** 10, r: 8, p: 1 });
    const account = { id: 'a', username: 'Same', displayName: 'A', roles: [], agencyCode: CITY_AGENCY_CODE, passwordHash };
    expect(() => new InMemoryAccountDirectory([account, { ...account, id: 'b', username: 'same' }])).toThrow('Duplicate username');
  });
});
