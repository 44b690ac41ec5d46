import { CONTEXTS } from '@gongkai/contracts';
import { CLOCK, type Clock } from '@gongkai/event-sourcing';
import { CommandGateway, commandOptions, CurrentActor, CurrentRequest, decodeCursor, type GatewayContext, InstantValue, newAggregateId, pageSize, toPage } from '@gongkai/graphql';
import type { Severity as SeverityValue } from '@gongkai/interpretations/domain';
import { type Actor, notFound, requireBureauReader, seesInternals } from '@gongkai/kernel';
import { READ_STORE, type ReadStore } from '@gongkai/read-store';
import { Inject } from '@nestjs/common';
import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { OPINION_CASES, OPINION_RESPONSES, type OpinionCaseDocument, type OpinionResponseDocument } from '../opinion-case-documents';
import { opinionCasesFilter, publishedResponsesFilter, viewOpinionCase } from '../opinion-case-visibility';
import { publishedResponsesFilterAsOf } from '../interpretations-point-in-time';
import { Severity } from './interpretation-enums';
import { OpinionCaseInput, OpinionResponseInput } from './opinion-case.inputs';
import { OpinionCase, PublishedOpinionResponseConnection } from './opinion-case.types';
import { toOpinionCase, toPublishedOpinionResponse } from './to-opinion-case-types';

/** Enough for every case a bureau handles in years; a longer list is narrowed by severity. */
const MAX_CASES = 500;

/** Public-opinion response (舆情回应): the bureau's case log, and the responses the public may read. */
@Resolver(() => OpinionCase)
export class OpinionCasesResolver {
  constructor(
    @Inject(READ_STORE) private readonly store: ReadStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly commands: CommandGateway,
  ) {}

  @Query(() => [OpinionCase], { description: 'Staff and oversight: the cases of their agencies, newest first; overdue: the 24-hour press conference is missing or was late.' })
  async opinionCases(
    @CurrentActor() actor: Actor,
    @Args('overdue', { type: () => Boolean, nullable: true }) overdue: boolean | null | undefined,
    @Args('severity', { type: () => Severity, nullable: true }) severity: SeverityValue | null,
  ): Promise<OpinionCase[]> {
    requireBureauReader(actor);
    const now = this.clock.now();
    const cases = await this.store.collection<OpinionCaseDocument>(OPINION_CASES).find(opinionCasesFilter(actor, severity), { sort: { firstSeenAt: -1, _id: 1 }, limit: MAX_CASES });
    return cases.map((c) => viewOpinionCase(c, now)).flatMap((view) => (typeof overdue !== 'boolean' || view.overdue === overdue ? [toOpinionCase(view)] : []));
  }

  @Query(() => OpinionCase, { nullable: true, description: 'Staff and oversight: one case; null when it does not exist or is outside your scope.' })
  async opinionCase(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<OpinionCase | null> {
    requireBureauReader(actor);
    return this.find(id, actor);
  }

  @Query(() => PublishedOpinionResponseConnection, { description: 'Public: the bureau’s published responses to matters of public concern, newest first.' })
  async opinionResponses(
    @Args('caseId', { type: () => ID, nullable: true }) caseId: string | null,
    @Args('asOfInstant', { type: () => InstantValue, nullable: true, description: 'Point in time: the responses published by then.' }) asOfInstant: string | null,
    @Args('first', { type: () => Int, nullable: true }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<PublishedOpinionResponseConnection> {
    const limit = pageSize(first);
    const offset = decodeCursor(after);
    const filter = asOfInstant ? publishedResponsesFilterAsOf(caseId, asOfInstant) : publishedResponsesFilter(caseId);
    const responses = this.store.collection<OpinionResponseDocument>(OPINION_RESPONSES);
    const [found, totalCount] = await Promise.all([responses.find(filter, { sort: { publishedAt: -1, _id: 1 }, skip: offset, limit }), responses.count(filter)]);
    return toPage(found, offset, totalCount, toPublishedOpinionResponse);
  }

  @Mutation(() => OpinionCase, { description: 'Logs a case; a major or especially major emergency gets its press conference due 24 clock hours after the incident.' })
  async registerOpinionCase(@CurrentRequest() request: GatewayContext, @Args('input', { type: () => OpinionCaseInput }) input: OpinionCaseInput): Promise<OpinionCase> {
    const caseId = newAggregateId(request, 'opinion-case');
    const { agencyCode, ...details } = input;
    await this.commands.execute(request, CONTEXTS.interpretations, 'RegisterOpinionCase', { caseId, agencyCode: agencyCode ?? request.actor.agencyCode, details }, commandOptions(request));
    return this.current(caseId, request.actor);
  }

  @Mutation(() => OpinionCase, { description: 'Adds an internal monitoring note (舆情监测); it is never published.' })
  async recordOpinionMonitoringNote(
    @CurrentRequest() request: GatewayContext,
    @Args('caseId', { type: () => ID }) caseId: string,
    @Args('note', { type: () => String }) note: string,
  ): Promise<OpinionCase> {
    await this.commands.execute(request, CONTEXTS.interpretations, 'RecordOpinionMonitoringNote', { caseId, note }, commandOptions(request));
    return this.current(caseId, request.actor);
  }

  @Mutation(() => OpinionCase, { description: 'Records a response as it happened; its record is published once a reviewer approves it.' })
  async recordOpinionResponse(
    @CurrentRequest() request: GatewayContext,
    @Args('caseId', { type: () => ID }) caseId: string,
    @Args('input', { type: () => OpinionResponseInput }) input: OpinionResponseInput,
  ): Promise<OpinionCase> {
    const reviewId = newAggregateId(request, `review:${caseId}:response`);
    await this.commands.execute(request, CONTEXTS.interpretations, 'RecordOpinionResponse', { caseId, reviewId, response: { ...input } }, commandOptions(request));
    return this.current(caseId, request.actor);
  }

  @Mutation(() => OpinionCase, { description: 'Closes the case with its summary; the press-conference rule is judged at closing if none was held.' })
  async closeOpinionCase(
    @CurrentRequest() request: GatewayContext,
    @Args('caseId', { type: () => ID }) caseId: string,
    @Args('summary', { type: () => String }) summary: string,
  ): Promise<OpinionCase> {
    await this.commands.execute(request, CONTEXTS.interpretations, 'CloseOpinionCase', { caseId, summary }, commandOptions(request));
    return this.current(caseId, request.actor);
  }

  private async find(id: string, actor: Actor): Promise<OpinionCase | null> {
    const found = await this.store.collection<OpinionCaseDocument>(OPINION_CASES).findOne({ _id: id });
    return found && seesInternals(actor, found.agencyCode) ? toOpinionCase(viewOpinionCase(found, this.clock.now())) : null;
  }

  private async current(id: string, actor: Actor): Promise<OpinionCase> {
    const found = await this.find(id, actor);
    if (!found) throw notFound('OPINION_CASE_NOT_FOUND', `There is no public-opinion case ${id}.`);
    return found;
  }
}
