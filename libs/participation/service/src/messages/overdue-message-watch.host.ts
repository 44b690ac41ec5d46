import { localDateOf } from '@gongkai/calendar';
import { CALENDAR, CLOCK, type Clock } from '@gongkai/event-sourcing';
import type { WorkingDayCalendar } from '@gongkai/kernel';
import { COMMAND_BUS, type CommandBus, EVENT_BUS, type EventBus, runOnTimer } from '@gongkai/messaging';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { OverdueMessageWatch } from './overdue-message-watch';

/** Due days are days: looking every ten minutes acts within minutes of midnight, and of a loaded year. */
const TICK_MS = 10 * 60 * 1000;

/**
 * The Nest shell of the overdue-message watch. Unlike the other deadline watches it needs the
 * process's live calendar (CALENDAR), to date messages received while a year had none.
 */
@Injectable()
export class OverdueMessageWatchHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('OverdueMessageWatch');
  private running: { stop(): Promise<void> } | undefined;

  constructor(
    @Inject(COMMAND_BUS) private readonly commands: CommandBus,
    @Inject(EVENT_BUS) private readonly events: EventBus,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CALENDAR) private readonly calendar: WorkingDayCalendar,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const watch = new OverdueMessageWatch(this.calendar, this.commands, () => localDateOf(this.clock.now()), (messageId, error) =>
      this.logger.warn({ msg: 'could not escalate an overdue public message', messageId, error: String(error) }),
    );
    this.running = await runOnTimer(this.events, watch, TICK_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.running?.stop();
  }
}
