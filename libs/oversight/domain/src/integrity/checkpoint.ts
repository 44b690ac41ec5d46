import { createHash, createPublicKey, type KeyObject, sign, verify } from 'node:crypto';

/**
 * A signed checkpoint of the event log (a "signed tree head" in RFC 9162's terms): the number of
 * events, the Merkle root over them and the time, signed with Ed25519. Whoever keeps a checkpoint
 * can later demand a consistency proof and learn whether the history it covered was changed since.
 * The signed text follows the C2SP checkpoint note layout: origin, size, base64 root, one per line.
 */
export const CHECKPOINT_ORIGIN = 'gongkai.yunfu-epb/event-log';

export interface Checkpoint {
  readonly origin: string;
  readonly treeSize: number;
  /** Hex, as every other hash of the platform. */
  readonly rootHash: string;
  readonly issuedAt: string;
  /** SHA-256 of the public key (hex, first 16 characters): says which key to verify with. */
  readonly keyId: string;
  /** The Ed25519 public key, SubjectPublicKeyInfo DER in base64, so a checkpoint can be checked offline. */
  readonly publicKey: string;
  /** Ed25519 over `checkpointText`, base64. */
  readonly signature: string;
}

export type UnsignedCheckpoint = Pick<Checkpoint, 'origin' | 'treeSize' | 'rootHash' | 'issuedAt'>;

export const checkpointText = (checkpoint: UnsignedCheckpoint): string =>
  `${checkpoint.origin}\n${checkpoint.treeSize}\n${Buffer.from(checkpoint.rootHash, 'hex').toString('base64')}\n${checkpoint.issuedAt}\n`;

const publicKeyDer = (key: KeyObject): Buffer => key.export({ type: 'spki', format: 'der' });

export const keyIdOf = (publicKeyBase64: string): string => createHash('sha256').update(Buffer.from(publicKeyBase64, 'base64')).digest('hex').slice(0, 16);

export const signCheckpoint = (checkpoint: UnsignedCheckpoint, privateKey: KeyObject): Checkpoint => {
  const publicKey = publicKeyDer(createPublicKey(privateKey)).toString('base64');
  const signature = sign(null, Buffer.from(checkpointText(checkpoint), 'utf8'), privateKey).toString('base64');
  return { ...checkpoint, keyId: keyIdOf(publicKey), publicKey, signature };
};

/**
 * Whether the signature is the key's over exactly this checkpoint. With `trustedKeyIds` the key
 * must also be one the verifier trusts: a key carried by the checkpoint itself proves only that
 * someone signed it.
 */
export const verifyCheckpointSignature = (checkpoint: Checkpoint, trustedKeyIds?: readonly string[]): boolean => {
  try {
    if (keyIdOf(checkpoint.publicKey) !== checkpoint.keyId) return false;
    if (trustedKeyIds && !trustedKeyIds.includes(checkpoint.keyId)) return false;
    const key = createPublicKey({ key: Buffer.from(checkpoint.publicKey, 'base64'), format: 'der', type: 'spki' });
    return verify(null, Buffer.from(checkpointText(checkpoint), 'utf8'), key, Buffer.from(checkpoint.signature, 'base64'));
  } catch {
    return false; // a malformed key or signature proves nothing
  }
};
