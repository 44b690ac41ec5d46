import { InMemoryPersonalDataVault } from './in-memory-personal-data-vault';
import { describePersonalDataVaultContract } from './personal-data-vault-contract';

describePersonalDataVaultContract('in memory', async () => {
  const vault = new InMemoryPersonalDataVault();
  return { vault, cleanup: () => vault.close() };
});
