import type { PublicationHistory, ReadDocument } from '@gongkai/read-store';
import type { PublicationStatus, ServiceGuide } from '@gongkai/services-catalog/domain';

export const SERVICE_ITEMS = 'service_items';

export interface ServiceItemVersionEntry {
  readonly version: number;
  readonly changeSummary: string;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly publishedAt?: string;
}

/** The version the public sees, exactly as the reviewer approved it. */
export interface PublishedServiceGuide {
  readonly version: number;
  readonly guide: ServiceGuide;
  readonly contentHash: string;
  readonly reviewId: string;
  readonly publishedAt: string;
}

/** One service item of the catalogue, as staff and (through `published`) the public read it. */
export interface ServiceItemDocument extends ReadDocument {
  readonly _id: string;
  readonly agencyCode: string;
  readonly status: PublicationStatus;
  readonly version: number;
  readonly guide: ServiceGuide;
  readonly pendingReviewId?: string | null;
  readonly published?: PublishedServiceGuide | null;
  readonly versions: readonly ServiceItemVersionEntry[];
  readonly retirement?: { readonly reason: string; readonly retiredAt: string } | null;
  /** Every published version with the period it was public, for `asOfInstant` (point in time). */
  readonly publicationHistory?: PublicationHistory<PublishedServiceGuide>;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** Listed in the public catalogue: published and not retired. */
  readonly listedPublicly: boolean;
}
