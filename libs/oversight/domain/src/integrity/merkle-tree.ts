import { EMPTY_ROOT, type Hash, type MerkleLeaves, nodeHash, splitPoint } from './merkle';

const HASH_BYTES = 32;

/** Hashes side by side in one growing buffer: 32 bytes each, instead of an object per hash. */
class HashColumn {
  private buffer = Buffer.alloc(HASH_BYTES * 1024);
  length = 0;

  push(hash: Hash): void {
    if ((this.length + 1) * HASH_BYTES > this.buffer.length) {
      const grown = Buffer.alloc(this.buffer.length * 2);
      this.buffer.copy(grown);
      this.buffer = grown;
    }
    hash.copy(this.buffer, this.length * HASH_BYTES);
    this.length++;
  }

  at(index: number): Hash {
    // A copy: the buffer is replaced as it grows, and callers keep what they were given.
    return Buffer.from(this.buffer.subarray(index * HASH_BYTES, (index + 1) * HASH_BYTES));
  }
}

const isPowerOfTwo = (n: number): boolean => n > 0 && (n & (n - 1)) === 0;

/**
 * An append-only Merkle tree (RFC 9162) that keeps every perfect subtree it has completed: level h
 * holds the roots of the aligned subtrees of 2^h leaves, so about two hashes per leaf in all. In
 * RFC 9162's recursion every left part is such a subtree, so a root or a proof of any tree size
 * costs O(log² n) hashes instead of rehashing all n leaves; appending a leaf costs O(1) amortised.
 */
export class MerkleTree implements MerkleLeaves {
  private readonly levels: HashColumn[] = [new HashColumn()];

  get size(): number {
    return this.levels[0].length;
  }

  leaf(index: number): Hash {
    if (!Number.isSafeInteger(index) || index < 0 || index >= this.size) throw new RangeError(`Leaf ${index} is not in a tree of ${this.size}.`);
    return this.levels[0].at(index);
  }

  append(leaf: Hash): void {
    let index = this.size;
    let node = leaf;
    this.levels[0].push(node);
    // Like a binary counter: a right child completes its parent, which may complete its own.
    for (let level = 0; index % 2 === 1; level++) {
      node = nodeHash(this.levels[level].at(index - 1), node);
      index = (index - 1) / 2;
      (this.levels[level + 1] ??= new HashColumn()).push(node);
    }
  }

  subtreeHash(start: number, end: number): Hash {
    if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || end < start || end > this.size) {
      throw new RangeError(`Leaves ${start}..${end} are not in a tree of ${this.size}.`);
    }
    const n = end - start;
    if (n === 0) return EMPTY_ROOT;
    if (isPowerOfTwo(n) && start % n === 0) return this.levels[Math.log2(n)].at(start / n);
    const k = splitPoint(n);
    return nodeHash(this.subtreeHash(start, start + k), this.subtreeHash(start + k, end));
  }
}
