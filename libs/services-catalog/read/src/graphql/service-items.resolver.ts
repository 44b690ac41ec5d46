import { CONTEXTS } from '@gongkai/contracts';
import { CommandGateway, commandOptions, CurrentActor, CurrentRequest, decodeCursor, type GatewayContext, InstantValue, newAggregateId, pageSize, toPage } from '@gongkai/graphql';
import { type Actor, notFound, optionalDepartment, requireText } from '@gongkai/kernel';
import { READ_STORE, type ReadStore } from '@gongkai/read-store';
import { Inject } from '@nestjs/common';
import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { SERVICE_ITEMS, type ServiceItemDocument } from '../service-item-document';
import { CATALOGUE_SORT_AS_OF, catalogueFilterAsOf, viewServiceItemAsOf } from '../service-item-point-in-time';
import { catalogueFilter, catalogueSort } from '../service-item-visibility';
import { serviceItemNode, serviceItemNodes } from './service-item-nodes';
import { ServiceItemInput, ServiceItemsArgs } from './service-item.inputs';
import { ServiceItem, ServiceItemConnection } from './service-item.types';
import { toServiceItem } from './to-service-item';

/** The public catalogue and the service window's editing of it. */
@Resolver(() => ServiceItem)
export class ServiceItemsResolver {
  constructor(
    @Inject(READ_STORE) private readonly store: ReadStore,
    private readonly commands: CommandGateway,
  ) {}

  @Query(() => ServiceItemConnection, { description: 'The catalogue: the public sees published items; staff also their agency’s drafts.' })
  async serviceItems(@CurrentActor() actor: Actor, @Args() { search: searchInput, departmentCode: departmentInput, category, includeRetired, asOfInstant, first, after }: ServiceItemsArgs): Promise<ServiceItemConnection> {
    const search = requireText('search', searchInput, { max: 200, min: 0, optional: true });
    const departmentCode = optionalDepartment('departmentCode', departmentInput);
    const limit = pageSize(first);
    const offset = decodeCursor(after);
    if (asOfInstant) return this.catalogueAsOf({ search, departmentCode, category }, asOfInstant, offset, limit);
    const filter = catalogueFilter(actor, { search, departmentCode, category, includeRetired });
    const items = this.store.collection<ServiceItemDocument>(SERVICE_ITEMS);
    const [documents, totalCount] = await Promise.all([items.find(filter, { sort: catalogueSort(actor), skip: offset, limit }), items.count(filter)]);
    return toPage(documents, offset, totalCount, serviceItemNodes(actor));
  }

  @Query(() => ServiceItem, { nullable: true, description: 'One item; null when it does not exist or is not visible to you. With asOfInstant: the version the public saw then, or null.' })
  async serviceItem(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('asOfInstant', { type: () => InstantValue, nullable: true }) asOfInstant: string | null,
  ): Promise<ServiceItem | null> {
    const document = await this.store.collection<ServiceItemDocument>(SERVICE_ITEMS).findOne({ _id: id });
    if (!document) return null;
    if (!asOfInstant) return serviceItemNode(document, actor);
    const view = viewServiceItemAsOf(document, asOfInstant);
    return view ? toServiceItem(view) : null;
  }

  /** The public catalogue at an instant, whoever asks: point in time shows what was published, never a draft. */
  private async catalogueAsOf(query: { search?: string | null; departmentCode?: string | null; category?: string | null }, at: string, offset: number, limit: number): Promise<ServiceItemConnection> {
    const filter = catalogueFilterAsOf(query, at);
    const items = this.store.collection<ServiceItemDocument>(SERVICE_ITEMS);
    const [documents, totalCount] = await Promise.all([items.find(filter, { sort: CATALOGUE_SORT_AS_OF, skip: offset, limit }), items.count(filter)]);
    return toPage(documents, offset, totalCount, (document) => {
      const then = viewServiceItemAsOf(document, at);
      return then ? toServiceItem(then) : null;
    });
  }

  @Mutation(() => ServiceItem, { description: 'Drafts a new service item; only staff of the responsible department see it until it is reviewed and published.' })
  async draftServiceItem(@CurrentRequest() request: GatewayContext, @Args('input', { type: () => ServiceItemInput }) input: ServiceItemInput): Promise<ServiceItem> {
    const itemId = newAggregateId(request, 'service-item');
    const { agencyCode, changeSummary: _ignored, ...guide } = input;
    await this.commands.execute(request, CONTEXTS.servicesCatalog, 'DraftServiceItem', { itemId, agencyCode: agencyCode ?? request.actor.agencyCode, guide }, commandOptions(request));
    return this.current(itemId, request.actor);
  }

  @Mutation(() => ServiceItem, { description: 'Writes a new version; fails with CONFLICT when expectedVersion is not the current one.' })
  async reviseServiceItem(
    @CurrentRequest() request: GatewayContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('expectedVersion', { type: () => Int }) expectedVersion: number,
    @Args('input', { type: () => ServiceItemInput }) input: ServiceItemInput,
  ): Promise<ServiceItem> {
    const { agencyCode: _agency, changeSummary, ...guide } = input;
    await this.commands.execute(request, CONTEXTS.servicesCatalog, 'ReviseServiceItem', { itemId: id, expectedVersion, guide, changeSummary: changeSummary ?? '' }, commandOptions(request));
    return this.current(id, request.actor);
  }

  @Mutation(() => ServiceItem, { description: 'Submits exactly this version for confidentiality review (先审查、后公开).' })
  async requestServiceItemPublication(
    @CurrentRequest() request: GatewayContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('expectedVersion', { type: () => Int }) expectedVersion: number,
  ): Promise<ServiceItem> {
    const reviewId = newAggregateId(request, `review:${id}:${expectedVersion}`);
    await this.commands.execute(request, CONTEXTS.servicesCatalog, 'RequestServiceItemPublication', { itemId: id, expectedVersion, reviewId }, commandOptions(request));
    return this.current(id, request.actor);
  }

  @Mutation(() => ServiceItem, { description: 'Withdraws the item from the catalogue, with the reason shown to the public.' })
  async retireServiceItem(
    @CurrentRequest() request: GatewayContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('reason', { type: () => String }) reason: string,
  ): Promise<ServiceItem> {
    await this.commands.execute(request, CONTEXTS.servicesCatalog, 'RetireServiceItem', { itemId: id, reason }, commandOptions(request, reason));
    return this.current(id, request.actor);
  }

  private async current(id: string, actor: Actor): Promise<ServiceItem> {
    const document = await this.store.collection<ServiceItemDocument>(SERVICE_ITEMS).findOne({ _id: id });
    const node = document ? serviceItemNode(document, actor) : null;
    if (!node) throw notFound('SERVICE_ITEM_NOT_FOUND', `There is no service item ${id}.`);
    return node;
  }
}
