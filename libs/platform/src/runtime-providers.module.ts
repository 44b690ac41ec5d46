import type { WorkingDayCalendar } from '@gongkai/calendar';
import { CALENDAR, CHECKPOINT_STORE, CLOCK, type CheckpointStore, type Clock, EVENT_STORE, type EventStore, PERSONAL_DATA_VAULT, type PersonalDataVault, systemClock } from '@gongkai/event-sourcing';
import { COMMAND_BUS, type CommandBus, EVENT_BUS, type EventBus } from '@gongkai/messaging';
import { METRICS, type PlatformMetrics } from '@gongkai/observability';
import { PROJECTION_RUNNER, type ProjectionRunner, READ_STORE, type ReadStore } from '@gongkai/read-store';
import { type DynamicModule, Module } from '@nestjs/common';

/** What a process has: a service has an event store, the gateway read models, the platform both. */
export interface RuntimeInfrastructure {
  readonly commands: CommandBus;
  readonly events: EventBus;
  readonly calendar: WorkingDayCalendar;
  readonly metrics: PlatformMetrics;
  readonly clock?: Clock;
  readonly eventStore?: EventStore;
  readonly checkpoints?: CheckpointStore;
  readonly readStore?: ReadStore;
  readonly projections?: ProjectionRunner;
  readonly personalData?: PersonalDataVault;
}

/** Hands the process's infrastructure to every context module through the ports' tokens. */
@Module({})
export class RuntimeProvidersModule {
  static forInfrastructure(infrastructure: RuntimeInfrastructure): DynamicModule {
    const values: [symbol, unknown][] = [
      [COMMAND_BUS, infrastructure.commands],
      [EVENT_BUS, infrastructure.events],
      [CALENDAR, infrastructure.calendar],
      [METRICS, infrastructure.metrics],
      [CLOCK, infrastructure.clock ?? systemClock],
      [EVENT_STORE, infrastructure.eventStore],
      [CHECKPOINT_STORE, infrastructure.checkpoints],
      [READ_STORE, infrastructure.readStore],
      [PROJECTION_RUNNER, infrastructure.projections],
      [PERSONAL_DATA_VAULT, infrastructure.personalData],
    ];
    const providers = values.filter(([, value]) => value !== undefined).map(([provide, useValue]) => ({ provide, useValue }));
    return { module: RuntimeProvidersModule, global: true, providers, exports: providers.map((p) => p.provide) };
  }
}
