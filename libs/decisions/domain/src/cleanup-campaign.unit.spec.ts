import { DeciderSpecification } from '@gongkai/kernel/testing';
import { cleanupResultsHash, type CleanupResults } from './cleanup-results';
import { CITY, planning, regulations, system } from './decision-draft.fixtures';
import type { NormativeRegisterCommand } from './register-commands';
import { normativeRegisterDecider } from './register-decider';
import type { NormativeRegisterEvent } from './register-events';

const given = DeciderSpecification.for(normativeRegisterDecider, { now: '2026-03-02T02:00:00Z', actor: regulations });

const document = (documentId: string, number: string, issuedOn: string, validUntil: string): NormativeRegisterEvent => ({
  type: 'NormativeDocumentRegistered',
  data: {
    agencyCode: CITY,
    documentId,
    document: { number, title: `文件 ${number}`, issuingDepartmentCode: 'REGULATIONS', issuedOn, effectiveOn: issuedOn, validityYears: 5, validUntil },
    summary: '',
  },
});
const inForceA = document('doc-a', '云环〔2022〕1号', '2022-01-10', '2027-01-09');
const inForceB = document('doc-b', '云环〔2023〕2号', '2023-05-01', '2028-04-30');
const expired = document('doc-x', '云环〔2019〕9号', '2019-01-01', '2023-12-31');
const register = [expired, inForceB, inForceA];

const opened: NormativeRegisterEvent = {
  type: 'CleanupCampaignOpened',
  data: {
    agencyCode: CITY,
    campaignId: 'cleanup-1',
    title: '2026年规范性文件清理',
    openedOn: '2026-03-02',
    scope: [
      { documentId: 'doc-a', number: '云环〔2022〕1号', title: '文件 云环〔2022〕1号' },
      { documentId: 'doc-b', number: '云环〔2023〕2号', title: '文件 云环〔2023〕2号' },
    ],
  },
};
const conclude = (documentId: string, conclusion: string, reason?: string): NormativeRegisterCommand => ({
  type: 'ConcludeCleanupItem',
  data: { agencyCode: CITY, campaignId: 'cleanup-1', documentId, conclusion, ...(reason !== undefined ? { reason } : {}) },
});
const concluded = (documentId: string, conclusion: 'KEEP' | 'AMEND' | 'REPEAL', reason: string): NormativeRegisterEvent => ({
  type: 'CleanupItemConcluded',
  data: { agencyCode: CITY, campaignId: 'cleanup-1', documentId, conclusion, reason },
});
const results: CleanupResults = {
  campaignId: 'cleanup-1',
  title: '2026年规范性文件清理',
  openedOn: '2026-03-02',
  items: [
    { ...opened.data.scope[0], conclusion: 'KEEP', reason: '' },
    { ...opened.data.scope[1], conclusion: 'REPEAL', reason: '已被新规定替代' },
  ],
  counts: [
    { conclusion: 'KEEP', documents: 1 },
    { conclusion: 'AMEND', documents: 0 },
    { conclusion: 'REPEAL', documents: 1 },
  ],
};
const hash = cleanupResultsHash(CITY, 1, results);
const allConcluded = [...register, opened, concluded('doc-a', 'KEEP', ''), concluded('doc-b', 'REPEAL', '已被新规定替代')];
const requested: NormativeRegisterEvent = {
  type: 'CleanupResultPublicationRequested',
  data: {
    agencyCode: CITY,
    campaignId: 'cleanup-1',
    resultVersion: 1,
    results,
    contentHash: hash,
    publicationRequest: {
      reviewId: 'review-c1',
      itemType: 'CLEANUP_RESULT',
      itemId: 'cleanup-1',
      itemVersion: 1,
      contentHash: hash,
      title: '2026年规范性文件清理（清理结果）',
      agencyCode: CITY,
      departmentCode: 'REGULATIONS',
      requestedBy: regulations.id,
    },
  },
};
const publish = (reviewId = 'review-c1'): NormativeRegisterCommand => ({
  type: 'PublishReviewedCleanupResult',
  data: { agencyCode: CITY, campaignId: 'cleanup-1', version: 1, contentHash: hash, reviewId },
});

describe('Clean-up of normative documents (规范性文件清理)', () => {
  it('opens on every document in force that day, oldest first, leaving out expired ones', () => {
    given(register).when({ type: 'OpenCleanupCampaign', data: { agencyCode: CITY, campaignId: 'cleanup-1', title: '2026年规范性文件清理' } }).then([opened]);
  });

  it('runs one clean-up at a time, and needs something to clean up', () => {
    given([...register, opened])
      .when({ type: 'OpenCleanupCampaign', data: { agencyCode: CITY, campaignId: 'cleanup-2', title: '再次清理' } })
      .thenThrows('CONFLICT', 'CLEANUP_ALREADY_OPEN');
    given([expired]).when({ type: 'OpenCleanupCampaign', data: { agencyCode: CITY, campaignId: 'cleanup-1', title: '清理' } }).thenThrows('BAD_USER_INPUT', 'NO_DOCUMENTS_IN_FORCE');
  });

  describe('concluding each document', () => {
    it('keeps without a reason, amends or repeals only with one', () => {
      given([...register, opened]).when(conclude('doc-a', 'KEEP')).then([concluded('doc-a', 'KEEP', '')]);
      given([...register, opened]).when(conclude('doc-b', 'REPEAL')).thenThrows('BAD_USER_INPUT', 'REQUIRED');
      given([...register, opened]).when(conclude('doc-b', 'AMEND', '')).thenThrows('BAD_USER_INPUT', 'REQUIRED');
    });

    it('concludes only documents in the campaign’s scope', () => {
      given([...register, opened]).when(conclude('doc-x', 'REPEAL', '过期')).thenThrows('BAD_USER_INPUT', 'DOCUMENT_NOT_IN_CAMPAIGN');
      given([...register, opened]).when(conclude('doc-a', 'ABOLISH', '过期')).thenThrows('BAD_USER_INPUT', 'NOT_ALLOWED_VALUE');
    });

    it('withdraws the pending review of the results it changes', () => {
      const [event] = given([...allConcluded, requested]).when(conclude('doc-a', 'AMEND', '需修改')).events();
      expect(event).toMatchObject({ data: { withdrawnReviewId: 'review-c1' } });
    });

    it('is the regulations department’s work', () => {
      given([...register, opened]).when(conclude('doc-a', 'KEEP'), { actor: planning }).thenThrows('FORBIDDEN', 'OUTSIDE_DEPARTMENT_SCOPE');
    });
  });

  describe('publishing the results through the review gate', () => {
    it('asks for review once every document is concluded', () => {
      given(allConcluded).when({ type: 'RequestCleanupResultPublication', data: { agencyCode: CITY, campaignId: 'cleanup-1', reviewId: 'review-c1' } }).then([requested]);
    });

    it('refuses while a document has no conclusion', () => {
      const error = given([...register, opened, concluded('doc-a', 'KEEP', '')])
        .when({ type: 'RequestCleanupResultPublication', data: { agencyCode: CITY, campaignId: 'cleanup-1', reviewId: 'review-c1' } })
        .thenThrows('BAD_USER_INPUT', 'CLEANUP_INCOMPLETE');
      expect(error.details).toEqual({ unconcluded: 1 });
    });

    it('publishes the approved results and repeals what they repeal, from the day of publication', () => {
      given([...allConcluded, requested])
        .when(publish(), { actor: system, now: '2026-03-20T02:00:00Z' })
        .then([
          {
            type: 'CleanupResultPublished',
            data: { agencyCode: CITY, campaignId: 'cleanup-1', resultVersion: 1, contentHash: hash, reviewId: 'review-c1', publishedAt: '2026-03-20T02:00:00.000Z' },
          },
          { type: 'NormativeDocumentRepealed', data: { agencyCode: CITY, documentId: 'doc-b', repealedOn: '2026-03-20', reason: '已被新规定替代', campaignId: 'cleanup-1' } },
        ]);
    });

    it('publishes nothing for results that changed after review, and nothing twice', () => {
      const changed = given([...allConcluded, requested]).when(conclude('doc-a', 'AMEND', '需修改')).events();
      given([...allConcluded, requested, ...changed]).when(publish(), { actor: system }).thenThrows('CONFLICT', 'REVIEWED_VERSION_OUTDATED');
      const published = given([...allConcluded, requested]).when(publish(), { actor: system }).events();
      given([...allConcluded, requested, ...published]).when(publish(), { actor: system }).thenNothingHappened();
      given([...allConcluded, requested, ...published]).when(conclude('doc-a', 'KEEP')).thenThrows('CONFLICT', 'CLEANUP_RESULTS_PUBLISHED');
    });

    it('is the review gate’s act, never staff’s', () => {
      given([...allConcluded, requested]).when(publish()).thenThrows('FORBIDDEN', 'ROLE_REQUIRED');
    });
  });
});
