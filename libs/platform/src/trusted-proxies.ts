import { isIP } from 'node:net';

/**
 * Which proxies in front of the GraphQL endpoint may say who the caller is (X-Forwarded-For), as
 * Fastify's `trustProxy` takes it: a number of hops, or the proxies' addresses and CIDR ranges.
 * Unset, nobody is trusted and the caller is the socket's peer. Rate limits count per caller, so
 * behind an ingress without this every caller would share the ingress's address (and its limits);
 * trusting a proxy that is not the only way in would let anyone choose their address.
 */
export type TrustedProxies = number | readonly string[] | undefined;

const isCidr = (text: string): boolean => {
  const [address = '', bits, ...rest] = text.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128);
};

/** Reads TRUSTED_PROXIES: `1` to `5` hops, or a comma-separated list of addresses and CIDR ranges. */
export const readTrustedProxies = (env: Readonly<Record<string, string | undefined>>, problems: string[]): TrustedProxies => {
  const text = env['TRUSTED_PROXIES']?.trim();
  if (!text) return undefined;
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops >= 1 && hops <= 5) return hops;
    problems.push(`TRUSTED_PROXIES must be 1 to 5 proxy hops, or addresses and CIDR ranges of the proxies (got "${text}").`);
    return undefined;
  }
  const entries = text.split(',').map((entry) => entry.trim());
  const bad = entries.filter((entry) => !isCidr(entry));
  if (bad.length > 0) {
    problems.push(`TRUSTED_PROXIES must be 1 to 5 proxy hops, or addresses and CIDR ranges of the proxies such as 10.0.0.0/8 (not ${bad.map((entry) => `"${entry}"`).join(', ')}).`);
    return undefined;
  }
  return entries;
};

/** The FastifyAdapter's option for it: hops as the function Fastify itself makes of a number (the first n hops are trusted). */
export const trustProxyOption = (proxies: TrustedProxies): { trustProxy?: ((address: string, hop: number) => boolean) | string[] } => {
  if (proxies === undefined) return {};
  if (typeof proxies === 'number') return { trustProxy: (_address, hop) => hop < proxies };
  return { trustProxy: [...proxies] };
};
