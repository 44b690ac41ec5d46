import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import type { ChannelPublication } from '@gongkai/participation/domain';
import { DELIVERY_HEADER, SIGNATURE_HEADER, signatureHeader } from './webhook-signature';

/** Where the cloud's instance metadata service answers; no subscriber lives there (the decider refuses such literal addresses). */
const LINK_LOCAL = new BlockList();
LINK_LOCAL.addSubnet('169.254.0.0', 16, 'ipv4');
LINK_LOCAL.addSubnet('fe80::', 10, 'ipv6');

type Resolve = (host: string) => Promise<readonly { address: string; family: number }[]>;

/**
 * Whether a subscriber's host name resolves to a link-local address: a name can point there even
 * though the registered URL does not look like it. Checked before each attempt; a name that does
 * not resolve is left to the attempt itself, which fails with the resolver's error.
 */
export const resolvesToLinkLocal = async (url: string, resolve: Resolve = (host) => lookup(host, { all: true })): Promise<boolean> => {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  if (isIP(host)) return false;
  const addresses = await resolve(host).catch(() => []);
  // BlockList also matches an IPv4-mapped IPv6 address (::ffff:169.254.x.x) against the IPv4 subnet.
  return addresses.some(({ address, family }) => LINK_LOCAL.check(address, family === 6 ? 'ipv6' : 'ipv4'));
};

export interface WebhookTarget {
  readonly webhookId: string;
  readonly url: string;
  readonly secret: string;
}

export interface DeliveryOutcome {
  readonly delivered: boolean;
  readonly statusCode?: number;
  readonly error?: string;
}

/** The body every subscriber receives: the publication and the delivery id to deduplicate on. */
export const deliveryBody = (deliveryId: string, webhookId: string, publication: ChannelPublication): string =>
  JSON.stringify({ type: 'publication', deliveryId, webhookId, publication });

/** One signed POST; any 2xx is delivered, anything else (status, refusal, timeout) a failed attempt. */
export const sendWebhook = async (target: WebhookTarget, deliveryId: string, publication: ChannelPublication, now: Date, timeoutMs: number): Promise<DeliveryOutcome> => {
  const body = deliveryBody(deliveryId, target.webhookId, publication);
  try {
    if (await resolvesToLinkLocal(target.url)) return { delivered: false, error: 'WEBHOOK_ADDRESS_LINK_LOCAL: the subscriber’s host name resolves to a link-local address' };
    const response = await fetch(target.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [DELIVERY_HEADER]: deliveryId,
        [SIGNATURE_HEADER]: signatureHeader(target.secret, Math.floor(now.getTime() / 1000), body),
      },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.body?.cancel();
    return response.ok ? { delivered: true, statusCode: response.status } : { delivered: false, statusCode: response.status, error: `HTTP ${response.status}` };
  } catch (error) {
    return { delivered: false, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
};
