import { randomUUID } from 'node:crypto';
import mongoose from 'mongoose';
import { describePersonalDataVaultContract } from '../personal-data/personal-data-vault-contract';
import { MongoPersonalDataVault } from './mongo-personal-data-vault';

const uri = process.env['MONGODB_URI'];
const DATABASE = 'gongkai-personal-data-test';

if (uri) {
  let connection: mongoose.Connection;
  beforeAll(async () => {
    connection = await mongoose.createConnection(uri).asPromise();
  });
  afterAll(() => connection.close());

  /** A collection per test, so that tests (and parallel runs) never see each other's subjects. */
  const freshVault = () => {
    const collection = `keys_${randomUUID().replaceAll('-', '')}`;
    const vault = new MongoPersonalDataVault(connection, { database: DATABASE, collection });
    const drop = () => connection.getClient().db(DATABASE).dropCollection(collection).then(() => undefined, () => undefined);
    return { vault, collection, drop };
  };

  describePersonalDataVaultContract('MongoDB', async () => {
    const { vault, drop } = freshVault();
    return {
      vault,
      cleanup: async () => {
        await vault.close();
        await drop();
      },
    };
  });

  describe('MongoDB personal-data vault shared by several processes', () => {
    it('keeps keys across a restart, and lets every process see an erasure', async () => {
      const { vault: first, collection, drop } = freshVault();
      await first.createKey('request-1');
      const sealed = await first.encrypt('request-1', '李四');
      await first.close();
      const second = await MongoPersonalDataVault.connect(uri, { database: DATABASE, collection });
      const third = await MongoPersonalDataVault.connect(uri, { database: DATABASE, collection });
      expect(await second.decrypt('request-1', sealed)).toBe('李四');
      await third.eraseKey('request-1');
      expect(await second.decrypt('request-1', sealed)).toBeUndefined();
      await expect(second.createKey('request-1')).rejects.toThrow(/has been erased/);
      await Promise.all([second.close(), third.close()]);
      await drop();
    });

    it('gives a subject one key when two processes create it at once', async () => {
      const { vault, collection, drop } = freshVault();
      const other = await MongoPersonalDataVault.connect(uri, { database: DATABASE, collection });
      await Promise.all([vault.createKey('request-1'), other.createKey('request-1')]);
      expect(await vault.decrypt('request-1', await other.encrypt('request-1', '王五'))).toBe('王五');
      await other.close();
      await drop();
    });
  });
} else {
  describe('MongoPersonalDataVault', () => {
    it('runs the PersonalDataVault contract against MongoDB when MONGODB_URI is set (it is not set here)', () => {
      expect(process.env['MONGODB_URI']).toBeUndefined();
    });
  });
}
