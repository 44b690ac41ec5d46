import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/** scrypt's work factors: N (CPU/memory cost, a power of two), r (block size), p (parallelism). */
export interface ScryptCost {
  readonly N: number;
  readonly r: number;
  readonly p: number;
}

/**
 * One of the OWASP Password Storage Cheat Sheet's equivalent minimums for scrypt (N=2^15, r=8,
 * p=3): 32 MiB per hash, a few hundred milliseconds. The cost is written into every hash, so it
 * can be raised later without invalidating stored passwords (see `needsRehash`).
 */
export const DEFAULT_SCRYPT_COST: ScryptCost = Object.freeze({ N: 2 ** 15, r: 8, p: 3 });

const SALT_BYTES = 16;
const KEY_BYTES = 32;

/**
 * A PHC-style string: `$scrypt$ln=<log2 N>,r=<r>,p=<p>$<salt>$<key>`, base64 without padding.
 * The bounds keep a corrupted or hostile row from asking for gigabytes of memory.
 */
const HASH_FORMAT = /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9+/]{16,})\$([A-Za-z0-9+/]{16,})$/;
const LIMITS = { ln: [10, 20], r: [1, 32], p: [1, 16] } as const;
const MAX_MEMORY_BYTES = 256 * 1024 * 1024;

interface ParsedHash {
  readonly cost: ScryptCost;
  readonly salt: Buffer;
  readonly key: Buffer;
}

const base64 = (bytes: Buffer): string => bytes.toString('base64').replace(/=+$/, '');

const within = (value: number, [min, max]: readonly [number, number]): boolean => value >= min && value <= max;

/** scrypt needs about 128·N·r bytes of memory. */
const memoryOf = (cost: ScryptCost): number => 128 * cost.N * cost.r;

const isValidCost = (cost: ScryptCost): boolean => {
  const ln = Math.log2(cost.N);
  return (
    Number.isInteger(ln) &&
    within(ln, LIMITS.ln) &&
    Number.isInteger(cost.r) &&
    within(cost.r, LIMITS.r) &&
    Number.isInteger(cost.p) &&
    within(cost.p, LIMITS.p) &&
    memoryOf(cost) <= MAX_MEMORY_BYTES
  );
};

const parseHash = (stored: string): ParsedHash => {
  const match = typeof stored === 'string' ? HASH_FORMAT.exec(stored) : null;
  const cost = match ? { N: 2 ** Number(match[1]), r: Number(match[2]), p: Number(match[3]) } : undefined;
  if (!match || !cost || !isValidCost(cost)) {
    // Never echo the stored value: it is a secret even when it is broken.
    throw new Error('The stored password hash is not a valid scrypt hash.');
  }
  return { cost, salt: Buffer.from(match[4], 'base64'), key: Buffer.from(match[5], 'base64') };
};

const deriveKey = (password: string, salt: Buffer, cost: ScryptCost, length: number): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    // NFC so that the same password typed with different input methods (e.g. Chinese IMEs) matches.
    // maxmem: Node's 32 MiB default is exactly too tight for N=2^15, r=8.
    const maxmem = 2 * memoryOf(cost);
    scrypt(password.normalize('NFC'), salt, length, { N: cost.N, r: cost.r, p: cost.p, maxmem }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });

/** Hashes a password with a fresh random salt; the result carries everything needed to verify it. */
export const hashPassword = async (password: string, cost: ScryptCost = DEFAULT_SCRYPT_COST): Promise<string> => {
  if (typeof password !== 'string' || password.length === 0) throw new Error('A password must be a non-empty string.');
  if (!isValidCost(cost)) {
    throw new Error(`scrypt cost out of range: N a power of two from 2^${LIMITS.ln[0]} to 2^${LIMITS.ln[1]}, r 1–32, p 1–16, at most 256 MiB.`);
  }
  const salt = randomBytes(SALT_BYTES);
  const key = await deriveKey(password, salt, cost, KEY_BYTES);
  return `$scrypt$ln=${Math.log2(cost.N)},r=${cost.r},p=${cost.p}$${base64(salt)}$${base64(key)}`;
};

/**
 * Whether `password` matches `storedHash`, compared in constant time. A malformed stored hash is
 * a data error, not a wrong password, so it throws instead of quietly answering false.
 */
export const verifyPassword = async (password: string, storedHash: string): Promise<boolean> => {
  const { cost, salt, key } = parseHash(storedHash);
  const candidate = await deriveKey(typeof password === 'string' ? password : '', salt, cost, key.length);
  return timingSafeEqual(candidate, key);
};

/** True when a stored hash was made with weaker settings than `cost`: rehash it at the next login. */
export const needsRehash = (storedHash: string, cost: ScryptCost = DEFAULT_SCRYPT_COST): boolean => {
  const parsed = parseHash(storedHash);
  return parsed.cost.N < cost.N || parsed.cost.r < cost.r || parsed.cost.p < cost.p || parsed.key.length < KEY_BYTES;
};
