import { signingKeyFrom } from '@gongkai/oversight/domain';

type Env = Readonly<Record<string, string | undefined>>;

const HOW_TO_MAKE_ONE = 'openssl genpkey -algorithm ed25519';

/**
 * INTEGRITY_SIGNING_KEY in the processes that sign integrity checkpoints (the oversight service,
 * the gateway, the embedded platform). Production must sign with the key whose public half the
 * bureau publishes; elsewhere a key made at start will do, with a warning. The message never
 * repeats the value: it is a private key.
 */
export const checkSigningKey = (env: Env, production: boolean, problems: string[], warnings: string[]): void => {
  const pem = env['INTEGRITY_SIGNING_KEY'];
  if (!pem) {
    if (production) problems.push(`INTEGRITY_SIGNING_KEY is required when NODE_ENV=production: an Ed25519 private key in PEM (${HOW_TO_MAKE_ONE}) whose public key the bureau publishes.`);
    else warnings.push('INTEGRITY_SIGNING_KEY is not set: integrity checkpoints are signed with a key made for this process, which changes at every restart.');
    return;
  }
  try {
    signingKeyFrom({ INTEGRITY_SIGNING_KEY: pem });
  } catch {
    problems.push(`INTEGRITY_SIGNING_KEY must be an Ed25519 private key in PEM, "-----BEGIN PRIVATE KEY-----" (${HOW_TO_MAKE_ONE}).`);
  }
};
