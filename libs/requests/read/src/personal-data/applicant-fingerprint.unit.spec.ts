import { createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApplicantFingerprints, FINGERPRINT_SECRET_FILE_NAME, fingerprintSecretFile } from './applicant-fingerprint';

describe('the applicant’s fingerprint (keyed, for the monthly count of 国办函〔2020〕109号)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'gongkai-fingerprint-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is HMAC-SHA256 of the normalised number, never the number or its plain hash', () => {
    const secret = Buffer.alloc(32, 7);
    const fingerprints = ApplicantFingerprints.withSecret(secret);
    const expected = createHmac('sha256', secret).update('44530219880715661X').digest('hex');
    expect(fingerprints.of('44530219880715661X')).toBe(expected);
    expect(fingerprints.of('4453-0219-8807-1566-1x')).toBe(expected);
    expect(expected).not.toContain('445302');
    expect(ApplicantFingerprints.withSecret(Buffer.alloc(32, 8)).of('44530219880715661X')).not.toBe(expected);
  });

  it('creates the installation’s secret once, owner-only, and keeps it across restarts', () => {
    const file = join(dir, FINGERPRINT_SECRET_FILE_NAME);
    const first = ApplicantFingerprints.fromFile(file).of('445302198807156611');
    expect(ApplicantFingerprints.fromFile(file).of('445302198807156611')).toBe(first);
    expect(statSync(file).mode & 0o077).toBe(0);
    expect(Buffer.from(readFileSync(file, 'utf8').trim(), 'base64')).toHaveLength(32);
  });

  it('refuses a secret too short to key anything', () => {
    expect(() => ApplicantFingerprints.withSecret(Buffer.alloc(16))).toThrow('at least 32 bytes');
  });

  it('takes the secret from the deployment when it gives one, so that replicas on several nodes agree', () => {
    const secret = Buffer.alloc(48, 9);
    const env = { APPLICANT_FINGERPRINT_SECRET: secret.toString('base64'), PERSONAL_DATA_FILE: join(dir, 'personal-data.db') };
    expect(ApplicantFingerprints.fromEnvironment(env).of('44530219880715661X')).toBe(ApplicantFingerprints.withSecret(secret).of('44530219880715661X'));
    expect(() => statSync(join(dir, FINGERPRINT_SECRET_FILE_NAME))).toThrow();
    const fromFile = ApplicantFingerprints.fromEnvironment({ PERSONAL_DATA_FILE: join(dir, 'personal-data.db') });
    expect(fromFile.of('44530219880715661X')).toBe(ApplicantFingerprints.fromFile(join(dir, FINGERPRINT_SECRET_FILE_NAME)).of('44530219880715661X'));
  });

  it('keeps the secret beside the personal-data vault’s key table', () => {
    expect(fingerprintSecretFile({ PERSONAL_DATA_FILE: '/srv/gongkai/keys/personal-data.db' })).toBe('/srv/gongkai/keys/applicant-fingerprint.key');
    expect(fingerprintSecretFile({ EVENT_STORE_FILE: 'var/gongkai.db' }, '/app')).toBe('/app/var/applicant-fingerprint.key');
    expect(fingerprintSecretFile({ DATA_DIR: '/data' })).toBe('/data/applicant-fingerprint.key');
    expect(fingerprintSecretFile({}, '/app')).toBe('/app/data/applicant-fingerprint.key');
  });
});
