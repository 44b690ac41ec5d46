import { accessKeyHash, accessKeyOpens, newAccessKey, newTrackingCode, normaliseTrackingCode, requireAccessKeyHash, requireTrackingCode } from './tracking-credentials';
import { DomainError } from './errors';

const ruleOf = (run: () => unknown): string | undefined => {
  try {
    run();
  } catch (error) {
    return error instanceof DomainError ? error.rule : undefined;
  }
  return undefined;
};

describe('Tracking credentials (查询码, 查询密码)', () => {
  it('issues codes of the register and year, in a format the deciders accept', () => {
    expect(newTrackingCode(2026)).toMatch(/^YF26-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const code = newTrackingCode(2027, 'YM');
    expect(code).toMatch(/^YM27-/);
    expect(requireTrackingCode(code)).toBe(code);
  });

  it('refuses a prefix that reading back from paper would change', () => {
    expect(() => newTrackingCode(2026, 'LY')).toThrow(/prefix/);
  });

  it('reads a code or key back as people type it', () => {
    const code = newTrackingCode(2026, 'YM');
    expect(normaliseTrackingCode(code.toLowerCase().replace(/-/g, ' '))).toBe(code);
    const key = newAccessKey();
    expect(accessKeyOpens(accessKeyHash(key), key.toLowerCase().replace(/-/g, ' '))).toBe(true);
    expect(accessKeyOpens(accessKeyHash(key), newAccessKey())).toBe(false);
    expect(accessKeyOpens(undefined, key)).toBe(false);
  });

  it('cuts nothing from a code, so that more after it fails the format instead of being read as the code', () => {
    const code = newTrackingCode(2026);
    expect(requireTrackingCode(normaliseTrackingCode(` ${code.toLowerCase()} `))).toBe(code);
    expect(ruleOf(() => requireTrackingCode(normaliseTrackingCode(`${code}${' '.repeat(60)}7`)))).toBe('INVALID_TRACKING_CODE');
  });

  it('lets only a hash of the key and an issued code into the history', () => {
    expect(ruleOf(() => requireAccessKeyHash(newAccessKey()))).toBe('ACCESS_KEY_NOT_HASHED');
    expect(requireAccessKeyHash(accessKeyHash('K7Q2M'))).toHaveLength(64);
    expect(ruleOf(() => requireTrackingCode('13800000000'))).toBe('INVALID_TRACKING_CODE');
  });
});
