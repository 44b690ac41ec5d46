import type { InterpretationContent, InterpretationStatus } from '@gongkai/interpretations/domain';
import { type Actor, isBureauReader, type LocalDate, seesInternals } from '@gongkai/kernel';
import { type Filter, type SortSpec, textSearchPattern } from '@gongkai/read-store';
import { internalAgencyFilter } from './bureau-readers';
import type { InterpretationDocument, PolicyDocumentDocument } from './interpretation-documents';

/** What one reader may see of one interpretation. */
export interface InterpretationView {
  readonly id: string;
  readonly documentId: string;
  readonly agencyCode: string;
  readonly content: InterpretationContent;
  readonly version: number;
  readonly status: InterpretationStatus;
  readonly document: { readonly title: string; readonly documentNumber: string | null } | null;
  readonly publishedVersion: number | null;
  readonly publishedAt: string | null;
  readonly publishedOn: LocalDate | null;
  readonly contentHash: string | null;
  /** Staff only: the review waiting for this version, and whether it first came out on time. */
  readonly pendingReviewId: string | null;
  readonly interpretationDueOn: LocalDate | null;
  readonly onTime: boolean | null;
  readonly updatedAt: string;
}

/**
 * Staff of the agency see the interpretation as it stands, with the document as it stands; everyone
 * else only the version a reviewer approved, with the document as it was published — or nothing.
 */
export const viewInterpretation = (item: InterpretationDocument, actor: Actor, document?: PolicyDocumentDocument | null): InterpretationView | null => {
  const published = item.published;
  if (seesInternals(actor, item.agencyCode)) {
    return {
      id: item._id,
      documentId: item.documentId,
      agencyCode: item.agencyCode,
      content: item.content,
      version: item.version,
      status: item.status,
      document: document ? { title: document.title, documentNumber: document.documentNumber } : (published?.document ?? null),
      publishedVersion: published?.version ?? null,
      publishedAt: published?.publishedAt ?? null,
      publishedOn: published?.publishedOn ?? null,
      contentHash: published?.version === item.version ? published.contentHash : null,
      pendingReviewId: item.pendingReviewId,
      interpretationDueOn: item.firstPublication?.interpretationDueOn ?? document?.interpretationDueOn ?? null,
      onTime: item.firstPublication?.onTime ?? null,
      updatedAt: item.updatedAt,
    };
  }
  if (!published) return null; // never published: it does not exist for the public
  return {
    id: item._id,
    documentId: item.documentId,
    agencyCode: item.agencyCode,
    content: published.content,
    version: published.version,
    status: 'PUBLISHED',
    document: published.document,
    publishedVersion: published.version,
    publishedAt: published.publishedAt,
    publishedOn: published.publishedOn,
    contentHash: published.contentHash,
    pendingReviewId: null,
    interpretationDueOn: null,
    onTime: null,
    updatedAt: published.publishedAt,
  };
};

export interface InterpretationQuery {
  readonly documentId?: string | null;
  readonly departmentCode?: string | null;
  readonly search?: string | null;
}

/**
 * The list filter for one reader: the public searches the published versions (and the published
 * document titles); staff also their agencies' drafts, searched by their current text.
 */
export const interpretationsFilter = (actor: Actor, query: InterpretationQuery): Filter => {
  const search = query.search?.trim();
  const pattern = search ? { $regex: textSearchPattern(search), $options: 'i' } : undefined;
  const conditions = (prefix: string, documentTitleField?: string): Filter[] => [
    ...(query.documentId ? [{ documentId: query.documentId }] : []),
    ...(query.departmentCode ? [{ [`${prefix}.departmentCode`]: query.departmentCode }] : []),
    ...(pattern
      ? [
          {
            $or: [
              { [`${prefix}.title`]: pattern },
              { [`${prefix}.content`]: pattern },
              { [`${prefix}.interpreters`]: pattern },
              ...(documentTitleField ? [{ [documentTitleField]: pattern }] : []),
            ],
          },
        ]
      : []),
  ];
  const publicBranch: Filter = { $and: [{ published: { $ne: null } }, ...conditions('published.content', 'published.document.title')] };
  if (!isBureauReader(actor)) return publicBranch;
  const ownBranch: Filter = { $and: [internalAgencyFilter(actor), ...conditions('content')] };
  return { $or: [ownBranch, publicBranch] };
};

/** The public's order comes from publication only, so that it reveals nothing of a draft. */
export const interpretationsSort = (actor: Actor): SortSpec => (isBureauReader(actor) ? { updatedAt: -1, _id: 1 } : { 'published.publishedAt': -1, _id: 1 });
