import { randomInt, timingSafeEqual } from 'node:crypto';
import { sha256Hex } from '@gongkai/kernel';

/**
 * The applicant's tracking code (查询码) and secret access key (查询密码). The code is random, not
 * a serial number, so that it says nothing about how many requests there are; the key is given
 * once, in the receipt, and only its SHA-256 is stored (100 random bits make a salt unnecessary).
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'; // Crockford base32: no I, L, O, U to misread

const randomGroups = (groups: number, size: number): string =>
  Array.from({ length: groups }, () => Array.from({ length: size }, () => ALPHABET[randomInt(ALPHABET.length)]).join('')).join('-');

/** e.g. `YF26-7KQ4-M9PX`: Yunfu, the year of receipt, 40 random bits. */
export const newTrackingCode = (year: number): string => `YF${String(year % 100).padStart(2, '0')}-${randomGroups(2, 4)}`;

/** e.g. `K7Q2M-9XPT4-…`: 20 characters, 100 random bits. */
export const newAccessKey = (): string => randomGroups(4, 5);

/** Read back from paper, the key may come in lower case, with spaces, or with O for 0 and I or L for 1. */
const normalise = (text: string): string =>
  text
    .toUpperCase()
    .replace(/[^0-9A-Z]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');

export const normaliseTrackingCode = (code: string): string => {
  const plain = normalise(code.slice(0, 64));
  return plain.length === 12 ? `${plain.slice(0, 4)}-${plain.slice(4, 8)}-${plain.slice(8)}` : plain;
};

export const accessKeyHash = (accessKey: string): string => sha256Hex(normalise(accessKey.slice(0, 128)));

/** Compared against when the code is unknown, so that a wrong code costs what a wrong key costs. */
const NO_SUCH_REQUEST = sha256Hex('no such request');

/**
 * Whether `accessKey` opens the request whose stored hash is `storedHash` (undefined: no such
 * code). Constant time, and the same work whether or not the code exists.
 */
export const accessKeyOpens = (storedHash: string | undefined, accessKey: string): boolean => {
  const given = Buffer.from(accessKeyHash(accessKey), 'hex');
  const expected = Buffer.from(storedHash ?? NO_SUCH_REQUEST, 'hex');
  const equal = expected.length === given.length && timingSafeEqual(expected, given);
  return storedHash !== undefined && equal;
};
