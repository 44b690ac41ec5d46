import { InMemoryCheckpointStore } from './in-memory-checkpoint-store';
import { describeCheckpointStoreContract } from './testing';

describeCheckpointStoreContract('in memory', async () => ({ store: new InMemoryCheckpointStore(), cleanup: async () => undefined }));
