import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The signature a receiver checks: HMAC-SHA256 under the subscriber's secret over
 * `<unix seconds>.<body>`, sent as `X-Gongkai-Signature: t=<seconds>,v1=<hex>`. The timestamp is
 * signed too, so that a captured request cannot be replayed outside the receiver's tolerance.
 */
export const SIGNATURE_HEADER = 'x-gongkai-signature';
export const DELIVERY_HEADER = 'x-gongkai-delivery';

export const signatureOf = (secret: string, timestamp: number, body: string): string => createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex');

export const signatureHeader = (secret: string, timestamp: number, body: string): string => `t=${timestamp},v1=${signatureOf(secret, timestamp, body)}`;

/** For receivers (and tests): whether `header` signs `body` under `secret` within `toleranceSeconds` of `nowSeconds`. */
export const verifySignature = (secret: string, header: string | undefined, body: string, nowSeconds: number, toleranceSeconds = 300): boolean => {
  const parts = Object.fromEntries((header ?? '').split(',').map((part) => part.split('=', 2) as [string, string]));
  const timestamp = Number(parts['t']);
  const given = parts['v1'];
  if (!Number.isInteger(timestamp) || typeof given !== 'string' || Math.abs(nowSeconds - timestamp) > toleranceSeconds) return false;
  const expected = Buffer.from(signatureOf(secret, timestamp, body), 'hex');
  const actual = Buffer.from(given, 'hex');
  return expected.length === actual.length && timingSafeEqual(expected, actual);
};
