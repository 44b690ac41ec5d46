import type { LookupAddress, LookupOptions } from 'node:dns';
import { checkedLookup, WEBHOOK_ADDRESS_LINK_LOCAL } from './webhook-sender';

/** A resolver that answers from a table, as DNS would for the names a subscriber registered. */
const resolver = (table: Record<string, { address: string; family: number }[]>) => async (host: string) => {
  const answer = table[host];
  if (!answer) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
  return answer;
};

const dns = resolver({
  'metadata.example': [{ address: '169.254.169.254', family: 4 }],
  'v6.example': [{ address: 'fe80::1', family: 6 }],
  'mapped.example': [{ address: '::ffff:169.254.1.1', family: 6 }],
  'mapped-hex.example': [{ address: '::ffff:a9fe:a9fe', family: 6 }],
  'mixed.example': [
    { address: '10.0.0.8', family: 4 },
    { address: '169.254.0.1', family: 4 },
  ],
  'sms.bureau.example': [{ address: '10.0.0.8', family: 4 }],
  'wechat.example': [{ address: '203.0.113.7', family: 4 }],
  'push.example': [{ address: '2001:db8::7', family: 6 }],
  'dual.example': [
    { address: '2001:db8::7', family: 6 },
    { address: '203.0.113.7', family: 4 },
  ],
});

interface Answer {
  readonly error: NodeJS.ErrnoException | null;
  readonly address: string | LookupAddress[];
  readonly family?: number;
}

/** What Node's connection would receive from the lookup, asked the way net asks it. */
const ask = (host: string, options: LookupOptions = { all: true }): Promise<Answer> =>
  new Promise((resolve) => checkedLookup(dns)(host, options, (error, address, family) => resolve({ error, address, family })));

describe('The lookup a webhook connection uses', () => {
  it.each(['metadata.example', 'v6.example', 'mapped.example', 'mapped-hex.example', 'mixed.example'])('refuses %s, which resolves to a link-local address', async (host) => {
    for (const options of [{ all: true }, { all: false }, { family: 4 }]) {
      const { error } = await ask(host, options);
      expect(error).toMatchObject({ code: WEBHOOK_ADDRESS_LINK_LOCAL, message: 'the subscriber’s host name resolves to a link-local address' });
    }
  });

  it.each([
    ['sms.bureau.example', [{ address: '10.0.0.8', family: 4 }]],
    ['wechat.example', [{ address: '203.0.113.7', family: 4 }]],
    ['push.example', [{ address: '2001:db8::7', family: 6 }]],
  ])('hands the connection the addresses it checked when %s resolves to the bureau’s network or the internet', async (host, addresses) => {
    expect(await ask(host)).toEqual({ error: null, address: addresses, family: undefined });
  });

  it('answers a single address, of the family asked for, when Node asks for one', async () => {
    expect(await ask('dual.example', { all: false })).toEqual({ error: null, address: '2001:db8::7', family: 6 });
    expect(await ask('dual.example', { family: 4 })).toEqual({ error: null, address: '203.0.113.7', family: 4 });
    expect(await ask('dual.example', { family: 'IPv6', all: true })).toEqual({ error: null, address: [{ address: '2001:db8::7', family: 6 }], family: undefined });
  });

  it('passes a name that does not resolve, or has no address of the family asked for, on as the resolver’s error', async () => {
    expect((await ask('unknown.example')).error).toMatchObject({ code: 'ENOTFOUND', message: 'getaddrinfo ENOTFOUND unknown.example' });
    expect((await ask('push.example', { family: 4 })).error).toMatchObject({ code: 'ENOTFOUND', message: 'getaddrinfo ENOTFOUND push.example' });
  });
});
