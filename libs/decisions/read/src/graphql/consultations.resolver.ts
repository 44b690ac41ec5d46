import { CONTEXTS } from '@gongkai/contracts';
import { CLOCK, type Clock, PERSONAL_DATA_VAULT, type PersonalDataVault } from '@gongkai/event-sourcing';
import { CommandGateway, commandOptions, CurrentActor, CurrentRequest, type GatewayContext, InstantValue, newAggregateId, RateLimited } from '@gongkai/graphql';
import { ANONYMOUS, type Actor, notFound, requireRole } from '@gongkai/kernel';
import { READ_STORE, type ReadStore } from '@gongkai/read-store';
import { Inject } from '@nestjs/common';
import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CONSULTATION_COMMENTS, type ConsultationCommentDocument, DECISION_DRAFTS, type DecisionDraftDocument } from '../decision-draft-document';
import { type CommentView, consultationsFilter, viewComment, viewConsultation } from '../consultation-visibility';
import { commentAsOf, readDecisionDraftAsOf, readDecisionDraftsAsOf } from '../decisions-point-in-time';
import { openContact, sealContact } from './comment-contact';
import { Consultation, ConsultationComment } from './consultation.types';
import { ConsultationStatus, Disposition } from './decision-enums';
import { toConsultation, toConsultationComment } from './to-decision-types';

/** Enough for any consultation the bureau has held; a list beyond it is a sign of flooding, not of interest. */
const MAX_CONSULTATIONS = 500;
const MAX_COMMENTS = 5000;

/** The public consultation (公开征求意见): reading, commenting, moderating, and the feedback. */
@Resolver(() => Consultation)
export class ConsultationsResolver {
  constructor(
    @Inject(READ_STORE) private readonly store: ReadStore,
    @Inject(PERSONAL_DATA_VAULT) private readonly vault: PersonalDataVault,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly commands: CommandGateway,
  ) {}

  @Query(() => [Consultation], { description: 'Public: published consultations, newest opening first. Staff also see those under review. With asOfInstant: as the public saw them then.' })
  async consultations(
    @CurrentActor() actor: Actor,
    @Args('status', { type: () => ConsultationStatus, nullable: true }) status: string | null,
    @Args('asOfInstant', { type: () => InstantValue, nullable: true }) asOfInstant: string | null,
  ): Promise<Consultation[]> {
    if (asOfInstant) {
      const then = await readDecisionDraftsAsOf(this.store, asOfInstant, MAX_CONSULTATIONS);
      return then.flatMap((draft) => {
        const view = viewConsultation(draft, ANONYMOUS, new Date(asOfInstant));
        return view && (!status || view.status === status) ? [{ ...toConsultation(view), asOfInstant }] : [];
      });
    }
    const drafts = await this.store
      .collection<DecisionDraftDocument>(DECISION_DRAFTS)
      .find(consultationsFilter(actor), { sort: { 'consultation.terms.opensOn': -1, _id: 1 }, limit: MAX_CONSULTATIONS });
    const now = this.clock.now();
    return drafts.flatMap((draft) => {
      const view = viewConsultation(draft, actor, now);
      return view && (!status || view.status === status) ? [toConsultation(view)] : [];
    });
  }

  @Query(() => Consultation, { nullable: true, description: 'One consultation (its id is the draft’s); null when it does not exist or is not visible to you. With asOfInstant: as the public saw it then, or null.' })
  async consultation(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('asOfInstant', { type: () => InstantValue, nullable: true }) asOfInstant: string | null,
  ): Promise<Consultation | null> {
    if (!asOfInstant) return this.find(id, actor);
    const draft = await this.store.collection<DecisionDraftDocument>(DECISION_DRAFTS).findOne({ _id: id });
    const then = draft ? await readDecisionDraftAsOf(this.store, draft, asOfInstant) : null;
    const view = then ? viewConsultation(then, ANONYMOUS, new Date(asOfInstant)) : null;
    return view ? { ...toConsultation(view), asOfInstant } : null;
  }

  @ResolveField(() => [ConsultationComment], { description: 'In the order received; empty for the public until the consultation opens.' })
  async comments(@Parent() consultation: Consultation, @CurrentActor() actor: Actor): Promise<ConsultationComment[]> {
    if (!consultation.showsComments) return [];
    const comments = await this.store
      .collection<ConsultationCommentDocument>(CONSULTATION_COMMENTS)
      .find({ draftId: consultation.id }, { sort: { submittedAt: 1, _id: 1 }, limit: MAX_COMMENTS });
    if (consultation.asOfInstant) return this.commentsAsOf(consultation, comments, consultation.asOfInstant);
    return Promise.all(comments.map((comment) => this.toComment(viewComment(comment, consultation, actor))));
  }

  /** Anyone may comment while the consultation is open; flooding is refused per client. */
  @RateLimited({ name: 'consultation-comment', points: 10, durationSeconds: 600 })
  @Mutation(() => ConsultationComment, { description: 'Anyone, while the consultation is open. The contact is never published.' })
  async submitConsultationComment(
    @CurrentRequest() request: GatewayContext,
    @Args('consultationId', { type: () => ID }) consultationId: string,
    @Args('content', { type: () => String }) content: string,
    @Args('authorName', { type: () => String, nullable: true }) authorName: string | null,
    @Args('contact', { type: () => String, nullable: true }) contact: string | null,
  ): Promise<ConsultationComment> {
    const commentId = newAggregateId(request, `comment:${consultationId}`);
    // Encrypted here, so that the contact crosses the command bus and the event store only as ciphertext.
    const sealed = await sealContact(this.vault, commentId, contact);
    const data = { draftId: consultationId, commentId, content, authorName, contact: sealed ?? null };
    await this.commands.execute(request, CONTEXTS.decisions, 'SubmitConsultationComment', data, commandOptions(request));
    return this.comment(commentId, request.actor);
  }

  @Mutation(() => ConsultationComment, { description: 'Hides a comment with a reason the public sees; nothing is deleted.' })
  async hideConsultationComment(
    @CurrentRequest() request: GatewayContext,
    @Args('commentId', { type: () => ID }) commentId: string,
    @Args('reason', { type: () => String }) reason: string,
  ): Promise<ConsultationComment> {
    requireRole(request.actor, 'staff', 'office', 'admin');
    const comment = await this.store.collection<ConsultationCommentDocument>(CONSULTATION_COMMENTS).findOne({ _id: commentId });
    if (!comment) throw notFound('COMMENT_NOT_FOUND', `There is no comment ${commentId}.`);
    await this.commands.execute(request, CONTEXTS.decisions, 'HideConsultationComment', { draftId: comment.draftId, commentId, reason }, commandOptions(request, reason));
    return this.comment(commentId, request.actor);
  }

  @Mutation(() => Consultation, { description: 'After closing: disposes of one comment or a group, with one reason.' })
  async disposeConsultationComments(
    @CurrentRequest() request: GatewayContext,
    @Args('consultationId', { type: () => ID }) consultationId: string,
    @Args('commentIds', { type: () => [ID] }) commentIds: string[],
    @Args('disposition', { type: () => Disposition }) disposition: string,
    @Args('reason', { type: () => String }) reason: string,
  ): Promise<Consultation> {
    await this.commands.execute(request, CONTEXTS.decisions, 'DisposeConsultationComments', { draftId: consultationId, commentIds, disposition, reason }, commandOptions(request));
    return this.current(consultationId, request.actor);
  }

  @Mutation(() => Consultation, { description: 'Submits the feedback report for review; refused while a visible comment is undisposed.' })
  async requestFeedbackPublication(@CurrentRequest() request: GatewayContext, @Args('consultationId', { type: () => ID }) consultationId: string): Promise<Consultation> {
    const reviewId = newAggregateId(request, `review:feedback:${consultationId}`);
    await this.commands.execute(request, CONTEXTS.decisions, 'RequestFeedbackPublication', { draftId: consultationId, reviewId }, commandOptions(request));
    return this.current(consultationId, request.actor);
  }

  private async find(id: string, actor: Actor): Promise<Consultation | null> {
    const draft = await this.store.collection<DecisionDraftDocument>(DECISION_DRAFTS).findOne({ _id: id });
    const view = draft ? viewConsultation(draft, actor, this.clock.now()) : null;
    return view ? toConsultation(view) : null;
  }

  private async current(id: string, actor: Actor): Promise<Consultation> {
    const consultation = await this.find(id, actor);
    if (!consultation) throw notFound('CONSULTATION_NOT_FOUND', `There is no consultation ${id}.`);
    return consultation;
  }

  private async comment(commentId: string, actor: Actor): Promise<ConsultationComment> {
    const comment = await this.store.collection<ConsultationCommentDocument>(CONSULTATION_COMMENTS).findOne({ _id: commentId });
    const draft = comment ? await this.store.collection<DecisionDraftDocument>(DECISION_DRAFTS).findOne({ _id: comment.draftId }) : null;
    const consultation = draft ? viewConsultation(draft, actor, this.clock.now()) : null;
    if (!comment || !consultation) throw notFound('COMMENT_NOT_FOUND', `There is no comment ${commentId}.`);
    return this.toComment(viewComment(comment, consultation, actor));
  }

  /** The comments as the public saw them at `at`: received by then, hidden if hidden by then, with the disposal then published. */
  private async commentsAsOf(consultation: Consultation, comments: readonly ConsultationCommentDocument[], at: string): Promise<ConsultationComment[]> {
    const draft = await this.store.collection<DecisionDraftDocument>(DECISION_DRAFTS).findOne({ _id: consultation.id });
    const then = draft ? await readDecisionDraftAsOf(this.store, draft, at) : null;
    if (!then) return [];
    return Promise.all(comments.flatMap((comment) => commentAsOf(comment, then, at) ?? []).map((comment) => this.toComment(viewComment(comment, consultation, ANONYMOUS))));
  }

  private async toComment(view: CommentView): Promise<ConsultationComment> {
    return toConsultationComment(view, await openContact(this.vault, view.contact));
  }
}
