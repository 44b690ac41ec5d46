import { localDateOf } from '@gongkai/calendar';
import { CLOCK, type Clock, PERSONAL_DATA_VAULT, type PersonalDataVault } from '@gongkai/event-sourcing';
import { CurrentActor, decodeCursor, LocalDateValue, pageSize, toPage } from '@gongkai/graphql';
import { type Actor, requireBureauReader } from '@gongkai/kernel';
import { READ_STORE, type ReadStore } from '@gongkai/read-store';
import { Inject, Logger } from '@nestjs/common';
import { Args, ID, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { applicationOfMonthIn } from '../applicant-monthly-count';
import { INFORMATION_REQUESTS, type InformationRequestDocument } from '../information-request-document';
import { personalDataAccess, readsRequest, requestListFilter } from '../information-request-visibility';
import { openApplicant } from '../personal-data/applicant-seal';
import { ApplicantDetails, InformationRequest, InformationRequestConnection } from './information-request.types';
import { RequestStatus } from './request-enums';
import { toInformationRequest } from './to-information-request';

/** The staff console of requests: lists, one request with its timeline, and who may open the applicant's data. */
@Resolver(() => InformationRequest)
export class InformationRequestsResolver {
  private readonly logger = new Logger('InformationRequests');

  constructor(
    @Inject(READ_STORE) private readonly store: ReadStore,
    @Inject(PERSONAL_DATA_VAULT) private readonly vault: PersonalDataVault,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Query(() => InformationRequest, { nullable: true, description: 'One request (staff); null when it does not exist or is outside your agency.' })
  async informationRequest(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<InformationRequest | null> {
    requireBureauReader(actor);
    const doc = await this.requests().findOne({ _id: id });
    return doc && readsRequest(actor, doc) ? toInformationRequest(doc, this.today()) : null;
  }

  @Query(() => InformationRequestConnection, {
    description: 'Requests of your agencies (staff), soonest due first. dueBefore: today gives the overdue list; a later day the due-soon list.',
  })
  async informationRequests(
    @CurrentActor() actor: Actor,
    @Args('status', { type: () => RequestStatus, nullable: true }) status: string | null,
    @Args('dueBefore', { type: () => LocalDateValue, nullable: true }) dueBefore: string | null,
    @Args('first', { type: () => Int, nullable: true }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<InformationRequestConnection> {
    requireBureauReader(actor);
    const limit = pageSize(first);
    const offset = decodeCursor(after);
    const filter = requestListFilter(actor, { status, dueBefore });
    const [documents, totalCount] = await Promise.all([
      this.requests().find(filter, { sort: { answerDueOn: 1, receivedOn: 1, _id: 1 }, skip: offset, limit }),
      this.requests().count(filter),
    ]);
    const today = this.today();
    return toPage(documents, offset, totalCount, (doc) => toInformationRequest(doc, today));
  }

  /** Opened per reader and per query; every opening is logged with who read it, never with what was read. */
  @ResolveField(() => ApplicantDetails, { nullable: true, description: 'The staff handling the request and auditors only; null for everyone else.' })
  async applicant(@Parent() request: InformationRequest, @CurrentActor() actor: Actor): Promise<ApplicantDetails | null> {
    const access = personalDataAccess(actor, request);
    if (!access) return null;
    this.logger.log({ msg: 'applicant personal data read', requestId: request.id, actorId: actor.id, access });
    const opened = await openApplicant(this.vault, request.sealedApplicant, request.personalDataErased);
    if (opened.erased) return { erased: true, name: null, idNumber: null, contact: null, address: null };
    return { erased: false, ...opened.data, address: opened.data.address || null };
  }

  /**
   * 国办函〔2020〕109号 counts an applicant's applications per calendar month: which one this is, the
   * basis of a fee by count. It links requests of one person, so it is shown only to those who may
   * read the applicant's data.
   */
  @ResolveField(() => Int, {
    nullable: true,
    description: 'Which application of the applicant’s calendar month of receipt this is (1 for the first); handling staff and auditors only. Null when unknown.',
  })
  async applicationsThisMonth(@Parent() request: InformationRequest, @CurrentActor() actor: Actor): Promise<number | null> {
    if (!personalDataAccess(actor, request)) return null;
    return applicationOfMonthIn(this.requests(), { _id: request.id, applicantFingerprint: request.applicantFingerprint, receivedMonth: request.receivedMonth, receivedOn: request.receivedOn, createdAt: request.createdAt });
  }

  private today(): string {
    return localDateOf(this.clock.now());
  }

  private requests() {
    return this.store.collection<InformationRequestDocument>(INFORMATION_REQUESTS);
  }
}
