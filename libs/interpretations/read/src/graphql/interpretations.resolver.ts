import { CONTEXTS } from '@gongkai/contracts';
import { CommandGateway, commandOptions, CurrentActor, CurrentRequest, decodeCursor, type GatewayContext, InstantValue, newAggregateId, pageSize, toPage } from '@gongkai/graphql';
import { interpretationIdFor } from '@gongkai/interpretations/domain';
import { type Actor, notFound, optionalDepartment, requireText } from '@gongkai/kernel';
import { READ_STORE, type ReadStore } from '@gongkai/read-store';
import { Inject } from '@nestjs/common';
import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { INTERPRETATIONS, type InterpretationDocument, POLICY_DOCUMENTS, type PolicyDocumentDocument } from '../interpretation-documents';
import { interpretationsFilter, interpretationsSort, viewInterpretation } from '../interpretation-visibility';
import { interpretationsFilterAsOf, viewInterpretationAsOf } from '../interpretations-point-in-time';
import { InterpretationInput } from './interpretation.inputs';
import { Interpretation, InterpretationConnection } from './interpretation.types';
import { toInterpretation } from './to-interpretation-types';

/** Policy interpretations (政策解读): the public's reading and the drafting departments' writing. */
@Resolver(() => Interpretation)
export class InterpretationsResolver {
  constructor(
    @Inject(READ_STORE) private readonly store: ReadStore,
    private readonly commands: CommandGateway,
  ) {}

  @Query(() => InterpretationConnection, { description: 'Public: published interpretations only, newest first. Staff also see their agency’s drafts.' })
  async interpretations(
    @CurrentActor() actor: Actor,
    @Args('documentId', { type: () => ID, nullable: true }) documentId: string | null,
    @Args('departmentCode', { type: () => String, nullable: true }) departmentInput: string | null | undefined,
    @Args('search', { type: () => String, nullable: true }) searchInput: string | null,
    @Args('asOfInstant', { type: () => InstantValue, nullable: true, description: 'Point in time: the interpretations the public saw then, each in the version then published.' }) asOfInstant: string | null,
    @Args('first', { type: () => Int, nullable: true }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<InterpretationConnection> {
    const search = requireText('search', searchInput, { max: 200, min: 0, optional: true });
    const departmentCode = optionalDepartment('departmentCode', departmentInput);
    const limit = pageSize(first);
    const offset = decodeCursor(after);
    if (asOfInstant) return this.publishedAsOf({ documentId, departmentCode, search }, asOfInstant, offset, limit);
    const filter = interpretationsFilter(actor, { documentId, departmentCode, search });
    const items = this.store.collection<InterpretationDocument>(INTERPRETATIONS);
    const [found, totalCount] = await Promise.all([items.find(filter, { sort: interpretationsSort(actor), skip: offset, limit }), items.count(filter)]);
    const documents = await this.documentsOf(found);
    return toPage(found, offset, totalCount, (item) => {
      const view = viewInterpretation(item, actor, documents.get(item.documentId));
      return view ? toInterpretation(view) : null;
    });
  }

  @Query(() => Interpretation, { nullable: true, description: 'One interpretation; null when it does not exist or is not visible to you. With asOfInstant: the version the public saw then, or null.' })
  async interpretation(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('asOfInstant', { type: () => InstantValue, nullable: true }) asOfInstant: string | null,
  ): Promise<Interpretation | null> {
    if (!asOfInstant) return this.find(id, actor);
    const item = await this.store.collection<InterpretationDocument>(INTERPRETATIONS).findOne({ _id: id });
    const view = item ? viewInterpretationAsOf(item, asOfInstant) : null;
    return view ? toInterpretation(view) : null;
  }

  @Mutation(() => Interpretation, { description: 'Writes interpretation material for a policy document, by its drafting department; only staff see it until it is reviewed and published.' })
  async createInterpretation(@CurrentRequest() request: GatewayContext, @Args('input', { type: () => InterpretationInput }) input: InterpretationInput): Promise<Interpretation> {
    const { documentId, ...content } = input;
    const interpretationId = interpretationIdFor(documentId, newAggregateId(request, `interpretation:${documentId}`));
    await this.commands.execute(request, CONTEXTS.interpretations, 'CreateInterpretation', { documentId, interpretationId, content }, commandOptions(request));
    return this.current(interpretationId, request.actor);
  }

  @Mutation(() => Interpretation, { description: 'Writes a new version; fails with CONFLICT when expectedVersion is not the current one.' })
  async reviseInterpretation(
    @CurrentRequest() request: GatewayContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('expectedVersion', { type: () => Int }) expectedVersion: number,
    @Args('input', { type: () => InterpretationInput }) input: InterpretationInput,
  ): Promise<Interpretation> {
    await this.commands.execute(request, CONTEXTS.interpretations, 'ReviseInterpretation', { interpretationId: id, expectedVersion, content: { ...input } }, commandOptions(request));
    return this.current(id, request.actor);
  }

  @Mutation(() => Interpretation, { description: 'Submits exactly this version for confidentiality review (一并报批); it is published with its document at the earliest.' })
  async requestInterpretationPublication(
    @CurrentRequest() request: GatewayContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('expectedVersion', { type: () => Int }) expectedVersion: number,
  ): Promise<Interpretation> {
    const reviewId = newAggregateId(request, `review:${id}:${expectedVersion}`);
    await this.commands.execute(request, CONTEXTS.interpretations, 'RequestInterpretationPublication', { interpretationId: id, expectedVersion, reviewId }, commandOptions(request));
    return this.current(id, request.actor);
  }

  /** The public list at an instant, whoever asks: point in time shows what was published, never a draft. */
  private async publishedAsOf(query: { documentId: string | null; departmentCode: string | null; search: string | null }, at: string, offset: number, limit: number): Promise<InterpretationConnection> {
    const filter = interpretationsFilterAsOf(query, at);
    const items = this.store.collection<InterpretationDocument>(INTERPRETATIONS);
    const [found, totalCount] = await Promise.all([items.find(filter, { sort: { 'published.publishedAt': -1, _id: 1 }, skip: offset, limit }), items.count(filter)]);
    return toPage(found, offset, totalCount, (item) => {
      const then = viewInterpretationAsOf(item, at);
      return then ? toInterpretation(then) : null;
    });
  }

  private async documentsOf(items: readonly InterpretationDocument[]): Promise<Map<string, PolicyDocumentDocument>> {
    const ids = [...new Set(items.map((item) => item.documentId))];
    if (ids.length === 0) return new Map();
    const documents = await this.store.collection<PolicyDocumentDocument>(POLICY_DOCUMENTS).find({ _id: { $in: ids } });
    return new Map(documents.map((document) => [document._id, document]));
  }

  private async find(id: string, actor: Actor): Promise<Interpretation | null> {
    const item = await this.store.collection<InterpretationDocument>(INTERPRETATIONS).findOne({ _id: id });
    if (!item) return null;
    const document = await this.store.collection<PolicyDocumentDocument>(POLICY_DOCUMENTS).findOne({ _id: item.documentId });
    const view = viewInterpretation(item, actor, document);
    return view ? toInterpretation(view) : null;
  }

  private async current(id: string, actor: Actor): Promise<Interpretation> {
    const found = await this.find(id, actor);
    if (!found) throw notFound('INTERPRETATION_NOT_FOUND', `There is no interpretation ${id}.`);
    return found;
  }
}
