import { CONTEXTS } from '@gongkai/contracts';
import { agencyRef, CommandGateway, commandOptions, CurrentActor, CurrentRequest, type GatewayContext, InstantValue } from '@gongkai/graphql';
import { type Actor, notFound } from '@gongkai/kernel';
import { publicAtFilter, READ_STORE, type ReadStore } from '@gongkai/read-store';
import { Inject } from '@nestjs/common';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { NEGATIVE_LIST_CHANGES, NEGATIVE_LIST_ITEMS, type NegativeListChangeDocument, type NegativeListItemDocument } from '../negative-list/negative-list.projection';
import { negativeListItemAsOf } from '../negative-list/negative-list-as-of';
import { agencyOf } from '../oversight-access';
import { NegativeListChange, NegativeListItem } from './negative-list.types';

const toItem = ({ _id: _key, agencyCode, publicationHistory: _history, ...item }: NegativeListItemDocument): NegativeListItem => ({ ...item, agency: agencyRef(agencyCode) });

/** The negative list (负面清单): public, versioned, kept by the office. */
@Resolver(() => NegativeListItem)
export class NegativeListResolver {
  constructor(
    @Inject(READ_STORE) private readonly store: ReadStore,
    private readonly commands: CommandGateway,
  ) {}

  @Query(() => [NegativeListItem], { description: 'The current negative list of an agency (the caller’s, or the city bureau’s); public. With asOfInstant: the list as it stood then.' })
  async negativeList(
    @CurrentActor() actor: Actor,
    @Args('agencyCode', { type: () => String, nullable: true }) agencyCode: string | null,
    @Args('includeRetired', { type: () => Boolean, nullable: true }) includeRetired: boolean | null,
    @Args('asOfInstant', { type: () => InstantValue, nullable: true }) asOfInstant: string | null,
  ): Promise<NegativeListItem[]> {
    if (asOfInstant) {
      const then = await this.store.collection<NegativeListItemDocument>(NEGATIVE_LIST_ITEMS).find({ agencyCode: agencyOf(actor, agencyCode), ...publicAtFilter('publicationHistory', asOfInstant) }, { sort: { code: 1 } });
      return then.flatMap((item) => negativeListItemAsOf(item, asOfInstant) ?? []).map(toItem);
    }
    const filter = { agencyCode: agencyOf(actor, agencyCode), ...(includeRetired ? {} : { retired: false }) };
    const items = await this.store.collection<NegativeListItemDocument>(NEGATIVE_LIST_ITEMS).find(filter, { sort: { code: 1 } });
    return items.map(toItem);
  }

  @Query(() => [NegativeListChange], { description: 'Every version of the negative list, oldest first; public.' })
  async negativeListHistory(@CurrentActor() actor: Actor, @Args('agencyCode', { type: () => String, nullable: true }) agencyCode: string | null): Promise<NegativeListChange[]> {
    const changes = await this.store.collection<NegativeListChangeDocument>(NEGATIVE_LIST_CHANGES).find({ agencyCode: agencyOf(actor, agencyCode) }, { sort: { listVersion: 1 } });
    return changes.map(({ listVersion, change, code, reason, at }) => ({ listVersion, change, code, reason, at }));
  }

  @Mutation(() => NegativeListItem, { description: 'Adds an item with its legal basis; the office and admins only.' })
  async addNegativeListItem(
    @CurrentRequest() request: GatewayContext,
    @Args('code', { type: () => String }) code: string,
    @Args('description', { type: () => String }) description: string,
    @Args('legalBasis', { type: () => String }) legalBasis: string,
    @Args('agencyCode', { type: () => String, nullable: true }) agencyCode: string | null,
  ): Promise<NegativeListItem> {
    const agency = agencyOf(request.actor, agencyCode);
    await this.commands.execute(request, CONTEXTS.oversight, 'AddNegativeListItem', { agencyCode: agency, code, description, legalBasis }, commandOptions(request));
    return this.current(agency, code);
  }

  @Mutation(() => NegativeListItem, { description: 'Retires an item with a reason; it stays in the history.' })
  async retireNegativeListItem(
    @CurrentRequest() request: GatewayContext,
    @Args('code', { type: () => String }) code: string,
    @Args('reason', { type: () => String }) reason: string,
    @Args('agencyCode', { type: () => String, nullable: true }) agencyCode: string | null,
  ): Promise<NegativeListItem> {
    const agency = agencyOf(request.actor, agencyCode);
    await this.commands.execute(request, CONTEXTS.oversight, 'RetireNegativeListItem', { agencyCode: agency, code, reason }, commandOptions(request, reason));
    return this.current(agency, code);
  }

  private async current(agencyCode: string, code: string): Promise<NegativeListItem> {
    const item = await this.store.collection<NegativeListItemDocument>(NEGATIVE_LIST_ITEMS).findOne({ _id: `${agencyCode}:${code.trim().toUpperCase()}` });
    if (!item) throw notFound('NEGATIVE_LIST_ITEM_NOT_FOUND', `The negative list has no item ${code}.`);
    return toItem(item);
  }
}
