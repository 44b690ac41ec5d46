import { localDateOf } from '@gongkai/calendar';
import { CLOCK, type Clock, EVENT_STORE, type EventStore } from '@gongkai/event-sourcing';
import { COMMAND_BUS, type CommandBus } from '@gongkai/messaging';
import { signingKeyFrom } from '@gongkai/oversight/domain';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { CheckpointIssuer } from './integrity/checkpoint-issuer';
import { seedWorkPlan } from './responsibility/work-plan-seeder';

/** A daily checkpoint is due once per calendar day; looking every ten minutes issues it soon after midnight. */
const TICK_MS = 10 * 60 * 1000;
/** The first look comes right after start; a failed look (the handlers not serving yet) is retried soon. */
const FIRST_TICK_MS = 200;
const RETRY_MS = 2_000;

/**
 * The oversight service's own work over time: seeding the work plan's tasks, and the daily signed
 * checkpoint of the event log. Both are idempotent, so each replica may try and only one takes effect.
 */
@Injectable()
export class OversightScheduleHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('OversightSchedule');
  private readonly timers = new Set<NodeJS.Timeout>();
  private issuer: CheckpointIssuer | undefined;
  private seeded = false;
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(
    @Inject(COMMAND_BUS) private readonly commands: CommandBus,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    // A missing or bad key was already named by the process's configuration check at start.
    const signing = signingKeyFrom(process.env);
    this.issuer = new CheckpointIssuer(this.store, this.commands, signing.key, () => this.clock.now());
    this.schedule(FIRST_TICK_MS);
    const interval = setInterval(() => this.tick(), TICK_MS);
    interval.unref();
    this.timers.add(interval);
  }

  private schedule(ms: number): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.tick();
    }, ms);
    timer.unref();
    this.timers.add(timer);
  }

  private tick(): void {
    if (this.running || this.stopped || !this.issuer) return;
    const issuer = this.issuer;
    this.running = this.work(issuer)
      .catch((error: unknown) => {
        this.logger.warn({ msg: 'oversight schedule failed; trying again', error: String(error) });
        if (!this.stopped) this.schedule(RETRY_MS);
      })
      .finally(() => (this.running = undefined));
  }

  private async work(issuer: CheckpointIssuer): Promise<void> {
    if (!this.seeded) {
      await seedWorkPlan(this.commands);
      this.seeded = true;
    }
    const today = localDateOf(this.clock.now());
    if (await issuer.dueOn(today)) await issuer.issue('DAILY', `daily:${today}`);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    await this.running;
  }
}
