import { randomInt, timingSafeEqual } from 'node:crypto';
import { sha256Hex } from './content-hash';
import { badInput } from './errors';

/**
 * The tracking code (查询码) and secret access key (查询密码) with which a member of the public
 * follows what they sent: an information request, a public message. The code is random, not a
 * serial number, so that it says nothing about how many there are; the key is given once, in the
 * receipt, and only its SHA-256 is stored (100 random bits make a salt unnecessary). Generation
 * belongs to the edge that issues the receipt; deciders only check the format.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'; // Crockford base32: no I, L, O, U to misread

const randomGroups = (groups: number, size: number): string =>
  Array.from({ length: groups }, () => Array.from({ length: size }, () => ALPHABET[randomInt(ALPHABET.length)]).join('')).join('-');

/** A prefix read back from paper must survive `normalise`, so it avoids the letters that are folded. */
const PREFIX = /^[0-9A-HJKMNP-TV-Z]{2}$/;

/**
 * e.g. `YF26-7KQ4-M9PX`: the issuing register (YF, Yunfu, for requests), the year of receipt, 40
 * random bits.
 */
export const newTrackingCode = (year: number, prefix = 'YF'): string => {
  if (!PREFIX.test(prefix)) throw new Error(`A tracking-code prefix is two letters or digits without I, L, O or U, not ${prefix}.`);
  return `${prefix}${String(year % 100).padStart(2, '0')}-${randomGroups(2, 4)}`;
};

/** e.g. `K7Q2M-9XPT4-…`: 20 characters, 100 random bits. */
export const newAccessKey = (): string => randomGroups(4, 5);

/** Read back from paper, the key may come in lower case, with spaces, or with O for 0 and I or L for 1. */
const normalise = (text: string): string =>
  text
    .toUpperCase()
    .replace(/[^0-9A-Z]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');

/**
 * The code as it was issued. Nothing is cut: an over-long input then fails `requireTrackingCode`
 * instead of being read as its first characters (the request body's size limit bounds the work).
 */
export const normaliseTrackingCode = (code: string): string => {
  const plain = normalise(code);
  return plain.length === 12 ? `${plain.slice(0, 4)}-${plain.slice(4, 8)}-${plain.slice(8)}` : plain;
};

export const accessKeyHash = (accessKey: string): string => sha256Hex(normalise(accessKey.slice(0, 128)));

/** Compared against when the code is unknown, so that a wrong code costs what a wrong key costs. */
const NO_SUCH_RECORD = sha256Hex('no such request');

/**
 * Whether `accessKey` opens the record whose stored hash is `storedHash` (undefined: no such
 * code). Constant time, and the same work whether or not the code exists.
 */
export const accessKeyOpens = (storedHash: string | undefined, accessKey: string): boolean => {
  const given = Buffer.from(accessKeyHash(accessKey), 'hex');
  const expected = Buffer.from(storedHash ?? NO_SUCH_RECORD, 'hex');
  const equal = expected.length === given.length && timingSafeEqual(expected, given);
  return storedHash !== undefined && equal;
};

const TRACKING_CODE = /^[0-9A-Z]{2,8}(-[0-9A-Z]{4}){1,4}$/;
const SHA256_HEX = /^[0-9a-f]{64}$/;

/** The decider's check of an issued code: only codes in the platform's format are stored. */
export const requireTrackingCode = (value: unknown): string => {
  if (typeof value !== 'string' || value.length > 40 || !TRACKING_CODE.test(value)) {
    throw badInput('INVALID_TRACKING_CODE', 'trackingCode is not a tracking code this platform issues.', { field: 'trackingCode' });
  }
  return value;
};

/** The decider's check that the key itself never reaches the history, only its hash. */
export const requireAccessKeyHash = (value: unknown): string => {
  if (typeof value !== 'string' || !SHA256_HEX.test(value)) {
    throw badInput('ACCESS_KEY_NOT_HASHED', 'Only the SHA-256 hash of the access key is stored, never the key.', { field: 'accessKeyHash' });
  }
  return value;
};
