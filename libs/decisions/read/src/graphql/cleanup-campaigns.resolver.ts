import { CONTEXTS } from '@gongkai/contracts';
import { CommandGateway, commandOptions, CurrentActor, CurrentRequest, type GatewayContext, InstantValue, newAggregateId } from '@gongkai/graphql';
import { type Actor, notFound, requireRole } from '@gongkai/kernel';
import { READ_STORE, type ReadStore } from '@gongkai/read-store';
import { Inject } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { cleanupCampaignAsOf, cleanupCampaignsFilterAsOf } from '../decisions-point-in-time';
import { CLEANUP_CAMPAIGNS, type CleanupCampaignDocument } from '../normative-register-documents';
import { cleanupCampaignsFilter, viewCleanupCampaign } from '../normative-register-queries';
import { CleanupConclusion } from './decision-enums';
import { CleanupCampaign } from './normative-document.types';
import { toCleanupCampaign } from './to-register-types';

const MAX_CAMPAIGNS = 200;

/** Clean-ups (清理) of the normative documents in force, and their published results. */
@Resolver(() => CleanupCampaign)
export class CleanupCampaignsResolver {
  constructor(
    @Inject(READ_STORE) private readonly store: ReadStore,
    private readonly commands: CommandGateway,
  ) {}

  @Query(() => [CleanupCampaign], { description: 'Public: campaigns whose results are published. Staff: also those at work. With asOfInstant: the results published by then, whoever asks.' })
  async cleanupCampaigns(
    @CurrentActor() actor: Actor,
    @Args('asOfInstant', { type: () => InstantValue, nullable: true, description: 'Point in time: each campaign with the results then published; none before its first publication.' }) asOfInstant: string | null,
  ): Promise<CleanupCampaign[]> {
    const filter = asOfInstant ? cleanupCampaignsFilterAsOf(asOfInstant) : cleanupCampaignsFilter(actor);
    const campaigns = await this.store.collection<CleanupCampaignDocument>(CLEANUP_CAMPAIGNS).find(filter, { sort: { openedOn: -1, _id: 1 }, limit: MAX_CAMPAIGNS });
    return campaigns.flatMap((campaign) => {
      const view = asOfInstant ? cleanupCampaignAsOf(campaign, asOfInstant) : viewCleanupCampaign(campaign, actor);
      return view ? [toCleanupCampaign(view)] : [];
    });
  }

  @Query(() => CleanupCampaign, { nullable: true, description: 'One campaign; null when it does not exist or is not visible to you. With asOfInstant: the results the public saw then, or null.' })
  async cleanupCampaign(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('asOfInstant', { type: () => InstantValue, nullable: true }) asOfInstant: string | null,
  ): Promise<CleanupCampaign | null> {
    if (!asOfInstant) return this.find(id, actor);
    const campaign = await this.store.collection<CleanupCampaignDocument>(CLEANUP_CAMPAIGNS).findOne({ _id: id });
    const then = campaign ? cleanupCampaignAsOf(campaign, asOfInstant) : null;
    return then ? toCleanupCampaign(then) : null;
  }

  @Mutation(() => CleanupCampaign, { description: 'Opens a clean-up of every document in force today.' })
  async openCleanupCampaign(
    @CurrentRequest() request: GatewayContext,
    @Args('title', { type: () => String }) title: string,
    @Args('agencyCode', { type: () => String, nullable: true }) agencyCode: string | null,
  ): Promise<CleanupCampaign> {
    requireRole(request.actor, 'staff', 'office', 'admin');
    const campaignId = newAggregateId(request, 'cleanup-campaign');
    await this.commands.execute(request, CONTEXTS.decisions, 'OpenCleanupCampaign', { agencyCode: agencyCode ?? request.actor.agencyCode, campaignId, title }, commandOptions(request));
    return this.current(campaignId, request.actor);
  }

  @Mutation(() => CleanupCampaign, { description: 'Concludes one document: KEEP, or AMEND / REPEAL with a reason.' })
  async concludeCleanupItem(
    @CurrentRequest() request: GatewayContext,
    @Args('campaignId', { type: () => ID }) campaignId: string,
    @Args('documentId', { type: () => ID }) documentId: string,
    @Args('conclusion', { type: () => CleanupConclusion }) conclusion: string,
    @Args('reason', { type: () => String, nullable: true }) reason: string | null,
  ): Promise<CleanupCampaign> {
    const agencyCode = await this.agencyOf(request, campaignId);
    await this.commands.execute(request, CONTEXTS.decisions, 'ConcludeCleanupItem', { agencyCode, campaignId, documentId, conclusion, reason }, commandOptions(request));
    return this.current(campaignId, request.actor);
  }

  @Mutation(() => CleanupCampaign, { description: 'Submits the results for review; once approved they are published and the repeals take effect.' })
  async requestCleanupResultPublication(@CurrentRequest() request: GatewayContext, @Args('campaignId', { type: () => ID }) campaignId: string): Promise<CleanupCampaign> {
    const agencyCode = await this.agencyOf(request, campaignId);
    const reviewId = newAggregateId(request, `review:cleanup:${campaignId}`);
    await this.commands.execute(request, CONTEXTS.decisions, 'RequestCleanupResultPublication', { agencyCode, campaignId, reviewId }, commandOptions(request));
    return this.current(campaignId, request.actor);
  }

  private async agencyOf(request: GatewayContext, campaignId: string): Promise<string> {
    requireRole(request.actor, 'staff', 'office', 'admin');
    const campaign = await this.store.collection<CleanupCampaignDocument>(CLEANUP_CAMPAIGNS).findOne({ _id: campaignId });
    if (!campaign) throw notFound('CAMPAIGN_NOT_FOUND', `There is no clean-up campaign ${campaignId}.`);
    return campaign.agencyCode;
  }

  private async find(id: string, actor: Actor): Promise<CleanupCampaign | null> {
    const campaign = await this.store.collection<CleanupCampaignDocument>(CLEANUP_CAMPAIGNS).findOne({ _id: id });
    const view = campaign ? viewCleanupCampaign(campaign, actor) : null;
    return view ? toCleanupCampaign(view) : null;
  }

  private async current(id: string, actor: Actor): Promise<CleanupCampaign> {
    const campaign = await this.find(id, actor);
    if (!campaign) throw notFound('CAMPAIGN_NOT_FOUND', `There is no clean-up campaign ${id}.`);
    return campaign;
  }
}
