import { CalendarRegistry, defaultCalendar } from '@gongkai/calendar';
import { DeciderSpecification } from '@gongkai/kernel/testing';
import { policyDocumentDecider } from './policy-document-decider';
import type { PolicyDocumentEvent } from './policy-document-events';
import { CITY, documentId, drafted, held, hashV1, interpretationId, noted, PUBLICATION_NOW, published, publishReviewed, recordPublication, requested, system } from './policy-document.fixtures';

const given = DeciderSpecification.for(policyDocumentDecider, { now: PUBLICATION_NOW, actor: system, calendar: defaultCalendar() });
const note = (change: Record<string, unknown> = {}) => ({
  type: 'NotePolicyDocument' as const,
  data: { documentId, agencyCode: CITY, departmentCode: 'REGULATIONS', title: '云浮市扬尘污染防治管理办法（试行）', ...change },
});
const heldPublished: PolicyDocumentEvent = {
  type: 'InterpretationPublished',
  data: {
    documentId,
    interpretationId,
    version: 1,
    contentHash: hashV1,
    reviewId: 'review-1',
    publishedAt: '2026-04-02T02:00:00.000Z',
    publishedOn: '2026-04-02',
    interpretationDueOn: '2026-04-08',
    onTime: true,
  },
};

describe('Policy document (政策文件) as the decisions context reports it', () => {
  describe('noting a draft', () => {
    it('records a document the first time, and a change of title or department after', () => {
      given([]).when(note()).then([noted]);
      given([noted]).when(note()).thenNothingHappened();
      given([noted]).when(note({ title: '云浮市扬尘污染防治办法' })).then([{ type: 'PolicyDocumentNoted', data: { ...noted.data, title: '云浮市扬尘污染防治办法' } } as PolicyDocumentEvent]);
    });

    it('leaves a published document as it was published', () => {
      given([noted, published(false)]).when(note({ title: '另一个标题' })).thenNothingHappened();
    });

    it('is told by the process manager only', () => {
      given([]).when(note(), { actor: { id: 'user-regulations', roles: ['staff'], agencyCode: CITY, departmentCode: 'REGULATIONS' } }).thenThrows('FORBIDDEN', 'ROLE_REQUIRED');
    });
  });

  describe('recording the publication (the 3-working-day clock starts)', () => {
    it('sets the due day three working days after publication and flags a document published with no interpretation submitted', () => {
      given([noted]).when(recordPublication).then([published(false)]);
    });

    it('counts a draft interpretation as not submitted: only one sent for approval is', () => {
      given([noted, drafted]).when(recordPublication).then([published(false)]);
      given([noted, drafted, requested]).when(recordPublication).then([published(true)]);
    });

    it('publishes with the document an interpretation approved before it (同步发布)', () => {
      given([noted, drafted, requested, held]).when(recordPublication).then([published(true), heldPublished]);
    });

    it('registers a normative document it had not heard of before, with the department that issued it', () => {
      given([]).when(recordPublication).then([published(false)]);
    });

    it('takes the drafting department it noted when the adoption names none', () => {
      given([noted]).when({ ...recordPublication, data: { ...recordPublication.data, departmentCode: null } }).then([published(false)]);
    });

    it('counts one publication when an adopted policy is also registered as a normative document', () => {
      given([noted, published(false)]).when({ ...recordPublication, data: { ...recordPublication.data, publishedOn: '2026-04-03' } }).thenNothingHappened();
    });

    describe('in a year without a calendar loaded (the last days of December)', () => {
      const in2027 = { ...recordPublication, data: { ...recordPublication.data, publishedOn: '2027-01-04' } };
      const publishedUndated = given([noted, drafted, requested]).when(in2027).events();

      it('records the publication without guessing a due day, so that the process manager never parks it', () => {
        expect(publishedUndated).toMatchObject([{ type: 'PolicyDocumentPublished', data: { publishedOn: '2027-01-04', interpretationDueOn: null, interpretationSubmitted: true } }]);
      });

      it('refuses to publish an approved interpretation with it until the year is loaded: its punctuality needs the day', () => {
        given([noted, drafted, requested, held]).when(in2027).thenThrows('BAD_USER_INPUT', 'CALENDAR_YEAR_NOT_LOADED');
      });

      it('works the due day out once the year is loaded', () => {
        const calendar = new CalendarRegistry();
        given([noted, drafted, requested, ...publishedUndated]).when(publishReviewed, { calendar }).thenThrows('BAD_USER_INPUT', 'CALENDAR_YEAR_NOT_LOADED');
        calendar.load({ calendarYear: { year: 2027, holidays: ['2027-01-01'], makeUpWorkingDays: [], source: 'test notice' }, revision: 0 });
        // Mon 2027-01-04: 01-05 [1], 01-06 [2], Thu 01-07 [3].
        expect(given([noted, drafted, requested, ...publishedUndated]).when(publishReviewed, { calendar }).events()).toMatchObject([
          { type: 'InterpretationPublished', data: { interpretationDueOn: '2027-01-07', onTime: true } },
        ]);
      });
    });
  });

  describe('recording a withdrawal', () => {
    it('withdraws the pending reviews of its interpretations with it', () => {
      given([noted, drafted, requested])
        .when({ type: 'RecordPolicyDocumentWithdrawal', data: { documentId, reason: '上位法修订' } })
        .then([
          { type: 'PolicyDocumentWithdrawn', data: { documentId, reason: '上位法修订', withdrawnAt: '2026-04-02T02:00:00.000Z' } },
          { type: 'InterpretationReviewWithdrawn', data: { documentId, interpretationId, reason: '上位法修订', withdrawnReviewId: 'review-1' } },
        ]);
    });

    it('ignores a document it never heard of, and one already published', () => {
      given([]).when({ type: 'RecordPolicyDocumentWithdrawal', data: { documentId, reason: 'x' } }).thenNothingHappened();
      given([noted, published(false)]).when({ type: 'RecordPolicyDocumentWithdrawal', data: { documentId, reason: 'x' } }).thenNothingHappened();
    });
  });

  it('publishes nothing it is told about a withdrawn document', () => {
    const withdrawn: PolicyDocumentEvent = { type: 'PolicyDocumentWithdrawn', data: { documentId, reason: 'x', withdrawnAt: '2026-04-01T02:00:00.000Z' } };
    given([noted, withdrawn]).when(recordPublication).thenThrows('CONFLICT', 'DOCUMENT_WITHDRAWN');
    given([noted, drafted, requested, withdrawn]).when(publishReviewed).thenThrows('CONFLICT', 'REVIEWED_VERSION_OUTDATED');
  });
});
