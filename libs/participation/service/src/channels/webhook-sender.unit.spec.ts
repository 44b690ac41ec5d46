import { resolvesToLinkLocal } from './webhook-sender';

/** A resolver that answers from a table, as DNS would for the names a subscriber registered. */
const resolver = (table: Record<string, { address: string; family: number }[]>) => async (host: string) => {
  const answer = table[host];
  if (!answer) throw new Error(`ENOTFOUND ${host}`);
  return answer;
};

const dns = resolver({
  'metadata.example': [{ address: '169.254.169.254', family: 4 }],
  'v6.example': [{ address: 'fe80::1', family: 6 }],
  'mapped.example': [{ address: '::ffff:169.254.1.1', family: 6 }],
  'mixed.example': [
    { address: '10.0.0.8', family: 4 },
    { address: '169.254.0.1', family: 4 },
  ],
  'sms.bureau.example': [{ address: '10.0.0.8', family: 4 }],
  'wechat.example': [{ address: '203.0.113.7', family: 4 }],
  'push.example': [{ address: '2001:db8::7', family: 6 }],
});

describe('A webhook subscriber’s host name', () => {
  it.each(['metadata.example', 'v6.example', 'mapped.example', 'mixed.example'])('is refused when %s resolves to a link-local address', async (host) => {
    await expect(resolvesToLinkLocal(`https://${host}/hook`, dns)).resolves.toBe(true);
  });

  it.each(['sms.bureau.example', 'wechat.example', 'push.example'])('is allowed when %s resolves to the bureau’s network or the internet', async (host) => {
    await expect(resolvesToLinkLocal(`https://${host}/hook`, dns)).resolves.toBe(false);
  });

  it('leaves a name that does not resolve, and a literal address, to the attempt (the decider refuses literal link-local ones)', async () => {
    await expect(resolvesToLinkLocal('https://unknown.example/hook', dns)).resolves.toBe(false);
    await expect(resolvesToLinkLocal('http://127.0.0.1:8080/hook', dns)).resolves.toBe(false);
  });
});
