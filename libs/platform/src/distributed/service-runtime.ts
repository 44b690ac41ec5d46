import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { CalendarRegistry } from '@gongkai/calendar';
import { type CheckpointStore, type EventStore, type PersonalDataVault, Relay, StreamMetadataCheckpointStore } from '@gongkai/event-sourcing';
import { EventStoreDbEventStore } from '@gongkai/event-sourcing/eventstoredb';
import { SqliteEventStore } from '@gongkai/event-sourcing/sqlite';
import { connectNats, JetStreamEventBus, NatsCommandBus } from '@gongkai/messaging/nats';
import { type JsonLogger, PlatformMetrics } from '@gongkai/observability';
import type { NatsConnection } from '@nats-io/transport-node';
import { catchUpCalendarFromEventStore, followCalendarInEventStore } from '../calendar-feed';
import { RELAY_CHECKPOINT_EVERY, RELAY_PUBLISH_WINDOW } from '../relay-settings';
import { ownStreams } from './own-streams';
import { openPersonalDataVault } from './personal-data-vault';
import type { EventStoreLocation, ServiceProcessConfig } from './process-config';

const openEventStore = (location: EventStoreLocation): { store: EventStore; checkpoints: CheckpointStore } => {
  if (location.kind === 'eventstoredb') {
    const store = EventStoreDbEventStore.connect(location.url);
    return { store, checkpoints: new StreamMetadataCheckpointStore(store) };
  }
  mkdirSync(dirname(location.file), { recursive: true });
  const store = new SqliteEventStore(location.file);
  return { store, checkpoints: store.checkpointStore() };
};

/**
 * The infrastructure of one context's service process: its event store, NATS for commands (its
 * queue group) and JetStream for events, and the relay that publishes what it appends.
 */
export class ServiceRuntime {
  /** The deciders' calendar (ctx.calendar): the loaded years, followed while the process runs. */
  readonly calendar = new CalendarRegistry();
  readonly metrics: PlatformMetrics;
  private calendarFeed: { stop(): void } | undefined;
  private stopping = false;
  private relayStarted = false;

  private constructor(
    readonly context: string,
    readonly eventStore: EventStore,
    readonly checkpoints: CheckpointStore,
    readonly nats: NatsConnection,
    readonly commands: NatsCommandBus,
    readonly events: JetStreamEventBus,
    readonly personalData: PersonalDataVault,
    private readonly relay: Relay,
    metrics: PlatformMetrics,
  ) {
    this.metrics = metrics;
  }

  static async open(config: ServiceProcessConfig, logger: JsonLogger): Promise<ServiceRuntime> {
    const metrics = new PlatformMetrics(config.context);
    const { store, checkpoints } = openEventStore(config.eventStore);
    const onError = (message: string, facts: Record<string, unknown>) => logger.event('error', message, facts);
    const nats = await connectNats(config.natsUrl.split(','), `gongkai-${config.context}`, {
      onStatus: (status) => {
        if (status.type === 'reconnect') metrics.natsReconnected();
        if (status.type === 'disconnect' || status.type === 'reconnect') logger.event('warn', `nats ${status.type}`, { context: config.context });
      },
    });
    const commands = new NatsCommandBus(nats, { timeoutMs: config.commandTimeoutMs, onError });
    const events = new JetStreamEventBus(nats, { onError, replicas: config.jetStreamReplicas });
    const relay = new Relay({
      name: config.context,
      store: ownStreams(store, config.context),
      checkpoints,
      publish: (event) => events.publish(event),
      log: (entry) => logger.event(entry.level, entry.message, { ...entry.facts }),
      checkpointEvery: RELAY_CHECKPOINT_EVERY,
      publishWindow: RELAY_PUBLISH_WINDOW,
    });
    const personalData = await openPersonalDataVault(config.personalData);
    const runtime = new ServiceRuntime(config.context, store, checkpoints, nats, commands, events, personalData, relay, metrics);
    metrics.gauge('gongkai_relay_position', 'Global position of the last event this service published.', () => relay.position);
    metrics.gauge('gongkai_parked_events', 'Events set aside after repeated consumer failures.', async () => (await events.parkedEvents()).length);
    return runtime;
  }

  /** Before taking commands: the years loaded so far, then every change within a second. */
  async followCalendar(logger: JsonLogger): Promise<void> {
    await catchUpCalendarFromEventStore(this.calendar, this.eventStore);
    this.calendarFeed = followCalendarInEventStore(this.calendar, this.eventStore, (error) => logger.event('warn', 'could not read the working-day calendar', { error: String(error) }));
  }

  async startRelay(): Promise<void> {
    await this.relay.start();
    this.relayStarted = true;
  }

  readiness(): { ready: boolean; detail: Record<string, unknown> } {
    const connected = !this.nats.isClosed();
    return { ready: !this.stopping && connected && this.relayStarted, detail: { context: this.context, nats: connected, relayPosition: this.relay.position, stopping: this.stopping } };
  }

  /** Readiness turns false first, so that the load balancer stops sending before anything closes. */
  beginShutdown(): void {
    this.stopping = true;
  }

  /** After the commands in flight are answered: stop publishing, close the streams and the store. */
  async close(): Promise<void> {
    this.stopping = true;
    await this.relay.stop();
    this.calendarFeed?.stop();
    await this.events.close();
    await this.nats.drain().catch(() => this.nats.close());
    await this.eventStore.close();
    await this.personalData.close();
  }
}
