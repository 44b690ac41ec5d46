import { SqliteEventStore } from './sqlite/sqlite-event-store';
import { StreamMetadataCheckpointStore } from './stream-metadata-checkpoint-store';
import { describeCheckpointStoreContract } from './testing';

describeCheckpointStoreContract('stream metadata of an SQLite event store', async () => {
  const events = new SqliteEventStore(':memory:');
  return { store: new StreamMetadataCheckpointStore(events), cleanup: () => events.close() };
});
