import { describeReadStoreContract } from '../testing';
import { InMemoryReadStore } from './in-memory-read-store';

describeReadStoreContract('in memory (mingo)', async () => {
  const store = new InMemoryReadStore();
  return { store, cleanup: () => store.close() };
});
