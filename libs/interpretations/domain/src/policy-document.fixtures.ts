import { ANONYMOUS, type Actor, systemActor } from '@gongkai/kernel';
import type { InterpretationContent } from './interpretation-content';
import { interpretationIdFor } from './interpretation-ids';
import { interpretationContentHash } from './policy-document-guards';
import type { PolicyDocumentEvent } from './policy-document-events';

/** Shared by the interpretation specifications: a policy of the regulations department, published on Thursday 2 April 2026. */
export const documentId = 'draft-1';
export const interpretationId = interpretationIdFor(documentId, 'a');
export const CITY = '445300';
export const regulations: Actor = { id: 'user-regulations', roles: ['staff'], agencyCode: CITY, departmentCode: 'REGULATIONS' };
export const planning: Actor = { id: 'user-planning', roles: ['staff'], agencyCode: CITY, departmentCode: 'PLANNING' };
export const countyStaff: Actor = { id: 'user-county', roles: ['staff'], agencyCode: '445381', departmentCode: 'REGULATIONS' };
export const office: Actor = { id: 'user-office', roles: ['office', 'staff'], agencyCode: CITY, departmentCode: 'OFFICE' };
export const system: Actor = systemActor('interpretations.policy-documents');
export const anonymous: Actor = ANONYMOUS;

/** 10:00 on Thursday 2 April 2026 in Yunfu; the document's due day is Wednesday 8 April (Qingming, 4–6 April, in between). */
export const PUBLICATION_NOW = '2026-04-02T02:00:00Z';

export const contentInput = {
  form: 'TEXT',
  title: '《云浮市扬尘污染防治管理办法（试行）》政策解读',
  content: '一、制定背景……二、主要内容……',
  interpreters: ['法规科 李科长'],
  departmentCode: 'REGULATIONS',
};
export const content: InterpretationContent = { ...contentInput, form: 'TEXT', mediaUrl: '' };
export const hashV1 = interpretationContentHash(documentId, interpretationId, 1, content);

export const noted: PolicyDocumentEvent = {
  type: 'PolicyDocumentNoted',
  data: { documentId, agencyCode: CITY, departmentCode: 'REGULATIONS', title: '云浮市扬尘污染防治管理办法（试行）' },
};
export const published = (interpretationSubmitted: boolean): PolicyDocumentEvent => ({
  type: 'PolicyDocumentPublished',
  data: {
    documentId,
    agencyCode: CITY,
    departmentCode: 'REGULATIONS',
    title: '云浮市扬尘污染防治管理办法（试行）',
    documentNumber: '云环〔2026〕8号',
    publishedOn: '2026-04-02',
    interpretationDueOn: '2026-04-08',
    interpretationSubmitted,
  },
});
export const drafted: PolicyDocumentEvent = { type: 'InterpretationDrafted', data: { documentId, interpretationId, agencyCode: CITY, version: 1, content } };
export const requested: PolicyDocumentEvent = {
  type: 'InterpretationPublicationRequested',
  data: {
    documentId,
    interpretationId,
    version: 1,
    contentHash: hashV1,
    publicationRequest: {
      reviewId: 'review-1',
      itemType: 'POLICY_INTERPRETATION',
      itemId: interpretationId,
      itemVersion: 1,
      contentHash: hashV1,
      title: `${content.title}（云浮市扬尘污染防治管理办法（试行）解读）`,
      agencyCode: CITY,
      departmentCode: 'REGULATIONS',
      requestedBy: regulations.id,
    },
  },
};
export const held: PolicyDocumentEvent = { type: 'InterpretationHeldForDocument', data: { documentId, interpretationId, version: 1, contentHash: hashV1, reviewId: 'review-1' } };
export const publishReviewed = { type: 'PublishReviewedInterpretation' as const, data: { interpretationId, version: 1, contentHash: hashV1, reviewId: 'review-1' } };
export const recordPublication = {
  type: 'RecordPolicyDocumentPublication' as const,
  data: { documentId, agencyCode: CITY, departmentCode: 'REGULATIONS', title: '云浮市扬尘污染防治管理办法（试行）', documentNumber: '云环〔2026〕8号', publishedOn: '2026-04-02' },
};
