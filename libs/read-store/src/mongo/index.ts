export { CHECKPOINTS, MongoReadStore } from './mongo-read-store';
