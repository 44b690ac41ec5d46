import { defaultCalendar } from '@gongkai/calendar';
import { type Actor, systemActor } from '@gongkai/kernel';
import { DeciderSpecification } from '@gongkai/kernel/testing';
import { interpretationIdFor } from './interpretation-ids';
import { policyDocumentDecider } from './policy-document-decider';
import type { PolicyDocumentEvent } from './policy-document-events';
import {
  anonymous,
  content,
  contentInput,
  countyStaff,
  documentId,
  drafted,
  hashV1,
  held,
  interpretationId,
  noted,
  office,
  planning,
  PUBLICATION_NOW,
  published,
  publishReviewed,
  regulations,
  requested,
} from './policy-document.fixtures';

const given = DeciderSpecification.for(policyDocumentDecider, { now: PUBLICATION_NOW, actor: regulations, calendar: defaultCalendar() });
const system: Actor = systemActor('interpretations.publication');
const create = (change: Record<string, unknown> = {}, id = interpretationId) => ({ type: 'CreateInterpretation' as const, data: { documentId, interpretationId: id, content: { ...contentInput, ...change } } });
const revise = (change: Record<string, unknown> = {}, expectedVersion = 1) => ({ type: 'ReviseInterpretation' as const, data: { interpretationId, expectedVersion, content: { ...contentInput, ...change } } });
const request = (expectedVersion = 1, reviewId = 'review-1') => ({ type: 'RequestInterpretationPublication' as const, data: { interpretationId, expectedVersion, reviewId } });
const publishedOn = (now: string, publishedOnDay: string, onTime: boolean): PolicyDocumentEvent => ({
  type: 'InterpretationPublished',
  data: { documentId, interpretationId, version: 1, contentHash: hashV1, reviewId: 'review-1', publishedAt: new Date(now).toISOString(), publishedOn: publishedOnDay, interpretationDueOn: '2026-04-08', onTime },
});

describe('Interpretation (政策解读)', () => {
  describe('writing one', () => {
    it('drafts interpretation material of a known document, before the document is published', () => {
      given([noted]).when(create()).then([drafted]);
    });

    it('refuses a document the decisions context never reported', () => {
      given([]).when(create()).thenThrows('BAD_USER_INPUT', 'UNKNOWN_DOCUMENT');
    });

    it('refuses an id that names another document', () => {
      given([noted]).when(create({}, interpretationIdFor('draft-2', 'a'))).thenThrows('BAD_USER_INPUT', 'INVALID_INTERPRETATION_ID');
    });

    it('belongs to the drafting department (谁起草、谁解读)', () => {
      given([noted]).when(create({ departmentCode: 'PLANNING' }), { actor: planning }).thenThrows('BAD_USER_INPUT', 'NOT_THE_DRAFTING_DEPARTMENT');
      given([noted]).when(create(), { actor: planning }).thenThrows('FORBIDDEN', 'OUTSIDE_DEPARTMENT_SCOPE');
      expect(given([noted]).when(create(), { actor: office }).events()).toHaveLength(1);
    });

    it('keeps the public out and county staff to their own agency', () => {
      given([noted]).when(create(), { actor: anonymous }).thenThrows('UNAUTHENTICATED', 'ROLE_REQUIRED');
      given([noted]).when(create(), { actor: countyStaff }).thenThrows('FORBIDDEN', 'OUTSIDE_AGENCY_SCOPE');
    });

    it.each([
      ['an unknown form', { form: 'PODCAST' }, 'NOT_ALLOWED_VALUE'],
      ['a text interpretation without text', { content: '' }, 'CONTENT_REQUIRED_FOR_FORM'],
      ['a Q&A without its questions and answers', { form: 'QA', content: null }, 'CONTENT_REQUIRED_FOR_FORM'],
      ['a graphic without its image', { form: 'GRAPHIC' }, 'MEDIA_REQUIRED_FOR_FORM'],
      ['a video without its address', { form: 'VIDEO', mediaUrl: '' }, 'MEDIA_REQUIRED_FOR_FORM'],
      ['an expert interview without experts', { form: 'EXPERT_INTERVIEW', interpreters: [] }, 'INTERPRETERS_REQUIRED_FOR_FORM'],
      ['an expert interview with neither transcript nor recording', { form: 'EXPERT_INTERVIEW', content: '' }, 'CONTENT_OR_MEDIA_REQUIRED'],
      ['a media link that is not a web address', { mediaUrl: 'ftp://example.com/v.mp4' }, 'NOT_URL'],
      ['an oversized title', { title: '解'.repeat(201) }, 'TOO_LONG'],
      ['too many interpreters', { interpreters: Array.from({ length: 21 }, (_, i) => `专家${i}`) }, 'TOO_MANY'],
    ])('refuses %s', (_, change, rule) => {
      given([noted]).when(create(change)).thenThrows('BAD_USER_INPUT', rule);
    });

    it('takes several forms for one document', () => {
      const video = given([noted, drafted])
        .when(create({ form: 'VIDEO', content: '', mediaUrl: 'https://www.yunfu.gov.cn/hbj/video/1.mp4' }, interpretationIdFor(documentId, 'b')))
        .events();
      expect(video).toMatchObject([{ type: 'InterpretationDrafted', data: { version: 1, content: { form: 'VIDEO' } } }]);
    });

    it('refuses to interpret a withdrawn document', () => {
      const withdrawn: PolicyDocumentEvent = { type: 'PolicyDocumentWithdrawn', data: { documentId, reason: 'x', withdrawnAt: '2026-04-01T02:00:00.000Z' } };
      given([noted, withdrawn]).when(create()).thenThrows('CONFLICT', 'DOCUMENT_WITHDRAWN');
    });
  });

  describe('revising', () => {
    it('makes a new version and withdraws the review of the one it replaces', () => {
      given([noted, drafted, requested])
        .when(revise({ content: '修订后的解读' }))
        .then([{ type: 'InterpretationRevised', data: { documentId, interpretationId, version: 2, content: { ...content, content: '修订后的解读' }, withdrawnReviewId: 'review-1' } }]);
    });

    it('withdraws an approval that was waiting for the document', () => {
      expect(given([noted, drafted, requested, held]).when(revise()).events()).toMatchObject([{ data: { version: 2, withdrawnReviewId: 'review-1' } }]);
    });

    it('refuses a stale version, another document, and an unknown interpretation', () => {
      given([noted, drafted]).when(revise({}, 2)).thenThrows('CONFLICT', 'STALE_VERSION');
      given([noted, drafted]).when(revise({ documentId: 'draft-2' })).thenThrows('BAD_USER_INPUT', 'INTERPRETATION_OF_ANOTHER_DOCUMENT');
      given([noted]).when(revise()).thenThrows('NOT_FOUND', 'INTERPRETATION_NOT_FOUND');
    });
  });

  describe('requesting publication (一并报批)', () => {
    it('binds the review to exactly this version and content', () => {
      given([noted, drafted]).when(request()).then([requested]);
    });

    it('refuses a second request while one is pending or approved', () => {
      given([noted, drafted, requested]).when(request(1, 'review-2')).thenThrows('CONFLICT', 'REVIEW_ALREADY_PENDING');
      given([noted, drafted, requested, held]).when(request(1, 'review-2')).thenThrows('CONFLICT', 'REVIEW_ALREADY_PENDING');
    });

    it('refuses to review again a version already published', () => {
      given([noted, published(true), drafted, requested, publishedOn(PUBLICATION_NOW, '2026-04-02', true)]).when(request(1, 'review-2')).thenThrows('CONFLICT', 'VERSION_ALREADY_PUBLISHED');
    });
  });

  describe('publishing what was reviewed', () => {
    it('holds an approval that comes before the document is published', () => {
      given([noted, drafted, requested]).when(publishReviewed, { actor: system }).then([held]);
      given([noted, drafted, requested, held]).when(publishReviewed, { actor: system }).thenNothingHappened();
    });

    it('records an interpretation published on the due day as on time', () => {
      const now = '2026-04-08T09:00:00Z'; // 17:00 on Wednesday 8 April in Yunfu
      given([noted, published(true), drafted, requested]).when(publishReviewed, { actor: system, now }).then([publishedOn(now, '2026-04-08', true)]);
    });

    it('records one published the working day after as late, by the Yunfu date, not the UTC one', () => {
      const now = '2026-04-08T16:30:00Z'; // 00:30 on Thursday 9 April in Yunfu, still the 8th in UTC
      given([noted, published(false), drafted, requested]).when(publishReviewed, { actor: system, now }).then([publishedOn(now, '2026-04-09', false)]);
    });

    it('publishes nothing when the interpretation changed after the review was opened', () => {
      const revised: PolicyDocumentEvent = { type: 'InterpretationRevised', data: { documentId, interpretationId, version: 2, content, withdrawnReviewId: 'review-1' } };
      given([noted, published(true), drafted, requested, revised]).when(publishReviewed, { actor: system }).thenThrows('CONFLICT', 'REVIEWED_VERSION_OUTDATED');
    });

    it('publishes nothing for another content hash or another review', () => {
      given([noted, published(true), drafted, requested]).when({ ...publishReviewed, data: { ...publishReviewed.data, contentHash: 'f'.repeat(64) } }, { actor: system }).thenThrows('CONFLICT', 'REVIEWED_VERSION_OUTDATED');
      given([noted, published(true), drafted, requested]).when({ ...publishReviewed, data: { ...publishReviewed.data, reviewId: 'review-0' } }, { actor: system }).thenThrows('CONFLICT', 'REVIEWED_VERSION_OUTDATED');
    });

    it('does nothing when the same approval arrives again', () => {
      given([noted, published(true), drafted, requested, publishedOn(PUBLICATION_NOW, '2026-04-02', true)]).when(publishReviewed, { actor: system }).thenNothingHappened();
    });

    it('is done by the review gate only, never by staff', () => {
      given([noted, published(true), drafted, requested]).when(publishReviewed).thenThrows('FORBIDDEN', 'ROLE_REQUIRED');
    });
  });
});
