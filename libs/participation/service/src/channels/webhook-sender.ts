import { lookup } from 'node:dns/promises';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import type { ChannelPublication } from '@gongkai/participation/domain';
import { DELIVERY_HEADER, SIGNATURE_HEADER, signatureHeader } from './webhook-signature';

/** Where the cloud's instance metadata service answers; no subscriber lives there (the decider refuses such literal addresses). */
const LINK_LOCAL = new BlockList();
LINK_LOCAL.addSubnet('169.254.0.0', 16, 'ipv4');
LINK_LOCAL.addSubnet('fe80::', 10, 'ipv6');

export const WEBHOOK_ADDRESS_LINK_LOCAL = 'WEBHOOK_ADDRESS_LINK_LOCAL';

export interface ResolvedAddress {
  readonly address: string;
  readonly family: number;
}

/** Every address a host name resolves to, as `dns.lookup(host, { all: true })` answers. */
export type Resolve = (host: string) => Promise<readonly ResolvedAddress[]>;

const resolveAll: Resolve = (host) => lookup(host, { all: true });

// BlockList also matches an IPv4-mapped IPv6 address (::ffff:169.254.x.x) against the IPv4 subnet.
const isLinkLocal = (address: string): boolean => {
  const family = isIP(address);
  return family !== 0 && LINK_LOCAL.check(address, family === 6 ? 'ipv6' : 'ipv4');
};

const linkLocalRefusal = (message: string): Error => Object.assign(new Error(message), { code: WEBHOOK_ADDRESS_LINK_LOCAL });

/**
 * The resolver Node calls when it connects to a subscriber. Checking the name in one lookup and
 * connecting after another would let a name whose answer changes in between (DNS rebinding, TTL 0)
 * pass the check and then reach the metadata service; here the addresses checked are the very
 * addresses handed to the connection. One link-local answer refuses the whole name: a subscriber's
 * name has no reason to point there, and Node might otherwise try that address next.
 */
export const checkedLookup =
  (resolve: Resolve = resolveAll): LookupFunction =>
  (hostname, options, callback) => {
    const wanted = options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : (options.family ?? 0);
    Promise.resolve()
      .then(() => resolve(hostname))
      .then(
        (answers) => {
          if (answers.some(({ address }) => isLinkLocal(address))) {
            callback(linkLocalRefusal('the subscriber’s host name resolves to a link-local address'), []);
            return;
          }
          const usable = answers.map(({ address }) => ({ address, family: isIP(address) })).filter(({ family }) => family !== 0 && (wanted === 0 || family === wanted));
          const [first] = usable;
          if (first === undefined) callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND', hostname }), []);
          else if (options.all) callback(null, usable);
          else callback(null, first.address, first.family);
        },
        (error: NodeJS.ErrnoException) => callback(error, []),
      );
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

const failed = (error: unknown): DeliveryOutcome => {
  if (!(error instanceof Error)) return { delivered: false, error: String(error) };
  const code = (error as NodeJS.ErrnoException).code;
  return { delivered: false, error: code === WEBHOOK_ADDRESS_LINK_LOCAL ? `${code}: ${error.message}` : `${error.name}: ${error.message}` };
};

const timedOut = (timeoutMs: number): Error => Object.assign(new Error(`no answer within ${timeoutMs} ms`), { name: 'TimeoutError' });

/**
 * One signed POST; any 2xx is delivered, anything else (status, redirect, refusal, DNS failure,
 * timeout) a failed attempt. `timeoutMs` bounds the whole attempt from the lookup on.
 */
export const sendWebhook = (target: WebhookTarget, deliveryId: string, publication: ChannelPublication, now: Date, timeoutMs: number, resolve: Resolve = resolveAll): Promise<DeliveryOutcome> => {
  const body = deliveryBody(deliveryId, target.webhookId, publication);
  let url: URL;
  try {
    url = new URL(target.url);
  } catch (error) {
    return Promise.resolve(failed(error));
  }
  // Node connects to a literal address without calling the lookup, so that case is checked here.
  if (isLinkLocal(url.hostname.replace(/^\[|\]$/g, ''))) return Promise.resolve(failed(linkLocalRefusal('the subscriber’s address is link-local')));
  const send = url.protocol === 'https:' ? httpsRequest : url.protocol === 'http:' ? httpRequest : undefined;
  if (send === undefined) return Promise.resolve({ delivered: false, error: `NOT_URL: ${url.protocol} is not http(s)` });

  return new Promise((settle) => {
    let settled = false;
    const finish = (outcome: DeliveryOutcome): void => {
      if (settled) return;
      settled = true;
      settle(outcome);
    };
    const request = send(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body, 'utf8'),
        [DELIVERY_HEADER]: deliveryId,
        [SIGNATURE_HEADER]: signatureHeader(target.secret, Math.floor(now.getTime() / 1000), body),
      },
      lookup: checkedLookup(resolve),
      // A connection of its own for each attempt: a pooled socket would skip the lookup, and none outlives the attempt.
      agent: false,
    });
    // Still armed after the status arrived: a body that never ends is cut off, so its socket cannot leak.
    const timer = setTimeout(() => request.destroy(timedOut(timeoutMs)), timeoutMs);
    request.on('error', (error) => {
      clearTimeout(timer);
      finish(failed(error));
    });
    request.on('response', (response) => {
      const statusCode = response.statusCode ?? 0;
      // The outcome is settled by the status; an error while discarding the body changes nothing.
      response.on('error', () => undefined);
      response.on('close', () => clearTimeout(timer));
      response.resume();
      finish(statusCode >= 200 && statusCode < 300 ? { delivered: true, statusCode } : { delivered: false, statusCode, error: `HTTP ${statusCode}` });
    });
    request.end(body);
  });
};
