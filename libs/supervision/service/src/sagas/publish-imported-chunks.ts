import { CONTEXTS } from '@gongkai/contracts';
import type { RecordedEvent } from '@gongkai/event-sourcing';
import { systemActor } from '@gongkai/kernel';
import type { CommandBus, EventConsumer } from '@gongkai/messaging';
import type { DisclosureImportEvent } from '@gongkai/supervision/domain';

const actor = systemActor('supervision.import-publication');

type Published = Extract<DisclosureImportEvent, { type: 'DisclosureImportPublished' }>['data'];

/**
 * An approved import is published chunk by chunk: each chunk checks that its rows are the ones
 * whose hash the reviewer approved, and publishes them at the import's instant. A redelivery
 * re-sends every chunk; each answers once (its idempotency key, and its own state).
 */
export const publishImportedChunks = (commands: CommandBus): EventConsumer => ({
  durableName: 'supervision.publish-imported-chunks',
  contexts: [CONTEXTS.supervision],
  async handle(event: RecordedEvent) {
    if (event.type !== 'DisclosureImportPublished') return;
    const { importId, reviewId, chunkHashes, publishedAt } = event.data as Published;
    for (const [chunk, chunkHash] of chunkHashes.entries()) {
      await commands.send({
        context: CONTEXTS.supervision,
        type: 'PublishImportedChunk',
        data: { importId, chunk, chunkHash, reviewId, publishedAt },
        metadata: { actor, correlationId: event.metadata.correlationId, causationId: event.id, idempotencyKey: `publish:${reviewId}:${chunk}` },
      });
    }
  },
});
