export { describeReadStoreContract, type ReadStoreFactory } from './read-store-contract';
