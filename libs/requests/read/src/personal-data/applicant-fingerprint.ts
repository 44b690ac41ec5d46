import { createHmac, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** The platform secret's file: beside the personal-data vault's key table, never in the event store. */
export const FINGERPRINT_SECRET_FILE_NAME = 'applicant-fingerprint.key';
const SECRET_BYTES = 32;

/**
 * The applicant's fingerprint: HMAC-SHA256 of the normalised identity number under a secret of
 * this installation. It lets the read side count one applicant's requests per calendar month
 * (国办函〔2020〕109号) while the number itself stays sealed in the vault. Keyed, not a plain hash:
 * identity numbers are few enough (region, birth date, sequence) to be hashed exhaustively, so
 * whoever holds the events but not the secret learns nothing. Never shown to anyone.
 */
export class ApplicantFingerprints {
  private constructor(private readonly secret: Buffer) {}

  static withSecret(secret: Buffer): ApplicantFingerprints {
    if (secret.length < SECRET_BYTES) throw new Error(`The applicant fingerprint secret must be at least ${SECRET_BYTES} bytes.`);
    return new ApplicantFingerprints(Buffer.from(secret));
  }

  /**
   * The installation's secret from `file`, created there (32 random bytes, owner-only) the first
   * time. Creation is exclusive, so two processes starting together end up with the same secret.
   * Losing the file only resets the monthly counts; it must be backed up with the vault's key table.
   */
  static fromFile(file: string): ApplicantFingerprints {
    mkdirSync(dirname(file), { recursive: true });
    try {
      writeFileSync(file, `${randomBytes(SECRET_BYTES).toString('base64')}\n`, { flag: 'wx', mode: 0o600 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    return ApplicantFingerprints.withSecret(Buffer.from(readFileSync(file, 'utf8').trim(), 'base64'));
  }

  /**
   * APPLICANT_FINGERPRINT_SECRET (base64) when the deployment gives one: gateway replicas on
   * several nodes share no file, and must share the secret (libs/platform checks it at start).
   * Otherwise the file beside the vault's key table.
   */
  static fromEnvironment(env: Readonly<Record<string, string | undefined>>, cwd: string = process.cwd()): ApplicantFingerprints {
    const secret = env['APPLICANT_FINGERPRINT_SECRET'];
    return secret ? ApplicantFingerprints.withSecret(Buffer.from(secret, 'base64')) : ApplicantFingerprints.fromFile(fingerprintSecretFile(env, cwd));
  }

  /** Hex, as the decider expects it. The same person under any spelling of the number gets the same fingerprint. */
  of(idNumber: string): string {
    return createHmac('sha256', this.secret).update(normaliseIdNumber(idNumber), 'utf8').digest('hex');
  }
}

/** Upper case, letters and digits only: "4453-0219…x" and "44530219…X" are one person. */
export const normaliseIdNumber = (idNumber: string): string => idNumber.toUpperCase().replace(/[^0-9A-Z]/g, '');

/**
 * Where the secret lives, read from the same settings as the vault's key table
 * (libs/platform: PERSONAL_DATA_FILE in the distributed processes; beside the event store, in
 * DATA_DIR by default, for the embedded platform), so that the secret sits with the vault.
 */
export const fingerprintSecretFile = (env: Readonly<Record<string, string | undefined>>, cwd: string = process.cwd()): string => {
  const personalData = env['PERSONAL_DATA_FILE'];
  if (personalData) return join(dirname(resolve(cwd, personalData)), FINGERPRINT_SECRET_FILE_NAME);
  const eventStore = env['EVENT_STORE_FILE'];
  if (eventStore) return join(dirname(resolve(cwd, eventStore)), FINGERPRINT_SECRET_FILE_NAME);
  return join(resolve(cwd, env['DATA_DIR'] ?? './data'), FINGERPRINT_SECRET_FILE_NAME);
};

/** Nest's token for the installation's fingerprints. */
export const APPLICANT_FINGERPRINTS = Symbol.for('gongkai.requests.ApplicantFingerprints');
