import { badInput, CITY_AGENCY_CODE } from '@gongkai/kernel';
import type { ReadStore } from '@gongkai/read-store';
import { NEGATIVE_LIST_CHANGES, NEGATIVE_LIST_ITEMS, type NegativeListChangeDocument, type NegativeListItemDocument } from './negative-list.projection';

/**
 * The item a rejection cites must be on the negative list now: the review's agency's own list, or
 * the city bureau's, which the county bureaus follow. The decider sees only the review's stream, so
 * the gateway checks the list and hands the version it read to the decider, which records it.
 */
export const citedNegativeListItem = async (store: ReadStore, agencyCode: string, code: string): Promise<{ negativeListItemCode: string; negativeListVersion: number }> => {
  const normalised = code.trim().toUpperCase();
  for (const agency of [...new Set([agencyCode, CITY_AGENCY_CODE])]) {
    const item = await store.collection<NegativeListItemDocument>(NEGATIVE_LIST_ITEMS).findOne({ _id: `${agency}:${normalised}` });
    if (!item || item.retired) continue;
    const latest = await store.collection<NegativeListChangeDocument>(NEGATIVE_LIST_CHANGES).findOne({ agencyCode: agency }, { sort: { listVersion: -1 } });
    return { negativeListItemCode: normalised, negativeListVersion: latest?.listVersion ?? item.addedInVersion };
  }
  throw badInput('UNKNOWN_NEGATIVE_LIST_ITEM', `${normalised} is not an item of the current negative list.`, { field: 'negativeListItemCode' });
};
