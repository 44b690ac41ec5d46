import { createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto';

/**
 * The key checkpoints are signed with. Production sets INTEGRITY_SIGNING_KEY to an Ed25519 private
 * key (PKCS#8 PEM) shared by the oversight service and the gateway, and publishes its public key so
 * that anyone can check a checkpoint. Without it the process makes a key of its own at start:
 * checkpoints still verify against the key they carry, but a restart changes the key (recorded as
 * `keyChanged`), so a key of one's own is for development and tests only.
 */
let processKey: KeyObject | undefined;

export interface SigningKey {
  readonly key: KeyObject;
  /** False when the key was made for this process because none was configured. */
  readonly configured: boolean;
}

export const signingKeyFrom = (env: Readonly<Record<string, string | undefined>>): SigningKey => {
  const pem = env['INTEGRITY_SIGNING_KEY'];
  if (pem) {
    const key = createPrivateKey(pem.replace(/\\n/g, '\n'));
    if (key.asymmetricKeyType !== 'ed25519') throw new Error('INTEGRITY_SIGNING_KEY must be an Ed25519 private key (PKCS#8 PEM).');
    return { key, configured: true };
  }
  processKey ??= generateKeyPairSync('ed25519').privateKey;
  return { key: processKey, configured: false };
};
