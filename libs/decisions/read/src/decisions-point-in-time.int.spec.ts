import { decisionDraftDecider, type DecisionDraftCommand, keyWorkItemDecider, normativeRegisterDecider, type NormativeRegisterCommand } from '@gongkai/decisions/domain';
import { ANONYMOUS, type Actor, systemActor } from '@gongkai/kernel';
import { InMemoryReadStore } from '@gongkai/read-store';
import { EventHistory } from '@gongkai/testing';
import { viewConsultation } from './consultation-visibility';
import { CONSULTATION_COMMENTS, type ConsultationCommentDocument, DECISION_DRAFTS, type DecisionDraftDocument } from './decision-draft-document';
import { viewDecisionDraft } from './decision-draft-visibility';
import { decisionDraftsProjection } from './decision-drafts.projection';
import { commentAsOf, keyWorkItemAsOf, normativeDocumentAsOf, readDecisionDraftAsOf, readDecisionDraftsAsOf } from './decisions-point-in-time';
import { KEY_WORK_ITEMS, type KeyWorkItemDocument } from './key-work-item-document';
import { keyWorkItemsProjection } from './key-work-items.projection';
import { NORMATIVE_DOCUMENTS, type NormativeDocumentDocument } from './normative-register-documents';
import { normativeRegisterProjection } from './normative-register.projection';
import { viewNormativeDocument } from './normative-register-queries';

const regulations: Actor = { id: 'demo-regulations', roles: ['staff'], agencyCode: '445300', departmentCode: 'REGULATIONS' };
const leader: Actor = { id: 'demo-leader', roles: ['leader'], agencyCode: '445300' };
const supervision: Actor = { id: 'demo-supervision', roles: ['staff'], agencyCode: '445300', departmentCode: 'SUPERVISION' };
const system = systemActor('decisions.publication');
const STREAM = 'decisions.DecisionDraft-d1';
const content = { title: '云浮市扬尘污染防治管理办法（试行）', kind: 'POLICY', body: '第一条……', departmentCode: 'REGULATIONS', explanation: '起草说明' };
/** Shanghai noon of a day, as an instant. */
const noon = (day: string) => `${day}T04:00:00.000Z`;

describe('Decisions at a point in time (asOfInstant)', () => {
  let store: InMemoryReadStore;
  let history: EventHistory;
  const decide = (command: DecisionDraftCommand, actor: Actor, day: string) => history.decide(decisionDraftDecider, STREAM, command, actor, noon(day));
  const publishLast = (type: 'PublishReviewedConsultation' | 'PublishReviewedFeedback', day: string) => {
    const request = history.lastPublicationRequest(STREAM);
    decide({ type, data: { draftId: 'd1', version: request.itemVersion, contentHash: request.contentHash, reviewId: request.reviewId } }, system, day);
  };
  const draftAt = async (day: string) => readDecisionDraftAsOf(store, (await store.collection<DecisionDraftDocument>(DECISION_DRAFTS).findOne({ _id: 'd1' }))!, noon(day));
  const consultationAt = async (day: string) => {
    const then = await draftAt(day);
    return then && viewConsultation(then, ANONYMOUS, new Date(noon(day)));
  };

  /** Announced 27 Feb, open 2–31 March; 2 comments on 10 March, one hidden on 11 March; feedback published 2 April; withdrawn 10 April, after a v2 draft nobody outside saw. */
  beforeEach(async () => {
    store = new InMemoryReadStore();
    history = new EventHistory();
    decide({ type: 'CreateDecisionDraft', data: { draftId: 'd1', agencyCode: '445300', content } }, regulations, '2026-02-26');
    decide({ type: 'RequestConsultation', data: { draftId: 'd1', expectedVersion: 1, reviewId: 'r1', terms: { opensOn: '2026-03-02', closesOn: '2026-03-31', channels: ['WEBSITE'] } } }, regulations, '2026-02-26');
    publishLast('PublishReviewedConsultation', '2026-02-27');
    for (const id of ['c1', 'c2']) decide({ type: 'SubmitConsultationComment', data: { draftId: 'd1', commentId: id, content: `意见${id}`, authorName: '张先生', contact: null } }, ANONYMOUS, '2026-03-10');
    decide({ type: 'HideConsultationComment', data: { draftId: 'd1', commentId: 'c2', reason: '含有广告' } }, regulations, '2026-03-11');
    decide({ type: 'DisposeConsultationComments', data: { draftId: 'd1', commentIds: ['c1'], disposition: 'ADOPTED', reason: '采纳' } }, regulations, '2026-04-01');
    decide({ type: 'RequestFeedbackPublication', data: { draftId: 'd1', reviewId: 'f1' } }, regulations, '2026-04-01');
    publishLast('PublishReviewedFeedback', '2026-04-02');
    decide({ type: 'ReviseDecisionDraft', data: { draftId: 'd1', expectedVersion: 1, content: { ...content, body: '第一条（内部修改）' }, changeSummary: '内部' } }, regulations, '2026-04-05');
    decide({ type: 'WithdrawDecision', data: { draftId: 'd1', reason: '上位法变化' } }, leader, '2026-04-10');
    await history.project(store, decisionDraftsProjection);
  });

  it('has no consultation before it was published, and the announcement without the text before it opened', async () => {
    expect(await draftAt('2026-02-26')).toBeNull();
    expect(await consultationAt('2026-02-28')).toMatchObject({ status: 'UPCOMING', draft: null, commentCount: 0, feedback: null });
    expect(viewDecisionDraft((await draftAt('2026-02-28'))!, ANONYMOUS, new Date(noon('2026-02-28')))).toBeNull();
    expect((await readDecisionDraftsAsOf(store, noon('2026-02-26'), 10)).map((d) => d._id)).toEqual([]);
  });

  it('counts the comments received and hidden by the instant, and shows each as it stood then', async () => {
    expect(await consultationAt('2026-03-05')).toMatchObject({ status: 'OPEN', draft: { body: '第一条……' }, commentCount: 0, hiddenCount: 0 });
    expect(await consultationAt('2026-03-10')).toMatchObject({ commentCount: 2, hiddenCount: 0 });
    expect(await consultationAt('2026-03-12')).toMatchObject({ commentCount: 2, hiddenCount: 1 });
    const comments = await store.collection<ConsultationCommentDocument>(CONSULTATION_COMMENTS).find({ draftId: 'd1' }, { sort: { _id: 1 } });
    const on10th = (await draftAt('2026-03-10'))!;
    expect(comments.map((c) => commentAsOf(c, on10th, noon('2026-03-10'))?.hidden)).toEqual([false, false]);
    expect(comments.map((c) => commentAsOf(c, on10th, noon('2026-03-09')))).toEqual([null, null]);
    expect(commentAsOf(comments[0], on10th, noon('2026-03-10'))?.publishedDisposal).toBeNull();
    expect(commentAsOf(comments[0], (await draftAt('2026-04-03'))!, noon('2026-04-03'))?.publishedDisposal).toEqual({ disposition: 'ADOPTED', reason: '采纳' });
  });

  it('shows the feedback from its publication, the withdrawal from its instant, and never the later internal draft', async () => {
    expect((await consultationAt('2026-04-01'))?.feedback).toBeNull();
    expect(await consultationAt('2026-04-03')).toMatchObject({ feedback: { status: 'PUBLISHED' }, decisionStatus: 'DRAFT', withdrawalReason: null });
    expect(await consultationAt('2026-04-11')).toMatchObject({ status: 'CLOSED', decisionStatus: 'WITHDRAWN', withdrawalReason: '上位法变化', draft: { body: '第一条……' } });
    expect(viewDecisionDraft((await draftAt('2026-04-06'))!, ANONYMOUS, new Date(noon('2026-04-06')))).toMatchObject({ content: { body: '第一条……' }, status: 'DRAFT', withdrawal: null });
  });
});

describe('Key work and the register at a point in time (asOfInstant)', () => {
  it('shows key work only with the progress reports published by the instant', async () => {
    const store = new InMemoryReadStore();
    const history = new EventHistory();
    const stream = 'decisions.KeyWorkItem-w1';
    const report = (period: string) => ({ period, tasks: '在线监控联网', progress: '已联网40家', results: '联网率80%', nextSteps: '年底前全部联网' });
    history.decide(keyWorkItemDecider, stream, { type: 'CreateKeyWorkItem', data: { workItemId: 'w1', agencyCode: '445300', item: { kind: 'PLAN', title: '2026年污染源监管计划', departmentCode: 'SUPERVISION' } } }, supervision, noon('2026-04-01'));
    for (const [number, day] of [[1, '2026-04-02'], [2, '2026-07-02']] as const) {
      history.decide(keyWorkItemDecider, stream, { type: 'ReportKeyWorkProgress', data: { workItemId: 'w1', reviewId: `p${number}`, report: report(`第${number}季度`) } }, supervision, noon(day));
      const { contentHash } = history.lastPublicationRequest(stream);
      history.decide(keyWorkItemDecider, stream, { type: 'PublishReviewedProgressReport', data: { workItemId: 'w1', version: number, contentHash, reviewId: `p${number}` } }, system, noon(day));
    }
    await history.project(store, keyWorkItemsProjection);
    const item = (await store.collection<KeyWorkItemDocument>(KEY_WORK_ITEMS).findOne({ _id: 'w1' }))!;
    expect(keyWorkItemAsOf(item, noon('2026-04-01'))).toBeNull();
    expect(keyWorkItemAsOf(item, noon('2026-05-01'))?.reports.map((r) => r.period)).toEqual(['第1季度']);
    expect(keyWorkItemAsOf(item, noon('2026-08-01'))?.reports.map((r) => r.period)).toEqual(['第1季度', '第2季度']);
  });

  it('shows a register entry from its registration, with the amendments and repeal recorded by the instant', async () => {
    const store = new InMemoryReadStore();
    const history = new EventHistory();
    const decide = (command: NormativeRegisterCommand, day: string) => history.decide(normativeRegisterDecider, 'decisions.NormativeDocumentRegister-445300', command, regulations, noon(day));
    decide({ type: 'RegisterNormativeDocument', data: { agencyCode: '445300', documentId: 'c', document: { number: '云环〔2023〕3号', title: '云浮市环境信用评价办法', issuingDepartmentCode: 'REGULATIONS', issuedOn: '2023-01-01' } } }, '2026-01-05');
    decide({ type: 'AmendNormativeDocument', data: { agencyCode: '445300', documentId: 'c', amendedOn: '2025-01-01', summary: '修改第三条' } }, '2026-02-01');
    decide({ type: 'RepealNormativeDocument', data: { agencyCode: '445300', documentId: 'c', repealedOn: '2026-03-01', reason: '上位法废止' } }, '2026-03-02');
    await history.project(store, normativeRegisterProjection);
    const document = (await store.collection<NormativeDocumentDocument>(NORMATIVE_DOCUMENTS).findOne({ _id: 'c' }))!;
    const statusAt = (day: string) => {
      const then = normativeDocumentAsOf(document, noon(day));
      return then && viewNormativeDocument(then, day)?.status;
    };
    expect(normativeDocumentAsOf(document, noon('2026-01-04'))).toBeNull();
    // The amendment (of 2025) was not yet in the register on 20 January: it then read IN_FORCE.
    expect(statusAt('2026-01-20')).toBe('IN_FORCE');
    expect(statusAt('2026-02-20')).toBe('AMENDED');
    expect(statusAt('2026-03-05')).toBe('REPEALED');
  });
});
