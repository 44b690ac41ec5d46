import { contractContext, type ReadStoreFactory } from './contract-context';
import { indexContract } from './contract-indexes';
import { queryContract } from './contract-queries';
import { sharedRunnersContract } from './contract-shared-runners';
import { updateContract } from './contract-updates';
import { writeContract } from './contract-writes';

export type { ReadStoreFactory } from './contract-context';

/**
 * The behaviour every ReadStore adapter owes its callers: MongoDB's, since the port speaks MongoDB.
 * Each test works in collections of its own, so adapters may share one database.
 */
export function describeReadStoreContract(name: string, factory: ReadStoreFactory): void {
  describe(`ReadStore contract: ${name}`, () => {
    const ctx = contractContext(factory);
    queryContract(ctx);
    updateContract(ctx);
    writeContract(ctx);
    indexContract(ctx);
    sharedRunnersContract(ctx);
  });
}
