import { CONTEXTS } from '@gongkai/contracts';
import { CommandGateway, commandOptions, CurrentActor, CurrentRequest, decodeCursor, type GatewayContext, InstantValue, LocalDateValue, newAggregateId, pageSize, toPage } from '@gongkai/graphql';
import { type Actor, badInput, notFound } from '@gongkai/kernel';
import { READ_STORE, type ReadStore } from '@gongkai/read-store';
import { Inject } from '@nestjs/common';
import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { OUTREACH_ACTIVITIES, type OutreachActivityDocument } from '../outreach-activity-document';
import { outreachActivityPage } from '../outreach-activity-list';
import { viewOutreachActivityAsOf } from '../outreach-activity-point-in-time';
import { viewOutreachActivity } from '../outreach-activity-visibility';
import { ActivityInput, OutreachActivity, OutreachActivityConnection } from './outreach-activity.types';
import { toOutreachActivity } from './to-outreach-activity';

/** Outreach and education activities: announced, reviewed, published, and their outcome recorded. */
@Resolver(() => OutreachActivity)
export class OutreachActivitiesResolver {
  constructor(
    @Inject(READ_STORE) private readonly store: ReadStore,
    private readonly commands: CommandGateway,
  ) {}

  @Query(() => OutreachActivityConnection, {
    description: 'Activities by date, earliest first: the public sees published ones; staff also their agency’s activities under review. With asOfInstant: the published versions then, whoever asks.',
  })
  async activities(
    @CurrentActor() actor: Actor,
    @Args('from', { type: () => LocalDateValue, nullable: true }) from: string | null,
    @Args('to', { type: () => LocalDateValue, nullable: true }) to: string | null,
    @Args('asOfInstant', { type: () => InstantValue, nullable: true, description: 'Point in time: each activity as published by then; none before its announcement was.' }) asOfInstant: string | null,
    @Args('first', { type: () => Int, nullable: true }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<OutreachActivityConnection> {
    const limit = pageSize(first);
    const offset = decodeCursor(after);
    if (from && to && to < from) throw badInput('INVALID_DATE_RANGE', 'to may not be before from.', { field: 'to' });
    const { views, totalCount } = await outreachActivityPage(this.store, actor, { from, to, asOfInstant }, offset, limit);
    return toPage(views, offset, totalCount, (view) => view && toOutreachActivity(view));
  }

  @Query(() => OutreachActivity, { nullable: true, description: 'One activity; null when it does not exist or is not visible to you. With asOfInstant: the version the public saw then, or null.' })
  async activity(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('asOfInstant', { type: () => InstantValue, nullable: true }) asOfInstant: string | null,
  ): Promise<OutreachActivity | null> {
    const document = await this.store.collection<OutreachActivityDocument>(OUTREACH_ACTIVITIES).findOne({ _id: id });
    const view = document ? (asOfInstant ? viewOutreachActivityAsOf(document, asOfInstant) : viewOutreachActivity(document, actor)) : null;
    return view ? toOutreachActivity(view) : null;
  }

  @Mutation(() => OutreachActivity, { description: 'Announces an activity; the public sees it once its confidentiality review approves it (先审查、后公开).' })
  async announceActivity(@CurrentRequest() request: GatewayContext, @Args('input', { type: () => ActivityInput }) input: ActivityInput): Promise<OutreachActivity> {
    const activityId = newAggregateId(request, 'outreach-activity');
    const { agencyCode, departmentCode, ...details } = input;
    await this.commands.execute(
      request,
      CONTEXTS.participation,
      'AnnounceActivity',
      {
        activityId,
        agencyCode: agencyCode ?? request.actor.agencyCode,
        details: { ...details, departmentCode: departmentCode ?? request.actor.departmentCode },
        reviewId: newAggregateId(request, `review:${activityId}:1`),
      },
      commandOptions(request),
    );
    return this.current(activityId, request.actor);
  }

  @Mutation(() => OutreachActivity, { description: 'Records what happened at an activity, on or after its date; the record is reviewed before the public sees it.' })
  async recordActivityOutcome(
    @CurrentRequest() request: GatewayContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('participants', { type: () => Int }) participants: number,
    @Args('summary', { type: () => String }) summary: string,
  ): Promise<OutreachActivity> {
    const reviewId = newAggregateId(request, `review:${id}:outcome`);
    await this.commands.execute(request, CONTEXTS.participation, 'RecordActivityOutcome', { activityId: id, participants, summary, reviewId }, commandOptions(request));
    return this.current(id, request.actor);
  }

  private async current(id: string, actor: Actor): Promise<OutreachActivity> {
    const document = await this.store.collection<OutreachActivityDocument>(OUTREACH_ACTIVITIES).findOne({ _id: id });
    const view = document ? viewOutreachActivity(document, actor) : null;
    if (!view) throw notFound('ACTIVITY_NOT_FOUND', `There is no outreach activity ${id}.`);
    return toOutreachActivity(view);
  }
}
