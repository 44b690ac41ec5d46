import { localDateOf } from '@gongkai/calendar';
import { CONTEXTS } from '@gongkai/contracts';
import { CLOCK, type Clock, PERSONAL_DATA_VAULT, type PersonalDataVault } from '@gongkai/event-sourcing';
import { CommandGateway, commandOptions, CurrentRequest, type GatewayContext, newAggregateId, RateLimited } from '@gongkai/graphql';
import { accessKeyHash, accessKeyOpens, CITY_AGENCY_CODE, conflict, newAccessKey, newTrackingCode, normaliseTrackingCode, notFound, requireText, requireTrackingCode } from '@gongkai/kernel';
import { MAX_MESSAGE_LENGTH, type MessageKind, requireRating } from '@gongkai/participation/domain';
import { READ_STORE, type ReadStore } from '@gongkai/read-store';
import { Inject } from '@nestjs/common';
import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { sealAuthor } from '../author-seal';
import { type AnswerLimitsDocument, MESSAGE_ANSWER_LIMITS, PUBLIC_MESSAGES, type PublicMessageDocument } from '../public-message-document';
import { trackingView } from '../public-message-visibility';
import { PublicMessageInput, PublicMessageReceipt, PublicMessageTracking } from './public-message.types';
import { toPublicMessageTracking } from './to-public-message';

/** The register letters of message tracking codes (YM26-…), beside requests' YF26-…. */
const MESSAGE_CODE_PREFIX = 'YM';

/**
 * The public side of messages: sending one, following it with the tracking code and access key,
 * and rating the answer. The author's name and contact are encrypted here, before the command,
 * so that they cross the command bus and the event store only as ciphertext.
 */
@Resolver()
export class PublicMessageIntakeResolver {
  constructor(
    @Inject(READ_STORE) private readonly store: ReadStore,
    @Inject(PERSONAL_DATA_VAULT) private readonly vault: PersonalDataVault,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly commands: CommandGateway,
  ) {}

  /** As for comments: a person sends a handful of messages, not hundreds. */
  @RateLimited({ name: 'submit-public-message', points: 10, durationSeconds: 600 })
  @Mutation(() => PublicMessageReceipt, { description: 'Anyone. Keep the access key: it is shown once. Name and contact are never published.' })
  async submitPublicMessage(@CurrentRequest() request: GatewayContext, @Args('input', { type: () => PublicMessageInput }) input: PublicMessageInput): Promise<PublicMessageReceipt> {
    // Checked before anything is encrypted, so that a refused message leaves no key behind.
    requireText('subject', input.subject, { max: 200 });
    requireText('text', input.text, { max: MAX_MESSAGE_LENGTH });
    const messageId = newAggregateId(request, 'public-message');
    const author = await sealAuthor(this.vault, messageId, input.authorName, input.contact);
    const accessKey = newAccessKey();
    const data = {
      messageId,
      kind: input.kind,
      subject: input.subject,
      text: input.text,
      publishable: input.publishable,
      trackingCode: await this.unusedTrackingCode(),
      accessKeyHash: accessKeyHash(accessKey),
      ...(author ? { author } : {}),
      ...(await this.answerLimitFor(input.kind)),
    };
    await this.commands.execute(request, CONTEXTS.participation, 'SubmitPublicMessage', data, commandOptions(request));
    const doc = await this.messages().findOne({ _id: messageId });
    // A retry under the same idempotency key finds the first message: its key was given out then, and is not stored.
    if (!doc || doc.accessKeyHash !== data.accessKeyHash) {
      throw conflict('RECEIPT_ALREADY_ISSUED', 'This message was already received; its access key was shown once, in the first receipt.');
    }
    return { id: messageId, trackingCode: doc.trackingCode, accessKey, receivedOn: doc.receivedOn, answerDueOn: doc.answerDueOn, complaintNote: doc.complaintNote };
  }

  /**
   * Every failure — unknown code or wrong key — answers the same null after the same work, and
   * guessing is slowed per client. A malformed code is refused (INVALID_TRACKING_CODE): its format is public.
   */
  @RateLimited({ name: 'track-public-message', points: 10, durationSeconds: 60 })
  @Query(() => PublicMessageTracking, { nullable: true, description: 'Follows a message with its tracking code and access key; null when they do not match.' })
  async trackPublicMessage(
    @Args('trackingCode', { type: () => String }) trackingCode: string,
    @Args('accessKey', { type: () => String }) accessKey: string,
  ): Promise<PublicMessageTracking | null> {
    const doc = await this.opened(trackingCode, accessKey);
    return doc ? toPublicMessageTracking(trackingView(doc, this.today())) : null;
  }

  @RateLimited({ name: 'rate-public-message', points: 10, durationSeconds: 600 })
  @Mutation(() => PublicMessageTracking, { description: 'The author rates the answer from 1 (poor) to 5 (very good); rating again replaces it.' })
  async ratePublicMessage(
    @CurrentRequest() request: GatewayContext,
    @Args('trackingCode', { type: () => String }) trackingCode: string,
    @Args('accessKey', { type: () => String }) accessKey: string,
    @Args('rating', { type: () => Int }) rating: number,
  ): Promise<PublicMessageTracking> {
    // The rule is told before the key is checked: it is no secret, and bad input changes nothing.
    requireRating(rating);
    const doc = await this.opened(trackingCode, accessKey);
    if (!doc) throw notFound('PUBLIC_MESSAGE_NOT_FOUND', 'No message matches this tracking code and access key.');
    const data = { messageId: doc._id, accessKeyHash: accessKeyHash(accessKey), rating };
    await this.commands.execute(request, CONTEXTS.participation, 'RatePublicMessage', data, commandOptions(request));
    const rated = await this.messages().findOne({ _id: doc._id });
    return toPublicMessageTracking(trackingView(rated ?? doc, this.today()));
  }

  /** The format is checked before the key, after the rate limit (a guard): it is no secret, and says nothing of which codes exist. */
  private async opened(trackingCode: string, accessKey: string): Promise<PublicMessageDocument | null> {
    const code = requireTrackingCode(normaliseTrackingCode(trackingCode));
    const doc = await this.messages().findOne({ trackingCode: code });
    return accessKeyOpens(doc?.accessKeyHash, accessKey) && doc ? doc : null;
  }

  /** The office's limit for this kind, when it set one; the decider applies the default otherwise. */
  private async answerLimitFor(kind: string): Promise<{ answerLimitWorkingDays?: number }> {
    const policy = await this.store.collection<AnswerLimitsDocument>(MESSAGE_ANSWER_LIMITS).findOne({ _id: CITY_AGENCY_CODE });
    const limit = policy?.limits[kind as MessageKind];
    return limit === undefined ? {} : { answerLimitWorkingDays: limit };
  }

  /** 40 random bits make a collision unlikely; checking makes it impossible in practice. */
  private async unusedTrackingCode(): Promise<string> {
    const year = Number(this.today().slice(0, 4));
    for (;;) {
      const code = newTrackingCode(year, MESSAGE_CODE_PREFIX);
      if (!(await this.messages().findOne({ trackingCode: code }))) return code;
    }
  }

  private today(): string {
    return localDateOf(this.clock.now());
  }

  private messages() {
    return this.store.collection<PublicMessageDocument>(PUBLIC_MESSAGES);
  }
}
