import type { Actor } from '@gongkai/kernel';
import { negativeListDecider, powerListItemDecider } from '@gongkai/oversight/domain';
import { InMemoryReadStore, ProjectionRunner, publicAtFilter } from '@gongkai/read-store';
import { EventHistory } from '@gongkai/testing';
import { NEGATIVE_LIST_ITEMS, type NegativeListItemDocument } from './negative-list/negative-list.projection';
import { negativeListItemAsOf } from './negative-list/negative-list-as-of';
import { OVERSIGHT_PROJECTIONS } from './oversight-projections';
import { POWER_LIST_ITEMS, type PowerListItemDocument } from './power-list/power-list.projection';
import { powerListItemAsOf } from './power-list/power-list-as-of';

const office: Actor = { id: 'demo-office', roles: ['office', 'staff'], agencyCode: '445300', departmentCode: 'OFFICE' };
const system: Actor = { id: 'system:oversight', roles: ['system'] };
const at = (date: string) => `${date}T02:00:00.000Z`;
const entry = { name: '排污许可证核发', kind: 'LICENSING', departmentCode: 'EMISSION_TOTALS', legalBasis: '《排污许可管理条例》' };

/** NL-01 added on 5 Jan and retired on 1 Feb; power p1 published (v1) on 2 Mar, modified (v2) on 2 Apr, removed on 2 May. */
const history = (): EventHistory => {
  const h = new EventHistory();
  const list = 'oversight.NegativeList-445300';
  h.decide(negativeListDecider, list, { type: 'AddNegativeListItem', data: { agencyCode: '445300', code: 'NL-01', description: '国家秘密', legalBasis: '第十四条' } }, office, at('2026-01-05'));
  h.decide(negativeListDecider, list, { type: 'RetireNegativeListItem', data: { agencyCode: '445300', code: 'NL-01', reason: '调整' } }, office, at('2026-02-01'));
  const power = 'oversight.PowerListItem-p1';
  const adjustAndPublish = (version: number, adjustment: string, departmentCode: string, adjustedOn: string, publishedOn: string) => {
    const data = { itemId: 'p1', agencyCode: '445300', reviewId: `r${version}`, adjustment, entry: { ...entry, departmentCode }, reason: adjustment };
    const [adjusted] = h.decide(powerListItemDecider, power, { type: 'AdjustPowerListItem', data }, office, at(adjustedOn));
    const contentHash = (adjusted.data as { contentHash: string }).contentHash;
    h.decide(powerListItemDecider, power, { type: 'PublishReviewedPowerListItem', data: { itemId: 'p1', version, contentHash, reviewId: `r${version}` } }, system, at(publishedOn));
  };
  adjustAndPublish(1, 'ADD', 'EMISSION_TOTALS', '2026-03-01', '2026-03-02');
  adjustAndPublish(2, 'MODIFY', 'SUPERVISION', '2026-04-01', '2026-04-02');
  adjustAndPublish(3, 'REMOVE', 'SUPERVISION', '2026-05-01', '2026-05-02');
  return h;
};

describe('Oversight lists at a point in time (asOfInstant)', () => {
  const store = new InMemoryReadStore();
  const negativeItem = async () => (await store.collection<NegativeListItemDocument>(NEGATIVE_LIST_ITEMS).findOne({ _id: '445300:NL-01' }))!;
  const power = async () => (await store.collection<PowerListItemDocument>(POWER_LIST_ITEMS).findOne({ _id: 'p1' }))!;

  beforeAll(async () => {
    await new ProjectionRunner(store, OVERSIGHT_PROJECTIONS).start(history().events);
  });

  it('has a negative-list item only while it was on the list', async () => {
    const item = await negativeItem();
    expect(negativeListItemAsOf(item, at('2026-01-04'))).toBeNull();
    expect(negativeListItemAsOf(item, at('2026-01-20'))).toMatchObject({ code: 'NL-01', description: '国家秘密', retired: false, retiredAt: null });
    expect(negativeListItemAsOf(item, at('2026-02-02'))).toBeNull();
    const listedAt = async (instant: string) => (await store.collection<NegativeListItemDocument>(NEGATIVE_LIST_ITEMS).find(publicAtFilter('publicationHistory', instant))).map((i) => i.code);
    expect(await listedAt(at('2026-01-20'))).toEqual(['NL-01']);
    expect(await listedAt(at('2026-02-02'))).toEqual([]);
  });

  it('gives nothing before v1, v1 between the publications, v2 after the second, and nothing after the published removal', async () => {
    const item = await power();
    expect(powerListItemAsOf(item, at('2026-03-01'))).toBeNull();
    expect(powerListItemAsOf(item, at('2026-03-20'))).toMatchObject({ published: { version: 1, entry: { departmentCode: 'EMISSION_TOTALS' } }, listed: true });
    expect(powerListItemAsOf(item, at('2026-03-20'))?.history.map((v) => v.version)).toEqual([1]);
    expect(powerListItemAsOf(item, at('2026-04-20'))).toMatchObject({ published: { version: 2, entry: { departmentCode: 'SUPERVISION' } } });
    expect(powerListItemAsOf(item, at('2026-05-03'))).toBeNull();
  });
});
