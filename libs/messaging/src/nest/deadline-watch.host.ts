import { localDateOf, type WorkingDayCalendar } from '@gongkai/calendar';
import { CALENDAR, CLOCK, type Clock } from '@gongkai/event-sourcing';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown, type Type } from '@nestjs/common';
import type { CommandBus } from '../command-bus';
import { type DeadlineRule, DeadlineWatch, runOnTimer } from '../deadline-watch';
import type { EventBus } from '../event-bus';
import { COMMAND_BUS, EVENT_BUS } from '../tokens';

/** One context's deadline rule, and how its log says that acting on one subject failed. */
export interface DeadlineWatchDefinition {
  /** The rule, or how to make it from the process's live calendar when it counts due days itself. */
  readonly rule: DeadlineRule | ((calendar: WorkingDayCalendar) => DeadlineRule);
  /** The logger's name, e.g. `SupplementDeadlineWatch`. */
  readonly name: string;
  /** The warning when a command failed; it is retried at the next tick. */
  readonly failure: string;
  /** The log field that names the subject, e.g. `requestId`. */
  readonly subjectField: string;
}

/** Deadlines are days: looking every ten minutes acts within minutes of midnight. */
const TICK_MS = 10 * 60 * 1000;

/**
 * A provider that starts the watch (its subscription and its timer) with the service and stops it
 * with the service. The live calendar (CALENDAR) is there in every process that runs a context
 * service, whose decider host needs it too, so it is injected whatever the rule.
 */
export const deadlineWatchHost = (definition: DeadlineWatchDefinition): Type<OnApplicationBootstrap & OnApplicationShutdown> => {
  @Injectable()
  class DeadlineWatchHost implements OnApplicationBootstrap, OnApplicationShutdown {
    private readonly logger = new Logger(definition.name);
    private running: { stop(): Promise<void> } | undefined;

    constructor(
      @Inject(COMMAND_BUS) private readonly commands: CommandBus,
      @Inject(EVENT_BUS) private readonly events: EventBus,
      @Inject(CLOCK) private readonly clock: Clock,
      @Inject(CALENDAR) private readonly calendar: WorkingDayCalendar,
    ) {}

    async onApplicationBootstrap(): Promise<void> {
      const rule = typeof definition.rule === 'function' ? definition.rule(this.calendar) : definition.rule;
      const watch = new DeadlineWatch(rule, this.commands, () => localDateOf(this.clock.now()), (subjectId, error) =>
        this.logger.warn({ msg: definition.failure, [definition.subjectField]: subjectId, error: String(error) }),
      );
      this.running = await runOnTimer(this.events, watch, TICK_MS);
    }

    async onApplicationShutdown(): Promise<void> {
      await this.running?.stop();
    }
  }
  return DeadlineWatchHost;
};
