import { dirname, join, resolve } from 'node:path';
import { DEFAULT_PERSONAL_DATA_DATABASE } from '@gongkai/event-sourcing/mongo';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Where the personal-data vault keeps its keys: an SQLite file, which only processes on one host
 * may share, or a MongoDB replica set, which processes on any node may.
 */
export type PersonalDataLocation = { readonly kind: 'sqlite'; readonly file: string } | { readonly kind: 'mongodb'; readonly uri: string; readonly database: string };

export const MONGODB_URI_PATTERN = /^mongodb(\+srv)?:\/\/\S+$/;
/** MongoDB's own limits on a database name, kept to the characters a URI and a shell need no escaping for. */
const DATABASE_NAME = /^[A-Za-z0-9_-]{1,63}$/;
/** HMAC-SHA256 wants a key at least as long as its output. */
const FINGERPRINT_SECRET_BYTES = 32;

export const checkMongodbUri = (uri: string, problems: string[]): void => {
  if (!MONGODB_URI_PATTERN.test(uri)) problems.push('MONGODB_URI must be a mongodb:// or mongodb+srv:// connection string.');
};

/**
 * MONGODB_URI puts the keys in MongoDB (database PERSONAL_DATA_DATABASE), PERSONAL_DATA_FILE in an
 * SQLite file. Never both: two processes of one deployment reading different key tables would each
 * see the other's personal data as erased. `fallbackFile` is where an SQLite file goes when
 * neither is set (beside a service's SQLite event log); undefined makes one of them required.
 */
export const readPersonalDataLocation = (env: Env, cwd: string, problems: string[], fallbackFile: string | undefined, requiredBecause: string): PersonalDataLocation => {
  const uri = env['MONGODB_URI'];
  const file = env['PERSONAL_DATA_FILE'];
  const database = env['PERSONAL_DATA_DATABASE'] || DEFAULT_PERSONAL_DATA_DATABASE;
  if (!DATABASE_NAME.test(database)) problems.push(`PERSONAL_DATA_DATABASE must be a MongoDB database name of letters, digits, _ and - (got "${database}").`);
  if (uri && file) {
    problems.push('Set either MONGODB_URI (the personal-data vault in MongoDB, for processes on several nodes) or PERSONAL_DATA_FILE (an SQLite file, one node), not both.');
  }
  if (uri) return { kind: 'mongodb', uri, database };
  if (file) return { kind: 'sqlite', file: resolve(cwd, file) };
  if (fallbackFile) return { kind: 'sqlite', file: fallbackFile };
  problems.push(`MONGODB_URI or PERSONAL_DATA_FILE is required ${requiredBecause}: it holds the keys of the personal-data vault, which must be erasable and so never go into the event store.`);
  return { kind: 'sqlite', file: '' };
};

/** The default SQLite key table of a service on an SQLite event log: beside it. */
export const besideEventLog = (eventLogFile: string): string => join(dirname(eventLogFile), 'personal-data.db');

/**
 * The applicants' fingerprint secret (libs/requests/read, applicant-fingerprint.ts). With the keys
 * in an SQLite file it is made once in a file beside it; with the keys in MongoDB the gateway
 * replicas share no file, so the secret must come from the deployment, or each replica would count
 * one applicant's requests under a different fingerprint.
 */
export const checkFingerprintSecret = (env: Env, vault: PersonalDataLocation, problems: string[]): void => {
  const secret = env['APPLICANT_FINGERPRINT_SECRET'];
  if (!secret) {
    if (vault.kind === 'mongodb') {
      problems.push(`APPLICANT_FINGERPRINT_SECRET is required with the personal-data vault in MongoDB: base64 of at least ${FINGERPRINT_SECRET_BYTES} random bytes shared by every gateway replica (openssl rand -base64 48).`);
    }
    return;
  }
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(secret) || Buffer.from(secret, 'base64').length < FINGERPRINT_SECRET_BYTES) {
    problems.push(`APPLICANT_FINGERPRINT_SECRET must be base64 of at least ${FINGERPRINT_SECRET_BYTES} bytes (openssl rand -base64 48).`);
  }
};
