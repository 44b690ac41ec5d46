import { PersonalDataIntegrityError, PersonalDataKeyErasedError, PersonalDataKeyMissingError, type PersonalDataVault } from './personal-data-vault';

export interface VaultUnderTest {
  readonly vault: PersonalDataVault;
  readonly cleanup: () => Promise<void>;
}

const APPLICANT = JSON.stringify({ name: '张三', idNumber: '445302199001011234', contact: '13800000000', address: '云浮市云城区' });

/** What every PersonalDataVault adapter must do; each test gets a fresh vault from the factory. */
export const describePersonalDataVaultContract = (name: string, factory: () => Promise<VaultUnderTest>): void => {
  describe(`PersonalDataVault contract: ${name}`, () => {
    let subject: VaultUnderTest;
    beforeEach(async () => {
      subject = await factory();
    });
    afterEach(() => subject.cleanup());

    it('gives back what it encrypted, and the ciphertext does not contain it', async () => {
      const { vault } = subject;
      await vault.createKey('request-1');
      const sealed = await vault.encrypt('request-1', APPLICANT);
      expect(sealed).not.toContain('445302199001011234');
      expect(sealed).not.toContain(Buffer.from('张三').toString('base64url'));
      expect(await vault.decrypt('request-1', sealed)).toBe(APPLICANT);
      expect(await vault.keyState('request-1')).toBe('ACTIVE');
    });

    it('encrypts the same text differently every time (random IV)', async () => {
      await subject.vault.createKey('request-1');
      expect(await subject.vault.encrypt('request-1', APPLICANT)).not.toBe(await subject.vault.encrypt('request-1', APPLICANT));
    });

    it('keeps the existing key when asked to create it again (a retried command)', async () => {
      const { vault } = subject;
      await vault.createKey('request-1');
      const sealed = await vault.encrypt('request-1', APPLICANT);
      await vault.createKey('request-1');
      expect(await vault.decrypt('request-1', sealed)).toBe(APPLICANT);
    });

    it('gives every subject its own key: one subject’s ciphertext does not open under another', async () => {
      const { vault } = subject;
      await vault.createKey('request-1');
      await vault.createKey('request-2');
      const sealed = await vault.encrypt('request-1', APPLICANT);
      await expect(vault.decrypt('request-2', sealed)).rejects.toBeInstanceOf(PersonalDataIntegrityError);
    });

    it('refuses an altered ciphertext instead of returning garbage', async () => {
      const { vault } = subject;
      await vault.createKey('request-1');
      const [scheme, iv, tag, body] = (await vault.encrypt('request-1', APPLICANT)).split('.');
      const flipped = Buffer.from(body, 'base64url');
      flipped[0] ^= 1;
      await expect(vault.decrypt('request-1', [scheme, iv, tag, flipped.toString('base64url')].join('.'))).rejects.toBeInstanceOf(PersonalDataIntegrityError);
      await expect(vault.decrypt('request-1', 'not a ciphertext')).rejects.toBeInstanceOf(PersonalDataIntegrityError);
    });

    it('forgets the data once the key is erased', async () => {
      const { vault } = subject;
      await vault.createKey('request-1');
      const sealed = await vault.encrypt('request-1', APPLICANT);
      await vault.eraseKey('request-1');
      expect(await vault.decrypt('request-1', sealed)).toBeUndefined();
      expect(await vault.keyState('request-1')).toBe('ERASED');
    });

    it('never gives an erased subject a new key, so old ciphertext stays unreadable', async () => {
      const { vault } = subject;
      await vault.createKey('request-1');
      await vault.eraseKey('request-1');
      await expect(vault.createKey('request-1')).rejects.toBeInstanceOf(PersonalDataKeyErasedError);
      await expect(vault.encrypt('request-1', APPLICANT)).rejects.toBeInstanceOf(PersonalDataKeyErasedError);
    });

    it('erases idempotently, also a key it never had', async () => {
      const { vault } = subject;
      await vault.createKey('request-1');
      await vault.eraseKey('request-1');
      await vault.eraseKey('request-1');
      await vault.eraseKey('request-never');
      expect(await vault.keyState('request-never')).toBe('ERASED');
    });

    it('does not encrypt without a key, and reads nothing for an unknown subject', async () => {
      await expect(subject.vault.encrypt('request-unknown', APPLICANT)).rejects.toBeInstanceOf(PersonalDataKeyMissingError);
      expect(await subject.vault.decrypt('request-unknown', 'pd1.a.b.c')).toBeUndefined();
      expect(await subject.vault.keyState('request-unknown')).toBe('NONE');
    });

    it('erasing one subject leaves the others readable', async () => {
      const { vault } = subject;
      await vault.createKey('request-1');
      await vault.createKey('request-2');
      const other = await vault.encrypt('request-2', APPLICANT);
      await vault.eraseKey('request-1');
      expect(await vault.decrypt('request-2', other)).toBe(APPLICANT);
    });

    it('refuses an empty subject id', async () => {
      await expect(subject.vault.createKey('')).rejects.toThrow(TypeError);
    });
  });
};
