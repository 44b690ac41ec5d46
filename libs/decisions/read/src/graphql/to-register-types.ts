import { agencyRef, departmentRef } from '@gongkai/graphql';
import type { CleanupCampaignDocument } from '../normative-register-documents';
import type { NormativeDocumentView } from '../normative-register-queries';
import type { CleanupCampaign, NormativeDocument } from './normative-document.types';

export const toNormativeDocument = (view: NormativeDocumentView): NormativeDocument => ({
  id: view._id,
  agency: agencyRef(view.agencyCode),
  number: view.number,
  title: view.title,
  issuingDepartment: departmentRef(view.issuingDepartmentCode),
  issuedOn: view.issuedOn,
  effectiveOn: view.effectiveOn,
  validityYears: view.validityYears,
  validUntil: view.validUntil,
  status: view.status,
  asOf: view.asOf,
  summary: view.summary,
  amendments: view.amendments.map((a) => ({ ...a })),
  repeal: view.repeal && view.repealedOn ? { repealedOn: view.repealedOn, reason: view.repeal.reason, campaignId: view.repeal.campaignId } : null,
  decisionDraftId: view.sourceDraftId,
});

export const toCleanupCampaign = (campaign: CleanupCampaignDocument): CleanupCampaign => ({
  id: campaign._id,
  agency: agencyRef(campaign.agencyCode),
  title: campaign.title,
  openedOn: campaign.openedOn,
  status: campaign.status,
  items: campaign.items.map((item) => ({ ...item })),
  counts: campaign.published ? campaign.published.results.counts.map((c) => ({ ...c })) : null,
  pendingReviewId: campaign.pendingReviewId,
  publishedAt: campaign.published?.publishedAt ?? null,
  contentHash: campaign.published?.contentHash ?? null,
});
