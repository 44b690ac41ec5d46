import { DeciderSpecification } from '@gongkai/kernel/testing';
import { blacklistEntryAsOf } from './blacklist';
import { type EnterpriseCommand, enterpriseDecider, registerChangeHash } from './enterprise-decider';
import type { EnterpriseEvent, RegisterChange } from './enterprise-events';
import { COUNTY_STAFF, ENFORCEMENT, LUODING_PAPER, SYSTEM, XINXING_STEEL } from './disclosure.fixtures';

const given = DeciderSpecification.for(enterpriseDecider, { now: '2026-03-02T02:00:00Z', actor: ENFORCEMENT });
const profile = { name: '罗定某纸业有限公司', address: '罗定市某工业园', countyCode: '445381', industry: '造纸和纸制品业' };
const register = (creditCode = LUODING_PAPER, change: Record<string, unknown> = {}): EnterpriseCommand => ({
  type: 'RegisterEnterprise',
  data: { creditCode, enterprise: { ...profile, ...change } },
});
const registered: EnterpriseEvent = {
  type: 'EnterpriseRegistered',
  data: { creditCode: LUODING_PAPER, ...profile, agencyCode: '445300', registeredAt: '2026-03-02T02:00:00.000Z' },
};
const add = (on = '2026-02-20', reviewId = 'review-in'): EnterpriseCommand => ({
  type: 'AddToBlacklist',
  data: { creditCode: LUODING_PAPER, reason: '拒不执行停产整治决定', legalBasis: '《企业环境信用评价办法（试行）》', on, reviewId },
});
const remove = (on = '2026-03-01', reviewId = 'review-out'): EnterpriseCommand => ({
  type: 'RemoveFromBlacklist',
  data: { creditCode: LUODING_PAPER, reason: '整改完成，信用修复', on, reviewId },
});
const entered = given([registered]).when(add()).events()[0];

describe('Enterprises (监管企业) and their registers', () => {
  it('registers an enterprise under its credit code', () => {
    given([]).when(register()).then([registered]);
  });

  it.each([
    ['an invalid credit code', register('91445381MA4UK7L2X8'), 'CREDIT_CODE_CHECK'],
    ['a county outside the city', register(LUODING_PAPER, { countyCode: '440100' }), 'UNKNOWN_COUNTY'],
    ['a missing name', register(LUODING_PAPER, { name: '' }), 'REQUIRED'],
  ])('refuses %s', (_, command, rule) => {
    given([]).when(command).thenThrows('BAD_USER_INPUT', rule);
  });

  it('refuses a second registration, and county bureaus other than the enterprise’s own', () => {
    given([registered]).when(register()).thenThrows('CONFLICT', 'ENTERPRISE_EXISTS');
    given([]).when(register(XINXING_STEEL, { countyCode: '445321' }), { actor: COUNTY_STAFF }).thenThrows('FORBIDDEN', 'OUTSIDE_AGENCY_SCOPE');
    expect(given([]).when(register(), { actor: COUNTY_STAFF }).events()).toHaveLength(1); // its own county
  });

  describe('the blacklist (环境违法黑名单)', () => {
    it('records an entry with reason, legal basis and date, and opens its review', () => {
      const change: RegisterChange = { kind: 'BLACKLIST_ENTRY', on: '2026-02-20', reason: '拒不执行停产整治决定', legalBasis: '《企业环境信用评价办法（试行）》' };
      expect(entered).toEqual({
        type: 'EnterpriseRegisterChanged',
        data: {
          creditCode: LUODING_PAPER,
          sequence: 1,
          change,
          contentHash: registerChangeHash(LUODING_PAPER, 1, change),
          recordedAt: '2026-03-02T02:00:00.000Z',
          publicationRequest: expect.objectContaining({ itemType: 'ENTERPRISE_REGISTER_CHANGE', itemId: LUODING_PAPER, itemVersion: 1, reviewId: 'review-in' }),
        },
      });
    });

    it('refuses a second entry for a listed enterprise', () => {
      given([registered, entered]).when(add('2026-03-01', 'again')).thenThrows('BAD_USER_INPUT', 'ALREADY_BLACKLISTED');
    });

    it('refuses an exit of an enterprise not listed, before its entry, or in the future', () => {
      given([registered]).when(remove()).thenThrows('BAD_USER_INPUT', 'NOT_BLACKLISTED');
      given([registered, entered]).when(remove('2026-02-19')).thenThrows('BAD_USER_INPUT', 'BLACKLIST_DATE_OUT_OF_ORDER');
      given([registered, entered]).when(remove('2026-03-03')).thenThrows('BAD_USER_INPUT', 'DATE_IN_FUTURE');
    });

    it('lets an enterprise leave and be listed again, never before its last exit', () => {
      const left = given([registered, entered]).when(remove()).events()[0];
      given([registered, entered, left]).when(add('2026-02-28')).thenThrows('BAD_USER_INPUT', 'BLACKLIST_DATE_OUT_OF_ORDER');
      expect(given([registered, entered, left]).when(add('2026-03-02', 'review-again')).events()[0].data).toMatchObject({ sequence: 3 });
    });

    it('needs a reason and a legal basis', () => {
      given([registered]).when({ type: 'AddToBlacklist', data: { creditCode: LUODING_PAPER, reason: '', legalBasis: 'x', on: '2026-02-20', reviewId: 'r' } }).thenThrows('BAD_USER_INPUT', 'REQUIRED');
      given([registered]).when({ type: 'AddToBlacklist', data: { creditCode: LUODING_PAPER, reason: 'x', legalBasis: ' ', on: '2026-02-20', reviewId: 'r' } }).thenThrows('BAD_USER_INPUT', 'REQUIRED');
    });

    it('publishes a change exactly as reviewed, once, by the gate only', () => {
      const { contentHash } = entered.data as { contentHash: string };
      const publish: EnterpriseCommand = { type: 'PublishReviewedRegisterChange', data: { creditCode: LUODING_PAPER, sequence: 1, contentHash, reviewId: 'review-in' } };
      const [published] = given([registered, entered]).when(publish, { actor: SYSTEM }).events();
      expect(published).toMatchObject({ type: 'EnterpriseRegisterChangePublished', data: { sequence: 1, reviewId: 'review-in' } });
      given([registered, entered, published]).when(publish, { actor: SYSTEM }).thenNothingHappened();
      given([registered, entered]).when(publish).thenThrows('FORBIDDEN', 'ROLE_REQUIRED');
      given([registered, entered]).when({ ...publish, data: { ...publish.data, contentHash: '0'.repeat(64) } }, { actor: SYSTEM }).thenThrows('CONFLICT', 'REVIEWED_VERSION_OUTDATED');
    });

    it('answers who was listed on any day', () => {
      const changes = [
        { kind: 'BLACKLIST_ENTRY', on: '2026-01-10' },
        { kind: 'KEY_MONITORED', year: 2026 },
        { kind: 'BLACKLIST_EXIT', on: '2026-02-01' },
        { kind: 'BLACKLIST_ENTRY', on: '2026-02-20' },
      ];
      expect(blacklistEntryAsOf(changes, '2026-01-09')).toBeUndefined();
      expect(blacklistEntryAsOf(changes, '2026-01-10')).toBe(changes[0]);
      expect(blacklistEntryAsOf(changes, '2026-02-01')).toBeUndefined();
      expect(blacklistEntryAsOf(changes, '2026-03-01')).toBe(changes[3]);
    });
  });

  it('lists a key monitored enterprise (重点排污单位) for a year, once', () => {
    const listed = given([registered]).when({ type: 'ListKeyMonitoredEnterprise', data: { creditCode: LUODING_PAPER, year: 2026, reviewId: 'r-2026' } }).events()[0];
    expect(listed.data).toMatchObject({ change: { kind: 'KEY_MONITORED', year: 2026 } });
    given([registered, listed]).when({ type: 'ListKeyMonitoredEnterprise', data: { creditCode: LUODING_PAPER, year: 2026, reviewId: 'r' } }).thenThrows('BAD_USER_INPUT', 'ALREADY_KEY_MONITORED');
    given([registered]).when({ type: 'ListKeyMonitoredEnterprise', data: { creditCode: LUODING_PAPER, year: 2028, reviewId: 'r' } }).thenThrows('BAD_USER_INPUT', 'OUT_OF_RANGE');
  });
});
