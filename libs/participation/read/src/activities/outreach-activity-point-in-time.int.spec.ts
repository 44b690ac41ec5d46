import type { RecordedEvent } from '@gongkai/event-sourcing';
import type { Actor } from '@gongkai/kernel';
import type { OutreachActivityEvent } from '@gongkai/participation/domain';
import { InMemoryReadStore } from '@gongkai/read-store';
import { outreachActivitiesProjection } from './outreach-activities.projection';
import { OUTREACH_ACTIVITIES, type OutreachActivityDocument } from './outreach-activity-document';
import { activitiesFilterAsOf, viewOutreachActivityAsOf } from './outreach-activity-point-in-time';

const at = (date: string) => `${date}T02:00:00.000Z`;
const OFFICE: Actor = { id: 'demo-office', roles: ['office'], agencyCode: '445300', departmentCode: 'OFFICE' };

let position = 0;
const recorded = (event: OutreachActivityEvent, occurredAt: string): RecordedEvent =>
  ({ id: `event-${++position}`, type: event.type, streamId: 'participation.OutreachActivity-a1', revision: position, globalPosition: position, occurredAt, data: event.data, metadata: { actor: OFFICE } }) as unknown as RecordedEvent;
const request = (version: number) => ({ reviewId: `review-a1-${version}`, itemType: 'OUTREACH_ACTIVITY' as const, itemId: 'a1', itemVersion: version, contentHash: 'h', title: '六五环境日', agencyCode: '445300', departmentCode: 'OFFICE', requestedBy: 'demo-office' });
const details = { title: '六五环境日宣传', date: '2026-06-05', place: '人民广场', organiser: '办公室', description: '宣传活动', departmentCode: 'OFFICE' };
const published = (version: number, publishedAt: string): OutreachActivityEvent => ({ type: 'OutreachActivityPublished', data: { activityId: 'a1', version, contentHash: 'h', reviewId: `review-a1-${version}`, publishedAt } });

describe('Outreach activities at a point in time (asOfInstant)', () => {
  const store = new InMemoryReadStore();
  const activities = () => store.collection<OutreachActivityDocument>(OUTREACH_ACTIVITIES);
  const apply = (event: OutreachActivityEvent, occurredAt: string) => outreachActivitiesProjection.apply(recorded(event, occurredAt), store);
  const listedAt = async (instant: string, range = {}) => (await activities().find(activitiesFilterAsOf(range, instant))).map((doc) => viewOutreachActivityAsOf(doc, instant)?.version);

  /** Announced on 1 March, the announcement (v1) published on 2 March, the outcome (v2) recorded on 6 June and published on 8 June. */
  beforeAll(async () => {
    await apply({ type: 'OutreachActivityAnnounced', data: { activityId: 'a1', agencyCode: '445300', version: 1, details, contentHash: 'h', publicationRequest: request(1) } }, at('2026-03-01'));
    await apply(published(1, at('2026-03-02')), at('2026-03-02'));
    const outcome = { participants: 300, summary: '发放资料五百份', recordedOn: '2026-06-06' };
    await apply({ type: 'OutreachActivityOutcomeRecorded', data: { activityId: 'a1', version: 2, outcome, contentHash: 'h2', publicationRequest: request(2) } }, at('2026-06-06'));
    await apply(published(2, at('2026-06-08')), at('2026-06-08'));
  });

  it('gives nothing before the announcement was published, the announcement until the outcome was, then the outcome', async () => {
    const doc = (await activities().findOne({ _id: 'a1' }))!;
    expect(viewOutreachActivityAsOf(doc, at('2026-03-01'))).toBeNull();
    expect(viewOutreachActivityAsOf(doc, at('2026-03-03'))).toMatchObject({ version: 1, outcome: null, publicationStatus: 'PUBLISHED', publishedAt: at('2026-03-02'), pendingReviewId: null });
    // Recorded but still under review on 7 June: the public saw the announcement only.
    expect(viewOutreachActivityAsOf(doc, at('2026-06-07'))).toMatchObject({ version: 1, outcome: null });
    expect(viewOutreachActivityAsOf(doc, at('2026-06-09'))).toMatchObject({ version: 2, outcome: { participants: 300 }, publishedAt: at('2026-06-08') });
  });

  it('lists the activities published at the instant, within the date range asked', async () => {
    expect(await listedAt(at('2026-03-01'))).toEqual([]);
    expect(await listedAt(at('2026-03-03'))).toEqual([1]);
    expect(await listedAt(at('2026-06-09'), { from: '2026-06-01', to: '2026-06-30' })).toEqual([2]);
    expect(await listedAt(at('2026-06-09'), { from: '2026-07-01' })).toEqual([]);
  });
});
