import type { ReadDocument } from '@gongkai/read-store';

export const ENTERPRISES = 'supervision_enterprises';

/** A change of the blacklist or the key monitored list, with its review and publication. */
export interface RegisterChangeEntry {
  readonly sequence: number;
  readonly kind: 'BLACKLIST_ENTRY' | 'BLACKLIST_EXIT' | 'KEY_MONITORED';
  readonly on?: string;
  readonly year?: number;
  readonly reason?: string;
  readonly legalBasis?: string;
  readonly recordedAt: string;
  readonly reviewId: string;
  readonly publishedAt: string | null;
}

/** An enterprise under supervision and its register entries, published or not. */
export interface EnterpriseDocument extends ReadDocument {
  readonly _id: string;
  readonly creditCode: string;
  readonly name: string;
  readonly address: string;
  readonly countyCode: string;
  readonly industry: string;
  readonly agencyCode: string;
  readonly registeredAt: string;
  readonly changes: readonly RegisterChangeEntry[];
  /** Whether any register change of it was published: it is then known to the public. */
  readonly hasPublishedChange: boolean;
}
