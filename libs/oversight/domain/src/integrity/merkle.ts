import { createHash } from 'node:crypto';

/**
 * Merkle tree hashes and proofs exactly as RFC 9162 (Certificate Transparency v2) §2.1 defines
 * them, with SHA-256: leaves and interior nodes are domain-separated by a 0x00 / 0x01 prefix, so a
 * leaf can never be passed off as a node. Hashes are Buffers of 32 bytes; leaves are given as leaf
 * hashes (the MTH of one entry), so that a log of millions of events is hashed once.
 */
export type Hash = Buffer;

const sha256 = (...parts: Buffer[]): Hash => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest();
};

const LEAF_PREFIX = Buffer.from([0x00]);
const NODE_PREFIX = Buffer.from([0x01]);

/** MTH of the empty tree: the hash of the empty string (§2.1.1). */
export const EMPTY_ROOT: Hash = sha256();

/** MTH({d(0)}) = SHA-256(0x00 || d(0)). */
export const leafHash = (entry: Buffer): Hash => sha256(LEAF_PREFIX, entry);

/** SHA-256(0x01 || left || right). */
export const nodeHash = (left: Hash, right: Hash): Hash => sha256(NODE_PREFIX, left, right);

/** The largest power of two smaller than n (n > 1): the split point k of §2.1.1. */
export const splitPoint = (n: number): number => {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
};

/**
 * A tree's leaves as the proofs need them: the MTH of any range D[start:end]. Over an array it is
 * computed from the leaves; a stored tree (merkle-tree.ts) looks the perfect subtrees up instead.
 */
export interface MerkleLeaves {
  readonly size: number;
  subtreeHash(start: number, end: number): Hash;
}

/** MTH(D[start:end]) over leaf hashes. */
const subtreeHash = (leaves: readonly Hash[], start: number, end: number): Hash => {
  const n = end - start;
  if (n === 0) return EMPTY_ROOT;
  if (n === 1) return leaves[start];
  const k = splitPoint(n);
  return nodeHash(subtreeHash(leaves, start, start + k), subtreeHash(leaves, start + k, end));
};

const arrayLeaves = (leaves: readonly Hash[]): MerkleLeaves => ({ size: leaves.length, subtreeHash: (start, end) => subtreeHash(leaves, start, end) });

const requireSize = (tree: MerkleLeaves, size: number): void => {
  if (!Number.isSafeInteger(size) || size < 0 || size > tree.size) throw new RangeError(`Tree size ${size} is outside 0..${tree.size}.`);
};

/** The root of the tree of the first `size` leaves. */
export const treeRoot = (tree: MerkleLeaves, size = tree.size): Hash => {
  requireSize(tree, size);
  return tree.subtreeHash(0, size);
};

/** The root of the tree of the first `size` leaves (all of them by default). */
export const rootHash = (leaves: readonly Hash[], size = leaves.length): Hash => treeRoot(arrayLeaves(leaves), size);

/** PATH(m, D[start:end]) of §2.1.3.1. */
const path = (tree: MerkleLeaves, m: number, start: number, end: number): Hash[] => {
  const n = end - start;
  if (n <= 1) return [];
  const k = splitPoint(n);
  return m < k
    ? [...path(tree, m, start, start + k), tree.subtreeHash(start + k, end)]
    : [...path(tree, m - k, start + k, end), tree.subtreeHash(start, start + k)];
};

/** The inclusion proof (audit path) of leaf `index` in the tree of the first `size` leaves. */
export const treeInclusionProof = (tree: MerkleLeaves, index: number, size = tree.size): Hash[] => {
  requireSize(tree, size);
  if (!Number.isSafeInteger(index) || index < 0 || index >= size) throw new RangeError(`Leaf ${index} is not in a tree of ${size}.`);
  return path(tree, index, 0, size);
};

export const inclusionProof = (leaves: readonly Hash[], index: number, size = leaves.length): Hash[] => treeInclusionProof(arrayLeaves(leaves), index, size);

/** SUBPROOF(m, D[start:end], b) of §2.1.4.1. */
const subproof = (tree: MerkleLeaves, m: number, start: number, end: number, complete: boolean): Hash[] => {
  const n = end - start;
  if (m === n) return complete ? [] : [tree.subtreeHash(start, end)];
  const k = splitPoint(n);
  return m <= k
    ? [...subproof(tree, m, start, start + k, complete), tree.subtreeHash(start + k, end)]
    : [...subproof(tree, m - k, start + k, end, false), tree.subtreeHash(start, start + k)];
};

/** The consistency proof between the trees of the first `first` and the first `second` leaves. */
export const treeConsistencyProof = (tree: MerkleLeaves, first: number, second = tree.size): Hash[] => {
  requireSize(tree, second);
  if (!Number.isSafeInteger(first) || first < 0 || first > second) throw new RangeError(`Tree size ${first} is not between 0 and ${second}.`);
  if (first === 0 || first === second) return [];
  return subproof(tree, first, 0, second, true);
};

export const consistencyProof = (leaves: readonly Hash[], first: number, second = leaves.length): Hash[] => treeConsistencyProof(arrayLeaves(leaves), first, second);

/** Shifts fn and sn right together until fn's lowest bit is set or fn is 0 (the "right-shift equally" steps). */
const shiftWhileEven = (fn: number, sn: number): [number, number] => {
  while (fn !== 0 && fn % 2 === 0) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return [fn, sn];
};

/** §2.1.3.2: whether `leaf` is the `index`-th leaf of the tree of `size` with root `root`. */
export const verifyInclusion = (leaf: Hash, index: number, size: number, proof: readonly Hash[], root: Hash): boolean => {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(size) || index < 0 || index >= size) return false;
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      if (fn % 2 === 0) [fn, sn] = shiftWhileEven(fn, sn);
    } else {
      r = nodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && r.equals(root);
};

const isPowerOfTwo = (n: number): boolean => n > 0 && (n & (n - 1)) === 0;

/** §2.1.4.2: whether the tree of `second` with root `secondRoot` extends the tree of `first` with root `firstRoot`. */
export const verifyConsistency = (first: number, second: number, proof: readonly Hash[], firstRoot: Hash, secondRoot: Hash): boolean => {
  if (!Number.isSafeInteger(first) || !Number.isSafeInteger(second) || first < 0 || first > second) return false;
  // Equal trees need no proof; every tree extends the empty one.
  if (first === second) return proof.length === 0 && firstRoot.equals(secondRoot);
  if (first === 0) return proof.length === 0;
  if (proof.length === 0) return false;
  const path = isPowerOfTwo(first) ? [firstRoot, ...proof] : [...proof];
  let [fn, sn] = [first - 1, second - 1];
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  let fr = path[0];
  let sr = path[0];
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      if (fn % 2 === 0) [fn, sn] = shiftWhileEven(fn, sn);
    } else {
      sr = nodeHash(sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return fr.equals(firstRoot) && sr.equals(secondRoot) && sn === 0;
};

/**
 * The leaf of one stored event: its envelope hash (SHA-256 over the canonical envelope, chained per
 * stream) as the entry, so the leaf is domain-separated from nodes by the 0x00 prefix.
 */
export const eventLeafHash = (eventHashHex: string): Hash => leafHash(Buffer.from(eventHashHex, 'hex'));
