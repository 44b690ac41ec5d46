import { type Actor, agencyFilter, canActForAgency, isBureauReader, seesInternals } from '@gongkai/kernel';
import { type Filter, type SortSpec, textSearchPattern } from '@gongkai/read-store';
import type { PublicationStatus, ServiceGuide } from '@gongkai/services-catalog/domain';
import type { ServiceItemDocument, ServiceItemVersionEntry } from './service-item-document';

/** What one reader is allowed to see of one service item. */
export interface ServiceItemView {
  readonly id: string;
  readonly agencyCode: string;
  readonly guide: ServiceGuide;
  readonly version: number;
  readonly publicationStatus: PublicationStatus;
  readonly publishedVersion: number | null;
  readonly publishedAt: string | null;
  readonly contentHash: string | null;
  readonly pendingReviewId: string | null;
  readonly retirementReason: string | null;
  readonly versions: readonly ServiceItemVersionEntry[];
  readonly updatedAt: string;
}

/** `seesInternals` (bureau staff of the item's agency see its drafts) for one reader and many items: the reader's roles are looked at once. */
export const draftsSeenBy = (actor: Actor): ((agencyCode: string) => boolean) =>
  isBureauReader(actor) ? (agencyCode) => canActForAgency(actor, agencyCode) : () => false;

export const viewServiceItem = (item: ServiceItemDocument, actor: Actor): ServiceItemView | null => viewServiceItemAs(item, seesInternals(actor, item.agencyCode));

/** The item as a reader sees it who does (`withDrafts`) or does not see its drafts: nothing else of the reader matters. */
export const viewServiceItemAs = (item: ServiceItemDocument, withDrafts: boolean): ServiceItemView | null => {
  if (withDrafts) {
    return {
      id: item._id,
      agencyCode: item.agencyCode,
      guide: item.guide,
      version: item.version,
      publicationStatus: item.status,
      publishedVersion: item.published?.version ?? null,
      publishedAt: item.published?.publishedAt ?? null,
      contentHash: item.published?.version === item.version ? item.published.contentHash : null,
      pendingReviewId: item.pendingReviewId ?? null,
      retirementReason: item.retirement?.reason ?? null,
      versions: item.versions,
      updatedAt: item.updatedAt,
    };
  }
  const published = item.published;
  if (!published) return null; // never published: it does not exist for the public
  return {
    id: item._id,
    agencyCode: item.agencyCode,
    guide: published.guide,
    version: published.version,
    publicationStatus: item.status === 'RETIRED' ? 'RETIRED' : 'PUBLISHED',
    publishedVersion: published.version,
    publishedAt: published.publishedAt,
    contentHash: published.contentHash,
    pendingReviewId: null,
    retirementReason: item.retirement?.reason ?? null,
    versions: item.versions.filter((entry) => entry.publishedAt !== undefined),
    updatedAt: item.retirement?.retiredAt ?? published.publishedAt,
  };
};

export interface CatalogueQuery {
  readonly search?: string | null;
  readonly departmentCode?: string | null;
  readonly category?: string | null;
  readonly includeRetired?: boolean | null;
}

/**
 * The catalogue filter for one reader: the public searches the published guides; staff also
 * their own agencies' drafts, searched by their current text.
 */
export const catalogueFilter = (actor: Actor, query: CatalogueQuery): Filter => {
  const pattern = query.search?.trim() ? { $regex: textSearchPattern(query.search), $options: 'i' } : undefined;
  const guideConditions = (prefix: string): Filter[] => [
    ...(pattern ? [{ $or: [{ [`${prefix}.name`]: pattern }, { [`${prefix}.legalBasis`]: pattern }, { [`${prefix}.conditions`]: pattern }] }] : []),
    ...(query.departmentCode ? [{ [`${prefix}.departmentCode`]: query.departmentCode }] : []),
    ...(query.category ? [{ [`${prefix}.category`]: query.category }] : []),
  ];
  const publicConditions: Filter[] = [query.includeRetired ? { published: { $ne: null } } : { listedPublicly: true }, ...guideConditions('published.guide')];
  // One condition stands alone, so that a store can answer it from an index (`{ listedPublicly: true }`).
  const publicBranch: Filter = publicConditions.length === 1 ? publicConditions[0] : { $and: publicConditions };
  if (!isBureauReader(actor)) return publicBranch;
  const agencies = agencyFilter(actor);
  const ownStatus = query.includeRetired ? {} : { status: { $ne: 'RETIRED' } };
  const ownBranch: Filter = { $and: [agencies ? { agencyCode: { $in: [...agencies] } } : {}, ownStatus, ...guideConditions('guide')] };
  return agencies === undefined ? ownBranch : { $or: [ownBranch, publicBranch] };
};

/** The public's order comes from published names only, so that it reveals nothing of a draft. */
export const catalogueSort = (actor: Actor): SortSpec =>
  isBureauReader(actor) ? { 'guide.name': 1, _id: 1 } : { 'published.guide.name': 1, _id: 1 };
