import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { ChannelPublication } from '@gongkai/participation/domain';
import { eventually } from '@gongkai/testing';
import { deliveryBody, type ResolvedAddress, sendWebhook, WEBHOOK_ADDRESS_LINK_LOCAL } from './webhook-sender';
import { DELIVERY_HEADER, SIGNATURE_HEADER, verifySignature } from './webhook-signature';

const SECRET = 'a-secret-of-sixteen-or-more';
const NOW = new Date('2026-03-02T02:00:00Z');
const TIMEOUT_MS = 300;
const target = (url: string) => ({ webhookId: 'webhook-1', url, secret: SECRET });
const publication: ChannelPublication = {
  reviewId: 'review-1',
  context: 'services-catalog',
  category: 'service-guides',
  itemType: 'SERVICE_GUIDE',
  itemId: 'item-1',
  itemVersion: 1,
  title: '排污许可证核发',
  agencyCode: '445300',
  departmentCode: 'SERVICE_WINDOW',
  publishedAt: '2026-03-02T02:00:00.000Z',
};

/** A throwaway certificate for receiver.example, signed by nobody the platform trusts. */
const UNTRUSTED_KEY = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg8QBBn52+WAI+cQ8k
hG0csqRRTNDqiE4P03jEPtbdREChRANCAAQFF2ExJGHbZkA4+C/CswwFwGhaCJWV
WQyMlm7YCh9MGvOgPU65ltwT2zI49vmOOGxf4WJwFW+WwErQAoXth0ql
-----END PRIVATE KEY-----`;
const UNTRUSTED_CERTIFICATE = `-----BEGIN CERTIFICATE-----
MIIBqzCCAVCgAwIBAgIULM3T4edHDNnHbz5rlaxvmT20o9cwCgYIKoZIzj0EAwIw
GzEZMBcGA1UEAwwQcmVjZWl2ZXIuZXhhbXBsZTAgFw0yNjExMjgwMzIwNTJaGA8y
MTI2MTEwNDAzMjA1MlowGzEZMBcGA1UEAwwQcmVjZWl2ZXIuZXhhbXBsZTBZMBMG
ByqGSM49AgEGCCqGSM49AwEHA0IABAUXYTEkYdtmQDj4L8KzDAXAaFoIlZVZDIyW
btgKH0wa86A9TrmW3BPbMjj2+Y44bF/hYnAVb5bAStAChe2HSqWjcDBuMB0GA1Ud
DgQWBBSOCksJeBHKgZChPYhM7YDcacKkWTAfBgNVHSMEGDAWgBSOCksJeBHKgZCh
PYhM7YDcacKkWTAPBgNVHRMBAf8EBTADAQH/MBsGA1UdEQQUMBKCEHJlY2VpdmVy
LmV4YW1wbGUwCgYIKoZIzj0EAwIDSQAwRgIhANTbWjxIlV9laVjrTqaLlpBC0rFX
4NjWtTf1gWdb32FXAiEAik/PKUrM7gf4oiYMZa4svXCddBYCLRsJXZPwtF0C8O0=
-----END CERTIFICATE-----`;

/** A resolver that gives each call the next answer of a script, as a rebinding name server would. */
const scripted = (...answers: ResolvedAddress[][]) => {
  const calls: string[] = [];
  const resolve = async (host: string) => {
    calls.push(host);
    return answers[Math.min(calls.length, answers.length) - 1] ?? [];
  };
  return { resolve, calls };
};
const LOOPBACK = [{ address: '127.0.0.1', family: 4 }];
const METADATA = [{ address: '169.254.169.254', family: 4 }];

interface Received {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

const connectionsOf = (server: Server): Promise<number> => new Promise((resolve, reject) => server.getConnections((error, count) => (error ? reject(error) : resolve(count))));

describe('A webhook attempt against a real HTTP receiver', () => {
  let server: Server;
  let port: number;
  const received: Received[] = [];
  const held: ServerResponse[] = [];
  /** How the receiver answers each path. */
  const routes: Record<string, (res: ServerResponse) => void> = {
    '/ok': (res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('thanks'),
    '/accepted': (res) => res.writeHead(202).end(),
    '/large': (res) => res.writeHead(200).end('x'.repeat(1_000_000)),
    '/endless': (res) => {
      res.writeHead(200).write('the body starts and never ends');
      held.push(res);
    },
    '/fail': (res) => res.writeHead(500).end('broken'),
    '/moved': (res) => res.writeHead(302, { location: '/ok' }).end(),
    '/silent': (res) => void held.push(res),
  };

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        received.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body });
        (routes[req.url ?? ''] ?? routes['/fail'])?.(res);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  beforeEach(() => {
    received.length = 0;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('delivers on a 2xx with the content type, delivery id, signature and body, and leaves no connection open', async () => {
    const ok = await sendWebhook(target(`http://127.0.0.1:${port}/ok`), 'delivery-1', publication, NOW, TIMEOUT_MS);
    expect(ok).toEqual({ delivered: true, statusCode: 200 });
    const [request] = received;
    const body = deliveryBody('delivery-1', 'webhook-1', publication);
    expect(request).toMatchObject({ method: 'POST', path: '/ok', body });
    expect(request!.headers).toMatchObject({ 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), [DELIVERY_HEADER]: 'delivery-1' });
    expect(verifySignature(SECRET, request!.headers[SIGNATURE_HEADER] as string, body, NOW.getTime() / 1000)).toBe(true);

    expect(await sendWebhook(target(`http://127.0.0.1:${port}/accepted`), 'delivery-2', publication, NOW, TIMEOUT_MS)).toEqual({ delivered: true, statusCode: 202 });
    expect(await sendWebhook(target(`http://127.0.0.1:${port}/large`), 'delivery-3', publication, NOW, TIMEOUT_MS)).toEqual({ delivered: true, statusCode: 200 });
    await eventually(async () => (await connectionsOf(server)) === 0, 2_000);
  });

  it('cuts off a body that never ends once the attempt’s time is up, so that its socket does not stay open', async () => {
    expect(await sendWebhook(target(`http://127.0.0.1:${port}/endless`), 'delivery-1', publication, NOW, TIMEOUT_MS)).toEqual({ delivered: true, statusCode: 200 });
    await eventually(async () => (await connectionsOf(server)) === 0, TIMEOUT_MS + 1_000);
  });

  it('fails an attempt answered with a server error, keeping the status', async () => {
    expect(await sendWebhook(target(`http://127.0.0.1:${port}/fail`), 'delivery-1', publication, NOW, TIMEOUT_MS)).toEqual({ delivered: false, statusCode: 500, error: 'HTTP 500' });
  });

  it('fails an attempt answered with a redirect and does not follow it', async () => {
    expect(await sendWebhook(target(`http://127.0.0.1:${port}/moved`), 'delivery-1', publication, NOW, TIMEOUT_MS)).toEqual({ delivered: false, statusCode: 302, error: 'HTTP 302' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(received.map((request) => request.path)).toEqual(['/moved']);
  });

  it('fails an attempt the receiver never answers, within the timeout', async () => {
    const started = Date.now();
    const outcome = await sendWebhook(target(`http://127.0.0.1:${port}/silent`), 'delivery-1', publication, NOW, TIMEOUT_MS);
    const took = Date.now() - started;
    expect(outcome).toEqual({ delivered: false, error: `TimeoutError: no answer within ${TIMEOUT_MS} ms` });
    expect(took).toBeGreaterThanOrEqual(TIMEOUT_MS - 5);
    expect(took).toBeLessThan(TIMEOUT_MS + 1_000);
  });

  it('counts a lookup that never answers against the same timeout', async () => {
    const hanging = () => new Promise<ResolvedAddress[]>(() => undefined);
    const started = Date.now();
    const outcome = await sendWebhook(target(`http://receiver.example:${port}/ok`), 'delivery-1', publication, NOW, TIMEOUT_MS, hanging);
    expect(outcome).toEqual({ delivered: false, error: `TimeoutError: no answer within ${TIMEOUT_MS} ms` });
    expect(Date.now() - started).toBeLessThan(TIMEOUT_MS + 1_000);
    expect(received).toEqual([]);
  });

  it('fails an attempt whose connection is refused or whose name does not resolve, saying why', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    expect(await sendWebhook(target(`http://127.0.0.1:${closedPort}/ok`), 'delivery-1', publication, NOW, TIMEOUT_MS)).toEqual({ delivered: false, error: `Error: connect ECONNREFUSED 127.0.0.1:${closedPort}` });

    const nowhere = async (host: string): Promise<ResolvedAddress[]> => {
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
    };
    expect(await sendWebhook(target(`http://sms.bureau.example:${port}/ok`), 'delivery-1', publication, NOW, TIMEOUT_MS, nowhere)).toEqual({ delivered: false, error: 'Error: getaddrinfo ENOTFOUND sms.bureau.example' });
  });

  it('connects to the address the check looked at: a name that rebinds to the metadata service between attempts is refused on the second', async () => {
    const rebinding = scripted(LOOPBACK, METADATA);
    const url = `http://rebind.example:${port}/ok`;
    expect(await sendWebhook(target(url), 'delivery-1', publication, NOW, TIMEOUT_MS, rebinding.resolve)).toEqual({ delivered: true, statusCode: 200 });
    expect(received.map((request) => request.headers.host)).toEqual([`rebind.example:${port}`]);
    expect(await sendWebhook(target(url), 'delivery-1', publication, NOW, TIMEOUT_MS, rebinding.resolve)).toEqual({
      delivered: false,
      error: `${WEBHOOK_ADDRESS_LINK_LOCAL}: the subscriber’s host name resolves to a link-local address`,
    });
    // One lookup per attempt: the answer checked is the answer connected to, with no second look in between.
    expect(rebinding.calls).toEqual(['rebind.example', 'rebind.example']);
    expect(received).toHaveLength(1);
  });

  it('refuses a name answering with an IPv4-mapped link-local address, or with a link-local one beside a good one', async () => {
    for (const answer of [[{ address: '::ffff:169.254.169.254', family: 6 }], [{ address: 'fe80::1', family: 6 }], [...LOOPBACK, ...METADATA]]) {
      const outcome = await sendWebhook(target(`http://mapped.example:${port}/ok`), 'delivery-1', publication, NOW, TIMEOUT_MS, scripted(answer).resolve);
      expect(outcome).toEqual({ delivered: false, error: `${WEBHOOK_ADDRESS_LINK_LOCAL}: the subscriber’s host name resolves to a link-local address` });
    }
    expect(received).toEqual([]);
  });

  it('refuses a literal link-local address without looking anything up', async () => {
    const lookups = scripted(LOOPBACK);
    for (const url of ['http://169.254.169.254/latest/meta-data/', 'http://[fe80::1]:8080/hook', 'http://[::ffff:169.254.169.254]/', 'http://2852039166/']) {
      const outcome = await sendWebhook(target(url), 'delivery-1', publication, NOW, TIMEOUT_MS, lookups.resolve);
      expect(outcome).toEqual({ delivered: false, error: `${WEBHOOK_ADDRESS_LINK_LOCAL}: the subscriber’s address is link-local` });
    }
    expect(lookups.calls).toEqual([]);
  });

  it('verifies the receiver’s certificate against the subscriber’s host name, as fetch does', async () => {
    const tls = createTlsServer({ key: UNTRUSTED_KEY, cert: UNTRUSTED_CERTIFICATE }, (_req, res) => res.writeHead(200).end());
    await new Promise<void>((resolve) => tls.listen(0, '127.0.0.1', resolve));
    try {
      const tlsPort = (tls.address() as AddressInfo).port;
      const outcome = await sendWebhook(target(`https://receiver.example:${tlsPort}/ok`), 'delivery-1', publication, NOW, 2_000, scripted(LOOPBACK).resolve);
      expect(outcome).toEqual({ delivered: false, error: 'Error: self-signed certificate' });
    } finally {
      tls.closeAllConnections();
      await new Promise((resolve) => tls.close(resolve));
    }
  });
});
