import type { CheckpointStore } from './checkpoint-store';
import type { EventStore } from './event-store';

const CHECKPOINT_STREAM_PREFIX = 'gongkai-checkpoint.';

/**
 * Checkpoints kept in the event store itself, as the metadata of one otherwise empty stream per
 * checkpoint. A service on EventStoreDB then needs no second database for its relay's position.
 */
export class StreamMetadataCheckpointStore implements CheckpointStore {
  constructor(private readonly store: Pick<EventStore, 'getStreamMetadata' | 'setStreamMetadata'>) {}

  async load(name: string): Promise<number | undefined> {
    const metadata = await this.store.getStreamMetadata(CHECKPOINT_STREAM_PREFIX + name);
    const position = metadata?.['position'];
    return typeof position === 'number' ? position : undefined;
  }

  async save(name: string, position: number): Promise<void> {
    await this.store.setStreamMetadata(CHECKPOINT_STREAM_PREFIX + name, { position });
  }
}
