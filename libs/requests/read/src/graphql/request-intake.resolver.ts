import { localDateOf } from '@gongkai/calendar';
import { CONTEXTS } from '@gongkai/contracts';
import { CLOCK, type Clock, PERSONAL_DATA_VAULT, type PersonalDataVault } from '@gongkai/event-sourcing';
import { CommandGateway, commandOptions, CurrentRequest, decodeCursor, type GatewayContext, LocalDateValue, newAggregateId, pageSize, RateLimited, toPage } from '@gongkai/graphql';
import { accessKeyHash, accessKeyOpens, conflict, newAccessKey, newTrackingCode, normaliseTrackingCode, requireRole, requireTrackingCode } from '@gongkai/kernel';
import { READ_STORE, type ReadStore } from '@gongkai/read-store';
import { validateApplicantPersonalData } from '@gongkai/requests/domain';
import { Inject } from '@nestjs/common';
import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { INFORMATION_REQUESTS, type InformationRequestDocument, PUBLISHED_REQUEST_ANSWERS, type PublishedRequestAnswerDocument } from '../information-request-document';
import { trackingView } from '../information-request-visibility';
import { APPLICANT_FINGERPRINTS, type ApplicantFingerprints } from '../personal-data/applicant-fingerprint';
import { sealApplicant } from '../personal-data/applicant-seal';
import { InformationRequestInput } from './information-request.inputs';
import { InformationRequestReceipt, PublishedRequestAnswerConnection, RequestTracking } from './request-tracking.types';
import { RequestChannel } from './request-enums';
import { toPublishedRequestAnswer, toRequestTracking } from './to-information-request';

/**
 * The public side of requests: submitting, following a request with its tracking code and access
 * key, and reading published answers; and staff registering requests received on paper.
 *
 * The applicant's personal data is validated and encrypted here, before the command is sent, so
 * that it crosses the command bus, the decider and the event store only as ciphertext.
 */
@Resolver()
export class RequestIntakeResolver {
  constructor(
    @Inject(READ_STORE) private readonly store: ReadStore,
    @Inject(PERSONAL_DATA_VAULT) private readonly vault: PersonalDataVault,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly commands: CommandGateway,
    @Inject(APPLICANT_FINGERPRINTS) private readonly fingerprints: ApplicantFingerprints,
  ) {}

  /** Flooding is refused per client: a person files a handful of requests, not hundreds. */
  @RateLimited({ name: 'submit-information-request', points: 10, durationSeconds: 600 })
  @Mutation(() => InformationRequestReceipt, { description: 'Submits a request online; received today (Regulations Art. 31). Keep the access key: it is shown once.' })
  async submitInformationRequest(@CurrentRequest() request: GatewayContext, @Args('input', { type: () => InformationRequestInput }) input: InformationRequestInput): Promise<InformationRequestReceipt> {
    return this.receive(request, 'SubmitInformationRequest', input, {});
  }

  @Mutation(() => InformationRequestReceipt, { description: 'Registers a request received by letter, in person or by fax, with its date of receipt (staff).' })
  async registerInformationRequest(
    @CurrentRequest() request: GatewayContext,
    @Args('input', { type: () => InformationRequestInput }) input: InformationRequestInput,
    @Args('channel', { type: () => RequestChannel }) channel: string,
    @Args('receivedOn', { type: () => LocalDateValue }) receivedOn: string,
  ): Promise<InformationRequestReceipt> {
    // Checked here as well as in the decider: nothing is validated or encrypted for someone who may not register.
    requireRole(request.actor, 'staff', 'office');
    return this.receive(request, 'RegisterInformationRequest', input, { channel, receivedOn });
  }

  /**
   * Wrong keys are slowed per client, and every failure — unknown code or wrong key — answers the
   * same null after the same work, so that guessing learns nothing about which codes exist. A code
   * not in the issued format is refused (INVALID_TRACKING_CODE): the format is public, so that
   * tells nothing either; it still counts against the limit, which is consulted first.
   */
  @RateLimited({ name: 'track-information-request', points: 10, durationSeconds: 60 })
  @Query(() => RequestTracking, { nullable: true, description: 'Follows a request with its tracking code and access key; null when they do not match.' })
  async trackInformationRequest(
    @Args('trackingCode', { type: () => String }) trackingCode: string,
    @Args('accessKey', { type: () => String }) accessKey: string,
  ): Promise<RequestTracking | null> {
    const code = requireTrackingCode(normaliseTrackingCode(trackingCode));
    const doc = await this.requests().findOne({ trackingCode: code });
    if (!accessKeyOpens(doc?.accessKeyHash, accessKey) || !doc) return null;
    return toRequestTracking(trackingView(doc, localDateOf(this.clock.now())));
  }

  @Query(() => PublishedRequestAnswerConnection, { description: 'Disclosed answers whose content a reviewer approved for publication, newest first.' })
  async publishedRequestAnswers(
    @Args('first', { type: () => Int, nullable: true }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<PublishedRequestAnswerConnection> {
    const limit = pageSize(first);
    const offset = decodeCursor(after);
    const answers = this.store.collection<PublishedRequestAnswerDocument>(PUBLISHED_REQUEST_ANSWERS);
    const [documents, totalCount] = await Promise.all([answers.find({}, { sort: { publishedAt: -1, _id: 1 }, skip: offset, limit }), answers.count({})]);
    return toPage(documents, offset, totalCount, toPublishedRequestAnswer);
  }

  private async receive(request: GatewayContext, type: string, input: InformationRequestInput, more: Record<string, string>): Promise<InformationRequestReceipt> {
    const personal = validateApplicantPersonalData({ ...input });
    const requestId = newAggregateId(request, 'information-request');
    const accessKey = newAccessKey();
    const applicant = await sealApplicant(this.vault, requestId, personal);
    const data = {
      requestId,
      trackingCode: await this.unusedTrackingCode(),
      accessKeyHash: accessKeyHash(accessKey),
      applicantType: input.applicantType,
      applicant,
      // Keyed, so that the monthly count of 国办函〔2020〕109号 needs no identity number in clear.
      applicantFingerprint: this.fingerprints.of(personal.idNumber),
      description: input.description,
      preferredForm: input.preferredForm,
      ...(input.delivery ? { delivery: input.delivery } : {}),
      ...(input.agencyCode ? { agencyCode: input.agencyCode } : {}),
      ...more,
    };
    // A refused command leaves a key that encrypts nothing stored anywhere: harmless, and a retry under the same idempotency key reuses it.
    await this.commands.execute(request, CONTEXTS.requests, type, data, commandOptions(request));
    const doc = await this.requests().findOne({ _id: requestId });
    // A retry under the same idempotency key finds the first request: its key was given out then, and is not stored.
    if (doc && doc.accessKeyHash !== data.accessKeyHash) {
      throw conflict('RECEIPT_ALREADY_ISSUED', 'This request was already received; its access key was shown once, in the first receipt.');
    }
    return { id: requestId, trackingCode: data.trackingCode, accessKey, receivedOn: doc?.receivedOn ?? localDateOf(this.clock.now()), answerDueOn: doc?.answerDueOn ?? null };
  }

  /** 40 random bits make a collision unlikely; checking makes it impossible in practice. */
  private async unusedTrackingCode(): Promise<string> {
    const year = Number(localDateOf(this.clock.now()).slice(0, 4));
    for (;;) {
      const code = newTrackingCode(year);
      if (!(await this.requests().findOne({ trackingCode: code }))) return code;
    }
  }

  private requests() {
    return this.store.collection<InformationRequestDocument>(INFORMATION_REQUESTS);
  }
}
