import { localDateOf } from '@gongkai/calendar';
import { CONTEXTS } from '@gongkai/contracts';
import { CLOCK, type Clock, PERSONAL_DATA_VAULT, type PersonalDataVault } from '@gongkai/event-sourcing';
import { CommandGateway, commandOptions, CurrentActor, CurrentRequest, decodeCursor, type GatewayContext, InstantValue, newAggregateId, pageSize, toPage } from '@gongkai/graphql';
import { type Actor, notFound } from '@gongkai/kernel';
import { type Filter, READ_STORE, type ReadStore, type SortSpec } from '@gongkai/read-store';
import { Inject, Logger } from '@nestjs/common';
import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { openAuthor } from '../author-seal';
import { PUBLIC_MESSAGES, type PublicMessageDocument } from '../public-message-document';
import { MESSAGE_SORT_AS_OF, messageListFilterAsOf, viewPublicMessageAsOf } from '../public-message-point-in-time';
import { escalatedListFilter, listSort, messageListFilter, type PublicMessageView, requireMessageReader, viewPublicMessage } from '../public-message-visibility';
import { MessageKind } from './public-message-enums';
import { MessageAuthor, PublicMessage, PublicMessageConnection } from './public-message.types';
import { toPublicMessage } from './to-public-message';

/** Messages for the public list and the staff console: reading, routing, answering, hiding. */
@Resolver(() => PublicMessage)
export class PublicMessagesResolver {
  private readonly logger = new Logger('PublicMessages');

  constructor(
    @Inject(READ_STORE) private readonly store: ReadStore,
    @Inject(PERSONAL_DATA_VAULT) private readonly vault: PersonalDataVault,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly commands: CommandGateway,
  ) {}

  @Query(() => PublicMessageConnection, {
    description:
      'Public: answered messages whose answer was reviewed and published, newest first (hidden ones only with the reason). Staff: the messages of their department, newest first. With asOfInstant: the public list as it stood then, whoever asks.',
  })
  async publicMessages(
    @CurrentActor() actor: Actor,
    @Args('kind', { type: () => MessageKind, nullable: true }) kind: string | null,
    @Args('answered', { type: () => Boolean, nullable: true }) answered: boolean | null,
    @Args('first', { type: () => Int, nullable: true }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @Args('asOfInstant', { type: () => InstantValue, nullable: true, description: 'Point in time: what the public saw then, each message as published or hidden by then.' }) asOfInstant: string | null,
  ): Promise<PublicMessageConnection> {
    if (asOfInstant) return this.page(messageListFilterAsOf({ kind, answered }, asOfInstant), MESSAGE_SORT_AS_OF, (doc) => viewPublicMessageAsOf(doc, asOfInstant), first, after);
    const today = this.today();
    return this.page(messageListFilter(actor, { kind, answered }), listSort(actor), (doc) => viewPublicMessage(doc, actor, today), first, after);
  }

  @Query(() => PublicMessageConnection, { description: 'Unanswered messages escalated as overdue (督办), in your scope: the office and leaders see all (staff).' })
  async escalatedPublicMessages(
    @CurrentActor() actor: Actor,
    @Args('first', { type: () => Int, nullable: true }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<PublicMessageConnection> {
    requireMessageReader(actor);
    const today = this.today();
    return this.page(escalatedListFilter(actor), listSort(actor), (doc) => viewPublicMessage(doc, actor, today), first, after);
  }

  @Query(() => PublicMessage, { nullable: true, description: 'One message; null when it does not exist or is not visible to you. With asOfInstant: as the public saw it then, or null.' })
  async publicMessage(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('asOfInstant', { type: () => InstantValue, nullable: true }) asOfInstant: string | null,
  ): Promise<PublicMessage | null> {
    const doc = await this.messages().findOne({ _id: id });
    const view = doc ? (asOfInstant ? viewPublicMessageAsOf(doc, asOfInstant) : viewPublicMessage(doc, actor, this.today())) : null;
    return doc && view ? toPublicMessage(view, doc) : null;
  }

  @Mutation(() => PublicMessage, { description: 'Sends a message to the department that answers it (the office, or the department holding it).' })
  async routePublicMessage(
    @CurrentRequest() request: GatewayContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('departmentCode', { type: () => String }) departmentCode: string,
  ): Promise<PublicMessage> {
    return this.act(request, id, 'RoutePublicMessage', { messageId: id, departmentCode });
  }

  @Mutation(() => PublicMessage, { description: 'Answers a message (its department). If the author allowed it, the question and answer go to review, then are published.' })
  async answerPublicMessage(@CurrentRequest() request: GatewayContext, @Args('id', { type: () => ID }) id: string, @Args('answer', { type: () => String }) answer: string): Promise<PublicMessage> {
    const reviewId = newAggregateId(request, `review:public-message:${id}`);
    return this.act(request, id, 'AnswerPublicMessage', { messageId: id, answer, reviewId });
  }

  @Mutation(() => PublicMessage, { description: 'Hides a message with a reason the public sees; nothing is deleted.' })
  async hidePublicMessage(@CurrentRequest() request: GatewayContext, @Args('id', { type: () => ID }) id: string, @Args('reason', { type: () => String }) reason: string): Promise<PublicMessage> {
    return this.act(request, id, 'HidePublicMessage', { messageId: id, reason }, reason);
  }

  /** Opened per reader and per query; every opening is logged with who read it, never with what was read. */
  @ResolveField(() => MessageAuthor, { nullable: true, description: 'The handling staff only (the message’s department, or the office); null for everyone else and when none was given.' })
  async author(@Parent() message: PublicMessage, @CurrentActor() actor: Actor): Promise<MessageAuthor | null> {
    if (!message.authorReadable || !message.sealedAuthor) return null;
    this.logger.log({ msg: 'message author personal data read', messageId: message.id, actorId: actor.id });
    return openAuthor(this.vault, message.sealedAuthor);
  }

  private async page(
    filter: Filter,
    sort: SortSpec,
    viewOf: (doc: PublicMessageDocument) => PublicMessageView | null,
    first: number | null,
    after: string | null,
  ): Promise<PublicMessageConnection> {
    const limit = pageSize(first);
    const offset = decodeCursor(after);
    const [documents, totalCount] = await Promise.all([this.messages().find(filter, { sort, skip: offset, limit }), this.messages().count(filter)]);
    return toPage(documents, offset, totalCount, (doc) => {
      const view = viewOf(doc);
      return view ? toPublicMessage(view, doc) : null;
    });
  }

  private async act(request: GatewayContext, id: string, type: string, data: object, reason?: string): Promise<PublicMessage> {
    await this.commands.execute(request, CONTEXTS.participation, type, data, commandOptions(request, reason));
    const message = await this.publicMessage(request.actor, id, null);
    if (!message) throw notFound('PUBLIC_MESSAGE_NOT_FOUND', `There is no public message ${id}.`);
    return message;
  }

  private today(): string {
    return localDateOf(this.clock.now());
  }

  private messages() {
    return this.store.collection<PublicMessageDocument>(PUBLIC_MESSAGES);
  }
}
