import { CONTEXTS, type PublicationSubject } from '@gongkai/contracts';
import type { RecordedEvent } from '@gongkai/event-sourcing';
import { SqliteEventStore } from '@gongkai/event-sourcing/sqlite';
import { interpretationIdFor } from '@gongkai/interpretations/domain';
import type { Actor } from '@gongkai/kernel';
import { type CommandEnvelope, InProcessCommandBus } from '@gongkai/messaging';
import { reviewApproved, startWriteSide } from '@gongkai/messaging/testing';
import { INTERPRETATIONS_ROUTES, opinionCaseStreamId, policyDocumentStreamId } from './interpretations-routes';
import { followPolicyDocuments } from './sagas/follow-policy-documents';
import { publishReviewedInterpretationItems } from './sagas/publish-reviewed-interpretation-items';
import { reportPublishedInterpretationItems } from './sagas/report-published-interpretation-items';

/**
 * The write side without Nest: the real routes and deciders over an SQLite store, the three process
 * managers, decisions events as that context writes them, and a stand-in for oversight.
 */
const regulations: Actor = { id: 'demo-regulations', roles: ['staff'], agencyCode: '445300', departmentCode: 'REGULATIONS' };
const supervision: Actor = { id: 'demo-supervision', roles: ['staff'], agencyCode: '445300', departmentCode: 'SUPERVISION' };

let position = 0;
const decisionsEvent = (type: string, streamId: string, data: object, occurredAt = '2026-04-02T02:00:00.000Z'): RecordedEvent =>
  ({
    id: `decisions-event-${++position}`,
    type,
    schemaVersion: 1,
    streamId,
    revision: 0,
    globalPosition: position,
    occurredAt,
    data,
    metadata: { actor: { id: 'demo-office', roles: ['office'] }, correlationId: `decisions-${position}`, causationId: null },
    prevHash: '0'.repeat(64),
    hash: 'f'.repeat(64),
  }) as RecordedEvent;

const created = (draftId: string) =>
  decisionsEvent('DecisionDraftCreated', `decisions.DecisionDraft-${draftId}`, {
    draftId,
    agencyCode: '445300',
    version: 1,
    content: { title: '云浮市扬尘污染防治管理办法（试行）', kind: 'POLICY', body: '……', departmentCode: 'REGULATIONS', explanation: '……' },
  });
const adopted = (draftId: string, adoptedOn = '2026-04-02') =>
  decisionsEvent('DecisionAdopted', `decisions.DecisionDraft-${draftId}`, {
    draftId,
    agencyCode: '445300',
    kind: 'POLICY',
    adoption: { title: '云浮市扬尘污染防治管理办法（试行）', finalText: '……', documentNumber: '云环〔2026〕8号', adoptedOn, effectiveOn: '2026-05-01', approvedBy: '局务会议' },
    normativeDocument: { documentId: draftId, number: '云环〔2026〕8号', title: '云浮市扬尘污染防治管理办法（试行）', issuingDepartmentCode: 'REGULATIONS', issuedOn: adoptedOn },
  });
const registered = (documentId: string, occurredAt: string, sourceDraftId?: string) =>
  decisionsEvent(
    'NormativeDocumentRegistered',
    'decisions.NormativeDocumentRegister-445300',
    {
      agencyCode: '445300',
      documentId,
      document: { number: '云环〔2026〕9号', title: '云浮市环境信用评价办法', issuingDepartmentCode: 'SUPERVISION', issuedOn: '2026-03-20' },
      summary: '',
      ...(sourceDraftId ? { sourceDraftId } : {}),
    },
    occurredAt,
  );

describe('The interpretations write side: routes and process managers', () => {
  let store: SqliteEventStore;
  let bus: InProcessCommandBus;
  let oversight: CommandEnvelope[];
  let now: Date;

  const send = (type: string, data: object, actor: Actor = regulations) => bus.send({ context: CONTEXTS.interpretations, type, data, metadata: { actor, correlationId: 'test' } });
  const typesOf = async (streamId: string) => (await store.readStream(streamId)).map((e) => e.type);
  const lastOf = async (streamId: string) => (await store.readStream(streamId)).at(-1) as RecordedEvent;
  const follow = async (...events: RecordedEvent[]) => {
    for (const event of events) await followPolicyDocuments(bus).handle(event);
  };
  const requestOf = async (streamId: string) => ((await lastOf(streamId)).data as { publicationRequest: PublicationSubject }).publicationRequest;
  const reportAll = async (streamId: string) => {
    for (const event of await store.readStream(streamId)) await reportPublishedInterpretationItems(bus).handle(event);
  };

  beforeEach(async () => {
    now = new Date('2026-04-01T02:00:00Z');
    ({ store, bus, oversight } = await startWriteSide(CONTEXTS.interpretations, INTERPRETATIONS_ROUTES, { now: () => now }));
  });

  afterEach(async () => {
    await bus.close();
    await store.close();
  });

  it('learns of a policy draft, and of its publication once although it is both adopted and registered', async () => {
    await follow(created('d1'));
    now = new Date('2026-04-02T02:00:00Z');
    await follow(adopted('d1'), registered('d1', '2026-04-02T02:00:01.000Z', 'd1'), adopted('d1'));
    const stream = await store.readStream(policyDocumentStreamId('d1'));
    expect(stream.map((e) => e.type)).toEqual(['PolicyDocumentNoted', 'PolicyDocumentPublished']);
    expect(stream[1].data).toMatchObject({ publishedOn: '2026-04-02', interpretationDueOn: '2026-04-08', interpretationSubmitted: false, documentNumber: '云环〔2026〕8号' });
    expect(stream[1].metadata.actor.id).toBe('system:interpretations.policy-documents');
  });

  it('dates a register-only normative document by its registration day in Yunfu', async () => {
    now = new Date('2026-04-03T02:00:00Z');
    await follow(registered('n1', '2026-04-02T17:00:00.000Z')); // 01:00 on Friday 3 April in Yunfu
    expect((await lastOf(policyDocumentStreamId('n1'))).data).toMatchObject({ departmentCode: 'SUPERVISION', publishedOn: '2026-04-03', interpretationDueOn: '2026-04-09' });
  });

  it('publishes with its document an interpretation approved before it, and tells oversight then', async () => {
    await follow(created('d2'));
    const interpretationId = interpretationIdFor('d2', 'x');
    await send('CreateInterpretation', { documentId: 'd2', interpretationId, content: { form: 'QA', title: '问答', content: '问：……答：……', departmentCode: 'REGULATIONS' } });
    await send('RequestInterpretationPublication', { interpretationId, expectedVersion: 1, reviewId: 'review-i' });
    await publishReviewedInterpretationItems(bus).handle(reviewApproved(await requestOf(policyDocumentStreamId('d2'))));
    expect((await lastOf(policyDocumentStreamId('d2'))).type).toBe('InterpretationHeldForDocument');
    await reportAll(policyDocumentStreamId('d2'));
    expect(oversight).toEqual([]);

    now = new Date('2026-04-02T02:00:00Z');
    await follow(adopted('d2'));
    const stream = await store.readStream(policyDocumentStreamId('d2'));
    expect(stream.slice(-2).map((e) => [e.type, e.data])).toEqual([
      ['PolicyDocumentPublished', expect.objectContaining({ interpretationSubmitted: true })],
      ['InterpretationPublished', expect.objectContaining({ interpretationId, publishedOn: '2026-04-02', onTime: true })],
    ]);
    await reportAll(policyDocumentStreamId('d2'));
    expect(oversight.map((c) => [c.type, c.data])).toEqual([['RecordReviewedVersionPublished', { reviewId: 'review-i' }]]);
  });

  it('supersedes the review of an interpretation revised after it was submitted', async () => {
    await follow(created('d3'));
    const interpretationId = interpretationIdFor('d3', 'x');
    const content = { form: 'TEXT', title: '解读', content: '正文', departmentCode: 'REGULATIONS' };
    await send('CreateInterpretation', { documentId: 'd3', interpretationId, content });
    await send('RequestInterpretationPublication', { interpretationId, expectedVersion: 1, reviewId: 'review-old' });
    const request = await requestOf(policyDocumentStreamId('d3'));
    await send('ReviseInterpretation', { interpretationId, expectedVersion: 1, content: { ...content, content: '修订稿' } });
    await publishReviewedInterpretationItems(bus).handle(reviewApproved(request));
    expect(oversight).toEqual([expect.objectContaining({ type: 'SupersedePublicationReview', data: expect.objectContaining({ reviewId: 'review-old' }) })]);
  });

  it('withdraws the document and the reviews of its interpretations when the draft is withdrawn', async () => {
    await follow(created('d4'));
    const interpretationId = interpretationIdFor('d4', 'x');
    await send('CreateInterpretation', { documentId: 'd4', interpretationId, content: { form: 'TEXT', title: '解读', content: '正文', departmentCode: 'REGULATIONS' } });
    await send('RequestInterpretationPublication', { interpretationId, expectedVersion: 1, reviewId: 'review-w' });
    await follow(decisionsEvent('DecisionWithdrawn', 'decisions.DecisionDraft-d4', { draftId: 'd4', reason: '上位法修订', withdrawnAt: '2026-04-01T02:00:00.000Z', withdrawnReviewId: 'x' }));
    expect((await typesOf(policyDocumentStreamId('d4'))).slice(-2)).toEqual(['PolicyDocumentWithdrawn', 'InterpretationReviewWithdrawn']);
  });

  it('refuses an interpretation of a document the decisions context never reported', async () => {
    await expect(
      send('CreateInterpretation', { documentId: 'nope', interpretationId: interpretationIdFor('nope', 'x'), content: { form: 'TEXT', title: '解读', content: '正文', departmentCode: 'REGULATIONS' } }),
    ).rejects.toMatchObject({ code: 'BAD_USER_INPUT', rule: 'UNKNOWN_DOCUMENT' });
  });

  it('publishes an approved response to an opinion case and tells oversight', async () => {
    now = new Date('2026-03-02T04:00:00Z');
    const details = {
      topic: '西江支流死鱼',
      source: 'ONLINE',
      firstSeenAt: '2026-03-01T21:10:00+08:00',
      severity: 'MAJOR',
      emergency: true,
      incidentAt: '2026-03-01T20:30:00+08:00',
      departmentCode: 'SUPERVISION',
      firstSpokesperson: '局长 王某',
    };
    await send('RegisterOpinionCase', { caseId: 'c1', agencyCode: '445300', details }, supervision);
    await send('RecordOpinionResponse', { caseId: 'c1', reviewId: 'review-r', response: { kind: 'ONLINE_STATEMENT', at: '2026-03-02T09:00:00+08:00', channel: '局网站', spokesperson: '新闻发言人' } }, supervision);
    await publishReviewedInterpretationItems(bus).handle(reviewApproved(await requestOf(opinionCaseStreamId('c1'))));
    await publishReviewedInterpretationItems(bus).handle(reviewApproved({ ...(await requestOf(opinionCaseStreamId('c1'))), itemType: 'SERVICE_GUIDE' }));
    expect((await typesOf(opinionCaseStreamId('c1'))).at(-1)).toBe('OpinionResponsePublished');
    await reportAll(opinionCaseStreamId('c1'));
    expect(oversight.map((c) => [c.type, c.data])).toEqual([['RecordReviewedVersionPublished', { reviewId: 'review-r' }]]);
  });

  it('routes every command to its aggregate’s stream, an interpretation’s to its document’s', () => {
    expect(Object.keys(INTERPRETATIONS_ROUTES).sort()).toEqual(
      [
        'CloseOpinionCase',
        'CreateInterpretation',
        'NotePolicyDocument',
        'PublishReviewedInterpretation',
        'PublishReviewedOpinionResponse',
        'RecordOpinionMonitoringNote',
        'RecordOpinionResponse',
        'RecordPolicyDocumentPublication',
        'RecordPolicyDocumentWithdrawal',
        'RegisterOpinionCase',
        'RequestInterpretationPublication',
        'ReviseInterpretation',
      ].sort(),
    );
    expect(INTERPRETATIONS_ROUTES['ReviseInterpretation'].streamId({ interpretationId: interpretationIdFor('d9', 'k') })).toBe('interpretations.PolicyDocument-d9');
  });
});
