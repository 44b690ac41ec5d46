import { localDateOf } from '@gongkai/calendar';
import { CONTEXTS } from '@gongkai/contracts';
import { normaliseDocumentNumber } from '@gongkai/decisions/domain';
import { CLOCK, type Clock } from '@gongkai/event-sourcing';
import { CommandGateway, commandOptions, CurrentActor, CurrentRequest, decodeCursor, type GatewayContext, InstantValue, LocalDateValue, newAggregateId, pageSize, toPage } from '@gongkai/graphql';
import { ANONYMOUS, type Actor, conflict, notFound, requireRole } from '@gongkai/kernel';
import { READ_STORE, type ReadStore } from '@gongkai/read-store';
import { Inject } from '@nestjs/common';
import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { DECISION_DRAFTS, type DecisionDraftDocument } from '../decision-draft-document';
import { decisionDraftsFilter, viewDecisionDraft } from '../decision-draft-visibility';
import { readDecisionDraftAsOf, readDecisionDraftsAsOf } from '../decisions-point-in-time';
import { NORMATIVE_DOCUMENTS, type NormativeDocumentDocument } from '../normative-register-documents';
import { AdoptionInput, DecisionDraftInput } from './decision.inputs';
import { Channel, DecisionStatus } from './decision-enums';
import { DecisionDraft, DecisionDraftConnection } from './decision-draft.types';
import { toDecisionDraft } from './to-decision-types';

/** Enough for every draft a bureau has put out for consultation. */
const MAX_DRAFTS_AS_OF = 1000;

/** Drafting, consulting on and deciding major decisions (决策公开). */
@Resolver(() => DecisionDraft)
export class DecisionDraftsResolver {
  constructor(
    @Inject(READ_STORE) private readonly store: ReadStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly commands: CommandGateway,
  ) {}

  @Query(() => DecisionDraftConnection, { description: 'Staff: their agencies’ drafts. The public: drafts once out for consultation, with what was decided.' })
  async decisionDrafts(
    @CurrentActor() actor: Actor,
    @Args('status', { type: () => DecisionStatus, nullable: true }) status: string | null,
    @Args('asOfInstant', { type: () => InstantValue, nullable: true, description: 'Point in time: the drafts the public saw then, as they stood then.' }) asOfInstant: string | null,
    @Args('first', { type: () => Int, nullable: true }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<DecisionDraftConnection> {
    const limit = pageSize(first);
    const offset = decodeCursor(after);
    if (asOfInstant) {
      // The stage at an instant is derived, not stored: the page is cut after reading (the drafts of a bureau are few).
      const then = await readDecisionDraftsAsOf(this.store, asOfInstant, MAX_DRAFTS_AS_OF);
      const views = then.flatMap((draft) => viewDecisionDraft(draft, ANONYMOUS, new Date(asOfInstant)) ?? []).filter((view) => !status || view.status === status);
      return toPage(views.slice(offset, offset + limit), offset, views.length, toDecisionDraft);
    }
    const filter = { $and: [decisionDraftsFilter(actor, localDateOf(this.clock.now())), ...(status ? [{ status }] : [])] };
    const drafts = this.store.collection<DecisionDraftDocument>(DECISION_DRAFTS);
    const [documents, totalCount] = await Promise.all([drafts.find(filter, { sort: { createdAt: -1, _id: 1 }, skip: offset, limit }), drafts.count(filter)]);
    const now = this.clock.now();
    // The filter already leaves out what the public may not see yet; the view is the last word, and toPage keeps cursors right if it hides one.
    return toPage(documents, offset, totalCount, (document) => {
      const view = viewDecisionDraft(document, actor, now);
      return view ? toDecisionDraft(view) : null;
    });
  }

  @Query(() => DecisionDraft, { nullable: true, description: 'One draft; null when it does not exist or is not visible to you. With asOfInstant: as the public saw it then, or null.' })
  async decisionDraft(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('asOfInstant', { type: () => InstantValue, nullable: true }) asOfInstant: string | null,
  ): Promise<DecisionDraft | null> {
    const document = await this.store.collection<DecisionDraftDocument>(DECISION_DRAFTS).findOne({ _id: id });
    if (asOfInstant) {
      const then = document ? await readDecisionDraftAsOf(this.store, document, asOfInstant) : null;
      const past = then ? viewDecisionDraft(then, ANONYMOUS, new Date(asOfInstant)) : null;
      return past ? toDecisionDraft(past) : null;
    }
    const view = document ? viewDecisionDraft(document, actor, this.clock.now()) : null;
    return view ? toDecisionDraft(view) : null;
  }

  @Mutation(() => DecisionDraft, { description: 'Drafts a decision; only the bureau sees it until its consultation opens.' })
  async createDecisionDraft(@CurrentRequest() request: GatewayContext, @Args('input', { type: () => DecisionDraftInput }) input: DecisionDraftInput): Promise<DecisionDraft> {
    const draftId = newAggregateId(request, 'decision-draft');
    await this.commands.execute(request, CONTEXTS.decisions, 'CreateDecisionDraft', { draftId, agencyCode: request.actor.agencyCode, content: { ...input } }, commandOptions(request));
    return this.current(draftId, request.actor);
  }

  @Mutation(() => DecisionDraft, { description: 'Writes a new version; fails with CONFLICT when expectedVersion is not the current one.' })
  async reviseDecisionDraft(
    @CurrentRequest() request: GatewayContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('expectedVersion', { type: () => Int }) expectedVersion: number,
    @Args('input', { type: () => DecisionDraftInput }) input: DecisionDraftInput,
    @Args('changeSummary', { type: () => String }) changeSummary: string,
  ): Promise<DecisionDraft> {
    await this.commands.execute(request, CONTEXTS.decisions, 'ReviseDecisionDraft', { draftId: id, expectedVersion, content: { ...input }, changeSummary }, commandOptions(request));
    return this.current(id, request.actor);
  }

  @Mutation(() => DecisionDraft, { description: 'Submits this version with these terms for confidentiality review; the consultation opens when it is approved.' })
  async requestConsultation(
    @CurrentRequest() request: GatewayContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('expectedVersion', { type: () => Int }) expectedVersion: number,
    @Args('opensOn', { type: () => LocalDateValue }) opensOn: string,
    @Args('closesOn', { type: () => LocalDateValue }) closesOn: string,
    @Args('channels', { type: () => [Channel] }) channels: string[],
    @Args('shortPeriodReason', { type: () => String, nullable: true }) shortPeriodReason: string | null,
  ): Promise<DecisionDraft> {
    const reviewId = newAggregateId(request, `review:consultation:${id}:${expectedVersion}`);
    const terms = { opensOn, closesOn, channels, shortPeriodReason };
    await this.commands.execute(request, CONTEXTS.decisions, 'RequestConsultation', { draftId: id, expectedVersion, reviewId, terms }, commandOptions(request));
    return this.current(id, request.actor);
  }

  @Mutation(() => DecisionDraft, { description: 'Adopts the decision after the feedback on its consultation is published; a policy enters the register of normative documents.' })
  async adoptDecision(@CurrentRequest() request: GatewayContext, @Args('id', { type: () => ID }) id: string, @Args('input', { type: () => AdoptionInput }) input: AdoptionInput): Promise<DecisionDraft> {
    requireRole(request.actor, 'leader', 'office', 'admin');
    await this.requireNumberFree(id, input.documentNumber);
    await this.commands.execute(request, CONTEXTS.decisions, 'AdoptDecision', { draftId: id, adoption: { ...input } }, commandOptions(request));
    return this.current(id, request.actor);
  }

  @Mutation(() => DecisionDraft, { description: 'Withdraws the decision, with the reason shown to the public.' })
  async withdrawDecision(@CurrentRequest() request: GatewayContext, @Args('id', { type: () => ID }) id: string, @Args('reason', { type: () => String }) reason: string): Promise<DecisionDraft> {
    await this.commands.execute(request, CONTEXTS.decisions, 'WithdrawDecision', { draftId: id, reason }, commandOptions(request, reason));
    return this.current(id, request.actor);
  }

  /**
   * The register enforces unique numbers when it receives the adopted policy; asking first keeps a
   * duplicate from being adopted at all rather than stopping later in the process manager.
   */
  private async requireNumberFree(draftId: string, documentNumber: string): Promise<void> {
    const draft = await this.store.collection<DecisionDraftDocument>(DECISION_DRAFTS).findOne({ _id: draftId });
    if (draft?.content.kind !== 'POLICY') return;
    const normalised = normaliseDocumentNumber(documentNumber);
    const taken = await this.store.collection<NormativeDocumentDocument>(NORMATIVE_DOCUMENTS).findOne({ agencyCode: draft.agencyCode, number: normalised });
    if (taken) throw conflict('DOCUMENT_NUMBER_TAKEN', `${normalised} is already registered (document ${taken._id}).`, { documentId: taken._id });
  }

  private async current(id: string, actor: Actor): Promise<DecisionDraft> {
    const document = await this.store.collection<DecisionDraftDocument>(DECISION_DRAFTS).findOne({ _id: id });
    const view = document ? viewDecisionDraft(document, actor, this.clock.now()) : null;
    if (!view) throw notFound('DECISION_DRAFT_NOT_FOUND', `There is no decision draft ${id}.`);
    return toDecisionDraft(view);
  }
}
