import { readTrustedProxies, trustProxyOption } from './trusted-proxies';

const read = (value: string | undefined) => {
  const problems: string[] = [];
  const proxies = readTrustedProxies(value === undefined ? {} : { TRUSTED_PROXIES: value }, problems);
  return { proxies, problems };
};

describe('TRUSTED_PROXIES', () => {
  it('trusts nobody when unset or empty', () => {
    expect(read(undefined)).toEqual({ proxies: undefined, problems: [] });
    expect(read(' ')).toEqual({ proxies: undefined, problems: [] });
    expect(trustProxyOption(undefined)).toEqual({});
  });

  it('takes a number of hops from 1 to 5', () => {
    expect(read('1')).toEqual({ proxies: 1, problems: [] });
    const { trustProxy } = trustProxyOption(2);
    expect(typeof trustProxy === 'function' && [0, 1, 2].map((hop) => trustProxy('10.0.0.1', hop))).toEqual([true, true, false]);
    expect(read('0').problems).toEqual([expect.stringContaining('1 to 5 proxy hops')]);
    expect(read('6').problems).toHaveLength(1);
  });

  it('takes addresses and CIDR ranges, IPv4 and IPv6', () => {
    expect(read('10.0.0.0/8, 192.168.1.7,fd00::/8,::1')).toEqual({ proxies: ['10.0.0.0/8', '192.168.1.7', 'fd00::/8', '::1'], problems: [] });
    expect(trustProxyOption(['10.0.0.0/8'])).toEqual({ trustProxy: ['10.0.0.0/8'] });
  });

  it('refuses anything else, naming what it could not read', () => {
    expect(read('true').problems).toEqual([expect.stringContaining('"true"')]);
    expect(read('10.0.0.0/33').problems).toEqual([expect.stringContaining('"10.0.0.0/33"')]);
    expect(read('ingress.local, 10.0.0.1').problems).toEqual([expect.stringContaining('"ingress.local"')]);
    expect(read('10.0.0.0/8/1').problems).toHaveLength(1);
  });
});
