import { localDateOf } from '@gongkai/calendar';
import { CONTEXTS } from '@gongkai/contracts';
import { CLOCK, type Clock, PERSONAL_DATA_VAULT, type PersonalDataVault } from '@gongkai/event-sourcing';
import { CommandGateway, type CommandOptions, commandOptions, CurrentRequest, type GatewayContext, LocalDateValue, newAggregateId } from '@gongkai/graphql';
import { type Actor, notFound } from '@gongkai/kernel';
import { READ_STORE, type ReadStore } from '@gongkai/read-store';
import { Inject } from '@nestjs/common';
import { Args, ID, Int, Mutation, Resolver } from '@nestjs/graphql';
import { applicationOfMonthIn } from '../applicant-monthly-count';
import { INFORMATION_REQUESTS, type InformationRequestDocument } from '../information-request-document';
import { readsRequest } from '../information-request-visibility';
import { AnswerInput } from './information-request.inputs';
import { InformationRequest } from './information-request.types';
import { AppealKind, AppealResult, FeeMethod } from './request-enums';
import { toInformationRequest } from './to-information-request';

/**
 * Every step of handling a request, each one command: the decider checks the rules and who may act,
 * and the answer is the request as the caller may now see it.
 */
@Resolver()
export class RequestHandlingResolver {
  constructor(
    @Inject(READ_STORE) private readonly store: ReadStore,
    @Inject(PERSONAL_DATA_VAULT) private readonly vault: PersonalDataVault,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly commands: CommandGateway,
  ) {}

  @Mutation(() => InformationRequest, { description: 'Asks the applicant, once, to supplement the request (补正, Regulations Art. 30); the clock stops.' })
  async requestSupplement(
    @CurrentRequest() request: GatewayContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('instructions', { type: () => String }) instructions: string,
    @Args('noticeOn', { type: () => LocalDateValue }) noticeOn: string,
    @Args('supplementDueOn', { type: () => LocalDateValue, nullable: true }) supplementDueOn: string | null,
  ): Promise<InformationRequest> {
    return this.act(request, id, 'RequestSupplement', { instructions, noticeOn, supplementDueOn });
  }

  @Mutation(() => InformationRequest, { description: 'Records the supplement; the 20 working days count again from its day.' })
  async recordSupplement(
    @CurrentRequest() request: GatewayContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('receivedOn', { type: () => LocalDateValue }) receivedOn: string,
    @Args('content', { type: () => String }) content: string,
  ): Promise<InformationRequest> {
    return this.act(request, id, 'RecordSupplement', { receivedOn, content });
  }

  @Mutation(() => InformationRequest, { description: 'Consults a third party (Regulations Art. 32); the time it takes is not counted.' })
  async startThirdPartyConsultation(
    @CurrentRequest() request: GatewayContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('thirdParty', { type: () => String }) thirdParty: string,
    @Args('sentOn', { type: () => LocalDateValue }) sentOn: string,
  ): Promise<InformationRequest> {
    return this.act(request, id, 'StartThirdPartyConsultation', { thirdParty, sentOn });
  }

  @Mutation(() => InformationRequest)
  async recordThirdPartyReply(
    @CurrentRequest() request: GatewayContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('receivedOn', { type: () => LocalDateValue }) receivedOn: string,
    @Args('consents', { type: () => Boolean }) consents: boolean,
  ): Promise<InformationRequest> {
    return this.act(request, id, 'RecordThirdPartyReply', { receivedOn, consents });
  }

  @Mutation(() => InformationRequest, { description: 'Extends the answer period once, by at most 20 working days, with a leader’s approval (Regulations Art. 33).' })
  async extendInformationRequest(
    @CurrentRequest() request: GatewayContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('reason', { type: () => String }) reason: string,
    @Args('workingDays', { type: () => Int }) workingDays: number,
    @Args('approvedBy', { type: () => String, nullable: true, description: 'The approving leader, when you are not signed in as one.' }) approvedBy: string | null,
  ): Promise<InformationRequest> {
    return this.act(request, id, 'ExtendInformationRequest', { reason, workingDays, approvedBy }, { reason });
  }

  @Mutation(() => InformationRequest, {
    description: 'Issues a processing-fee notice (国办函〔2020〕109号), dated today unless noticeOn says otherwise; the amount follows from the method and basis, and the clock pauses until payment.',
  })
  async issueFeeNotice(
    @CurrentRequest() request: GatewayContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('method', { type: () => FeeMethod }) method: string,
    @Args('basis', { type: () => Int, description: 'By count, which application of the applicant’s month this is; by pages, the pages.' }) basis: number,
    @Args('payByOn', { type: () => LocalDateValue }) payByOn: string,
    @Args('noticeOn', { type: () => LocalDateValue, nullable: true, description: 'When a notice sent earlier on paper is recorded; defaults to today.' }) noticeOn: string | null,
  ): Promise<InformationRequest> {
    // The decider cannot query: the applicant's monthly count is taken here, from the read side, and checked there.
    const doc = await this.requests().findOne({ _id: id });
    const countedApplications = method === 'BY_COUNT' && doc && readsRequest(request.actor, doc) ? await applicationOfMonthIn(this.requests(), doc) : null;
    return this.act(request, id, 'IssueFeeNotice', { method, basis, payByOn, noticeOn, countedApplications });
  }

  @Mutation(() => InformationRequest, { description: 'Records the payment of the processing fee; the clock runs again from the next day.' })
  async recordFeePayment(@CurrentRequest() request: GatewayContext, @Args('id', { type: () => ID }) id: string, @Args('paidOn', { type: () => LocalDateValue }) paidOn: string): Promise<InformationRequest> {
    return this.act(request, id, 'RecordFeePayment', { paidOn });
  }

  @Mutation(() => InformationRequest, { description: 'Answers with exactly one outcome; after the due date the answer is marked late.' })
  async answerInformationRequest(
    @CurrentRequest() request: GatewayContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('input', { type: () => AnswerInput }) input: AnswerInput,
  ): Promise<InformationRequest> {
    const redactions = input.redactions?.map(({ start, end, reason }) => ({ start, end, reason })) ?? [];
    return this.act(request, id, 'AnswerInformationRequest', { ...input, redactions, reviewId: newAggregateId(request, `review:${id}`) });
  }

  @Mutation(() => InformationRequest, { description: 'Records an administrative reconsideration or a lawsuit about the request, and its result.' })
  async recordRequestAppeal(
    @CurrentRequest() request: GatewayContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('kind', { type: () => AppealKind }) kind: string,
    @Args('result', { type: () => AppealResult }) result: string,
    @Args('decidedOn', { type: () => LocalDateValue, nullable: true }) decidedOn: string | null,
  ): Promise<InformationRequest> {
    return this.act(request, id, 'RecordRequestAppeal', { kind, result, decidedOn });
  }

  @Mutation(() => InformationRequest, { description: 'Forgets the applicant’s personal data when its retention period ends (admin): the key is erased, the history stays.' })
  async eraseApplicantPersonalData(
    @CurrentRequest() request: GatewayContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('reason', { type: () => String }) reason: string,
  ): Promise<InformationRequest> {
    await this.commands.execute(request, CONTEXTS.requests, 'EraseApplicantPersonalData', { requestId: id, reason }, commandOptions(request, reason));
    // After the event, so that only an authorised, recorded erasure destroys the key; repeating it finishes a half-done one.
    await this.vault.eraseKey(id);
    return this.current(id, request.actor);
  }

  private async act(request: GatewayContext, id: string, type: string, data: object, options: CommandOptions = {}): Promise<InformationRequest> {
    await this.commands.execute(request, CONTEXTS.requests, type, { ...data, requestId: id }, { ...commandOptions(request), ...options });
    return this.current(id, request.actor);
  }

  private async current(id: string, actor: Actor): Promise<InformationRequest> {
    const doc = await this.requests().findOne({ _id: id });
    if (!doc || !readsRequest(actor, doc)) throw notFound('INFORMATION_REQUEST_NOT_FOUND', `There is no information request ${id}.`);
    return toInformationRequest(doc, this.today());
  }

  private today(): string {
    return localDateOf(this.clock.now());
  }

  private requests() {
    return this.store.collection<InformationRequestDocument>(INFORMATION_REQUESTS);
  }
}
