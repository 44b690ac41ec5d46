import { requireSealed } from './sealed-personal-data';

const rule = { maxLength: 100, code: 'CONTACT_NOT_SEALED', message: 'The contact must arrive encrypted under the comment’s own key.', field: 'contact' };
const ciphertext = 'pd1.AAAAAAAAAAAAAAAA.BBBBBBBBBBBBBBBBBBBBBA.CCCC';

describe('sealed personal data', () => {
  it('accepts the vault’s ciphertext under the record’s own key', () => {
    expect(requireSealed({ keyId: 'comment:1', ciphertext }, 'comment:1', rule)).toEqual({ keyId: 'comment:1', ciphertext });
  });

  it.each([
    ['plain text', '13700001111'],
    ['nothing', undefined],
    ['another record’s key', { keyId: 'comment:2', ciphertext }],
    ['text that is not the vault’s', { keyId: 'comment:1', ciphertext: 'pd1.张三' }],
    ['ciphertext longer than the rule allows', { keyId: 'comment:1', ciphertext: `${ciphertext}${'C'.repeat(100)}` }],
  ])('refuses %s with the context’s own code, never repeating the value', (_label, value) => {
    expect(() => requireSealed(value, 'comment:1', rule)).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', rule: 'CONTACT_NOT_SEALED', message: rule.message, details: { field: 'contact' } }),
    );
  });
});
