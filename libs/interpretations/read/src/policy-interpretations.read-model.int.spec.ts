import type { RecordedEvent } from '@gongkai/event-sourcing';
import type { PolicyDocumentEvent } from '@gongkai/interpretations/domain';
import type { Actor } from '@gongkai/kernel';
import { InMemoryReadStore, ProjectionRunner } from '@gongkai/read-store';
import { INTERPRETATIONS, type InterpretationDocument, POLICY_DOCUMENTS, type PolicyDocumentDocument } from './interpretation-documents';
import { interpretationsFilter, interpretationsSort, viewInterpretation } from './interpretation-visibility';
import { obligationsFilter, viewObligation } from './obligation-queries';
import { policyInterpretationsProjection } from './policy-interpretations.projection';
import { anonymous, auditor, countyStaff, interpretationContent, publicationRequest, recorded, regulations } from './read-model.fixtures';

const stream = (documentId: string) => `interpretations.PolicyDocument-${documentId}`;
const noted = (documentId: string, title: string, agencyCode = '445300'): PolicyDocumentEvent => ({ type: 'PolicyDocumentNoted', data: { documentId, agencyCode, departmentCode: 'REGULATIONS', title } });
const published = (documentId: string, title: string, publishedOn: string, dueOn: string, submitted: boolean): PolicyDocumentEvent => ({
  type: 'PolicyDocumentPublished',
  data: { documentId, agencyCode: '445300', departmentCode: 'REGULATIONS', title, documentNumber: '云环〔2026〕8号', publishedOn, interpretationDueOn: dueOn, interpretationSubmitted: submitted },
});
const interpretationPublished = (documentId: string, interpretationId: string, publishedOn: string, onTime: boolean): PolicyDocumentEvent => ({
  type: 'InterpretationPublished',
  data: { documentId, interpretationId, version: 1, contentHash: 'a'.repeat(64), reviewId: `review-${interpretationId}`, publishedAt: `${publishedOn}T02:00:00.000Z`, publishedOn, interpretationDueOn: '2026-04-08', onTime },
});

/**
 * d1: published 2 April with an interpretation approved before it (on time), then revised as a draft.
 * d2: published 2 April with nothing submitted; interpreted late on 9 April.
 * d3: published 7 April, nothing yet. d4: a draft with a draft interpretation. d5: a county draft.
 */
const history = (): RecordedEvent[] => [
  recorded(stream('d1'), 0, noted('d1', '云浮市扬尘污染防治管理办法（试行）')),
  recorded(stream('d1'), 1, { type: 'InterpretationDrafted', data: { documentId: 'd1', interpretationId: 'd1:a', agencyCode: '445300', version: 1, content: interpretationContent('扬尘办法解读') } }),
  recorded(stream('d1'), 2, {
    type: 'InterpretationPublicationRequested',
    data: { documentId: 'd1', interpretationId: 'd1:a', version: 1, contentHash: 'a'.repeat(64), publicationRequest: publicationRequest('d1:a', 'review-d1:a') },
  }),
  recorded(stream('d1'), 3, { type: 'InterpretationHeldForDocument', data: { documentId: 'd1', interpretationId: 'd1:a', version: 1, contentHash: 'a'.repeat(64), reviewId: 'review-d1:a' } }),
  recorded(stream('d1'), 4, published('d1', '云浮市扬尘污染防治管理办法（试行）', '2026-04-02', '2026-04-08', true)),
  recorded(stream('d1'), 5, interpretationPublished('d1', 'd1:a', '2026-04-02', true)),
  recorded(stream('d1'), 6, { type: 'InterpretationRevised', data: { documentId: 'd1', interpretationId: 'd1:a', version: 2, content: interpretationContent('扬尘办法解读（修订稿）') } }),
  recorded(stream('d2'), 0, published('d2', '云浮市环境信用评价办法', '2026-04-02', '2026-04-08', false)),
  recorded(stream('d2'), 1, { type: 'InterpretationDrafted', data: { documentId: 'd2', interpretationId: 'd2:a', agencyCode: '445300', version: 1, content: interpretationContent('信用评价图解', { form: 'GRAPHIC', mediaUrl: 'https://example.gov.cn/a.png' }) } }),
  recorded(stream('d2'), 2, interpretationPublished('d2', 'd2:a', '2026-04-09', false)),
  recorded(stream('d3'), 0, published('d3', '云浮市排污许可管理细则', '2026-04-07', '2026-04-10', false)),
  recorded(stream('d4'), 0, noted('d4', '云浮市噪声污染防治办法')),
  recorded(stream('d4'), 1, { type: 'InterpretationDrafted', data: { documentId: 'd4', interpretationId: 'd4:a', agencyCode: '445300', version: 1, content: interpretationContent('噪声办法解读（草稿）') } }),
  recorded(stream('d5'), 0, noted('d5', '罗定市草稿', '445381')),
  recorded(stream('d5'), 1, { type: 'InterpretationDrafted', data: { documentId: 'd5', interpretationId: 'd5:a', agencyCode: '445381', version: 1, content: interpretationContent('罗定解读') } }),
];

describe('The interpretation read models', () => {
  let store: InMemoryReadStore;
  const interpretations = () => store.collection<InterpretationDocument>(INTERPRETATIONS);
  const documents = () => store.collection<PolicyDocumentDocument>(POLICY_DOCUMENTS);
  const visibleIds = async (actor: Actor, query = {}) =>
    (await interpretations().find(interpretationsFilter(actor, query), { sort: interpretationsSort(actor) })).filter((doc) => viewInterpretation(doc, actor)).map((doc) => doc._id);
  const obligations = async (actor: Actor, status: Parameters<typeof obligationsFilter>[1], today: string) =>
    (await documents().find(obligationsFilter(actor, status, today), { sort: { interpretationDueOn: 1, _id: 1 } })).map((doc) => viewObligation(doc, today));

  beforeEach(async () => {
    store = new InMemoryReadStore();
    await new ProjectionRunner(store, [policyInterpretationsProjection]).start(history());
  });

  describe('interpretations', () => {
    it('shows the public no interpretation that was not published, and the published version of one revised since', async () => {
      expect((await visibleIds(anonymous)).sort()).toEqual(['d1:a', 'd2:a']);
      const d1a = (await interpretations().findOne({ _id: 'd1:a' }))!;
      expect(viewInterpretation(d1a, anonymous)).toMatchObject({
        version: 1,
        status: 'PUBLISHED',
        content: { title: '扬尘办法解读' },
        document: { title: '云浮市扬尘污染防治管理办法（试行）', documentNumber: '云环〔2026〕8号' },
        pendingReviewId: null,
        onTime: null,
      });
      expect(viewInterpretation((await interpretations().findOne({ _id: 'd4:a' }))!, anonymous)).toBeNull();
    });

    it('shows staff the current draft beside the published version, and whether it came out on time', async () => {
      const d1a = (await interpretations().findOne({ _id: 'd1:a' }))!;
      expect(viewInterpretation(d1a, regulations)).toMatchObject({ version: 2, status: 'DRAFT', publishedVersion: 1, content: { title: '扬尘办法解读（修订稿）' }, onTime: true, contentHash: null });
      expect(viewInterpretation((await interpretations().findOne({ _id: 'd2:a' }))!, regulations)).toMatchObject({ onTime: false, interpretationDueOn: '2026-04-08' });
    });

    it('searches the public by published text and document title, never by a draft', async () => {
      expect(await visibleIds(anonymous, { search: '修订稿' })).toEqual([]);
      expect(await visibleIds(anonymous, { search: '信用评价办法' })).toEqual(['d2:a']);
      expect(await visibleIds(anonymous, { search: '草稿' })).toEqual([]);
      expect(await visibleIds(regulations, { search: '修订稿' })).toEqual(['d1:a']);
    });

    it('lists by document and by department, and treats regex characters as text', async () => {
      expect(await visibleIds(anonymous, { documentId: 'd2' })).toEqual(['d2:a']);
      expect(await visibleIds(anonymous, { departmentCode: 'PLANNING' })).toEqual([]);
      expect(await visibleIds(anonymous, { search: '.*' })).toEqual([]);
    });

    it('keeps county staff to their own drafts and what was published', async () => {
      expect((await visibleIds(countyStaff)).sort()).toEqual(['d1:a', 'd2:a', 'd5:a']);
      expect(await visibleIds(regulations)).not.toContain('d5:a');
    });
  });

  describe('obligations (the three-working-day rule)', () => {
    it('lists every published document with its due day and its status on the day asked about', async () => {
      expect(await obligations(regulations, null, '2026-04-09')).toEqual([
        expect.objectContaining({ documentId: 'd1', publishedOn: '2026-04-02', interpretationDueOn: '2026-04-08', status: 'MET_ON_TIME', missingAtPublication: false, metOn: '2026-04-02' }),
        expect.objectContaining({ documentId: 'd2', status: 'MET_LATE', missingAtPublication: true, metOn: '2026-04-09' }),
        expect.objectContaining({ documentId: 'd3', interpretationDueOn: '2026-04-10', status: 'PENDING', missingAtPublication: true }),
      ]);
    });

    it('filters by status exactly as the domain derives it', async () => {
      const ids = async (status: Parameters<typeof obligationsFilter>[1], today: string) => (await obligations(auditor, status, today)).map((o) => o?.documentId);
      expect(await ids('PENDING', '2026-04-10')).toEqual(['d3']);
      expect(await ids('OVERDUE', '2026-04-10')).toEqual([]);
      expect(await ids('OVERDUE', '2026-04-11')).toEqual(['d3']);
      expect(await ids('MET_ON_TIME', '2026-04-11')).toEqual(['d1']);
      expect(await ids('MET_LATE', '2026-04-11')).toEqual(['d2']);
    });

    it('shows another agency nothing of these', async () => {
      expect(await obligations(countyStaff, null, '2026-04-09')).toEqual([]);
    });
  });

  it('applies a redelivered event once', async () => {
    const runner = new ProjectionRunner(store, [policyInterpretationsProjection]);
    await runner.start();
    for (const event of history()) await runner.handle(event);
    expect((await documents().findOne({ _id: 'd1' }))?.interpretationCount).toBe(1);
  });
});
