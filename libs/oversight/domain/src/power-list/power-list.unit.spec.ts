import { DeciderSpecification } from '@gongkai/kernel/testing';
import { at, auditor, office, system } from '../oversight.fixtures';
import { POWER_LIST_ITEM_TYPE, powerListContentHash, powerListItemDecider } from './power-list-commands';
import type { PowerListEntry, PowerListEvent } from './power-list-events';

const given = DeciderSpecification.for(powerListItemDecider, { now: at, actor: office });
const entry: PowerListEntry = { name: '排污许可证核发', kind: 'LICENSING', departmentCode: 'EMISSION_TOTALS', legalBasis: '《排污许可管理条例》第三条' };
const hash1 = powerListContentHash('power-1', 1, 'ADD', entry, '新增职权');
const adjusted: PowerListEvent = {
  type: 'PowerListItemAdjusted',
  data: {
    itemId: 'power-1',
    agencyCode: '445300',
    version: 1,
    adjustment: 'ADD',
    entry,
    reason: '新增职权',
    contentHash: hash1,
    publicationRequest: { reviewId: 'review-1', itemType: POWER_LIST_ITEM_TYPE, itemId: 'power-1', itemVersion: 1, contentHash: hash1, title: '权责清单：排污许可证核发', agencyCode: '445300', departmentCode: 'EMISSION_TOTALS', requestedBy: office.id },
  },
};
const published: PowerListEvent = { type: 'PowerListItemPublished', data: { itemId: 'power-1', version: 1, adjustment: 'ADD', contentHash: hash1, reviewId: 'review-1', publishedAt: at } };
const add = { itemId: 'power-1', agencyCode: '445300', reviewId: 'review-1', adjustment: 'ADD', entry: { ...entry }, reason: '新增职权' };

describe('The power and responsibility list (权责清单)', () => {
  it('adds a power with a reason and asks the review gate to publish it', () => {
    given([]).when({ type: 'AdjustPowerListItem', data: add }).then([adjusted]);
  });

  it('publishes exactly the reviewed adjustment, once', () => {
    const publish = { type: 'PublishReviewedPowerListItem' as const, data: { itemId: 'power-1', version: 1, contentHash: hash1, reviewId: 'review-1' } };
    given([adjusted]).when(publish, { actor: system }).then([published]);
    given([adjusted, published]).when(publish, { actor: system }).thenNothingHappened();
    given([adjusted]).when({ ...publish, data: { ...publish.data, contentHash: 'f'.repeat(64) } }, { actor: system }).thenThrows('CONFLICT', 'REVIEWED_VERSION_OUTDATED');
  });

  it('supersedes the review still pending when the power is adjusted again', () => {
    const [event] = given([adjusted]).when({ type: 'AdjustPowerListItem', data: { ...add, adjustment: 'MODIFY', reviewId: 'review-2', reason: '改由监督科负责', entry: { ...entry, departmentCode: 'SUPERVISION' } } }).events();
    expect(event.data).toMatchObject({ version: 2, adjustment: 'MODIFY', withdrawnReviewId: 'review-1', entry: { departmentCode: 'SUPERVISION' } });
  });

  it('removes a published power with its last terms, and then lets it change no more', () => {
    const [removal] = given([adjusted, published]).when({ type: 'AdjustPowerListItem', data: { ...add, adjustment: 'REMOVE', entry: null, reviewId: 'review-3', reason: '职权取消' } }).events();
    expect(removal.data).toMatchObject({ adjustment: 'REMOVE', entry, version: 2 });
    const removed: PowerListEvent = { type: 'PowerListItemPublished', data: { itemId: 'power-1', version: 2, adjustment: 'REMOVE', contentHash: 'x', reviewId: 'review-3', publishedAt: at } };
    given([adjusted, published, removal, removed]).when({ type: 'AdjustPowerListItem', data: { ...add, adjustment: 'MODIFY', reviewId: 'r4' } }).thenThrows('CONFLICT', 'POWER_LIST_ITEM_REMOVED');
  });

  it.each([
    ['an unknown kind of power', { entry: { ...entry, kind: 'TAXATION' } }, 'NOT_ALLOWED_VALUE'],
    ['no legal basis', { entry: { ...entry, legalBasis: '' } }, 'REQUIRED'],
    ['an unknown department', { entry: { ...entry, departmentCode: 'NOWHERE' } }, 'UNKNOWN_DEPARTMENT'],
    ['no reason', { reason: '' }, 'REQUIRED'],
    ['an unknown adjustment', { adjustment: 'RENAME' }, 'NOT_ALLOWED_VALUE'],
  ])('refuses %s', (_label, change, rule) => {
    given([]).when({ type: 'AdjustPowerListItem', data: { ...add, ...change } }).thenThrows('BAD_USER_INPUT', rule);
  });

  it('refuses to add twice, to remove what was never published, and anyone but the office', () => {
    given([adjusted]).when({ type: 'AdjustPowerListItem', data: add }).thenThrows('CONFLICT', 'POWER_LIST_ITEM_EXISTS');
    given([adjusted]).when({ type: 'AdjustPowerListItem', data: { ...add, adjustment: 'REMOVE' } }).thenThrows('CONFLICT', 'POWER_LIST_ITEM_NOT_PUBLISHED');
    given([]).when({ type: 'AdjustPowerListItem', data: { ...add, adjustment: 'MODIFY' } }).thenThrows('NOT_FOUND', 'POWER_LIST_ITEM_NOT_FOUND');
    given([]).when({ type: 'AdjustPowerListItem', data: add }, { actor: auditor }).thenThrows('FORBIDDEN', 'ROLE_REQUIRED');
    given([adjusted]).when({ type: 'PublishReviewedPowerListItem', data: { itemId: 'power-1', version: 1, contentHash: hash1, reviewId: 'review-1' } }).thenThrows('FORBIDDEN', 'ROLE_REQUIRED');
  });
});
