import { DEFAULT_TOKEN_TTL_SECONDS, MIN_SECRET_BYTES } from './hs256-token-service';
import { DEFAULT_CLAIM_NAMES, type ClaimNames } from './token-claims';

/**
 * embedded: the platform keeps accounts and signs its own HS256 tokens (one process, demos, tests).
 * oidc: people sign in at an external provider and the platform only verifies its RS256 tokens.
 */
export type AuthMode = 'embedded' | 'oidc';

export interface AuthConfig {
  readonly mode: AuthMode;
  /** embedded only; absent means a random secret per process. A secret: never log it. */
  readonly hs256Secret?: string;
  readonly jwksUrl?: string;
  readonly issuer?: string;
  readonly audience?: string;
  /** oidc only: where the provider puts the platform's attributes. */
  readonly claims?: ClaimNames;
  readonly demoAccounts: boolean;
  readonly tokenTtlSeconds: number;
}

export type Env = Readonly<Record<string, string | undefined>>;

const MODES: readonly AuthMode[] = ['embedded', 'oidc'];
const OIDC_VARIABLES = ['OIDC_JWKS_URL', 'OIDC_ISSUER', 'OIDC_AUDIENCE', 'OIDC_ROLES_CLAIM', 'OIDC_AGENCY_CLAIM', 'OIDC_DEPARTMENT_CLAIM', 'OIDC_NAME_CLAIM'];
const TTL_RANGE = { min: 60, max: 24 * 60 * 60 };
const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

/** Unset and blank are the same thing in a deployment manifest. */
const read = (env: Env, name: string): string | undefined => {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
};

const parseBoolean = (value: string | undefined, fallback: boolean, name: string, problems: string[]): boolean => {
  if (value === undefined) return fallback;
  const normalised = value.toLowerCase();
  if (['true', '1', 'yes'].includes(normalised)) return true;
  if (['false', '0', 'no'].includes(normalised)) return false;
  problems.push(`${name} must be true or false (is "${value}").`);
  return fallback;
};

const parseTtl = (value: string | undefined, problems: string[]): number => {
  if (value === undefined) return DEFAULT_TOKEN_TTL_SECONDS;
  const seconds = Number(value);
  if (!/^\d+$/.test(value) || seconds < TTL_RANGE.min || seconds > TTL_RANGE.max) {
    problems.push(`TOKEN_TTL_SECONDS must be a whole number of seconds from ${TTL_RANGE.min} to ${TTL_RANGE.max} (is "${value}").`);
    return DEFAULT_TOKEN_TTL_SECONDS;
  }
  return seconds;
};

/** Keys must come over TLS, or anyone on the path could swap them; plain http only to this machine. */
const checkJwksUrl = (value: string, problems: string[]): void => {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    problems.push(`OIDC_JWKS_URL must be an absolute URL (is "${value}").`);
    return;
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK_HOSTS.includes(url.hostname))) {
    problems.push('OIDC_JWKS_URL must use https (plain http is accepted only for localhost).');
  }
};

const oidcSettings = (env: Env, problems: string[]): Pick<AuthConfig, 'jwksUrl' | 'issuer' | 'audience' | 'claims'> => {
  const jwksUrl = read(env, 'OIDC_JWKS_URL');
  const issuer = read(env, 'OIDC_ISSUER');
  const audience = read(env, 'OIDC_AUDIENCE');
  const missing = [
    ['OIDC_JWKS_URL', jwksUrl],
    ['OIDC_ISSUER', issuer],
    ['OIDC_AUDIENCE', audience],
  ].filter(([, value]) => value === undefined);
  if (missing.length > 0) {
    problems.push(`AUTH_MODE=oidc needs OIDC_JWKS_URL, OIDC_ISSUER and OIDC_AUDIENCE; missing: ${missing.map(([name]) => name).join(', ')}.`);
  }
  if (jwksUrl !== undefined) checkJwksUrl(jwksUrl, problems);
  if (read(env, 'JWT_SECRET') !== undefined) problems.push('JWT_SECRET is used only with AUTH_MODE=embedded; remove it or change the mode.');
  const claims: ClaimNames = {
    name: read(env, 'OIDC_NAME_CLAIM') ?? DEFAULT_CLAIM_NAMES.name,
    roles: read(env, 'OIDC_ROLES_CLAIM') ?? DEFAULT_CLAIM_NAMES.roles,
    agency: read(env, 'OIDC_AGENCY_CLAIM') ?? DEFAULT_CLAIM_NAMES.agency,
    department: read(env, 'OIDC_DEPARTMENT_CLAIM') ?? DEFAULT_CLAIM_NAMES.department,
  };
  return { jwksUrl, issuer, audience, claims };
};

const embeddedSettings = (env: Env, problems: string[]): Pick<AuthConfig, 'hs256Secret'> => {
  const secret = read(env, 'JWT_SECRET');
  if (secret !== undefined && Buffer.byteLength(secret, 'utf8') < MIN_SECRET_BYTES) {
    problems.push(`JWT_SECRET must be at least ${MIN_SECRET_BYTES} bytes (e.g. \`openssl rand -base64 48\`), or unset for a random per-process secret.`);
  }
  // Someone who set the provider but forgot the mode would otherwise get embedded sign-in without noticing.
  const stray = OIDC_VARIABLES.filter((name) => read(env, name) !== undefined);
  if (stray.length > 0) problems.push(`${stray.join(', ')} ${stray.length === 1 ? 'is' : 'are'} set but AUTH_MODE is not oidc: set AUTH_MODE=oidc or remove them.`);
  return secret === undefined ? {} : { hs256Secret: secret };
};

/**
 * Reads the authentication settings from the environment and reports every problem at once, so
 * that an operator fixes a deployment in one round instead of one variable per restart.
 */
export const loadAuthConfig = (env: Env): AuthConfig => {
  const problems: string[] = [];
  const rawMode = read(env, 'AUTH_MODE')?.toLowerCase() ?? 'embedded';
  const mode: AuthMode = MODES.includes(rawMode as AuthMode) ? (rawMode as AuthMode) : 'embedded';
  if (mode !== rawMode) problems.push(`AUTH_MODE must be one of ${MODES.join(', ')} (is "${rawMode}").`);

  const settings = mode === 'oidc' ? oidcSettings(env, problems) : embeddedSettings(env, problems);
  // Demo accounts sign in with a password the platform checks itself, which only embedded mode does.
  const demoAccounts = parseBoolean(read(env, 'DEMO_ACCOUNTS'), mode === 'embedded', 'DEMO_ACCOUNTS', problems);
  if (mode === 'oidc' && demoAccounts) problems.push('DEMO_ACCOUNTS=true needs AUTH_MODE=embedded: with oidc, people sign in at the provider.');
  const tokenTtlSeconds = parseTtl(read(env, 'TOKEN_TTL_SECONDS'), problems);

  if (problems.length > 0) throw new Error(`Invalid authentication settings:\n- ${problems.join('\n- ')}`);
  return { mode, ...settings, demoAccounts, tokenTtlSeconds };
};

/**
 * The demo accounts' password is public (it is in the source): a production platform that accepts
 * them is open to anyone. Called at startup, before anything listens.
 */
export const assertSafeForProduction = (config: AuthConfig, nodeEnv: string | undefined): void => {
  if (nodeEnv === 'production' && config.demoAccounts) {
    throw new Error(
      'Refusing to start: the demo accounts (with their public password) are enabled and NODE_ENV=production. ' +
        'Set DEMO_ACCOUNTS=false or provide real accounts (e.g. AUTH_MODE=oidc with an identity provider).',
    );
  }
};
