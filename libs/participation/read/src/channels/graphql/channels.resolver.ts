import { REVIEWED_ITEM_TYPES } from '@gongkai/contracts';
import { CurrentActor } from '@gongkai/graphql';
import { type Actor, requireInteger, requireOneOf } from '@gongkai/kernel';
import { READ_STORE, type ReadStore } from '@gongkai/read-store';
import { Inject } from '@nestjs/common';
import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { WEBHOOK_DELIVERIES, type WebhookDeliveryDocument, WEBHOOKS, type WebhookDocument } from '../../webhooks/webhook-documents';
import { toWebhookDelivery } from '../../webhooks/graphql/to-webhook-types';
import { channelDeliveryStatistics } from '../channel-statistics';
import { deliveryScopeFilter, publicationScopeFilter, requireChannelOverseer, seesDeliveryLog } from '../delivery-visibility';
import { PUBLICATION_CHANNELS, type PublicationChannelsDocument, publicationKeyOf } from '../publication-channels.projection';
import { publicationChannelsView } from '../publication-channels-view';
import { ChannelDeliveryStatisticsType, PublicationChannels } from './channel.types';
import { toPublishedItem } from './published-item.type';

/** Where each publication went, proven by delivery records, and the channel figures for oversight. */
@Resolver(() => PublicationChannels)
export class ChannelsResolver {
  constructor(@Inject(READ_STORE) private readonly store: ReadStore) {}

  @Query(() => PublicationChannels, {
    nullable: true,
    description: 'The channels a published item reached, by item type (e.g. SERVICE_GUIDE, CONSULTATION_DRAFT), id and version (default: the latest published); null when never published.',
  })
  async publicationChannels(
    @CurrentActor() actor: Actor,
    @Args('itemType', { type: () => String }) itemType: string,
    @Args('itemId', { type: () => ID }) itemId: string,
    @Args('version', { type: () => Int, nullable: true }) version: number | null | undefined,
  ): Promise<PublicationChannels | null> {
    const type = requireOneOf('itemType', itemType, REVIEWED_ITEM_TYPES);
    const publications = this.store.collection<PublicationChannelsDocument>(PUBLICATION_CHANNELS);
    const publication =
      version === null || version === undefined
        ? await publications.findOne({ itemType: type, itemId }, { sort: { itemVersion: -1 } })
        : await publications.findOne({ _id: publicationKeyOf(type, itemId, requireInteger('version', version, { min: 1, max: 1_000_000 })) });
    if (!publication) return null;
    const ofPublication = { 'publication.itemType': publication.itemType, 'publication.itemId': publication.itemId, 'publication.itemVersion': publication.itemVersion };
    const deliveries = this.store.collection<WebhookDeliveryDocument>(WEBHOOK_DELIVERIES);
    const [all, logs] = await Promise.all([
      deliveries.find(ofPublication, { sort: { webhookName: 1, _id: 1 } }),
      seesDeliveryLog(actor) ? deliveries.find({ ...ofPublication, ...deliveryScopeFilter(actor) }, { sort: { webhookName: 1, _id: 1 } }) : Promise.resolve([]),
    ]);
    // Failures and retries are the publishing department's business: shown only to readers whose
    // scope holds this publication's delivery log (the scope is per publication, so it is all or none).
    const view = publicationChannelsView(publication, all, logs.length > 0);
    return {
      publication: toPublishedItem(publication),
      feedEntryId: publication.feedEntryId,
      channelsDelivered: [...view.channelsDelivered],
      deliveries: view.deliveries.map((delivery) => ({ ...delivery })),
      webhookDeliveries: logs.map(toWebhookDelivery),
    };
  }

  @Query(() => ChannelDeliveryStatisticsType, { description: 'Deliveries by channel (feeds, each webhook subscriber) and failures for one year’s publications: office, leaders, auditors, admins.' })
  async channelDeliveryStatistics(@CurrentActor() actor: Actor, @Args('year', { type: () => Int }) year: number): Promise<ChannelDeliveryStatisticsType> {
    requireChannelOverseer(actor);
    const inYear = requireInteger('year', year, { min: 2000, max: 9999 });
    const [publications, webhooks, deliveries] = await Promise.all([
      this.store.collection<PublicationChannelsDocument>(PUBLICATION_CHANNELS).count({ publishedYear: inYear, ...publicationScopeFilter(actor) }),
      this.store.collection<WebhookDocument>(WEBHOOKS).find({}),
      this.store.collection<WebhookDeliveryDocument>(WEBHOOK_DELIVERIES).find({ publishedYear: inYear, ...deliveryScopeFilter(actor) }, { projection: { log: 0 } }),
    ]);
    const statistics = channelDeliveryStatistics(inYear, publications, webhooks, deliveries);
    return { ...statistics, channels: statistics.channels.map((row) => ({ ...row })), totals: { ...statistics.totals } };
  }
}
