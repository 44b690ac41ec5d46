import { CONTEXTS, PUBLICATION_REVIEW_APPROVED, type PublicationReviewApprovedData, type PublicationSubject, REVIEWED_VERSION_OUTDATED } from '@gongkai/contracts';
import type { RecordedEvent } from '@gongkai/event-sourcing';
import { isDomainError, systemActor } from '@gongkai/kernel';
import type { CommandBus, EventConsumer } from '@gongkai/messaging';
import { ANNUAL_REPORT_ITEM_TYPE, POWER_LIST_ITEM_TYPE } from '@gongkai/oversight/domain';

const actor = systemActor('oversight.publication');

/** The command that publishes exactly the reviewed version of one of oversight's own items. */
const PUBLISHERS: Readonly<Record<string, (subject: PublicationSubject, reviewId: string) => { type: string; data: object }>> = {
  [POWER_LIST_ITEM_TYPE]: (subject, reviewId) => ({
    type: 'PublishReviewedPowerListItem',
    data: { itemId: subject.itemId, version: subject.itemVersion, contentHash: subject.contentHash, reviewId },
  }),
  // The annual report's item id is `<agency>-<year>`.
  [ANNUAL_REPORT_ITEM_TYPE]: (subject, reviewId) => ({
    type: 'PublishReviewedAnnualReport',
    data: { agencyCode: subject.agencyCode, year: Number(subject.itemId.slice(subject.itemId.lastIndexOf('-') + 1)), version: subject.itemVersion, contentHash: subject.contentHash, reviewId },
  }),
};

/**
 * 先审查、后公开 for oversight's own publications (the power and responsibility list, the annual
 * report): an approval publishes exactly the reviewed version; if it changed meanwhile, nothing is
 * published and the review is superseded.
 */
export const publishReviewedOversightItems = (commands: CommandBus): EventConsumer => ({
  durableName: 'oversight.publish-reviewed',
  contexts: [CONTEXTS.oversight],
  async handle(event: RecordedEvent) {
    if (event.type !== PUBLICATION_REVIEW_APPROVED) return;
    const { reviewId, subject } = event.data as PublicationReviewApprovedData;
    const publisher = PUBLISHERS[subject.itemType];
    if (!publisher) return;
    const metadata = { actor, correlationId: event.metadata.correlationId, causationId: event.id };
    try {
      await commands.send({ context: CONTEXTS.oversight, ...publisher(subject, reviewId), metadata: { ...metadata, idempotencyKey: `publish:${reviewId}` } });
    } catch (error) {
      if (!isDomainError(error) || error.rule !== REVIEWED_VERSION_OUTDATED) throw error;
      await commands.send({
        context: CONTEXTS.oversight,
        type: 'SupersedePublicationReview',
        data: { reviewId, reason: error.message },
        metadata: { ...metadata, idempotencyKey: `supersede:${reviewId}` },
      });
      return;
    }
    await commands.send({ context: CONTEXTS.oversight, type: 'RecordReviewedVersionPublished', data: { reviewId }, metadata: { ...metadata, idempotencyKey: `published:${reviewId}` } });
  },
});
