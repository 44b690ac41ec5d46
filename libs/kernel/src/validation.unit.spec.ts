import { requireBoolean } from './validation';

describe('edge validation', () => {
  it('takes only true or false for a yes-or-no field', () => {
    expect(requireBoolean('consents', false)).toBe(false);
    expect(() => requireBoolean('consents', 'yes')).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', rule: 'NOT_BOOLEAN', message: 'consents must be true or false.' }));
  });
});
