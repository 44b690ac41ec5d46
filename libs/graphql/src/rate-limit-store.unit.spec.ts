import { RateLimiterMemory } from 'rate-limiter-flexible';
import { inProcessRateLimits, MongoRateLimits, RATE_LIMIT_COLLECTION, type RateLimit, RateLimiters, type RateLimitStore } from './rate-limit-store';

const trackerLookups: RateLimit = { name: 'request-tracking', points: 3, durationSeconds: 60 };
const comments: RateLimit = { name: 'comment', points: 1, durationSeconds: 60 };

/** A MongoDB that accepted the indexes and then went away: every counter update fails, or never answers. */
const unreachableDatabase = (update: () => Promise<never> = () => Promise.reject(new Error('connection lost'))) => {
  const indexes: { collection: string; keys: unknown; options: unknown }[] = [];
  const database = {
    collection: (name: string) => ({
      createIndex: async (keys: unknown, options: unknown) => {
        indexes.push({ collection: name, keys, options });
        return 'index';
      },
      findOneAndUpdate: update,
    }),
  };
  return { database, indexes };
};

const consumeTimes = async (limiters: RateLimiters, limit: RateLimit, clientKey: string, times: number) => {
  const outcomes = [];
  for (let call = 0; call < times; call += 1) outcomes.push(await limiters.consume(limit, clientKey));
  return outcomes;
};

describe('RateLimiters', () => {
  it('asks the runtime store once per limit name and keeps counting on that limiter', async () => {
    const asked: string[] = [];
    const counting: RateLimitStore = { limiterFor: (limit) => (asked.push(limit.name), inProcessRateLimits.limiterFor(limit)) };
    const limiters = new RateLimiters(counting);

    const outcomes = await consumeTimes(limiters, trackerLookups, '203.0.113.7', 4);
    await limiters.consume(comments, '203.0.113.7');

    expect(asked).toEqual(['request-tracking', 'comment']);
    expect(outcomes.map((outcome) => outcome.allowed)).toEqual([true, true, true, false]);
    expect(outcomes[3]).toEqual({ allowed: false, retryAfterSeconds: 60 });
  });

  it('counts each client and each limit apart', async () => {
    const limiters = new RateLimiters(inProcessRateLimits);

    await consumeTimes(limiters, comments, '203.0.113.7', 1);

    expect(await limiters.consume(comments, '203.0.113.7')).toMatchObject({ allowed: false });
    expect(await limiters.consume(comments, '198.51.100.2')).toEqual({ allowed: true });
    expect(await limiters.consume(trackerLookups, '203.0.113.7')).toEqual({ allowed: true });
  });
});

describe('rate limit stores', () => {
  it('counts in this process without MongoDB', () => {
    expect(inProcessRateLimits.limiterFor(trackerLookups)).toBeInstanceOf(RateLimiterMemory);
  });

  it('counts in MongoDB, in one collection whose documents expire by a TTL index created at start, not by each limiter', async () => {
    const { database, indexes } = unreachableDatabase();

    await new MongoRateLimits(database).createIndexes();
    expect(indexes).toEqual([
      { collection: RATE_LIMIT_COLLECTION, keys: { expire: -1 }, options: { expireAfterSeconds: 0 } },
      { collection: RATE_LIMIT_COLLECTION, keys: { key: 1 }, options: { unique: true } },
    ]);

    new MongoRateLimits(database).limiterFor(trackerLookups);
    await new Promise((resolve) => setImmediate(resolve));
    expect(indexes).toHaveLength(2);
  });

  it('falls back to per-process counting while MongoDB cannot be reached, still refusing a flood', async () => {
    const limiters = new RateLimiters(new MongoRateLimits(unreachableDatabase().database));

    const outcomes = await consumeTimes(limiters, trackerLookups, '203.0.113.7', 4);

    expect(outcomes.map((outcome) => outcome.allowed)).toEqual([true, true, true, false]);
    expect(outcomes[3]).toEqual({ allowed: false, retryAfterSeconds: 60 });
    expect(await limiters.consume(trackerLookups, '198.51.100.2')).toEqual({ allowed: true });
  });

  it('does not keep a limited call waiting on a MongoDB that does not answer', async () => {
    const silent = unreachableDatabase(() => new Promise<never>(() => undefined));
    const limiters = new RateLimiters(new MongoRateLimits(silent.database, 20));
    const started = Date.now();

    const outcomes = await consumeTimes(limiters, trackerLookups, '203.0.113.7', 4);

    expect(outcomes.map((outcome) => outcome.allowed)).toEqual([true, true, true, false]);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
