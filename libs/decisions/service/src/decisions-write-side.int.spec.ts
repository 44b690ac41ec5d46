import { CONTEXTS, type PublicationSubject } from '@gongkai/contracts';
import type { RecordedEvent } from '@gongkai/event-sourcing';
import { SqliteEventStore } from '@gongkai/event-sourcing/sqlite';
import type { Actor } from '@gongkai/kernel';
import { type CommandEnvelope, InProcessCommandBus } from '@gongkai/messaging';
import { reviewApproved, startWriteSide } from '@gongkai/messaging/testing';
import { DECISIONS_ROUTES, decisionDraftStreamId, normativeRegisterStreamId } from './decisions-routes';
import { publishReviewedDecisionItems } from './sagas/publish-reviewed-decision-items';
import { registerAdoptedPolicy } from './sagas/register-adopted-policy';

/**
 * The write side without Nest: the real routes and deciders over an SQLite store, the two process
 * managers, and a stand-in for oversight that records what it is told.
 */
const regulations: Actor = { id: 'demo-regulations', roles: ['staff'], agencyCode: '445300', departmentCode: 'REGULATIONS' };
const office: Actor = { id: 'demo-office', roles: ['office', 'staff'], agencyCode: '445300', departmentCode: 'OFFICE' };

describe('The decisions write side: routes and process managers', () => {
  let store: SqliteEventStore;
  let bus: InProcessCommandBus;
  let oversight: CommandEnvelope[];
  let now: Date;

  const send = (type: string, data: object, actor: Actor = regulations) =>
    bus.send({ context: CONTEXTS.decisions, type, data, metadata: { actor, correlationId: 'test' } });
  const streamOf = async (streamId: string) => store.readStream(streamId);
  const lastEventOf = async (streamId: string) => (await streamOf(streamId)).at(-1) as RecordedEvent;

  beforeEach(async () => {
    now = new Date('2026-03-02T02:00:00Z');
    ({ store, bus, oversight } = await startWriteSide(CONTEXTS.decisions, DECISIONS_ROUTES, { now: () => now }));
  });

  afterEach(async () => {
    await bus.close();
    await store.close();
  });

  const draftAndRequest = async (draftId: string, opensOn: string, closesOn: string): Promise<PublicationSubject> => {
    const content = { title: '云浮市扬尘污染防治管理办法（试行）', kind: 'POLICY', body: '第一条……', departmentCode: 'REGULATIONS', explanation: '起草说明' };
    await send('CreateDecisionDraft', { draftId, agencyCode: '445300', content });
    await send('RequestConsultation', { draftId, expectedVersion: 1, reviewId: `review-${draftId}`, terms: { opensOn, closesOn, channels: ['WEBSITE'] } });
    const requested = await lastEventOf(decisionDraftStreamId(draftId));
    return (requested.data as { publicationRequest: PublicationSubject }).publicationRequest;
  };

  it('publishes an approved consultation and tells oversight it is out', async () => {
    const request = await draftAndRequest('d1', '2026-03-02', '2026-03-31');
    await publishReviewedDecisionItems(bus).handle(reviewApproved(request));
    expect((await lastEventOf(decisionDraftStreamId('d1'))).type).toBe('ConsultationPublished');
    expect(oversight.map((c) => [c.type, c.data])).toEqual([['RecordReviewedVersionPublished', { reviewId: 'review-d1' }]]);
  });

  it('supersedes the review when the approval comes after the opening day, publishing nothing', async () => {
    const request = await draftAndRequest('d2', '2026-03-02', '2026-03-31');
    now = new Date('2026-03-02T16:00:00Z'); // 3 March in Shanghai
    await publishReviewedDecisionItems(bus).handle(reviewApproved(request));
    expect((await lastEventOf(decisionDraftStreamId('d2'))).type).toBe('ConsultationRequested');
    expect(oversight).toEqual([expect.objectContaining({ type: 'SupersedePublicationReview', data: expect.objectContaining({ reviewId: 'review-d2' }) })]);
  });

  it('ignores approvals of items that belong to other contexts', async () => {
    const request = await draftAndRequest('d3', '2026-03-02', '2026-03-31');
    await publishReviewedDecisionItems(bus).handle(reviewApproved({ ...request, itemType: 'SERVICE_GUIDE' }));
    expect(oversight).toEqual([]);
  });

  it('registers an adopted policy as a normative document, once however often the adoption arrives', async () => {
    const request = await draftAndRequest('d4', '2026-03-02', '2026-03-31');
    await publishReviewedDecisionItems(bus).handle(reviewApproved(request));
    now = new Date('2026-04-01T02:00:00Z');
    await send('RequestFeedbackPublication', { draftId: 'd4', reviewId: 'review-f-d4' });
    const feedbackRequest = ((await lastEventOf(decisionDraftStreamId('d4'))).data as { publicationRequest: PublicationSubject }).publicationRequest;
    await publishReviewedDecisionItems(bus).handle(reviewApproved(feedbackRequest));
    await send('AdoptDecision', { draftId: 'd4', adoption: { finalText: '正式文本', documentNumber: '云环〔2026〕8号', effectiveOn: '2026-05-01', approvedBy: '局务会议' } }, office);
    const adopted = await lastEventOf(decisionDraftStreamId('d4'));
    expect(adopted.type).toBe('DecisionAdopted');

    await registerAdoptedPolicy(bus).handle(adopted);
    await registerAdoptedPolicy(bus).handle(adopted);
    const register = await streamOf(normativeRegisterStreamId('445300'));
    expect(register.map((e) => e.type)).toEqual(['NormativeDocumentRegistered']);
    expect(register[0].data).toMatchObject({
      documentId: 'd4',
      sourceDraftId: 'd4',
      document: { number: '云环〔2026〕8号', issuedOn: '2026-04-01', effectiveOn: '2026-05-01', validityYears: 2, validUntil: '2028-04-30' },
    });
    expect(register[0].metadata.actor.id).toBe('system:decisions.register-adopted-policy');
  });

  it('routes every command to its aggregate’s stream', () => {
    expect(Object.keys(DECISIONS_ROUTES).sort()).toEqual(
      [
        'AdoptDecision',
        'AmendNormativeDocument',
        'ConcludeCleanupItem',
        'CreateDecisionDraft',
        'CreateKeyWorkItem',
        'DisposeConsultationComments',
        'HideConsultationComment',
        'OpenCleanupCampaign',
        'PublishReviewedCleanupResult',
        'PublishReviewedConsultation',
        'PublishReviewedFeedback',
        'PublishReviewedProgressReport',
        'RegisterNormativeDocument',
        'RepealNormativeDocument',
        'ReportKeyWorkProgress',
        'RequestCleanupResultPublication',
        'RequestConsultation',
        'RequestFeedbackPublication',
        'ReviseDecisionDraft',
        'SubmitConsultationComment',
        'WithdrawDecision',
      ].sort(),
    );
    expect(DECISIONS_ROUTES['RepealNormativeDocument'].streamId({ agencyCode: '445381' })).toBe('decisions.NormativeDocumentRegister-445381');
    expect(DECISIONS_ROUTES['ReportKeyWorkProgress'].streamId({ workItemId: 'w1' })).toBe('decisions.KeyWorkItem-w1');
  });
});
