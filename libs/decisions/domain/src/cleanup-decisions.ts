import { localDateOf } from '@gongkai/calendar';
import { type PublicationSubject, REVIEWED_VERSION_OUTDATED } from '@gongkai/contracts';
import { badInput, conflict, type DecideContext, notFound, requireOneOf, requireRole, requireText } from '@gongkai/kernel';
import { CLEANUP_CONCLUSIONS, cleanupResultsHash, cleanupResultsOf } from './cleanup-results';
import { documentStatusAsOf, isInForce } from './normative-document';
import { DECISION_PUBLICATION_ITEM_TYPES } from './publication-items';
import type { NormativeRegisterCommandOf } from './register-commands';
import type { CleanupCampaign, NormativeRegisterEvent, NormativeRegisterState } from './register-events';
import { REGISTER_DEPARTMENT, requireRegistrar } from './register-guards';

const requireCampaign = (state: NormativeRegisterState, campaignId: string): CleanupCampaign => {
  const campaign = state.campaigns.get(campaignId);
  if (!campaign) throw notFound('CAMPAIGN_NOT_FOUND', `There is no clean-up campaign ${campaignId} in this register.`);
  return campaign;
};

const requireUnpublished = (campaign: CleanupCampaign): void => {
  if (campaign.publishedVersion !== undefined) throw conflict('CLEANUP_RESULTS_PUBLISHED', `The results of clean-up ${campaign.campaignId} have been published and are final.`);
};

/** A clean-up (清理) reviews every document in force on the day it opens; one runs at a time. */
export const openCampaign = (command: NormativeRegisterCommandOf<'OpenCleanupCampaign'>, state: NormativeRegisterState, context: DecideContext): NormativeRegisterEvent[] => {
  const agencyCode = requireRegistrar(context, command.data.agencyCode);
  if (state.campaigns.has(command.data.campaignId)) throw conflict('CAMPAIGN_EXISTS', `Clean-up campaign ${command.data.campaignId} already exists.`);
  const running = [...state.campaigns.values()].find((campaign) => campaign.publishedVersion === undefined);
  if (running) throw conflict('CLEANUP_ALREADY_OPEN', `Clean-up ${running.campaignId} (${running.title}) has not published its results yet.`, { campaignId: running.campaignId });
  const title = requireText('title', command.data.title, { max: 200 });
  const openedOn = localDateOf(context.now);
  const scope = [...state.documents.values()]
    .filter((document) => isInForce(documentStatusAsOf(document, openedOn)))
    .sort((a, b) => a.issuedOn.localeCompare(b.issuedOn) || a.number.localeCompare(b.number))
    .map(({ documentId, number, title: documentTitle }) => ({ documentId, number, title: documentTitle }));
  if (scope.length === 0) throw badInput('NO_DOCUMENTS_IN_FORCE', `No normative document of agency ${agencyCode} is in force on ${openedOn}: there is nothing to clean up.`);
  return [{ type: 'CleanupCampaignOpened', data: { agencyCode, campaignId: command.data.campaignId, title, openedOn, scope } }];
};

/** Concludes one document; keeping needs no reason, amending or repealing does. */
export const concludeItem = (command: NormativeRegisterCommandOf<'ConcludeCleanupItem'>, state: NormativeRegisterState, context: DecideContext): NormativeRegisterEvent[] => {
  const agencyCode = requireRegistrar(context, command.data.agencyCode);
  const campaign = requireCampaign(state, command.data.campaignId);
  requireUnpublished(campaign);
  if (!campaign.scope.some((item) => item.documentId === command.data.documentId)) {
    throw badInput('DOCUMENT_NOT_IN_CAMPAIGN', `Document ${command.data.documentId} was not in force when clean-up ${campaign.campaignId} opened.`, { field: 'documentId' });
  }
  const conclusion = requireOneOf('conclusion', command.data.conclusion, CLEANUP_CONCLUSIONS);
  const reason = requireText('reason', command.data.reason, { max: 2000, optional: conclusion === 'KEEP' });
  return [
    {
      type: 'CleanupItemConcluded',
      data: {
        agencyCode,
        campaignId: campaign.campaignId,
        documentId: command.data.documentId,
        conclusion,
        reason,
        ...(campaign.pending ? { withdrawnReviewId: campaign.pending.reviewId } : {}),
      },
    },
  ];
};

export const requestResultPublication = (
  command: NormativeRegisterCommandOf<'RequestCleanupResultPublication'>,
  state: NormativeRegisterState,
  context: DecideContext,
): NormativeRegisterEvent[] => {
  const agencyCode = requireRegistrar(context, command.data.agencyCode);
  const campaign = requireCampaign(state, command.data.campaignId);
  requireUnpublished(campaign);
  if (campaign.pending) throw conflict('REVIEW_ALREADY_PENDING', `The results of clean-up ${campaign.campaignId} are already waiting for review.`);
  const unconcluded = campaign.scope.filter((item) => !campaign.conclusions.has(item.documentId)).length;
  if (unconcluded > 0) throw badInput('CLEANUP_INCOMPLETE', `${unconcluded} document(s) of clean-up ${campaign.campaignId} have no conclusion yet.`, { unconcluded });
  const resultVersion = campaign.requests + 1;
  const results = cleanupResultsOf(campaign, campaign.conclusions);
  const hash = cleanupResultsHash(agencyCode, resultVersion, results);
  const publicationRequest: PublicationSubject = {
    reviewId: command.data.reviewId,
    itemType: DECISION_PUBLICATION_ITEM_TYPES.cleanupResult,
    itemId: campaign.campaignId,
    itemVersion: resultVersion,
    contentHash: hash,
    title: `${campaign.title}（清理结果）`,
    agencyCode,
    departmentCode: REGISTER_DEPARTMENT,
    requestedBy: context.actor.id,
  };
  return [{ type: 'CleanupResultPublicationRequested', data: { agencyCode, campaignId: campaign.campaignId, resultVersion, results, contentHash: hash, publicationRequest } }];
};

/**
 * 先审查、后公开: publishes the approved results, and with them repeals what the clean-up
 * concluded to repeal, from the day of publication. Documents to amend wait for their amendment.
 */
export const publishReviewedResult = (command: NormativeRegisterCommandOf<'PublishReviewedCleanupResult'>, state: NormativeRegisterState, context: DecideContext): NormativeRegisterEvent[] => {
  requireRole(context.actor, 'system');
  const agencyCode = command.data.agencyCode;
  const campaign = requireCampaign(state, command.data.campaignId);
  if (campaign.publishedVersion === command.data.version) return []; // already done: a redelivery
  const pending = campaign.pending;
  const results = cleanupResultsOf(campaign, campaign.conclusions);
  const current =
    pending !== undefined &&
    pending.reviewId === command.data.reviewId &&
    pending.version === command.data.version &&
    pending.contentHash === command.data.contentHash &&
    cleanupResultsHash(agencyCode, pending.version, results) === command.data.contentHash;
  if (!current) throw conflict(REVIEWED_VERSION_OUTDATED, `The results of clean-up ${campaign.campaignId} changed after version ${command.data.version} was reviewed: nothing was published.`);
  const today = localDateOf(context.now);
  const repeals: NormativeRegisterEvent[] = results.items.flatMap((item) => {
    const document = state.documents.get(item.documentId);
    if (item.conclusion !== 'REPEAL' || !document || document.repealedOn || !isInForce(documentStatusAsOf(document, today))) return [];
    return [{ type: 'NormativeDocumentRepealed' as const, data: { agencyCode, documentId: item.documentId, repealedOn: today, reason: item.reason, campaignId: campaign.campaignId } }];
  });
  return [
    {
      type: 'CleanupResultPublished',
      data: { agencyCode, campaignId: campaign.campaignId, resultVersion: command.data.version, contentHash: command.data.contentHash, reviewId: command.data.reviewId, publishedAt: context.now.toISOString() },
    },
    ...repeals,
  ];
};
