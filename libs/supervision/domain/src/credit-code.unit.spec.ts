import { creditCodeCheckCharacter, requireCreditCode } from './credit-code';

/** Codes in the real format, including the standard's own example and codes of well-known companies. */
describe('unified social credit code (统一社会信用代码, GB 32100-2015)', () => {
  it.each([
    ['the example of GB 32100-2015', '91350100M000100Y43'],
    ['a company with a numeric check character', '914403001922038216'],
    ['a company with a letter check character', '9144030071526726XG'],
    ['a public institution (事业单位, authority 1)', '12100000400000624D'],
    ['a code issued after 2015 (organisation code starting MA)', '91445381MA4UK7L2XB'],
    ['a Xinxing county enterprise', '914453211943876526'],
    ['a code whose weighted sum leaves no remainder (31 is written 0)', '914453211943870700'],
  ])('accepts %s: %s', (_, code) => {
    expect(requireCreditCode('creditCode', code)).toBe(code);
  });

  it('accepts lower case and surrounding spaces, and returns the code in capitals', () => {
    expect(requireCreditCode('creditCode', ' 9144030071526726xg ')).toBe('9144030071526726XG');
  });

  it.each([
    ['empty', '', 'REQUIRED'],
    ['a number instead of text', 91445302, 'NOT_TEXT'],
    ['17 characters', '91350100M000100Y4', 'CREDIT_CODE_LENGTH'],
    ['19 characters', '91350100M000100Y433', 'CREDIT_CODE_LENGTH'],
    ['the old 15-digit registration number', '440301103097413', 'CREDIT_CODE_LENGTH'],
    ['the letter I', '91350100I000100Y43', 'CREDIT_CODE_CHARACTER'],
    ['the letter O', '91350100O000100Y43', 'CREDIT_CODE_CHARACTER'],
    ['the letter Z', '91350100Z000100Y43', 'CREDIT_CODE_CHARACTER'],
    ['the letter S', '9135010S0M00100Y43', 'CREDIT_CODE_CHARACTER'],
    ['the letter V', '91350100M000100V43', 'CREDIT_CODE_CHARACTER'],
    ['a full-width digit', '９1350100M000100Y43', 'CREDIT_CODE_CHARACTER'],
    ['a hyphen', '91350100-000100Y43', 'CREDIT_CODE_CHARACTER'],
    ['a letter in the division code', '91A50100M000100Y43', 'CREDIT_CODE_DIVISION'],
    ['a wrong check character', '91350100M000100Y44', 'CREDIT_CODE_CHECK'],
    ['two digits swapped', '91530100M000100Y43', 'CREDIT_CODE_CHECK'],
    ['one digit mistyped', '914403001922038226', 'CREDIT_CODE_CHECK'],
  ])('refuses %s with its rule', (_, code, rule) => {
    expect(() => requireCreditCode('creditCode', code)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', rule, details: { field: 'creditCode' } }));
  });

  it('computes the check character from the first 17 characters', () => {
    expect(creditCodeCheckCharacter('91350100M000100Y4')).toBe('3');
    expect(creditCodeCheckCharacter('9144530000712345X')).toBe('5');
  });
});
