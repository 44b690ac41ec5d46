import { EMPTY_ROOT, type Hash, nodeHash } from './merkle';

/**
 * The right edge of a Merkle tree (its "compact range"): the roots of the perfect subtrees the tree
 * of n leaves splits into, one per bit of n, largest first. It is all one needs to append leaves
 * and compute the new root, so a checkpoint can prove it extends the one before from the new leaves
 * alone, without reading the whole log again. The root is the right-to-left fold of the subtrees,
 * which is RFC 9162's MTH because each split point k is the largest subtree on the left.
 */
export interface Subtree {
  readonly size: number;
  readonly hash: Hash;
}

export const appendLeaves = (range: readonly Subtree[], leaves: readonly Hash[]): Subtree[] => {
  const next = [...range];
  for (const leaf of leaves) {
    let carried: Subtree = { size: 1, hash: leaf };
    // Like a binary counter: two subtrees of equal size merge into one of twice the size.
    while (next.length > 0 && next[next.length - 1].size === carried.size) {
      const left = next.pop() as Subtree;
      carried = { size: left.size * 2, hash: nodeHash(left.hash, carried.hash) };
    }
    next.push(carried);
  }
  return next;
};

export const rangeSize = (range: readonly Subtree[]): number => range.reduce((sum, subtree) => sum + subtree.size, 0);

export const rangeRoot = (range: readonly Subtree[]): Hash => {
  if (range.length === 0) return EMPTY_ROOT;
  let root = range[range.length - 1].hash;
  for (let i = range.length - 2; i >= 0; i--) root = nodeHash(range[i].hash, root);
  return root;
};
