import { anniversaryOf, documentStatusAsOf, isInterimTitle, requireDocumentNumber, validateNormativeDocument, validUntilOf } from './normative-document';

const input = { number: '云环办〔2017〕11号', title: '云浮市环境保护局政务公开工作实施办法', issuingDepartmentCode: 'OFFICE', issuedOn: '2017-03-01' };

describe('Normative documents (规范性文件): validity and status', () => {
  describe('validity', () => {
    it('runs 5 years by default, to the day before the fifth anniversary of taking effect', () => {
      expect(validateNormativeDocument(input, '2017-03-01')).toEqual({ ...input, effectiveOn: '2017-03-01', validityYears: 5, validUntil: '2022-02-28' });
    });

    it.each(['云浮市扬尘污染防治管理办法（试行）', '云浮市环境信息公开暂行规定'])('runs 2 years for an interim or trial document: %s', (title) => {
      expect(isInterimTitle(title)).toBe(true);
      expect(validateNormativeDocument({ ...input, title, effectiveOn: '2017-04-01' }, '2017-03-01')).toMatchObject({ validityYears: 2, validUntil: '2019-03-31' });
    });

    it('accepts a shorter validity and refuses a longer one', () => {
      expect(validateNormativeDocument({ ...input, validityYears: 3 }, '2017-03-01').validUntil).toBe('2020-02-29');
      expect(() => validateNormativeDocument({ ...input, validityYears: 6 }, '2017-03-01')).toThrow(expect.objectContaining({ rule: 'VALIDITY_TOO_LONG' }));
      expect(() => validateNormativeDocument({ ...input, title: '暂行办法', validityYears: 3 }, '2017-03-01')).toThrow(expect.objectContaining({ rule: 'VALIDITY_TOO_LONG' }));
    });

    it('counts a leap day forward to 1 March', () => {
      expect(anniversaryOf('2024-02-29', 2)).toBe('2026-03-01');
      expect(validUntilOf('2024-02-29', 2)).toBe('2026-02-28');
      expect(validUntilOf('2024-02-29', 4)).toBe('2028-02-28');
    });

    it.each([
      ['an effective date before issue', { effectiveOn: '2017-02-28' }, 'EFFECTIVE_BEFORE_ISSUE'],
      ['an issue date still to come', { issuedOn: '2017-03-02' }, 'ISSUED_IN_THE_FUTURE'],
      ['a date that does not exist', { issuedOn: '2017-02-29' }, 'INVALID_DATE'],
    ])('refuses %s', (_, change, rule) => {
      expect(() => validateNormativeDocument({ ...input, ...change }, '2017-03-01')).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', rule }));
    });
  });

  describe('document numbers (发文字号)', () => {
    it.each([
      ['云环办〔2017〕11号', '云环办〔2017〕11号'],
      ['云环办[2017]11号', '云环办〔2017〕11号'],
      ['云环 办（2017）11号', '云环办〔2017〕11号'],
    ])('writes %s as %s', (typed, stored) => {
      expect(requireDocumentNumber('number', typed)).toBe(stored);
    });

    it.each(['云环办2017年11号', '〔2017〕11号', '云环办〔17〕11号', '云环办〔2017〕011号'])('refuses %s', (typed) => {
      expect(() => requireDocumentNumber('number', typed)).toThrow(expect.objectContaining({ rule: 'INVALID_DOCUMENT_NUMBER' }));
    });
  });

  describe('status on the day asked about, with no job to expire anything', () => {
    const document = { issuedOn: '2017-03-01', validUntil: '2022-02-28', amendedOn: [] };

    it('is in force up to its last day and expired the day after', () => {
      expect(documentStatusAsOf(document, '2017-03-01')).toBe('IN_FORCE');
      expect(documentStatusAsOf(document, '2022-02-28')).toBe('IN_FORCE');
      expect(documentStatusAsOf(document, '2022-03-01')).toBe('EXPIRED');
    });

    it('does not exist before it was issued', () => {
      expect(documentStatusAsOf(document, '2017-02-28')).toBeUndefined();
    });

    it('is amended from the day of the amendment', () => {
      const amended = { ...document, amendedOn: ['2019-06-01'] };
      expect(documentStatusAsOf(amended, '2019-05-31')).toBe('IN_FORCE');
      expect(documentStatusAsOf(amended, '2019-06-01')).toBe('AMENDED');
      expect(documentStatusAsOf(amended, '2022-03-01')).toBe('EXPIRED');
    });

    it('is repealed from the day of repeal, and stays repealed after its validity would have ended', () => {
      const repealed = { ...document, repealedOn: '2020-01-01' };
      expect(documentStatusAsOf(repealed, '2019-12-31')).toBe('IN_FORCE');
      expect(documentStatusAsOf(repealed, '2020-01-01')).toBe('REPEALED');
      expect(documentStatusAsOf(repealed, '2023-01-01')).toBe('REPEALED');
    });
  });
});
