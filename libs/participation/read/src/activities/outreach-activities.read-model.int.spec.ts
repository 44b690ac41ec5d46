import type { RecordedEvent } from '@gongkai/event-sourcing';
import type { Actor } from '@gongkai/kernel';
import type { ActivityDetails, OutreachActivityEvent } from '@gongkai/participation/domain';
import { InMemoryReadStore, ProjectionRunner } from '@gongkai/read-store';
import { outreachActivitiesProjection } from './outreach-activities.projection';
import { OUTREACH_ACTIVITIES, type OutreachActivityDocument } from './outreach-activity-document';
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
  itemType: 'OUTREACH_ACTIVITY',
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
