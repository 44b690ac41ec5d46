import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterMongo, RateLimiterRes, RLWrapperTimeouts } from 'rate-limiter-flexible';

/** How often one client may call one mutation: `points` calls per `durationSeconds`. */
export interface RateLimit {
  readonly name: string;
  readonly points: number;
  readonly durationSeconds: number;
}

/** Where the gateway counts calls: each runtime provides the store that fits how many replicas it runs. */
export const RATE_LIMIT_STORE = Symbol('RateLimitStore');

export interface RateLimitStore {
  /** A limiter for one limit; asked once per limit name and process. */
  limiterFor(limit: RateLimit): RateLimiterAbstract;
}

/** Counters in this process: right where one process answers every call (embedded, a gateway without MongoDB). */
export const inProcessRateLimits: RateLimitStore = {
  limiterFor: (limit) => new RateLimiterMemory({ keyPrefix: limit.name, points: limit.points, duration: limit.durationSeconds }),
};

/** One collection for every limit; its documents expire through the TTL index the limiter creates on `expire`. */
export const RATE_LIMIT_COLLECTION = '_rate_limits';

/** What RateLimiterMongo needs of a mongoose connection (or a native `Db`): collections by name. */
export interface RateLimitDatabase {
  collection(name: string): unknown;
}

/**
 * Counters in MongoDB, so that every gateway replica behind the Service counts the same calls: with
 * N replicas a caller guessing a tracker's access key would otherwise get N times the limit.
 */
export class MongoRateLimits implements RateLimitStore {
  constructor(
    private readonly database: RateLimitDatabase,
    /** Mongoose holds operations while disconnected (10 s); a limited call should not wait that long. */
    private readonly timeoutMs = 1000,
  ) {}

  /**
   * Creates the collection's indexes (TTL on `expire`, unique per key), awaited at the gateway's
   * start: the limiter would otherwise create them in the background on first use, and a failure
   * then would leave counters that never expire, with nothing but a console line to say so.
   */
  async createIndexes(): Promise<void> {
    await new RateLimiterMongo({ storeClient: this.database, tableName: RATE_LIMIT_COLLECTION, disableIndexesCreation: true, points: 1, duration: 1 }).createIndexes();
  }

  limiterFor(limit: RateLimit): RateLimiterAbstract {
    const shared = new RateLimiterMongo({
      storeClient: this.database,
      tableName: RATE_LIMIT_COLLECTION,
      disableIndexesCreation: true,
      keyPrefix: limit.name,
      points: limit.points,
      duration: limit.durationSeconds,
    });
    // While MongoDB fails or does not answer in time each replica counts on its own: limits degrade
    // to per replica instead of refusing every anonymous call or letting floods through. The
    // insurance sits on the wrapper alone, so a call that times out and then fails counts once.
    return new RLWrapperTimeouts({ limiter: shared, timeoutMs: this.timeoutMs, insuranceLimiter: inProcessRateLimits.limiterFor(limit) });
  }
}

export type RateLimitOutcome = { readonly allowed: true } | { readonly allowed: false; readonly retryAfterSeconds: number };

/** The limiters of one process, one per limit name, made on first use from the runtime's store. */
export class RateLimiters {
  private readonly limiters = new Map<string, RateLimiterAbstract>();

  constructor(private readonly store: RateLimitStore) {}

  async consume(limit: RateLimit, clientKey: string): Promise<RateLimitOutcome> {
    try {
      await this.limiterFor(limit).consume(clientKey);
      return { allowed: true };
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) return { allowed: false, retryAfterSeconds: Math.ceil(rejection.msBeforeNext / 1000) };
      throw rejection;
    }
  }

  private limiterFor(limit: RateLimit): RateLimiterAbstract {
    let limiter = this.limiters.get(limit.name);
    if (!limiter) {
      limiter = this.store.limiterFor(limit);
      this.limiters.set(limit.name, limiter);
    }
    return limiter;
  }
}
