import type { LocalDate } from '@gongkai/calendar';
import type { PublicationRequestMarker, ReviewWithdrawalMarker } from '@gongkai/contracts';
import type { CleanupConclusion, CleanupResults, CleanupScopeItem } from './cleanup-results';
import type { PendingReview } from './decision-draft-events';
import type { NormativeDocumentEntry } from './normative-document';

/**
 * The register of normative documents (规范性文件目录) of one agency, with its clean-up campaigns:
 * one stream per agency, so that document numbers are unique and a clean-up sees the whole register.
 */
export type NormativeRegisterEvent =
  | {
      type: 'NormativeDocumentRegistered';
      data: { agencyCode: string; documentId: string; document: NormativeDocumentEntry; summary: string; sourceDraftId?: string };
    }
  | { type: 'NormativeDocumentAmended'; data: { agencyCode: string; documentId: string; amendedOn: LocalDate; summary: string } }
  | { type: 'NormativeDocumentRepealed'; data: { agencyCode: string; documentId: string; repealedOn: LocalDate; reason: string; campaignId?: string } }
  | { type: 'CleanupCampaignOpened'; data: { agencyCode: string; campaignId: string; title: string; openedOn: LocalDate; scope: CleanupScopeItem[] } }
  | {
      type: 'CleanupItemConcluded';
      data: { agencyCode: string; campaignId: string; documentId: string; conclusion: CleanupConclusion; reason: string } & Partial<ReviewWithdrawalMarker>;
    }
  | {
      type: 'CleanupResultPublicationRequested';
      data: { agencyCode: string; campaignId: string; resultVersion: number; results: CleanupResults; contentHash: string } & PublicationRequestMarker;
    }
  | { type: 'CleanupResultPublished'; data: { agencyCode: string; campaignId: string; resultVersion: number; contentHash: string; reviewId: string; publishedAt: string } };

export interface RegisteredDocument extends NormativeDocumentEntry {
  readonly documentId: string;
  readonly repealedOn?: LocalDate;
  readonly amendedOn: readonly LocalDate[];
  readonly sourceDraftId?: string;
}

export interface CleanupCampaign {
  readonly campaignId: string;
  readonly title: string;
  readonly openedOn: LocalDate;
  readonly scope: readonly CleanupScopeItem[];
  readonly conclusions: ReadonlyMap<string, { readonly conclusion: CleanupConclusion; readonly reason: string }>;
  readonly requests: number;
  readonly pending?: PendingReview;
  readonly publishedVersion?: number;
}

export interface NormativeRegisterState {
  readonly documents: ReadonlyMap<string, RegisteredDocument>;
  readonly campaigns: ReadonlyMap<string, CleanupCampaign>;
}

export const initialNormativeRegisterState = (): NormativeRegisterState => ({ documents: new Map(), campaigns: new Map() });

const updateDocument = (state: NormativeRegisterState, documentId: string, change: (document: RegisteredDocument) => RegisteredDocument): NormativeRegisterState => {
  const document = state.documents.get(documentId);
  return document ? { ...state, documents: new Map(state.documents).set(documentId, change(document)) } : state;
};

const updateCampaign = (state: NormativeRegisterState, campaignId: string, change: (campaign: CleanupCampaign) => CleanupCampaign): NormativeRegisterState => {
  const campaign = state.campaigns.get(campaignId);
  return campaign ? { ...state, campaigns: new Map(state.campaigns).set(campaignId, change(campaign)) } : state;
};

export const evolveNormativeRegister = (state: NormativeRegisterState, event: NormativeRegisterEvent): NormativeRegisterState => {
  switch (event.type) {
    case 'NormativeDocumentRegistered': {
      const { documentId, document, sourceDraftId } = event.data;
      return { ...state, documents: new Map(state.documents).set(documentId, { ...document, documentId, amendedOn: [], ...(sourceDraftId ? { sourceDraftId } : {}) }) };
    }
    case 'NormativeDocumentAmended':
      return updateDocument(state, event.data.documentId, (d) => ({ ...d, amendedOn: [...d.amendedOn, event.data.amendedOn] }));
    case 'NormativeDocumentRepealed':
      return updateDocument(state, event.data.documentId, (d) => ({ ...d, repealedOn: event.data.repealedOn }));
    case 'CleanupCampaignOpened': {
      const { campaignId, title, openedOn, scope } = event.data;
      return { ...state, campaigns: new Map(state.campaigns).set(campaignId, { campaignId, title, openedOn, scope, conclusions: new Map(), requests: 0 }) };
    }
    case 'CleanupItemConcluded':
      return updateCampaign(state, event.data.campaignId, (c) => ({
        ...c,
        conclusions: new Map(c.conclusions).set(event.data.documentId, { conclusion: event.data.conclusion, reason: event.data.reason }),
        pending: undefined,
      }));
    case 'CleanupResultPublicationRequested':
      return updateCampaign(state, event.data.campaignId, (c) => ({
        ...c,
        requests: event.data.resultVersion,
        pending: { reviewId: event.data.publicationRequest.reviewId, contentHash: event.data.contentHash, version: event.data.resultVersion },
      }));
    case 'CleanupResultPublished':
      return updateCampaign(state, event.data.campaignId, (c) => ({ ...c, pending: undefined, publishedVersion: event.data.resultVersion }));
  }
};
