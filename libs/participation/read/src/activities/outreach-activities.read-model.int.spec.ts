import type { RecordedEvent } from '@gongkai/event-sourcing';
import type { Actor } from '@gongkai/kernel';
import type { ActivityDetails, OutreachActivityEvent } from '@gongkai/participation/domain';
import { InMemoryReadStore, ProjectionRunner } from '@gongkai/read-store';
import { outreachActivitiesProjection } from './outreach-activities.projection';
import { OUTREACH_ACTIVITIES, type OutreachActivityDocument } from './outreach-activity-document';
import { type OutreachActivityListQuery, type OutreachActivityPage, outreachActivityPage } from './outreach-activity-list';
import { activitiesFilter, viewOutreachActivity } from './outreach-activity-visibility';

let position = 0;
const recorded = (activityId: string, event: OutreachActivityEvent): RecordedEvent => ({
  id: `event-${++position}`,
  type: event.type,
  schemaVersion: 1,
  streamId: `participation.OutreachActivity-${activityId}`,
  revision: position,
  globalPosition: position,
  occurredAt: '2026-03-02T02:00:00.000Z',
  data: event.data,
  metadata: { actor: { id: 'demo-office', roles: ['office'] }, correlationId: 'c', causationId: null },
  prevHash: '0'.repeat(64),
  hash: 'f'.repeat(64),
});

const details = (title: string, date: string): ActivityDetails => ({ title, date, place: '人民广场', organiser: '办公室', description: '宣传活动', departmentCode: 'OFFICE' });
const request = (activityId: string, version: number) => ({
  reviewId: `review-${activityId}-${version}`,
  itemType: 'OUTREACH_ACTIVITY' as const,
  itemId: activityId,
  itemVersion: version,
  contentHash: 'a'.repeat(64),
  title: 't',
  agencyCode: '445300',
  departmentCode: 'OFFICE',
  requestedBy: 'demo-office',
});
const announced = (activityId: string, title: string, date: string): OutreachActivityEvent => ({
  type: 'OutreachActivityAnnounced',
  data: { activityId, agencyCode: '445300', version: 1, details: details(title, date), contentHash: 'a'.repeat(64), publicationRequest: request(activityId, 1) },
});
const published = (activityId: string, version: number): OutreachActivityEvent => ({
  type: 'OutreachActivityPublished',
  data: { activityId, version, contentHash: 'a'.repeat(64), reviewId: `review-${activityId}-${version}`, publishedAt: '2026-03-03T02:00:00.000Z' },
});
const outcome: OutreachActivityEvent = {
  type: 'OutreachActivityOutcomeRecorded',
  data: { activityId: 'a1', version: 2, outcome: { participants: 320, summary: '发放资料 1,200 份', recordedOn: '2026-06-05' }, contentHash: 'b'.repeat(64), publicationRequest: request('a1', 2) },
};

const anonymous: Actor = { id: 'anonymous', roles: ['public'] };
const office: Actor = { id: 'demo-office', roles: ['office', 'staff'], agencyCode: '445300', departmentCode: 'OFFICE' };
const countyStaff: Actor = { id: 'demo-county', roles: ['staff'], agencyCode: '445381', departmentCode: 'OFFICE' };

describe('The outreach activities read model', () => {
  let store: InMemoryReadStore;
  const list = async (actor: Actor, from?: string, to?: string) =>
    (await store.collection<OutreachActivityDocument>(OUTREACH_ACTIVITIES).find(activitiesFilter(actor, { from, to }), { sort: { 'details.date': 1, _id: 1 } }))
      .map((document) => viewOutreachActivity(document, actor))
      .map((view) => [view?.details.title, view?.version, view?.outcome?.participants ?? null]);

  // a1: published, then its outcome recorded and still under review. a2: never published. a3: published, later in the year.
  const history = (): RecordedEvent[] => [
    recorded('a1', announced('a1', '六五环境日', '2026-06-05')),
    recorded('a1', published('a1', 1)),
    recorded('a2', announced('a2', '环保设施开放日', '2026-07-01')),
    recorded('a3', announced('a3', '低碳日', '2026-08-20')),
    recorded('a3', published('a3', 1)),
    recorded('a1', outcome),
  ];
  const replay = async (events: RecordedEvent[]) => {
    store = new InMemoryReadStore();
    await new ProjectionRunner(store, [outreachActivitiesProjection]).start(events);
  };

  beforeEach(() => replay(history()));

  it('shows the public only published versions, by date, within the range', async () => {
    expect(await list(anonymous)).toEqual([
      ['六五环境日', 1, null],
      ['低碳日', 1, null],
    ]);
    expect(await list(anonymous, '2026-06-06', '2026-12-31')).toEqual([['低碳日', 1, null]]);
    expect(await list(countyStaff)).toEqual([
      ['六五环境日', 1, null],
      ['低碳日', 1, null],
    ]);
  });

  it('shows the bureau its activities under review and the outcome waiting for approval', async () => {
    expect(await list(office, '2026-01-01', '2026-07-31')).toEqual([
      ['六五环境日', 2, 320],
      ['环保设施开放日', 1, null],
    ]);
  });

  it('publishes the outcome with the version the reviewer approved', async () => {
    await replay([...history(), recorded('a1', published('a1', 2))]);
    expect(await list(anonymous, '2026-06-05', '2026-06-05')).toEqual([['六五环境日', 2, 320]]);
  });
});

describe('The outreach activities list, a page at a time', () => {
  const store = new InMemoryReadStore();
  const PAGE = 7;
  /** 50 activities, three to a day from 1 June; ids run against the order of announcement so that the id, not arrival, breaks ties; every third is never published. */
  const activities = Array.from({ length: 50 }, (_, i) => ({
    id: `b${String(99 - i).padStart(2, '0')}`,
    date: `2026-06-${String(1 + Math.floor(i / 3)).padStart(2, '0')}`,
    published: i % 3 !== 1,
  }));
  const inListOrder = (subset: typeof activities) => [...subset].sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id)).map((a) => a.id);
  const publicOnes = activities.filter((a) => a.published);

  beforeAll(async () => {
    const events = activities.flatMap((a) => [recorded(a.id, announced(a.id, `宣传活动 ${a.id}`, a.date)), ...(a.published ? [recorded(a.id, published(a.id, 1))] : [])]);
    await new ProjectionRunner(store, [outreachActivitiesProjection]).start(events);
  });

  /** Follows the list page after page as a portal follows hasNextPage, keeping every page. */
  const pagesOf = async (actor: Actor, query: OutreachActivityListQuery = {}): Promise<OutreachActivityPage[]> => {
    const pages: OutreachActivityPage[] = [];
    for (let offset = 0; ; ) {
      const page = await outreachActivityPage(store, actor, query, offset, PAGE);
      pages.push(page);
      offset += page.views.length;
      if (page.views.length === 0 || offset >= page.totalCount) return pages;
    }
  };
  const idsOf = (pages: OutreachActivityPage[]) => pages.flatMap((page) => page.views.flatMap((view) => (view ? [view.id] : [])));

  it('gives the bureau every activity exactly once, by date then id, across pages', async () => {
    const pages = await pagesOf(office);
    expect(pages).toHaveLength(Math.ceil(activities.length / PAGE));
    expect(pages.every((page) => page.totalCount === activities.length)).toBe(true);
    expect(idsOf(pages)).toEqual(inListOrder(activities));
  });

  it('never shows the public an unpublished activity on any page, nor counts one', async () => {
    const pages = await pagesOf(anonymous);
    expect(pages.map((page) => page.totalCount)).toEqual(pages.map(() => publicOnes.length));
    expect(pages.map((page) => page.views.length)).toEqual([7, 7, 7, 7, 5]); // 33 published of 50
    expect(pages.flatMap((page) => page.views).every((view) => view?.publicationStatus === 'PUBLISHED' && view.pendingReviewId === null)).toBe(true);
    expect(idsOf(pages)).toEqual(inListOrder(publicOnes));
  });

  it('pages a date range and the list at a point in time the same way', async () => {
    const june = (a: (typeof activities)[number]) => a.date >= '2026-06-05' && a.date <= '2026-06-12';
    const inRange = await pagesOf(anonymous, { from: '2026-06-05', to: '2026-06-12' });
    expect(inRange[0]!.totalCount).toBe(publicOnes.filter(june).length);
    expect(idsOf(inRange)).toEqual(inListOrder(publicOnes.filter(june)));

    // Asked about then, the office gets the public's list too: nothing under review, whoever asks.
    const then = await pagesOf(office, { asOfInstant: '2026-03-04T00:00:00.000Z' });
    expect(then[0]!.totalCount).toBe(publicOnes.length);
    expect(idsOf(then)).toEqual(inListOrder(publicOnes));
    expect((await outreachActivityPage(store, office, { asOfInstant: '2026-03-03T01:00:00.000Z' }, 0, PAGE)).totalCount).toBe(0);
  });
});
