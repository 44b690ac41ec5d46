import { versionInForce } from '@gongkai/read-store';
import type { NegativeListItemDocument } from './negative-list.projection';

/** The item as it stood on the list at `at` (point in time), or null when it was not on the list then. */
export const negativeListItemAsOf = (item: NegativeListItemDocument, at: string): NegativeListItemDocument | null => {
  const period = versionInForce(item.publicationHistory, at);
  return period ? { ...item, ...period.content, retired: false, retiredInVersion: null, retiredAt: null, retirementReason: null } : null;
};
