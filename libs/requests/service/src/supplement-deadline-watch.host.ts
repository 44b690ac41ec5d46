import { localDateOf } from '@gongkai/calendar';
import { CLOCK, type Clock } from '@gongkai/event-sourcing';
import { COMMAND_BUS, type CommandBus, EVENT_BUS, type EventBus, type EventSubscription } from '@gongkai/messaging';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { SupplementDeadlineWatch } from './supplement-deadline-watch';

/** Deadlines are days: looking every ten minutes closes a request within minutes of midnight. */
const TICK_MS = 10 * 60 * 1000;

/** The Nest shell of the supplement deadline watch: its subscription and its timer. */
@Injectable()
export class SupplementDeadlineWatchHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('SupplementDeadlineWatch');
  private subscription: EventSubscription | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    @Inject(COMMAND_BUS) private readonly commands: CommandBus,
    @Inject(EVENT_BUS) private readonly events: EventBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const watch = new SupplementDeadlineWatch(
      this.commands,
      () => localDateOf(this.clock.now()),
      (requestId, error) => this.logger.warn({ msg: 'could not close a request without supplement', requestId, error: String(error) }),
    );
    this.subscription = await this.events.subscribe(watch.consumer());
    this.timer = setInterval(() => void watch.tick(), TICK_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.subscription?.close();
  }
}
