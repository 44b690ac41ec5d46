export * from './event-store-contract';
export * from './checkpoint-store-contract';
export { anEvent, someEvents, uniqueStreamId, waitFor } from './contract-fixtures';
