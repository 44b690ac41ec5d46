import { localDateOf } from '@gongkai/calendar';
import { CLOCK, type Clock } from '@gongkai/event-sourcing';
import { COMMAND_BUS, type CommandBus, DeadlineWatch, EVENT_BUS, type EventBus, runOnTimer } from '@gongkai/messaging';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { overdueMessageRule } from './overdue-message-watch';

/** Due dates are days: looking every ten minutes escalates a message within minutes of midnight. */
const TICK_MS = 10 * 60 * 1000;

/** Starts the overdue-message watch with the service and stops it with the service. */
@Injectable()
export class OverdueMessageWatchHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('OverdueMessageWatch');
  private running: { stop(): Promise<void> } | undefined;

  constructor(
    @Inject(COMMAND_BUS) private readonly commands: CommandBus,
    @Inject(EVENT_BUS) private readonly events: EventBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const watch = new DeadlineWatch(overdueMessageRule, this.commands, () => localDateOf(this.clock.now()), (messageId, error) =>
      this.logger.warn({ msg: 'could not escalate an overdue public message', messageId, error: String(error) }),
    );
    this.running = await runOnTimer(this.events, watch, TICK_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.running?.stop();
  }
}
