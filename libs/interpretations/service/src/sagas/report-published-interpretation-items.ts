import { CONTEXTS } from '@gongkai/contracts';
import type { RecordedEvent } from '@gongkai/event-sourcing';
import { systemActor } from '@gongkai/kernel';
import type { CommandBus, EventConsumer } from '@gongkai/messaging';

const actor = systemActor('interpretations.publication');

const PUBLISHED = new Set(['InterpretationPublished', 'OpinionResponsePublished']);

/**
 * Tells the review gate that an approved version is out, whenever it went out: at once, or — for
 * an interpretation approved before its document — with the document.
 */
export const reportPublishedInterpretationItems = (commands: CommandBus): EventConsumer => ({
  durableName: 'interpretations.report-published',
  contexts: [CONTEXTS.interpretations],
  async handle(event: RecordedEvent) {
    if (!PUBLISHED.has(event.type)) return;
    const { reviewId } = event.data as { reviewId: string };
    await commands.send({
      context: CONTEXTS.oversight,
      type: 'RecordReviewedVersionPublished',
      data: { reviewId },
      metadata: { actor, correlationId: event.metadata.correlationId, causationId: event.id, idempotencyKey: `published:${reviewId}` },
    });
  },
});
