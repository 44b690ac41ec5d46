import { type Actor, seesInternals } from '@gongkai/kernel';
import type { Filter } from '@gongkai/read-store';
import { internalOrPublishedFilter } from './bureau-readers';
import type { KeyWorkItemDocument } from './key-work-item-document';

/** The public sees key work once a progress report on it is published, and only published reports. */
export const viewKeyWorkItem = (item: KeyWorkItemDocument, actor: Actor): KeyWorkItemDocument | null => {
  if (seesInternals(actor, item.agencyCode)) return item;
  if (item.publishedReports === 0) return null;
  return { ...item, reports: item.reports.filter((report) => report.publishedAt !== null) };
};

export const keyWorkItemsFilter = (actor: Actor, kind?: string | null): Filter => {
  const visible = internalOrPublishedFilter(actor, { publishedReports: { $gt: 0 } });
  return kind ? { $and: [visible, { kind }] } : visible;
};
