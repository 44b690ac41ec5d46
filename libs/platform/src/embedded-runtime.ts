import { RELAY_CHECKPOINT_EVERY } from './relay-settings';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CalendarRegistry } from '@gongkai/calendar';
import { type CheckpointStore, type EventStore, Relay } from '@gongkai/event-sourcing';
import { SqliteEventStore, SqlitePersonalDataVault } from '@gongkai/event-sourcing/sqlite';
import { type EventSubscription, InProcessCommandBus, InProcessEventBus } from '@gongkai/messaging';
import { type JsonLogger, PlatformMetrics } from '@gongkai/observability';
import { InMemoryReadStore, ProjectionRunner } from '@gongkai/read-store';
import { catchUpCalendarFromEventStore, takeCalendarEvent } from './calendar-feed';
import { allProjections } from './contexts';
import { eventLogAfter } from './event-log-source';


const RELAY_NAME = 'embedded';
/** Lag gauges count at most this many events, so that a scrape stays cheap however far behind. */
const LAG_CAP = 10_000;

/**
 * The infrastructure of the single-process platform: the SQLite event store, the in-process
 * buses fed by the relay, and the in-memory read store rebuilt from the log at every start.
 */
export class EmbeddedRuntime {
  readonly store: SqliteEventStore;
  readonly checkpoints: CheckpointStore;
  /** Applicants' personal-data keys (crypto-shredding), in a file of their own beside the event store. */
  readonly personalData: SqlitePersonalDataVault;
  readonly commands = new InProcessCommandBus();
  readonly events: InProcessEventBus;
  readonly readStore = new InMemoryReadStore();
  /** The deciders', resolvers' and read models' calendar: a year an administrator loads counts at once. */
  readonly calendar = new CalendarRegistry();
  readonly projections = new ProjectionRunner(this.readStore, allProjections(this.calendar));
  readonly metrics = new PlatformMetrics('platform');
  private readonly relay: Relay;
  private projectionFeed: EventSubscription | undefined;
  private replayedUpTo = 0;
  private relayStarted = false;

  constructor(
    eventStoreFile: string,
    private readonly logger: JsonLogger,
  ) {
    mkdirSync(dirname(eventStoreFile), { recursive: true });
    this.store = new SqliteEventStore(eventStoreFile);
    this.checkpoints = this.store.checkpointStore();
    this.personalData = SqlitePersonalDataVault.open(join(dirname(eventStoreFile), 'personal-data.db'));
    const onError = (message: string, facts: Record<string, unknown>) => logger.event('error', message, facts);
    this.events = new InProcessEventBus({ history: this.store, checkpoints: this.checkpoints, onError });
    this.relay = new Relay({
      name: RELAY_NAME,
      store: this.store,
      checkpoints: this.checkpoints,
      publish: (event) => this.events.publish(event),
      log: (entry) => logger.event(entry.level, entry.message, { ...entry.facts }),
      checkpointEvery: RELAY_CHECKPOINT_EVERY,
    });
    this.registerGauges();
  }

  /** What operators watch: how far the relay and each read model are behind the log, and what is parked. */
  private registerGauges(): void {
    const behind = async (position: number) => (await this.store.readAll({ fromPosition: Math.max(0, position), maxCount: LAG_CAP })).length;
    this.metrics.gauge('gongkai_relay_lag_events', `Events appended but not yet published by the relay (capped at ${LAG_CAP}).`, () => behind(this.relay.position));
    this.metrics.gauge(
      'gongkai_projection_lag_events',
      `Events a read model has not applied yet (capped at ${LAG_CAP}).`,
      async () => Object.fromEntries(await Promise.all(Object.entries(this.projections.checkpoints()).map(async ([name, at]) => [name, await behind(at)] as const))),
      'read_model',
    );
    this.metrics.gauge('gongkai_parked_events', 'Events set aside after repeated consumer failures.', async () => (await this.events.parkedEvents()).length);
  }

  get eventStore(): EventStore {
    return this.store;
  }

  /** Rebuilds the read models from the whole log, then keeps them fed from the bus. */
  async replayReadModels(): Promise<void> {
    const started = Date.now();
    // The calendar first: read models replayed on it date every request as the loaded years say.
    await catchUpCalendarFromEventStore(this.calendar, this.store);
    await this.projections.start((after) => eventLogAfter(this.store, after));
    this.replayedUpTo = Math.max(0, this.projections.position);
    this.projectionFeed = await this.events.subscribe({
      durableName: 'gateway.read-models',
      // The calendar takes a loaded year before the read models that date requests on it see the event.
      handle: (event) => {
        takeCalendarEvent(this.calendar, event);
        return this.projections.handle(event);
      },
      // The read models keep their own positions beside their data: in memory, so from zero.
      checkpoint: { load: async () => Math.max(0, this.projections.position), save: async () => undefined },
    });
    this.logger.event('info', 'read models replayed', { position: this.replayedUpTo, ms: Date.now() - started });
  }

  /** Starts publishing: from here on every appended event reaches the buses' consumers. */
  async startRelay(): Promise<void> {
    this.events.announce((await this.checkpoints.load(this.relay.checkpointName)) ?? 0);
    await this.relay.start();
    this.relayStarted = true;
  }

  readiness(): { ready: boolean; detail: Record<string, unknown> } {
    const position = Math.max(0, this.projections.position);
    const ready = this.relayStarted && position >= this.replayedUpTo;
    return { ready, detail: { readModelPosition: position, relayPosition: this.relay.position } };
  }

  async close(): Promise<void> {
    await this.relay.stop();
    await this.projectionFeed?.close();
    await this.events.close();
    await this.commands.close();
    await this.readStore.close();
    await this.store.close();
    await this.personalData.close();
  }
}
