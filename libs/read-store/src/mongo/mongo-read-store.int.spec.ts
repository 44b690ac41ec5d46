import { describeReadStoreContract } from '../testing';
import { MongoReadStore } from './mongo-read-store';

const uri = process.env['MONGODB_URI'];

if (uri) {
  describeReadStoreContract('MongoDB', async () => {
    const store = await MongoReadStore.connect(uri);
    return { store, cleanup: () => store.close() };
  });
} else {
  describe('MongoReadStore', () => {
    it('runs the ReadStore contract against MongoDB when MONGODB_URI is set (it is not set here)', () => {
      expect(process.env['MONGODB_URI']).toBeUndefined();
    });
  });
}
