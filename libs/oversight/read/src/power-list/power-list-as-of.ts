import { versionInForce } from '@gongkai/read-store';
import type { PowerListItemDocument } from './power-list.projection';

/**
 * The power as the public saw it at `at` (point in time): the version then published, with the
 * adjustments published by then; null when it was not on the public list then.
 */
export const powerListItemAsOf = (item: PowerListItemDocument, at: string): PowerListItemDocument | null => {
  const period = versionInForce(item.publicationHistory, at);
  if (!period) return null;
  const history = item.history.filter((version) => version.publishedAt !== null && version.publishedAt <= at);
  return { ...item, latest: period.content, published: period.content, listed: true, history };
};
