import type { WorkingDayCalendar } from '@gongkai/calendar';
import { CALENDAR, CLOCK, type Clock, EVENT_STORE, type EventStore } from '@gongkai/event-sourcing';
import { METRICS, type PlatformMetrics } from '@gongkai/observability';
import { type DynamicModule, Inject, Injectable, Module, type OnApplicationBootstrap, type OnApplicationShutdown, Optional } from '@nestjs/common';
import type { CommandBus } from '../command-bus';
import { type DeciderRoute, deciderCommandHandler } from '../decider-command-handler';
import { instrumentCommandHandler } from '../instrumented-handler';
import type { EventBus, EventConsumer, EventSubscription } from '../event-bus';
import { COMMAND_BUS, EVENT_BUS } from '../tokens';

/** A bounded context's write side: the commands it serves and the process managers it runs. */
export interface ContextServiceDefinition {
  readonly context: string;
  readonly routes: Readonly<Record<string, DeciderRoute>>;
  readonly processManagers?: (commands: CommandBus) => readonly EventConsumer[];
}

const DEFINITION = Symbol('ContextServiceDefinition');

@Injectable()
class ContextServiceHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private subscriptions: EventSubscription[] = [];

  constructor(
    @Inject(DEFINITION) private readonly definition: ContextServiceDefinition,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CALENDAR) private readonly calendar: WorkingDayCalendar,
    @Inject(COMMAND_BUS) private readonly commands: CommandBus,
    @Inject(EVENT_BUS) private readonly events: EventBus,
    @Optional() @Inject(METRICS) private readonly metrics?: PlatformMetrics,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { context, routes, processManagers } = this.definition;
    const handler = deciderCommandHandler({ store: this.store, clock: this.clock, calendar: this.calendar, routes });
    await this.commands.serve(context, this.metrics ? instrumentCommandHandler(context, handler, this.metrics) : handler);
    for (const consumer of processManagers?.(this.commands) ?? []) this.subscriptions.push(await this.events.subscribe(consumer));
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.subscriptions.map((subscription) => subscription.close()));
    this.subscriptions = [];
  }
}

/** The Nest shell around a context's deciders: load → decide → append, nothing more. */
@Module({})
export class ContextServiceModule {
  static register(definition: ContextServiceDefinition): DynamicModule {
    return { module: ContextServiceModule, providers: [{ provide: DEFINITION, useValue: definition }, ContextServiceHost] };
  }
}
