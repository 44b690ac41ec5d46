import { type Actor } from '@gongkai/kernel';
import { DeciderSpecification } from '@gongkai/kernel/testing';
import { anonymous, CITY, countyStaff, office, planning, regulations, system } from './decision-draft.fixtures';
import type { NormativeRegisterCommand } from './register-commands';
import { normativeRegisterDecider } from './register-decider';
import type { NormativeRegisterEvent } from './register-events';

const given = DeciderSpecification.for(normativeRegisterDecider, { now: '2026-03-02T02:00:00Z', actor: regulations });

const documentInput = { number: '云环办〔2024〕3号', title: '云浮市环境保护局行政执法公示办法', issuingDepartmentCode: 'REGULATIONS', issuedOn: '2024-02-29' };
const register = (change: Record<string, unknown> = {}, documentId = 'doc-1', extra: Record<string, unknown> = {}): NormativeRegisterCommand => ({
  type: 'RegisterNormativeDocument',
  data: { agencyCode: CITY, documentId, document: { ...documentInput, ...change }, ...extra },
});
const registered: NormativeRegisterEvent = {
  type: 'NormativeDocumentRegistered',
  data: {
    agencyCode: CITY,
    documentId: 'doc-1',
    document: { ...documentInput, effectiveOn: '2024-02-29', validityYears: 5, validUntil: '2029-02-28' },
    summary: '',
  },
};
const repeal = (repealedOn: string, reason = '上位法废止'): NormativeRegisterCommand => ({ type: 'RepealNormativeDocument', data: { agencyCode: CITY, documentId: 'doc-1', repealedOn, reason } });
const amend = (amendedOn: string, summary = '修改第五条'): NormativeRegisterCommand => ({ type: 'AmendNormativeDocument', data: { agencyCode: CITY, documentId: 'doc-1', amendedOn, summary } });

describe('Register of normative documents (规范性文件目录)', () => {
  describe('registering', () => {
    it('records the document with its derived validity', () => {
      given([]).when(register()).then([registered]);
    });

    it('refuses a number already in the register', () => {
      const error = given([registered]).when(register({ title: '另一份文件' }, 'doc-2')).thenThrows('CONFLICT', 'DOCUMENT_NUMBER_TAKEN');
      expect(error.details).toEqual({ documentId: 'doc-1' });
    });

    it('refuses the same number typed with other brackets', () => {
      given([registered]).when(register({ number: '云环办[2024]3号' }, 'doc-2')).thenThrows('CONFLICT', 'DOCUMENT_NUMBER_TAKEN');
    });

    it('registers an adopted policy once, however often the adoption is delivered', () => {
      const fromDraft: NormativeRegisterEvent = { ...registered, data: { ...registered.data, sourceDraftId: 'draft-1' } };
      given([fromDraft]).when(register({}, 'doc-1', { sourceDraftId: 'draft-1' }), { actor: system }).thenNothingHappened();
      given([registered]).when(register({}, 'doc-1')).thenThrows('CONFLICT', 'DOCUMENT_EXISTS');
    });

    it.each<[string, Actor, string, string]>([
      ['the public', anonymous, 'UNAUTHENTICATED', 'ROLE_REQUIRED'],
      ['another department', planning, 'FORBIDDEN', 'OUTSIDE_DEPARTMENT_SCOPE'],
      ['another agency', countyStaff, 'FORBIDDEN', 'OUTSIDE_AGENCY_SCOPE'],
    ])('is the regulations department’s register, not %s’s', (_, actor, code, rule) => {
      given([]).when(register(), { actor }).thenThrows(code as 'FORBIDDEN', rule);
    });

    it('lets the office register too', () => {
      expect(given([]).when(register(), { actor: office }).events()).toHaveLength(1);
    });
  });

  describe('amending', () => {
    it('records the amendment from its date', () => {
      given([registered]).when(amend('2026-03-01')).then([{ type: 'NormativeDocumentAmended', data: { agencyCode: CITY, documentId: 'doc-1', amendedOn: '2026-03-01', summary: '修改第五条' } }]);
    });

    it('refuses to amend an expired or repealed document, or before issue', () => {
      given([registered]).when(amend('2029-03-01')).thenThrows('CONFLICT', 'DOCUMENT_NOT_IN_FORCE');
      given([registered]).when(amend('2024-02-28')).thenThrows('BAD_USER_INPUT', 'BEFORE_ISSUE');
      const repealed = given([registered]).when(repeal('2025-01-01')).events();
      given([registered, ...repealed]).when(amend('2026-03-01')).thenThrows('CONFLICT', 'DOCUMENT_NOT_IN_FORCE');
    });

    it('needs a summary and a known document', () => {
      given([registered]).when(amend('2026-03-01', '')).thenThrows('BAD_USER_INPUT', 'REQUIRED');
      given([]).when(amend('2026-03-01')).thenThrows('NOT_FOUND', 'DOCUMENT_NOT_FOUND');
    });
  });

  describe('repealing', () => {
    it('repeals with a reason from its date', () => {
      given([registered]).when(repeal('2026-03-02')).then([{ type: 'NormativeDocumentRepealed', data: { agencyCode: CITY, documentId: 'doc-1', repealedOn: '2026-03-02', reason: '上位法废止' } }]);
    });

    it('repeals once only', () => {
      const repealed = given([registered]).when(repeal('2026-03-02')).events();
      given([registered, ...repealed]).when(repeal('2026-03-03')).thenThrows('CONFLICT', 'DOCUMENT_ALREADY_REPEALED');
    });

    it('cannot repeal what has already expired', () => {
      given([registered]).when(repeal('2029-03-01')).thenThrows('CONFLICT', 'DOCUMENT_NOT_IN_FORCE');
    });

    it('needs a reason', () => {
      given([registered]).when(repeal('2026-03-02', ' ')).thenThrows('BAD_USER_INPUT', 'REQUIRED');
    });
  });
});
