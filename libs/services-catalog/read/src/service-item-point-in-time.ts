import { type Filter, publicAtFilter, type SortSpec, textSearchPattern, versionInForce } from '@gongkai/read-store';
import type { ServiceItemDocument } from './service-item-document';
import { type CatalogueQuery, type ServiceItemView, viewServiceItemAs } from './service-item-visibility';

/**
 * The item as the public saw it at `at` (point in time): the guide then published, or null when it
 * was not public then. Whoever asks gets the public's view, so a draft never answers an `asOfInstant`.
 */
export const viewServiceItemAsOf = (item: ServiceItemDocument, at: string): ServiceItemView | null => {
  const period = versionInForce(item.publicationHistory, at);
  if (!period) return null;
  const versions = item.versions.filter((entry) => entry.publishedAt !== undefined && entry.publishedAt <= at);
  return viewServiceItemAs({ ...item, status: 'PUBLISHED', published: period.content, retirement: null, versions }, false);
};

/** The catalogue as it stood at `at`, searched in the guides published then; `includeRetired` has no meaning at an instant. */
export const catalogueFilterAsOf = (query: CatalogueQuery, at: string): Filter => {
  const pattern = query.search?.trim() ? { $regex: textSearchPattern(query.search), $options: 'i' } : undefined;
  return publicAtFilter('publicationHistory', at, {
    ...(pattern ? { $or: [{ 'guide.name': pattern }, { 'guide.legalBasis': pattern }, { 'guide.conditions': pattern }] } : {}),
    ...(query.departmentCode ? { 'guide.departmentCode': query.departmentCode } : {}),
    ...(query.category ? { 'guide.category': query.category } : {}),
  });
};

/** By the published names, as the public catalogue is sorted. */
export const CATALOGUE_SORT_AS_OF: SortSpec = { 'published.guide.name': 1, _id: 1 };
