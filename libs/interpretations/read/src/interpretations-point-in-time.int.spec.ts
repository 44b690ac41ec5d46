import type { PolicyDocumentEvent } from '@gongkai/interpretations/domain';
import { InMemoryReadStore, ProjectionRunner } from '@gongkai/read-store';
import { INTERPRETATIONS, type InterpretationDocument } from './interpretation-documents';
import { interpretationsFilterAsOf, viewInterpretationAsOf } from './interpretations-point-in-time';
import { policyInterpretationsProjection } from './policy-interpretations.projection';
import { interpretationContent, publicationRequest, recorded } from './read-model.fixtures';

const stream = 'interpretations.PolicyDocument-d1';
const HASH = 'a'.repeat(64);
const requested = (version: number): PolicyDocumentEvent => ({
  type: 'InterpretationPublicationRequested',
  data: { documentId: 'd1', interpretationId: 'd1:a', version, contentHash: HASH, publicationRequest: publicationRequest('d1:a', `review-${version}`) },
});
const published = (version: number, publishedAt: string): PolicyDocumentEvent => ({
  type: 'InterpretationPublished',
  data: { documentId: 'd1', interpretationId: 'd1:a', version, contentHash: HASH, reviewId: `review-${version}`, publishedAt, publishedOn: publishedAt.slice(0, 10), interpretationDueOn: '2026-04-08', onTime: true },
});

/** d1:a published (v1) on 2 April, revised and v2 published on 5 April, then a v3 draft never published. */
const history = () => [
  recorded(stream, 0, {
    type: 'PolicyDocumentPublished',
    data: { documentId: 'd1', agencyCode: '445300', departmentCode: 'REGULATIONS', title: '云浮市扬尘污染防治管理办法', documentNumber: '云环〔2026〕8号', publishedOn: '2026-04-02', interpretationDueOn: '2026-04-08', interpretationSubmitted: true },
  }),
  recorded(stream, 1, { type: 'InterpretationDrafted', data: { documentId: 'd1', interpretationId: 'd1:a', agencyCode: '445300', version: 1, content: interpretationContent('扬尘办法解读') } }),
  recorded(stream, 2, requested(1)),
  recorded(stream, 3, published(1, '2026-04-02T02:00:00.000Z')),
  recorded(stream, 4, { type: 'InterpretationRevised', data: { documentId: 'd1', interpretationId: 'd1:a', version: 2, content: interpretationContent('扬尘办法解读（第二版）') } }),
  recorded(stream, 5, requested(2)),
  recorded(stream, 6, published(2, '2026-04-05T02:00:00.000Z')),
  recorded(stream, 7, { type: 'InterpretationRevised', data: { documentId: 'd1', interpretationId: 'd1:a', version: 3, content: interpretationContent('扬尘办法解读（草稿三）') } }),
];

describe('Interpretations at a point in time (asOfInstant)', () => {
  let store: InMemoryReadStore;
  const item = async () => (await store.collection<InterpretationDocument>(INTERPRETATIONS).findOne({ _id: 'd1:a' }))!;
  const titlesAt = async (at: string, search?: string) =>
    (await store.collection<InterpretationDocument>(INTERPRETATIONS).find(interpretationsFilterAsOf({ search }, at))).map((doc) => viewInterpretationAsOf(doc, at)?.content.title);

  beforeEach(async () => {
    store = new InMemoryReadStore();
    await new ProjectionRunner(store, [policyInterpretationsProjection]).start(history());
  });

  // An interpretation is never retired on its own: once published it stays, replaced only by a newer version.
  it('gives nothing before v1, v1 between the publications, and v2 after the second, never the draft', async () => {
    const doc = await item();
    expect(viewInterpretationAsOf(doc, '2026-04-01T00:00:00.000Z')).toBeNull();
    expect(viewInterpretationAsOf(doc, '2026-04-03T00:00:00.000Z')).toMatchObject({ version: 1, status: 'PUBLISHED', content: { title: '扬尘办法解读' }, pendingReviewId: null });
    expect(viewInterpretationAsOf(doc, '2026-04-06T00:00:00.000Z')).toMatchObject({ version: 2, content: { title: '扬尘办法解读（第二版）' } });
    expect(viewInterpretationAsOf(doc, '2027-01-01T00:00:00.000Z')?.version).toBe(2);
  });

  it('lists and searches the versions published at the instant', async () => {
    expect(await titlesAt('2026-04-01T00:00:00.000Z')).toEqual([]);
    expect(await titlesAt('2026-04-03T00:00:00.000Z', '第二版')).toEqual([]);
    expect(await titlesAt('2026-04-03T00:00:00.000Z', '扬尘')).toEqual(['扬尘办法解读']);
    expect(await titlesAt('2026-04-06T00:00:00.000Z', '第二版')).toEqual(['扬尘办法解读（第二版）']);
    expect(await titlesAt('2027-01-01T00:00:00.000Z', '草稿三')).toEqual([]);
  });
});
