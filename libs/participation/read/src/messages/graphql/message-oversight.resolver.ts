import { localDateOf } from '@gongkai/calendar';
import { CONTEXTS } from '@gongkai/contracts';
import { CLOCK, type Clock } from '@gongkai/event-sourcing';
import { CommandGateway, commandOptions, CurrentActor, CurrentRequest, type GatewayContext } from '@gongkai/graphql';
import { type Actor, agencyFilter, CITY_AGENCY_CODE, requireInteger, requireRole } from '@gongkai/kernel';
import { DEFAULT_ANSWER_LIMITS, MESSAGE_KINDS } from '@gongkai/participation/domain';
import { READ_STORE, type ReadStore } from '@gongkai/read-store';
import { Inject } from '@nestjs/common';
import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { type AnswerLimitsDocument, MESSAGE_ANSWER_LIMITS, PUBLIC_MESSAGES, type PublicMessageDocument } from '../public-message-document';
import { messageStatistics } from '../public-message-statistics';
import { MessageAnswerLimitInput, MessageAnswerLimits, PublicMessageStatistics } from './message-oversight.types';
import { toPublicMessageStatistics } from './to-public-message';

/** A year's messages, well beyond what a bureau receives; more is a sign of flooding. */
const MAX_MESSAGES_PER_YEAR = 50_000;

/** Oversight of messages: the answer time limits the office commits to, and the year's figures. */
@Resolver()
export class MessageOversightResolver {
  constructor(
    @Inject(READ_STORE) private readonly store: ReadStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly commands: CommandGateway,
  ) {}

  @Query(() => MessageAnswerLimits, { description: 'Public: the answer time limits in working days per kind, as the bureau committed to them.' })
  async publicMessageAnswerLimits(): Promise<MessageAnswerLimits> {
    return this.limits();
  }

  @Mutation(() => MessageAnswerLimits, { description: 'Sets answer time limits per kind (office, admin), with the reason for the history; kinds not named keep theirs. Messages already received keep their due dates.' })
  async setPublicMessageAnswerLimits(
    @CurrentRequest() request: GatewayContext,
    @Args('limits', { type: () => [MessageAnswerLimitInput] }) limits: MessageAnswerLimitInput[],
    @Args('reason', { type: () => String }) reason: string,
  ): Promise<MessageAnswerLimits> {
    const byKind = Object.fromEntries(limits.map((limit) => [limit.kind, limit.workingDays]));
    const data = { agencyCode: CITY_AGENCY_CODE, limits: byKind, reason };
    await this.commands.execute(request, CONTEXTS.participation, 'SetMessageAnswerLimits', data, commandOptions(request, reason));
    return this.limits();
  }

  @Query(() => PublicMessageStatistics, { description: 'Messages received in the year: by kind and department, on-time rate, working days to answer, ratings (office, leaders, auditors, admins).' })
  async publicMessageStatistics(@CurrentActor() actor: Actor, @Args('year', { type: () => Int }) year: number): Promise<PublicMessageStatistics> {
    requireRole(actor, 'office', 'leader', 'auditor', 'admin');
    requireInteger('year', year, { min: 2000, max: 2100 });
    const agencies = agencyFilter(actor);
    const filter = { receivedYear: year, ...(agencies === undefined ? {} : { agencyCode: { $in: [...agencies] } }) };
    const messages = await this.store.collection<PublicMessageDocument>(PUBLIC_MESSAGES).find(filter, { limit: MAX_MESSAGES_PER_YEAR });
    return toPublicMessageStatistics(messageStatistics(year, messages, localDateOf(this.clock.now())));
  }

  private async limits(): Promise<MessageAnswerLimits> {
    const policy = await this.store.collection<AnswerLimitsDocument>(MESSAGE_ANSWER_LIMITS).findOne({ _id: CITY_AGENCY_CODE });
    const limits = policy?.limits ?? DEFAULT_ANSWER_LIMITS;
    return { limits: MESSAGE_KINDS.map((kind) => ({ kind, workingDays: limits[kind] })), setOn: policy?.setOn ?? null, reason: policy?.reason ?? null };
  }
}
