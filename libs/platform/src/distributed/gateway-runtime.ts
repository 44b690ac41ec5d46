import { hostname } from 'node:os';
import { CalendarRegistry } from '@gongkai/calendar';
import type { PersonalDataVault } from '@gongkai/event-sourcing';
import { inProcessRateLimits, MongoRateLimits, type RateLimitStore } from '@gongkai/graphql';
import type { EventSubscription } from '@gongkai/messaging';
import { connectNats, JetStreamEventBus, NatsCommandBus } from '@gongkai/messaging/nats';
import { type JsonLogger, PlatformMetrics } from '@gongkai/observability';
import { InMemoryReadStore, ProjectionRunner, type ReadStore } from '@gongkai/read-store';
import { MongoReadStore } from '@gongkai/read-store/mongo';
import type { NatsConnection } from '@nats-io/transport-node';
import mongoose from 'mongoose';
import { takeCalendarEvent } from '../calendar-feed';
import { allProjections } from '../contexts';
import { catchUpCalendarFromReadModel } from './calendar-from-read-model';
import { openPersonalDataVault } from './personal-data-vault';
import type { GatewayProcessConfig } from './process-config';

const SHARED_READ_MODELS_CONSUMER = 'gateway.read-models';

/**
 * The gateway's infrastructure: NATS to send commands, and the read models fed from JetStream.
 * With MongoDB every replica shares one durable consumer (one event in flight for the whole group,
 * so each event is applied once and in order); with read models in memory each replica has its own
 * consumer and rebuilds from the start of the stream.
 */
export class GatewayRuntime {
  /** Resolvers' and read models' calendar, fed from the same events as the read models. */
  readonly calendar = new CalendarRegistry();
  readonly projections: ProjectionRunner;
  private feed: EventSubscription | undefined;
  private stopping = false;

  private constructor(
    readonly nats: NatsConnection,
    readonly commands: NatsCommandBus,
    readonly events: JetStreamEventBus,
    readonly readStore: ReadStore,
    readonly metrics: PlatformMetrics,
    readonly personalData: PersonalDataVault,
    /** Shared through MongoDB by every replica when the read models are there, else this replica's own. */
    readonly rateLimits: RateLimitStore,
    private readonly consumerName: string,
    private readonly logger: JsonLogger,
  ) {
    this.projections = new ProjectionRunner(readStore, allProjections(this.calendar));
    this.metrics.gauge('gongkai_projection_position', 'Highest global position each read model has applied.', () => this.projections.checkpoints(), 'read_model');
    this.metrics.gauge('gongkai_parked_events', 'Events set aside after repeated consumer failures.', async () => (await this.events.parkedEvents()).length);
  }

  static async open(config: GatewayProcessConfig, logger: JsonLogger): Promise<GatewayRuntime> {
    const onError = (message: string, facts: Record<string, unknown>) => logger.event('error', message, facts);
    // One connection for the read models and the rate limits; the read store owns and closes it.
    const mongo = config.mongodbUri ? await mongoose.createConnection(config.mongodbUri).asPromise() : undefined;
    const readStore = mongo ? new MongoReadStore(mongo, true) : new InMemoryReadStore();
    const rateLimits = mongo ? new MongoRateLimits(mongo) : inProcessRateLimits;
    if (rateLimits instanceof MongoRateLimits) await rateLimits.createIndexes();
    const metrics = new PlatformMetrics('gateway');
    const nats = await connectNats(config.natsUrl.split(','), 'gongkai-gateway', {
      onStatus: (status) => {
        if (status.type === 'reconnect') metrics.natsReconnected();
        if (status.type === 'disconnect' || status.type === 'reconnect') logger.event('warn', `nats ${status.type}`, {});
      },
    });
    // Shared read models (MongoDB) share one durable, one event at a time; read models in memory are
    // this replica's own, and so is its consumer, which may then take events in batches.
    const consumerName = config.mongodbUri ? SHARED_READ_MODELS_CONSUMER : `${SHARED_READ_MODELS_CONSUMER}.${hostname().replace(/[^A-Za-z0-9-]/g, '-')}`;
    const commands = new NatsCommandBus(nats, { timeoutMs: config.commandTimeoutMs, onError });
    const personalData = await openPersonalDataVault(config.personalData);
    return new GatewayRuntime(nats, commands, new JetStreamEventBus(nats, { onError, replicas: config.jetStreamReplicas }), readStore, metrics, personalData, rateLimits, consumerName, logger);
  }

  /** Declares the read models (rebuilding any whose version changed) and starts feeding them. */
  async startReadModels(): Promise<void> {
    // JetStream is the history here: a projection to rebuild is emptied, and its consumer replays the stream.
    await this.projections.start([]);
    // Durable read models (MongoDB) already hold the loaded years; in memory they come with the replay.
    await catchUpCalendarFromReadModel(this.calendar, this.readStore);
    this.feed = await this.events.subscribe({
      durableName: this.consumerName,
      exclusive: this.consumerName !== SHARED_READ_MODELS_CONSUMER,
      // The calendar takes a loaded year before the read models that date requests on it see the event.
      handle: (event) => {
        takeCalendarEvent(this.calendar, event);
        return this.projections.handle(event);
      },
      checkpoint: {
        load: async () => (this.projections.position < 0 ? undefined : this.projections.position),
        save: async () => undefined, // the runner saves its checkpoints beside the read models
      },
    });
    this.logger.event('info', 'read models subscribed', { consumer: this.consumerName, position: this.projections.position });
  }

  readiness(): { ready: boolean; detail: Record<string, unknown> } {
    const connected = !this.nats.isClosed();
    return { ready: !this.stopping && connected && this.feed !== undefined, detail: { nats: connected, readModelPosition: Math.max(0, this.projections.position), stopping: this.stopping } };
  }

  beginShutdown(): void {
    this.stopping = true;
  }

  async close(): Promise<void> {
    this.stopping = true;
    await this.feed?.close();
    await this.events.close();
    await this.commands.close();
    await this.nats.drain().catch(() => this.nats.close());
    await this.readStore.close();
    await this.personalData.close();
  }
}
