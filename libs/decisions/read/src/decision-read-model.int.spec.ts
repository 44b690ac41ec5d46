import { decisionDraftDecider, type DecisionDraftCommand } from '@gongkai/decisions/domain';
import { ANONYMOUS, type Actor, systemActor } from '@gongkai/kernel';
import { InMemoryReadStore } from '@gongkai/read-store';
import { EventHistory } from '@gongkai/testing';
import { CONSULTATION_COMMENTS, type ConsultationCommentDocument, DECISION_DRAFTS, type DecisionDraftDocument } from './decision-draft-document';
import { decisionDraftsProjection } from './decision-drafts.projection';
import { consultationsFilter, viewComment, viewConsultation } from './consultation-visibility';
import { viewDecisionDraft } from './decision-draft-visibility';

const regulations: Actor = { id: 'demo-regulations', roles: ['staff'], agencyCode: '445300', departmentCode: 'REGULATIONS' };
const reviewer: Actor = { id: 'demo-reviewer', roles: ['reviewer'], agencyCode: '445300' };
const countyStaff: Actor = { id: 'demo-county-window', roles: ['staff'], agencyCode: '445381', departmentCode: 'SERVICE_WINDOW' };
const system = systemActor('decisions.publication');
const stream = (id: string) => `decisions.DecisionDraft-${id}`;
const content = { title: '云浮市扬尘污染防治管理办法（试行）', kind: 'POLICY', body: '第一条……', departmentCode: 'REGULATIONS', explanation: '起草说明' };

/** The contact as the gateway seals it; the gateway opens it again for the handling staff only. */
const sealed = { keyId: 'consultation-comment:c1', ciphertext: 'pd1.aXY.dGFn.Ym9keQ' };

/** Shanghai noon of a day, as an instant. */
const noon = (day: string) => `${day}T04:00:00Z`;

describe('The decisions read model: what the public and staff see of a consultation', () => {
  let store: InMemoryReadStore;
  let history: EventHistory;
  const decide = (draftId: string, command: DecisionDraftCommand, actor: Actor, day: string) => history.decide(decisionDraftDecider, stream(draftId), command, actor, noon(day));
  const draftOf = async (id: string) => (await store.collection<DecisionDraftDocument>(DECISION_DRAFTS).findOne({ _id: id }))!;
  const commentsOf = async (id: string) => store.collection<ConsultationCommentDocument>(CONSULTATION_COMMENTS).find({ draftId: id }, { sort: { submittedAt: 1, _id: 1 } });
  const publishLast = (draftId: string, type: 'PublishReviewedConsultation' | 'PublishReviewedFeedback', day: string) => {
    const request = history.lastPublicationRequest(stream(draftId));
    decide(draftId, { type, data: { draftId, version: request.itemVersion, contentHash: request.contentHash, reviewId: request.reviewId } }, system, day);
  };

  beforeEach(async () => {
    store = new InMemoryReadStore();
    history = new EventHistory();
    decide('d1', { type: 'CreateDecisionDraft', data: { draftId: 'd1', agencyCode: '445300', content } }, regulations, '2026-02-26');
    decide('d1', { type: 'RequestConsultation', data: { draftId: 'd1', expectedVersion: 1, reviewId: 'r1', terms: { opensOn: '2026-03-02', closesOn: '2026-03-31', channels: ['WEBSITE'] } } }, regulations, '2026-02-26');
    publishLast('d1', 'PublishReviewedConsultation', '2026-02-27');
    decide('d2', { type: 'CreateDecisionDraft', data: { draftId: 'd2', agencyCode: '445300', content: { ...content, title: '内部草稿' } } }, regulations, '2026-02-26');
    decide('d2', { type: 'RequestConsultation', data: { draftId: 'd2', expectedVersion: 1, reviewId: 'r2', terms: { opensOn: '2026-03-02', closesOn: '2026-03-31', channels: ['WEBSITE'] } } }, regulations, '2026-02-26');
    for (const id of ['c1', 'c2', 'c3']) {
      const contact = id === 'c1' ? sealed : null;
      decide('d1', { type: 'SubmitConsultationComment', data: { draftId: 'd1', commentId: id, content: `意见${id}`, authorName: '张先生', contact } }, ANONYMOUS, '2026-03-10');
    }
    decide('d1', { type: 'HideConsultationComment', data: { draftId: 'd1', commentId: 'c3', reason: '含有广告' } }, regulations, '2026-03-11');
    await history.project(store, decisionDraftsProjection);
  });

  it('shows the public an announced consultation before it opens, but not the draft', async () => {
    const view = viewConsultation(await draftOf('d1'), ANONYMOUS, new Date('2026-03-01T15:59:59Z'));
    expect(view).toMatchObject({ status: 'UPCOMING', title: content.title, draft: null, showsComments: false, published: true });
    expect(viewDecisionDraft(await draftOf('d1'), ANONYMOUS, new Date('2026-03-01T15:59:59Z'))).toBeNull();
  });

  it('shows the public the draft from 00:00 of the opening day', async () => {
    const view = viewConsultation(await draftOf('d1'), ANONYMOUS, new Date('2026-03-01T16:00:00Z'));
    expect(view).toMatchObject({ status: 'OPEN', draft: { title: content.title, body: '第一条……', version: 1 }, showsComments: true, days: 30 });
  });

  it('shows the public nothing of a consultation still under review, by id or in a list', async () => {
    expect(viewConsultation(await draftOf('d2'), ANONYMOUS, new Date(noon('2026-03-10')))).toBeNull();
    expect(viewDecisionDraft(await draftOf('d2'), ANONYMOUS, new Date(noon('2026-03-10')))).toBeNull();
    const listed = await store.collection<DecisionDraftDocument>(DECISION_DRAFTS).find(consultationsFilter(ANONYMOUS));
    expect(listed.map((d) => d._id)).toEqual(['d1']);
    const staffListed = await store.collection<DecisionDraftDocument>(DECISION_DRAFTS).find(consultationsFilter(regulations));
    expect(staffListed.map((d) => d._id).sort()).toEqual(['d1', 'd2']);
    expect(viewConsultation(await draftOf('d2'), regulations, new Date(noon('2026-03-10')))).toMatchObject({ status: 'UPCOMING', published: false, pendingReviewId: 'r2' });
  });

  it('counts hidden comments with the others and says how many are hidden', async () => {
    expect(viewConsultation(await draftOf('d1'), ANONYMOUS, new Date(noon('2026-03-12')))).toMatchObject({ commentCount: 3, hiddenCount: 1 });
  });

  it('never shows a contact to the public, and shows a hidden comment only by its reason', async () => {
    const view = viewConsultation(await draftOf('d1'), ANONYMOUS, new Date(noon('2026-03-12')))!;
    const comments = (await commentsOf('d1')).map((c) => viewComment(c, view, ANONYMOUS));
    expect(comments.map((c) => c.contact)).toEqual([null, null, null]);
    expect(comments[0]).toMatchObject({ content: '意见c1', authorName: '张先生', hidden: false });
    expect(comments[2]).toMatchObject({ content: null, authorName: null, hidden: true, hiddenReason: '含有广告' });
  });

  it('hands the sealed contact to the handling department only, not to a reviewer or another agency', async () => {
    const at = new Date(noon('2026-03-12'));
    const comment = (await commentsOf('d1'))[0];
    expect(comment.contact).toEqual(sealed);
    const asStaff = viewConsultation(await draftOf('d1'), regulations, at)!;
    expect(viewComment(comment, asStaff, regulations).contact).toEqual(sealed);
    const asReviewer = viewConsultation(await draftOf('d1'), reviewer, at)!;
    expect(viewComment(comment, asReviewer, reviewer)).toMatchObject({ content: '意见c1', contact: null });
    const asCounty = viewConsultation(await draftOf('d1'), countyStaff, at)!;
    expect(viewComment(comment, asCounty, countyStaff).contact).toBeNull();
  });

  it('shows feedback to the public only once it is published, with the disposals it reports', async () => {
    const from = history.events.length;
    decide('d1', { type: 'DisposeConsultationComments', data: { draftId: 'd1', commentIds: ['c1', 'c2'], disposition: 'PARTLY_ADOPTED', reason: '部分采纳' } }, regulations, '2026-04-01');
    decide('d1', { type: 'RequestFeedbackPublication', data: { draftId: 'd1', reviewId: 'f1' } }, regulations, '2026-04-01');
    await history.project(store, decisionDraftsProjection, from);
    const at = new Date(noon('2026-04-02'));
    expect(viewConsultation(await draftOf('d1'), ANONYMOUS, at)).toMatchObject({ status: 'CLOSED', feedback: null });
    expect(viewConsultation(await draftOf('d1'), regulations, at)?.feedback).toMatchObject({ status: 'PENDING_REVIEW', version: 1 });
    const before = viewConsultation(await draftOf('d1'), ANONYMOUS, at)!;
    expect((await commentsOf('d1')).map((c) => viewComment(c, before, ANONYMOUS).disposition)).toEqual([null, null, null]);

    const published = history.events.length;
    publishLast('d1', 'PublishReviewedFeedback', '2026-04-02');
    await history.project(store, decisionDraftsProjection, published);
    const after = viewConsultation(await draftOf('d1'), ANONYMOUS, at)!;
    expect(after.feedback).toMatchObject({
      status: 'PUBLISHED',
      report: { totalComments: 3, hiddenComments: 1, groups: [{ disposition: 'PARTLY_ADOPTED', reason: '部分采纳', commentIds: ['c1', 'c2'] }] },
    });
    expect((await commentsOf('d1')).map((c) => viewComment(c, after, ANONYMOUS).disposition)).toEqual(['PARTLY_ADOPTED', 'PARTLY_ADOPTED', null]);
  });

  it('shows the public the consulted version, not the revisions made after it', async () => {
    const from = history.events.length;
    decide('d1', { type: 'ReviseDecisionDraft', data: { draftId: 'd1', expectedVersion: 1, content: { ...content, body: '内部修改稿' }, changeSummary: '吸收意见' } }, regulations, '2026-04-01');
    await history.project(store, decisionDraftsProjection, from);
    const at = new Date(noon('2026-04-02'));
    expect(viewDecisionDraft(await draftOf('d1'), ANONYMOUS, at)).toMatchObject({ version: 1, content: { body: '第一条……' }, revisions: [] });
    expect(viewDecisionDraft(await draftOf('d1'), regulations, at)).toMatchObject({ version: 2, content: { body: '内部修改稿' } });
    expect(viewConsultation(await draftOf('d1'), regulations, at)?.draft).toMatchObject({ version: 1, body: '第一条……' });
  });
});
