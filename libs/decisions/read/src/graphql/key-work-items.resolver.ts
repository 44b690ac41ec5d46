import { CONTEXTS } from '@gongkai/contracts';
import { agencyRef, CommandGateway, commandOptions, CurrentActor, CurrentRequest, departmentRef, type GatewayContext, InstantValue, newAggregateId } from '@gongkai/graphql';
import { type Actor, notFound } from '@gongkai/kernel';
import { READ_STORE, type ReadStore } from '@gongkai/read-store';
import { Inject } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { KEY_WORK_ITEMS, type KeyWorkItemDocument } from '../key-work-item-document';
import { keyWorkItemAsOf, keyWorkItemsFilterAsOf } from '../decisions-point-in-time';
import { keyWorkItemsFilter, viewKeyWorkItem } from '../key-work-item-visibility';
import { KeyWorkKind } from './decision-enums';
import { KeyWorkItem, KeyWorkItemInput, KeyWorkProgressInput } from './key-work.types';

const MAX_ITEMS = 500;

const toKeyWorkItem = (item: KeyWorkItemDocument): KeyWorkItem => ({
  id: item._id,
  agency: agencyRef(item.agencyCode),
  kind: item.kind,
  title: item.title,
  department: departmentRef(item.departmentCode),
  description: item.description,
  decisionDraftId: item.decisionDraftId || null,
  reports: item.reports.map(({ number, period, tasks, progress, results, nextSteps, reportedAt, publishedAt, contentHash }) => ({
    number,
    period,
    tasks,
    progress,
    results,
    nextSteps,
    reportedAt,
    publishedAt,
    contentHash,
  })),
});

/** Execution progress of key work (执行公开), report by report through the review gate. */
@Resolver(() => KeyWorkItem)
export class KeyWorkItemsResolver {
  constructor(
    @Inject(READ_STORE) private readonly store: ReadStore,
    private readonly commands: CommandGateway,
  ) {}

  @Query(() => [KeyWorkItem], { description: 'Public: key work with published progress reports. Staff: all of their agencies’. With asOfInstant: the reports published by then.' })
  async keyWorkItems(
    @CurrentActor() actor: Actor,
    @Args('kind', { type: () => KeyWorkKind, nullable: true }) kind: string | null,
    @Args('asOfInstant', { type: () => InstantValue, nullable: true }) asOfInstant: string | null,
  ): Promise<KeyWorkItem[]> {
    if (asOfInstant) {
      const then = await this.store.collection<KeyWorkItemDocument>(KEY_WORK_ITEMS).find(keyWorkItemsFilterAsOf(asOfInstant, kind), { sort: { createdAt: -1, _id: 1 }, limit: MAX_ITEMS });
      return then.flatMap((item) => keyWorkItemAsOf(item, asOfInstant) ?? []).map(toKeyWorkItem);
    }
    const items = await this.store.collection<KeyWorkItemDocument>(KEY_WORK_ITEMS).find(keyWorkItemsFilter(actor, kind), { sort: { createdAt: -1, _id: 1 }, limit: MAX_ITEMS });
    return items.flatMap((item) => {
      const view = viewKeyWorkItem(item, actor);
      return view ? [toKeyWorkItem(view)] : [];
    });
  }

  @Query(() => KeyWorkItem, { nullable: true })
  async keyWorkItem(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('asOfInstant', { type: () => InstantValue, nullable: true, description: 'Point in time: the reports published by then; null before the first.' }) asOfInstant: string | null,
  ): Promise<KeyWorkItem | null> {
    const item = await this.store.collection<KeyWorkItemDocument>(KEY_WORK_ITEMS).findOne({ _id: id });
    const view = item ? (asOfInstant ? keyWorkItemAsOf(item, asOfInstant) : viewKeyWorkItem(item, actor)) : null;
    return view ? toKeyWorkItem(view) : null;
  }

  @Mutation(() => KeyWorkItem)
  async createKeyWorkItem(@CurrentRequest() request: GatewayContext, @Args('input', { type: () => KeyWorkItemInput }) input: KeyWorkItemInput): Promise<KeyWorkItem> {
    const workItemId = newAggregateId(request, 'key-work-item');
    await this.commands.execute(request, CONTEXTS.decisions, 'CreateKeyWorkItem', { workItemId, agencyCode: request.actor.agencyCode, item: { ...input } }, commandOptions(request));
    return this.current(workItemId, request.actor);
  }

  @Mutation(() => KeyWorkItem, { description: 'Files a progress report and submits it for review; it is published once approved.' })
  async reportKeyWorkProgress(
    @CurrentRequest() request: GatewayContext,
    @Args('workItemId', { type: () => ID }) workItemId: string,
    @Args('input', { type: () => KeyWorkProgressInput }) input: KeyWorkProgressInput,
  ): Promise<KeyWorkItem> {
    const reviewId = newAggregateId(request, `review:progress:${workItemId}`);
    await this.commands.execute(request, CONTEXTS.decisions, 'ReportKeyWorkProgress', { workItemId, reviewId, report: { ...input } }, commandOptions(request));
    return this.current(workItemId, request.actor);
  }

  private async current(id: string, actor: Actor): Promise<KeyWorkItem> {
    const item = await this.store.collection<KeyWorkItemDocument>(KEY_WORK_ITEMS).findOne({ _id: id });
    const view = item ? viewKeyWorkItem(item, actor) : null;
    if (!view) throw notFound('KEY_WORK_ITEM_NOT_FOUND', `There is no key work item ${id}.`);
    return toKeyWorkItem(view);
  }
}
