import { DeciderSpecification } from '@gongkai/kernel/testing';
import { anonymous, at, auditor, countyOffice, office, window } from '../oversight.fixtures';
import { negativeListDecider } from './negative-list-commands';
import type { NegativeListEvent } from './negative-list-events';

const given = DeciderSpecification.for(negativeListDecider, { now: at, actor: office });
const secret = { agencyCode: '445300', code: 'NL-01', description: '涉及国家秘密的信息', legalBasis: '《政府信息公开条例》第十四条' };
const added: NegativeListEvent = { type: 'NegativeListItemAdded', data: { ...secret, listVersion: 1, addedAt: at } };

describe('The negative list (负面清单)', () => {
  it('adds an item with its legal basis as a new version of the list', () => {
    given([]).when({ type: 'AddNegativeListItem', data: secret }).then([added]);
    given([added])
      .when({ type: 'AddNegativeListItem', data: { ...secret, code: 'nl-02', description: '行政执法案卷' } })
      .then([{ type: 'NegativeListItemAdded', data: { ...secret, code: 'NL-02', description: '行政执法案卷', listVersion: 2, addedAt: at } }]);
  });

  it('retires an item with a reason, keeping it in the history', () => {
    given([added])
      .when({ type: 'RetireNegativeListItem', data: { agencyCode: '445300', code: 'NL-01', reason: '并入 NL-05' } })
      .then([{ type: 'NegativeListItemRetired', data: { agencyCode: '445300', code: 'NL-01', reason: '并入 NL-05', listVersion: 2, retiredAt: at } }]);
  });

  it('never gives a code a second meaning, even after it was retired', () => {
    const retired: NegativeListEvent = { type: 'NegativeListItemRetired', data: { agencyCode: '445300', code: 'NL-01', reason: 'x', listVersion: 2, retiredAt: at } };
    given([added, retired]).when({ type: 'AddNegativeListItem', data: secret }).thenThrows('CONFLICT', 'NEGATIVE_LIST_CODE_TAKEN');
    given([added, retired]).when({ type: 'RetireNegativeListItem', data: { code: 'NL-01', reason: 'again' } }).thenThrows('CONFLICT', 'NEGATIVE_LIST_ITEM_RETIRED');
  });

  it.each([
    ['a code that is not a code', { code: 'no spaces!' }, 'INVALID_NEGATIVE_LIST_CODE'],
    ['no legal basis', { legalBasis: ' ' }, 'REQUIRED'],
    ['no description', { description: undefined }, 'REQUIRED'],
    ['an unknown agency', { agencyCode: '999999' }, 'UNKNOWN_AGENCY'],
  ])('refuses %s', (_label, change, rule) => {
    given([]).when({ type: 'AddNegativeListItem', data: { ...secret, ...change } as typeof secret }).thenThrows('BAD_USER_INPUT', rule);
  });

  it('is kept by the office of its agency only: auditors change nothing', () => {
    given([]).when({ type: 'AddNegativeListItem', data: secret }, { actor: window }).thenThrows('FORBIDDEN', 'ROLE_REQUIRED');
    given([]).when({ type: 'AddNegativeListItem', data: secret }, { actor: auditor }).thenThrows('FORBIDDEN', 'ROLE_REQUIRED');
    given([]).when({ type: 'AddNegativeListItem', data: secret }, { actor: anonymous }).thenThrows('UNAUTHENTICATED', 'ROLE_REQUIRED');
    given([]).when({ type: 'AddNegativeListItem', data: secret }, { actor: countyOffice }).thenThrows('FORBIDDEN', 'OUTSIDE_AGENCY_SCOPE');
    given([]).when({ type: 'RetireNegativeListItem', data: { code: 'NL-09', reason: 'x' } }).thenThrows('NOT_FOUND', 'NEGATIVE_LIST_ITEM_NOT_FOUND');
  });
});
