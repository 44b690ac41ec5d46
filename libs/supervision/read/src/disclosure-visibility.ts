import { type Actor, seesInternals } from '@gongkai/kernel';
import { type Details, type DisclosureCategory, type DisclosureStatus, isLate } from '@gongkai/supervision/domain';
import type { DisclosureDocument, DisclosureRevocation, DisclosureVersionEntry } from './disclosure-document';

/** What one reader is allowed to see of one disclosure record. */
export interface DisclosureView {
  readonly id: string;
  readonly agencyCode: string;
  readonly departmentCode: string;
  readonly category: DisclosureCategory;
  readonly enterpriseCreditCode: string | null;
  readonly enterpriseName: string | null;
  readonly countyCode: string | null;
  readonly title: string;
  readonly formedOn: string;
  readonly importId: string | null;
  readonly status: DisclosureStatus;
  readonly version: number;
  /** Null once revoked, for the public: the content is withdrawn, the reason stays. */
  readonly details: Details | null;
  readonly exceeded: boolean | null;
  readonly publishedVersion: number | null;
  readonly publishedAt: string | null;
  readonly publishedOn: string | null;
  readonly publicationDueOn: string;
  /** Published after the due day; for an unpublished version, past it already. */
  readonly late: boolean;
  readonly pendingReviewId: string | null;
  readonly versions: readonly DisclosureVersionEntry[];
  readonly revocation: (DisclosureRevocation & { readonly late: boolean }) | null;
  readonly updatedAt: string;
}

const revocationView = (revocation: DisclosureRevocation | null): DisclosureView['revocation'] =>
  revocation && { ...revocation, late: revocation.withdrawalDueOn !== null && isLate(revocation.withdrawalDueOn, revocation.revokedOn) };

const common = (doc: DisclosureDocument) => ({
  id: doc._id,
  agencyCode: doc.agencyCode,
  departmentCode: doc.departmentCode,
  category: doc.category,
  enterpriseCreditCode: doc.enterpriseCreditCode,
  enterpriseName: doc.enterpriseName,
  countyCode: doc.countyCode,
  title: doc.title,
  formedOn: doc.formedOn,
  importId: doc.importId,
  publishedVersion: doc.published?.version ?? null,
  publishedAt: doc.published?.publishedAt ?? null,
  publishedOn: doc.published?.publishedOn ?? null,
  revocation: revocationView(doc.revocation),
});

/** Staff of the record's agency see its current version; everyone else the published one, or nothing. */
export const viewDisclosure = (doc: DisclosureDocument, actor: Actor, today: string): DisclosureView | null => {
  if (seesInternals(actor, doc.agencyCode)) {
    const currentPublished = doc.published?.version === doc.version;
    return {
      ...common(doc),
      status: doc.status,
      version: doc.version,
      details: doc.current.details,
      exceeded: doc.current.exceeded,
      publicationDueOn: doc.current.publicationDueOn,
      late: currentPublished ? (doc.published?.late ?? false) : doc.status !== 'REVOKED' && isLate(doc.current.publicationDueOn, today),
      pendingReviewId: doc.pendingReviewId,
      versions: doc.versions,
      updatedAt: doc.updatedAt,
    };
  }
  const published = doc.published;
  if (!published) return null; // never published: it does not exist for the public
  const revoked = doc.status === 'REVOKED';
  return {
    ...common(doc),
    status: revoked ? 'REVOKED' : 'PUBLISHED',
    version: published.version,
    details: revoked ? null : published.content.details,
    exceeded: revoked ? null : published.content.exceeded,
    publicationDueOn: published.content.publicationDueOn,
    late: published.late,
    pendingReviewId: null,
    versions: doc.versions.filter((entry) => entry.publishedAt !== null),
    updatedAt: doc.revocation?.revokedAt ?? published.publishedAt,
  };
};
