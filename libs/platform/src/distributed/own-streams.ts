import type { EventStore } from '@gongkai/event-sourcing';
import { contextOfStream } from '@gongkai/messaging';

/**
 * The store as one context's relay sees it: only that context's streams. Services may share one
 * log (an SQLite file on one host, or EventStoreDB), and each publishes only what it owns.
 */
export const ownStreams = (store: Pick<EventStore, 'subscribeToAll'>, context: string): Pick<EventStore, 'subscribeToAll'> => ({
  subscribeToAll: (options, handler) => store.subscribeToAll(options, (event) => (contextOfStream(event.streamId) === context ? handler(event) : Promise.resolve())),
});
