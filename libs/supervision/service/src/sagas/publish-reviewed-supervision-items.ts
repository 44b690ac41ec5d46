import { CONTEXTS, PUBLICATION_REVIEW_APPROVED, type PublicationReviewApprovedData, type PublicationSubject, REVIEWED_VERSION_OUTDATED } from '@gongkai/contracts';
import type { RecordedEvent } from '@gongkai/event-sourcing';
import { isDomainError, systemActor } from '@gongkai/kernel';
import type { CommandBus, EventConsumer } from '@gongkai/messaging';
import { SUPERVISION_PUBLICATION_ITEM_TYPES } from '@gongkai/supervision/domain';

const actor = systemActor('supervision.publication');

interface Publication {
  readonly type: string;
  readonly data: Record<string, unknown>;
}

/** The command that publishes each kind of reviewed item, addressed to the aggregate that owns it. */
const publicationOf = (subject: PublicationSubject, reviewId: string): Publication | undefined => {
  const { itemId, itemVersion, contentHash } = subject;
  switch (subject.itemType) {
    case SUPERVISION_PUBLICATION_ITEM_TYPES.disclosure:
      return { type: 'PublishReviewedDisclosure', data: { disclosureId: itemId, version: itemVersion, contentHash, reviewId } };
    case SUPERVISION_PUBLICATION_ITEM_TYPES.disclosureImport:
      return { type: 'PublishReviewedDisclosureImport', data: { importId: itemId, contentHash, reviewId } };
    case SUPERVISION_PUBLICATION_ITEM_TYPES.enterpriseRegisterChange:
      return { type: 'PublishReviewedRegisterChange', data: { creditCode: itemId, sequence: itemVersion, contentHash, reviewId } };
    default:
      return undefined;
  }
};

/**
 * 先审查、后公开: when a reviewer approves a disclosure record, an import or a register change,
 * publish exactly what was reviewed. If it changed in the meantime nothing is published and the
 * review is superseded.
 */
export const publishReviewedSupervisionItems = (commands: CommandBus): EventConsumer => ({
  durableName: 'supervision.publish-reviewed',
  contexts: [CONTEXTS.oversight],
  async handle(event: RecordedEvent) {
    if (event.type !== PUBLICATION_REVIEW_APPROVED) return;
    const { reviewId, subject } = event.data as PublicationReviewApprovedData;
    const publication = publicationOf(subject, reviewId);
    if (!publication) return;
    const metadata = { actor, correlationId: event.metadata.correlationId, causationId: event.id };
    try {
      await commands.send({ context: CONTEXTS.supervision, ...publication, metadata: { ...metadata, idempotencyKey: `publish:${reviewId}` } });
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
