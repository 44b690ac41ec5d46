import { randomUUID } from 'node:crypto';
import mongoose from 'mongoose';
import { MongoRateLimits, RATE_LIMIT_COLLECTION, type RateLimit, RateLimiters } from './rate-limit-store';

const uri = process.env['MONGODB_URI'];

if (uri) {
  describe('MongoDB rate limits shared by gateway replicas', () => {
    /** Two replicas, each with its own connection to the read models' database. */
    let replicas: mongoose.Connection[] = [];
    /** A limit of its own per run, so that parallel runs never count each other's calls. */
    const trackerLookups: RateLimit = { name: `request-tracking-${randomUUID()}`, points: 4, durationSeconds: 60 };

    beforeAll(async () => {
      replicas = await Promise.all([mongoose.createConnection(uri).asPromise(), mongoose.createConnection(uri).asPromise()]);
    });
    afterAll(async () => {
      await replicas[0]?.collection(RATE_LIMIT_COLLECTION).deleteMany({ key: { $regex: `^${trackerLookups.name}:` } });
      await Promise.all(replicas.map((replica) => replica.close()));
    });

    it('refuses a client the calls beyond the limit whichever replica answers them', async () => {
      const first = new RateLimiters(new MongoRateLimits(replicas[0]!));
      const second = new RateLimiters(new MongoRateLimits(replicas[1]!));
      const alternating = [first, second, first, second, first, second];

      const outcomes = [];
      for (const replica of alternating) outcomes.push(await replica.consume(trackerLookups, '203.0.113.7'));

      expect(outcomes.map((outcome) => outcome.allowed)).toEqual([true, true, true, true, false, false]);
      expect(outcomes[4]).toMatchObject({ allowed: false, retryAfterSeconds: expect.any(Number) });
      expect(await second.consume(trackerLookups, '198.51.100.2')).toEqual({ allowed: true });
    });

    it('creates, when the gateway starts, the TTL index that expires the counters and the unique index per key', async () => {
      const collection = replicas[0]!.collection(RATE_LIMIT_COLLECTION);
      await new MongoRateLimits(replicas[0]!).createIndexes();

      const indexes = await collection.indexes();
      expect(indexes).toContainEqual(expect.objectContaining({ key: { expire: -1 }, expireAfterSeconds: 0 }));
      expect(indexes).toContainEqual(expect.objectContaining({ key: { key: 1 }, unique: true }));
    });
  });
} else {
  describe('MongoRateLimits', () => {
    it('shares rate limits between gateway replicas through MongoDB when MONGODB_URI is set (it is not set here)', () => {
      expect(process.env['MONGODB_URI']).toBeUndefined();
    });
  });
}
