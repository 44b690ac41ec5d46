import { CONTEXTS } from '@gongkai/contracts';
import { agencyRef, CommandGateway, commandOptions, CurrentActor, CurrentRequest, departmentRef, type GatewayContext, InstantValue, newAggregateId } from '@gongkai/graphql';
import { ANONYMOUS, type Actor, canActForAgency, hasRole, notFound } from '@gongkai/kernel';
import { publicAtFilter, READ_STORE, type ReadStore } from '@gongkai/read-store';
import { Inject } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { agencyOf } from '../oversight-access';
import { powerListItemAsOf } from '../power-list/power-list-as-of';
import { POWER_LIST_ITEMS, type PowerListItemDocument, type PowerListVersion as StoredVersion } from '../power-list/power-list.projection';
import { PowerKind } from './oversight-enums';
import { PowerListAdjustmentInput, PowerListItem, type PowerListVersion } from './power-list.types';

const toVersion = (v: StoredVersion): PowerListVersion => ({
  version: v.version,
  adjustment: v.adjustment,
  name: v.entry.name,
  kind: v.entry.kind,
  department: departmentRef(v.entry.departmentCode),
  legalBasis: v.entry.legalBasis,
  reason: v.reason,
  adjustedAt: v.adjustedAt,
  publishedAt: v.publishedAt,
});

/** The office (and admins) keeping the list see adjustments waiting for review; everyone else only what was published. */
const keepsTheList = (actor: Actor, item: PowerListItemDocument): boolean => hasRole(actor, 'office', 'admin', 'reviewer', 'auditor') && canActForAgency(actor, item.agencyCode);

const toItem = (item: PowerListItemDocument, actor: Actor): PowerListItem | null => {
  const internal = keepsTheList(actor, item);
  if (!internal && !item.published) return null;
  return {
    id: item._id,
    agency: agencyRef(item.agencyCode),
    published: item.published ? toVersion(item.published) : null,
    listed: item.listed,
    pending: internal && item.latest.publishedAt === null ? toVersion(item.latest) : null,
    history: item.history.filter((v) => internal || v.publishedAt !== null).map(toVersion),
  };
};

/** The power and responsibility list (权责清单): public once reviewed, adjusted by the office through the review gate. */
@Resolver(() => PowerListItem)
export class PowerListResolver {
  constructor(
    @Inject(READ_STORE) private readonly store: ReadStore,
    private readonly commands: CommandGateway,
  ) {}

  @Query(() => [PowerListItem], { description: 'The published list of an agency (the caller’s, or the city bureau’s); the office also sees items not yet published.' })
  async powerList(
    @CurrentActor() actor: Actor,
    @Args('agencyCode', { type: () => String, nullable: true }) agencyCode: string | null,
    @Args('kind', { type: () => PowerKind, nullable: true }) kind: string | null,
    @Args('includeRemoved', { type: () => Boolean, nullable: true }) includeRemoved: boolean | null,
    @Args('asOfInstant', { type: () => InstantValue, nullable: true, description: 'Point in time: the list the public saw then, whoever asks.' }) asOfInstant: string | null,
  ): Promise<PowerListItem[]> {
    if (asOfInstant) {
      const filter = { agencyCode: agencyOf(actor, agencyCode), ...publicAtFilter('publicationHistory', asOfInstant, kind ? { 'entry.kind': kind } : {}) };
      const then = await this.store.collection<PowerListItemDocument>(POWER_LIST_ITEMS).find(filter, { sort: { _id: 1 } });
      return then.flatMap((item) => powerListItemAsOf(item, asOfInstant) ?? []).flatMap((item) => toItem(item, ANONYMOUS) ?? []);
    }
    const items = await this.store.collection<PowerListItemDocument>(POWER_LIST_ITEMS).find({ agencyCode: agencyOf(actor, agencyCode) }, { sort: { _id: 1 } });
    return items
      .filter((item) => includeRemoved || item.listed || (keepsTheList(actor, item) && !item.published))
      .map((item) => toItem(item, actor))
      .filter((item): item is PowerListItem => item !== null && (!kind || (item.published ?? item.pending)?.kind === kind));
  }

  @Query(() => PowerListItem, { nullable: true, description: 'One power with its history; null when not visible to you.' })
  async powerListItem(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('asOfInstant', { type: () => InstantValue, nullable: true, description: 'Point in time: the version the public saw then, or null.' }) asOfInstant: string | null,
  ): Promise<PowerListItem | null> {
    const item = await this.store.collection<PowerListItemDocument>(POWER_LIST_ITEMS).findOne({ _id: id });
    if (!item) return null;
    if (!asOfInstant) return toItem(item, actor);
    const then = powerListItemAsOf(item, asOfInstant);
    return then ? toItem(then, ANONYMOUS) : null;
  }

  @Mutation(() => PowerListItem, { description: 'Adds, modifies or removes a power with a reason; published only after a confidentiality review.' })
  async adjustPowerListItem(@CurrentRequest() request: GatewayContext, @Args('input', { type: () => PowerListAdjustmentInput }) input: PowerListAdjustmentInput): Promise<PowerListItem> {
    const itemId = input.itemId ?? newAggregateId(request, 'power-list-item');
    const entry = input.adjustment === 'REMOVE' ? null : { name: input.name, kind: input.kind, departmentCode: input.departmentCode, legalBasis: input.legalBasis };
    await this.commands.execute(
      request,
      CONTEXTS.oversight,
      'AdjustPowerListItem',
      { itemId, agencyCode: agencyOf(request.actor, input.agencyCode), reviewId: newAggregateId(request, `power-list-review:${itemId}`), adjustment: input.adjustment, entry, reason: input.reason },
      commandOptions(request, input.reason),
    );
    const item = await this.store.collection<PowerListItemDocument>(POWER_LIST_ITEMS).findOne({ _id: itemId });
    const visible = item ? toItem(item, request.actor) : null;
    if (!visible) throw notFound('POWER_LIST_ITEM_NOT_FOUND', `There is no power-list item ${itemId}.`);
    return visible;
  }
}
