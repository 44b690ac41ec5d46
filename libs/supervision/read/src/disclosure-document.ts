import type { PublicationHistory, ReadDocument } from '@gongkai/read-store';
import type { Details, DisclosureCategory, DisclosureStatus } from '@gongkai/supervision/domain';

export const DISCLOSURES = 'supervision_disclosures';

/** One version's content as readers search it. Category, enterprise, date and title are the record's, not the version's. */
export interface DisclosureVersionContent {
  readonly version: number;
  readonly details: Details;
  /** For monitoring results: whether the value exceeded the standard (超标); null for other categories. */
  readonly exceeded: boolean | null;
  /** The details' words in lower case, for the text search. */
  readonly text: string;
  readonly publicationDueOn: string;
}

/** The version the public sees, exactly as the reviewer approved it (or as its import was approved). */
export interface PublishedDisclosure {
  readonly version: number;
  readonly content: DisclosureVersionContent;
  readonly reviewId: string;
  readonly publishedAt: string;
  readonly publishedOn: string;
  readonly late: boolean;
}

export interface DisclosureVersionEntry {
  readonly version: number;
  /** Why this version was made: empty for the first. */
  readonly reason: string;
  readonly at: string;
  readonly publishedAt: string | null;
}

export interface DisclosureRevocation {
  readonly reason: string;
  readonly revokedAt: string;
  readonly revokedOn: string;
  readonly decisionRevokedOn: string | null;
  readonly withdrawalDueOn: string | null;
}

/** One disclosure record, as staff and (through `published`) the public read it. */
export interface DisclosureDocument extends ReadDocument {
  readonly _id: string;
  readonly agencyCode: string;
  readonly departmentCode: string;
  readonly category: DisclosureCategory;
  readonly enterpriseCreditCode: string | null;
  readonly enterpriseName: string | null;
  /** The county of the enterprise, or of the county bureau for a record about an area. */
  readonly countyCode: string | null;
  readonly title: string;
  readonly formedOn: string;
  /** `<credit code>|<YYYY-MM of formedOn>`: narrows a search for one enterprise's month, the commonest (月度) search. */
  readonly enterpriseMonth: string | null;
  readonly importId: string | null;
  readonly status: DisclosureStatus;
  readonly version: number;
  readonly current: DisclosureVersionContent;
  readonly published: PublishedDisclosure | null;
  readonly pendingReviewId: string | null;
  readonly versions: readonly DisclosureVersionEntry[];
  readonly revocation: DisclosureRevocation | null;
  /** Published and not revoked: in the public list. */
  readonly listedPublicly: boolean;
  /** Every published version with the period it was public (a correction's publication or a revocation ends one), for `asOfInstant`. */
  readonly publicationHistory?: PublicationHistory<PublishedDisclosure>;
  readonly updatedAt: string;
}
