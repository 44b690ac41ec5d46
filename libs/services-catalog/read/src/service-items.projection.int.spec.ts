import type { RecordedEvent } from '@gongkai/event-sourcing';
import { type Actor, seesInternals } from '@gongkai/kernel';
import { InMemoryReadStore, ProjectionRunner } from '@gongkai/read-store';
import type { ServiceGuide, ServiceItemEvent } from '@gongkai/services-catalog/domain';
import { SERVICE_ITEMS, type ServiceItemDocument } from './service-item-document';
import { serviceItemsProjection } from './service-items.projection';
import { catalogueFilterAsOf, viewServiceItemAsOf } from './service-item-point-in-time';
import { catalogueFilter, draftsSeenBy, viewServiceItem, viewServiceItemAs } from './service-item-visibility';

const guide = (name: string, departmentCode = 'SERVICE_WINDOW'): ServiceGuide => ({
  name,
  departmentCode,
  category: 'PUBLIC_SERVICE',
  legalBasis: '《政府信息公开条例》',
  conditions: '无',
  materials: [],
  steps: [],
  statutoryLimitWorkingDays: 20,
  promisedLimitWorkingDays: 10,
  feeFen: 0,
  feeBasis: '',
  location: '窗口',
  serviceHours: '',
  onlineUrl: '',
  contact: '0766',
  faq: [],
});

let position = 0;
const recorded = (itemId: string, revision: number, event: ServiceItemEvent): RecordedEvent => ({
  id: `event-${++position}`,
  type: event.type,
  schemaVersion: 1,
  streamId: `services-catalog.ServiceItem-${itemId}`,
  revision,
  globalPosition: position,
  occurredAt: `2026-03-0${Math.min(9, revision + 1)}T02:00:00.000Z`,
  data: event.data,
  metadata: { actor: { id: 'demo-window', roles: ['staff'] }, correlationId: 'c', causationId: null },
  prevHash: '0'.repeat(64),
  hash: 'f'.repeat(64),
});

const publicationRequest = (itemId: string, version: number) => ({
  reviewId: `review-${itemId}-${version}`,
  itemType: 'SERVICE_GUIDE' as const,
  itemId,
  itemVersion: version,
  contentHash: 'a'.repeat(64),
  title: 't',
  agencyCode: '445300',
  departmentCode: 'SERVICE_WINDOW',
  requestedBy: 'demo-window',
});

/** Item A: published v1 then revised to a v2 draft. Item B: never published. Item C: published, then retired. */
const history = (): RecordedEvent[] => [
  recorded('a', 0, { type: 'ServiceItemDrafted', data: { itemId: 'a', agencyCode: '445300', version: 1, guide: guide('排污许可') } }),
  recorded('a', 1, { type: 'ServiceItemPublicationRequested', data: { itemId: 'a', version: 1, contentHash: 'a'.repeat(64), publicationRequest: publicationRequest('a', 1) } }),
  recorded('a', 2, { type: 'ServiceItemPublished', data: { itemId: 'a', version: 1, contentHash: 'a'.repeat(64), reviewId: 'review-a-1', publishedAt: '2026-03-03T02:00:00.000Z' } }),
  recorded('a', 3, { type: 'ServiceItemRevised', data: { itemId: 'a', version: 2, guide: guide('排污许可（草稿二）'), changeSummary: '改名' } }),
  recorded('b', 0, { type: 'ServiceItemDrafted', data: { itemId: 'b', agencyCode: '445381', version: 1, guide: guide('县级草稿') } }),
  recorded('c', 0, { type: 'ServiceItemDrafted', data: { itemId: 'c', agencyCode: '445300', version: 1, guide: guide('旧事项', 'PLANNING') } }),
  recorded('c', 1, { type: 'ServiceItemPublicationRequested', data: { itemId: 'c', version: 1, contentHash: 'a'.repeat(64), publicationRequest: publicationRequest('c', 1) } }),
  recorded('c', 2, { type: 'ServiceItemPublished', data: { itemId: 'c', version: 1, contentHash: 'a'.repeat(64), reviewId: 'review-c-1', publishedAt: '2026-03-03T02:00:00.000Z' } }),
  recorded('c', 3, { type: 'ServiceItemRetired', data: { itemId: 'c', reason: '事项取消', retiredAt: '2026-03-04T02:00:00.000Z' } }),
];

const anonymous: Actor = { id: 'anonymous', roles: ['public'] };
const cityWindow: Actor = { id: 'demo-window', roles: ['staff'], agencyCode: '445300', departmentCode: 'SERVICE_WINDOW' };
const countyWindow: Actor = { id: 'demo-county', roles: ['staff'], agencyCode: '445381', departmentCode: 'SERVICE_WINDOW' };

describe('The catalogue read model', () => {
  let store: InMemoryReadStore;
  const items = () => store.collection<ServiceItemDocument>(SERVICE_ITEMS);
  const visibleIds = async (actor: Actor, query = {}) =>
    (await items().find(catalogueFilter(actor, query), { sort: { _id: 1 } })).filter((doc) => viewServiceItem(doc, actor)).map((doc) => doc._id);

  beforeEach(async () => {
    store = new InMemoryReadStore();
    const runner = new ProjectionRunner(store, [serviceItemsProjection]);
    await runner.start(history());
  });

  it('keeps the published version for the public beside the staff draft', async () => {
    const a = (await items().findOne({ _id: 'a' }))!;
    expect(viewServiceItem(a, anonymous)).toMatchObject({ version: 1, publicationStatus: 'PUBLISHED', guide: { name: '排污许可' }, pendingReviewId: null });
    expect(viewServiceItem(a, cityWindow)).toMatchObject({ version: 2, publicationStatus: 'DRAFT', publishedVersion: 1, guide: { name: '排污许可（草稿二）' } });
    expect(viewServiceItem(a, anonymous)?.versions.map((v) => v.version)).toEqual([1]);
  });

  it('shows the public only listed items, and retired ones only when asked for', async () => {
    expect(await visibleIds(anonymous)).toEqual(['a']);
    expect(await visibleIds(anonymous, { includeRetired: true })).toEqual(['a', 'c']);
    expect(viewServiceItem((await items().findOne({ _id: 'c' }))!, anonymous)).toMatchObject({ publicationStatus: 'RETIRED', retirementReason: '事项取消' });
    expect(viewServiceItem((await items().findOne({ _id: 'b' }))!, anonymous)).toBeNull();
  });

  it('searches the public by the published text, never by an unpublished draft', async () => {
    expect(await visibleIds(anonymous, { search: '草稿二' })).toEqual([]);
    expect(await visibleIds(anonymous, { search: '排污' })).toEqual(['a']);
    expect(await visibleIds(cityWindow, { search: '草稿二' })).toEqual(['a']);
  });

  it('keeps county staff to their own drafts and the published catalogue', async () => {
    expect(await visibleIds(countyWindow)).toEqual(['a', 'b']);
    expect(await visibleIds(cityWindow)).toEqual(['a']);
  });

  it('filters by department and category', async () => {
    expect(await visibleIds(anonymous, { departmentCode: 'PLANNING', includeRetired: true })).toEqual(['c']);
    expect(await visibleIds(anonymous, { category: 'ADMINISTRATIVE_LICENSE' })).toEqual([]);
  });

  it('treats regex characters in a search as text', async () => {
    expect(await visibleIds(anonymous, { search: '.*' })).toEqual([]);
  });

  it('decides who sees drafts the same way for one item or many, and nothing else of the reader counts', async () => {
    const reviewer: Actor = { id: 'demo-reviewer', roles: ['reviewer'], agencyCode: '445300' };
    for (const actor of [anonymous, cityWindow, countyWindow, reviewer]) {
      for (const id of ['a', 'b', 'c']) {
        const item = (await items().findOne({ _id: id }))!;
        expect(draftsSeenBy(actor)(item.agencyCode)).toBe(seesInternals(actor, item.agencyCode));
        expect(viewServiceItemAs(item, seesInternals(actor, item.agencyCode))).toEqual(viewServiceItem(item, actor));
      }
    }
  });

  it('hands out frozen documents: nobody changes the read model by accident', async () => {
    const a = (await items().findOne({ _id: 'a' }))!;
    expect(Object.isFrozen(a) && Object.isFrozen(a.guide) && Object.isFrozen(a.versions)).toBe(true);
    expect(() => (a.versions as ServiceItemDocument['versions'][number][]).push(a.versions[0])).toThrow(TypeError);
  });

  it('applies a redelivered event once', async () => {
    const runner = new ProjectionRunner(store, [serviceItemsProjection]);
    await runner.start();
    for (const event of history()) await runner.handle(event);
    const a = (await items().findOne({ _id: 'a' }))!;
    expect(a.versions.map((v) => v.version)).toEqual([1, 2]);
  });
});

describe('The catalogue at a point in time (asOfInstant)', () => {
  const published = (version: number, publishedAt: string) => ({ itemId: 'd', version, contentHash: 'a'.repeat(64), reviewId: `review-d-${version}`, publishedAt });
  /** Published v1 on 2 March, v2 on 5 March, retired on 9 March; a v3 draft written after it was retired. */
  const lifeOfD = (): RecordedEvent[] => [
    recorded('d', 0, { type: 'ServiceItemDrafted', data: { itemId: 'd', agencyCode: '445300', version: 1, guide: guide('危废转移 v1') } }),
    recorded('d', 1, { type: 'ServiceItemPublished', data: published(1, '2026-03-02T02:00:00.000Z') }),
    recorded('d', 2, { type: 'ServiceItemRevised', data: { itemId: 'd', version: 2, guide: guide('危废转移 v2'), changeSummary: '改' } }),
    recorded('d', 3, { type: 'ServiceItemPublished', data: published(2, '2026-03-05T02:00:00.000Z') }),
    recorded('d', 4, { type: 'ServiceItemRetired', data: { itemId: 'd', reason: '事项取消', retiredAt: '2026-03-09T02:00:00.000Z' } }),
    recorded('d', 5, { type: 'ServiceItemRevised', data: { itemId: 'd', version: 3, guide: guide('危废转移 草稿三'), changeSummary: '草稿' } }),
  ];
  let store: InMemoryReadStore;
  const d = async () => (await store.collection<ServiceItemDocument>(SERVICE_ITEMS).findOne({ _id: 'd' }))!;
  const listedAt = async (at: string, search?: string) =>
    (await store.collection<ServiceItemDocument>(SERVICE_ITEMS).find(catalogueFilterAsOf({ search }, at))).map((doc) => viewServiceItemAsOf(doc, at)?.guide.name);

  beforeEach(async () => {
    store = new InMemoryReadStore();
    await new ProjectionRunner(store, [serviceItemsProjection]).start(lifeOfD());
  });

  it('gives nothing before v1, v1 between the publications, v2 after the second, and nothing after retirement', async () => {
    const item = await d();
    expect(viewServiceItemAsOf(item, '2026-03-01T00:00:00.000Z')).toBeNull();
    expect(viewServiceItemAsOf(item, '2026-03-03T00:00:00.000Z')).toMatchObject({ version: 1, guide: { name: '危废转移 v1' }, publicationStatus: 'PUBLISHED', publishedAt: '2026-03-02T02:00:00.000Z', retirementReason: null });
    expect(viewServiceItemAsOf(item, '2026-03-06T00:00:00.000Z')).toMatchObject({ version: 2, guide: { name: '危废转移 v2' }, publishedAt: '2026-03-05T02:00:00.000Z' });
    expect(viewServiceItemAsOf(item, '2026-03-10T00:00:00.000Z')).toBeNull();
  });

  it('lists only the versions published by then', async () => {
    expect(viewServiceItemAsOf(await d(), '2026-03-03T00:00:00.000Z')?.versions.map((v) => v.version)).toEqual([1]);
  });

  it('lists and searches the catalogue as it was published then, never a draft', async () => {
    expect(await listedAt('2026-03-01T00:00:00.000Z')).toEqual([]);
    expect(await listedAt('2026-03-03T00:00:00.000Z')).toEqual(['危废转移 v1']);
    expect(await listedAt('2026-03-03T00:00:00.000Z', 'v2')).toEqual([]);
    expect(await listedAt('2026-03-06T00:00:00.000Z', 'v2')).toEqual(['危废转移 v2']);
    expect(await listedAt('2026-03-10T00:00:00.000Z')).toEqual([]);
    expect(await listedAt('2026-03-10T00:00:00.000Z', '草稿')).toEqual([]);
  });
});
