import { StreamMetadataCheckpointStore } from '../stream-metadata-checkpoint-store';
import { describeCheckpointStoreContract, describeEventStoreContract } from '../testing';
import { EventStoreDbEventStore } from './eventstoredb-event-store';

/**
 * Runs against a live server when EVENTSTORE_URL is set (deploy/ compose starts one), e.g.
 * EVENTSTORE_URL='esdb://localhost:2113?tls=false'. Without it there is nothing to run against;
 * the single test below records that rather than skipping.
 */
const url = process.env['EVENTSTORE_URL'];

if (url) {
  describeEventStoreContract('EventStoreDB', async () => {
    const store = EventStoreDbEventStore.connect(url);
    return { store, cleanup: () => store.close() };
  });
  describeCheckpointStoreContract('stream metadata in EventStoreDB', async () => {
    const events = EventStoreDbEventStore.connect(url);
    return { store: new StreamMetadataCheckpointStore(events), cleanup: () => events.close() };
  });
} else {
  test('EventStoreDB contract runs when EVENTSTORE_URL is set', () => {
    expect(url).toBeUndefined();
  });
}
