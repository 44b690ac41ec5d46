import { appendLeaves, rangeRoot } from './compact-range';
import { consistencyProof, EMPTY_ROOT, inclusionProof, leafHash, rootHash, treeConsistencyProof, treeInclusionProof, treeRoot, verifyConsistency, verifyInclusion } from './merkle';
import { MerkleTree } from './merkle-tree';

/**
 * RFC 9162 prints no test vectors. These are the Certificate Transparency reference
 * implementation's (google/certificate-transparency's C++ merkle tree tests, reused by
 * transparency-dev/merkle and many other RFC 6962/9162 implementations; the tree hashing of §2.1 is
 * the same in both RFCs): eight entries, the root of every prefix, and the inclusion and
 * consistency proofs below. Proofs of other sizes are derived from §2.1's definitions and checked
 * by round trip.
 */
const ENTRIES = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'].map((hex) => Buffer.from(hex, 'hex'));
const LEAVES = ENTRIES.map(leafHash);
const ROOTS = [
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];
const INCLUSION: [index: number, size: number, proof: string[]][] = [
  [0, 1, []],
  [0, 8, ['96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7', '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e', '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4']],
  [5, 8, ['bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b', 'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0', 'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7']],
  [2, 3, ['fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125']],
  [1, 5, ['6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d', '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e', 'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b']],
];
const CONSISTENCY: [first: number, second: number, proof: string[]][] = [
  [1, 1, []],
  [1, 8, ['96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7', '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e', '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4']],
  [6, 8, ['0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a', 'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0', 'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7']],
  [2, 5, ['5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e', 'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b']],
];
const hex = (hashes: readonly Buffer[]): string[] => hashes.map((h) => h.toString('hex'));
const buffers = (hashes: readonly string[]): Buffer[] => hashes.map((h) => Buffer.from(h, 'hex'));
const root = (size: number): Buffer => Buffer.from(ROOTS[size], 'hex');

describe('Merkle tree hashing (RFC 9162 §2.1.1)', () => {
  it('gives the reference root of every prefix of the reference entries, the empty tree included', () => {
    expect(EMPTY_ROOT.toString('hex')).toBe(ROOTS[0]);
    for (let size = 0; size <= 8; size++) expect(rootHash(LEAVES, size).toString('hex')).toBe(ROOTS[size]);
  });

  it('gives the same roots when leaves are appended one by one to a compact range', () => {
    let range = appendLeaves([], []);
    expect(rangeRoot(range).toString('hex')).toBe(ROOTS[0]);
    for (let size = 1; size <= 8; size++) {
      range = appendLeaves(range, [LEAVES[size - 1]]);
      expect(rangeRoot(range).toString('hex')).toBe(ROOTS[size]);
    }
  });
});

describe('Inclusion proofs (§2.1.3)', () => {
  it.each(INCLUSION)('matches the reference proof of leaf %i in a tree of %i', (index, size, proof) => {
    expect(hex(inclusionProof(LEAVES, index, size))).toEqual(proof);
    expect(verifyInclusion(LEAVES[index], index, size, buffers(proof), root(size))).toBe(true);
  });

  it('verifies every leaf of every tree up to 40 leaves, and nothing else', () => {
    const leaves = Array.from({ length: 40 }, (_, i) => leafHash(Buffer.from([i, 7])));
    for (let size = 1; size <= leaves.length; size++) {
      const head = rootHash(leaves, size);
      for (let index = 0; index < size; index++) {
        const proof = inclusionProof(leaves, index, size);
        expect(verifyInclusion(leaves[index], index, size, proof, head)).toBe(true);
        expect(verifyInclusion(leaves[(index + 1) % size], index, size, proof, head)).toBe(size === 1);
        expect(verifyInclusion(leaves[index], index + 1, size, proof, head)).toBe(false);
      }
    }
  });

  it('refuses a tampered proof, a wrong root and an index outside the tree', () => {
    const proof = buffers(INCLUSION[2][2]);
    const flipped = proof.map((h, i) => (i === 1 ? Buffer.from(h.map((byte, j) => (j === 0 ? byte ^ 1 : byte))) : h));
    expect(verifyInclusion(LEAVES[5], 5, 8, flipped, root(8))).toBe(false);
    expect(verifyInclusion(LEAVES[5], 5, 8, proof, root(7))).toBe(false);
    expect(verifyInclusion(LEAVES[5], 8, 8, proof, root(8))).toBe(false);
    expect(verifyInclusion(LEAVES[5], 5, 8, [...proof, proof[0]], root(8))).toBe(false);
  });
});

describe('Consistency proofs (§2.1.4)', () => {
  it.each(CONSISTENCY)('matches the reference proof from %i to %i', (first, second, proof) => {
    expect(hex(consistencyProof(LEAVES, first, second))).toEqual(proof);
    expect(verifyConsistency(first, second, buffers(proof), root(first), root(second))).toBe(true);
  });

  it('verifies between every pair of tree sizes up to 40, and refuses the wrong roots', () => {
    const leaves = Array.from({ length: 40 }, (_, i) => leafHash(Buffer.from([i])));
    const forged = [leafHash(Buffer.from('forged')), ...leaves.slice(1)];
    for (let second = 1; second <= leaves.length; second++) {
      for (let first = 1; first <= second; first++) {
        const proof = consistencyProof(leaves, first, second);
        expect(verifyConsistency(first, second, proof, rootHash(leaves, first), rootHash(leaves, second))).toBe(true);
        expect(verifyConsistency(first, second, proof, rootHash(forged, first), rootHash(leaves, second))).toBe(false);
      }
    }
  });

  it('refuses a history that was rewritten, however the proof is made', () => {
    const rewritten = [...LEAVES.slice(0, 3), leafHash(Buffer.from('rewritten')), ...LEAVES.slice(4)];
    const proof = consistencyProof(rewritten, 6, 8);
    expect(verifyConsistency(6, 8, proof, root(6), rootHash(rewritten, 8))).toBe(false);
    expect(verifyConsistency(6, 8, buffers(CONSISTENCY[2][2]), root(6), rootHash(rewritten, 8))).toBe(false);
    expect(verifyConsistency(6, 8, [], root(6), root(8))).toBe(false);
  });
});

describe('The stored tree, appended to leaf by leaf', () => {
  const grown = (leaves: readonly Buffer[]): MerkleTree => {
    const tree = new MerkleTree();
    for (const leaf of leaves) tree.append(leaf);
    return tree;
  };
  const reference = grown(LEAVES);

  it('gives the reference roots and proofs', () => {
    for (let size = 0; size <= 8; size++) expect(treeRoot(reference, size).toString('hex')).toBe(ROOTS[size]);
    for (const [index, size, proof] of INCLUSION) expect(hex(treeInclusionProof(reference, index, size))).toEqual(proof);
    for (const [first, second, proof] of CONSISTENCY) expect(hex(treeConsistencyProof(reference, first, second))).toEqual(proof);
  });

  it('answers like the leaves themselves for every tree size, index and pair up to 70 leaves, across growth of its buffers', () => {
    const leaves = Array.from({ length: 70 }, (_, i) => leafHash(Buffer.from(`event ${i}`)));
    const tree = new MerkleTree();
    for (let size = 1; size <= leaves.length; size++) {
      tree.append(leaves[size - 1]);
      expect(treeRoot(tree).equals(rootHash(leaves, size))).toBe(true);
    }
    const many = Array.from({ length: 2500 }, (_, i) => leafHash(Buffer.from(`event ${i}`)));
    const big = grown(many);
    expect(big.leaf(2049).equals(many[2049])).toBe(true);
    expect(treeRoot(big).equals(rootHash(many))).toBe(true);
    expect(hex(treeConsistencyProof(big, 1025, 2500))).toEqual(hex(consistencyProof(many, 1025, 2500)));
    for (let size = 1; size <= leaves.length; size++) {
      for (let index = 0; index < size; index++) expect(hex(treeInclusionProof(tree, index, size))).toEqual(hex(inclusionProof(leaves, index, size)));
      for (let first = 0; first <= size; first++) expect(hex(treeConsistencyProof(tree, first, size))).toEqual(hex(consistencyProof(leaves, first, size)));
    }
  });

  it('refuses sizes and leaves it does not hold', () => {
    expect(() => treeRoot(reference, 9)).toThrow(RangeError);
    expect(() => treeInclusionProof(reference, 8, 8)).toThrow(RangeError);
    expect(() => reference.leaf(8)).toThrow(RangeError);
  });
});
