import { CONTEXTS, PUBLICATION_REVIEW_APPROVED, type PublicationReviewApprovedData, type PublicationSubject, REVIEWED_VERSION_OUTDATED } from '@gongkai/contracts';
import type { RecordedEvent } from '@gongkai/event-sourcing';
import { isDomainError, systemActor } from '@gongkai/kernel';
import type { CommandBus } from './command-bus';
import type { EventConsumer } from './event-bus';

/** The owning context's command that publishes one reviewed item. */
export interface ReviewedPublication {
  readonly type: string;
  readonly data: Readonly<Record<string, unknown>>;
}

export interface PublishReviewedVersionsOptions {
  /** The owning context, where the publishing command goes. */
  readonly context: string;
  readonly durableName: string;
  /** The command for an approved subject of this context; undefined for another context's items. */
  readonly publicationOf: (subject: PublicationSubject, reviewId: string) => ReviewedPublication | undefined;
  /**
   * Whether to tell the review gate at once that the version is out. A context that publishes
   * some approved items later (an interpretation waits for its policy) tells it when it does.
   */
  readonly recordsPublication?: boolean;
}

/**
 * 先审查、后公开, the owning context's half of the review gate: when a reviewer approves, publish
 * exactly the reviewed version; if the item changed in the meantime the owner refuses
 * (REVIEWED_VERSION_OUTDATED), nothing is published and the review is superseded.
 */
export const publishReviewedVersions =
  (options: PublishReviewedVersionsOptions) =>
  (commands: CommandBus): EventConsumer => {
    const actor = systemActor(`${options.context}.publication`);
    return {
      durableName: options.durableName,
      contexts: [CONTEXTS.oversight],
      async handle(event: RecordedEvent) {
        if (event.type !== PUBLICATION_REVIEW_APPROVED) return;
        const { reviewId, subject } = event.data as PublicationReviewApprovedData;
        const publication = options.publicationOf(subject, reviewId);
        if (!publication) return;
        const metadata = { actor, correlationId: event.metadata.correlationId, causationId: event.id };
        try {
          await commands.send({ context: options.context, ...publication, metadata: { ...metadata, idempotencyKey: `publish:${reviewId}` } });
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
        if (options.recordsPublication === false) return;
        await commands.send({
          context: CONTEXTS.oversight,
          type: 'RecordReviewedVersionPublished',
          data: { reviewId },
          metadata: { ...metadata, idempotencyKey: `published:${reviewId}` },
        });
      },
    };
  };
