import type { LocalDate } from '@gongkai/calendar';
import { contentHash } from '@gongkai/kernel';

/** What a clean-up (清理) concludes about each document it reviewed. */
export const CLEANUP_CONCLUSIONS = ['KEEP', 'AMEND', 'REPEAL'] as const;
export type CleanupConclusion = (typeof CLEANUP_CONCLUSIONS)[number];

/** A document in the scope of a clean-up, as the register listed it when the campaign opened. */
export interface CleanupScopeItem {
  readonly documentId: string;
  readonly number: string;
  readonly title: string;
}

export interface CleanupResultItem extends CleanupScopeItem {
  readonly conclusion: CleanupConclusion;
  readonly reason: string;
}

/** The published results of a clean-up: every document of its scope with its conclusion. */
export interface CleanupResults {
  readonly campaignId: string;
  readonly title: string;
  readonly openedOn: LocalDate;
  readonly items: readonly CleanupResultItem[];
  readonly counts: readonly { readonly conclusion: CleanupConclusion; readonly documents: number }[];
}

export const cleanupResultsOf = (
  campaign: { campaignId: string; title: string; openedOn: LocalDate; scope: readonly CleanupScopeItem[] },
  conclusions: ReadonlyMap<string, { conclusion: CleanupConclusion; reason: string }>,
): CleanupResults => {
  const items = campaign.scope.flatMap((item) => {
    const concluded = conclusions.get(item.documentId);
    return concluded ? [{ ...item, conclusion: concluded.conclusion, reason: concluded.reason }] : [];
  });
  return {
    campaignId: campaign.campaignId,
    title: campaign.title,
    openedOn: campaign.openedOn,
    items,
    counts: CLEANUP_CONCLUSIONS.map((conclusion) => ({ conclusion, documents: items.filter((item) => item.conclusion === conclusion).length })),
  };
};

/** The content a reviewer approves for a clean-up: one version of its results. */
export const cleanupResultsHash = (agencyCode: string, resultVersion: number, results: CleanupResults): string => contentHash({ agencyCode, resultVersion, results });
