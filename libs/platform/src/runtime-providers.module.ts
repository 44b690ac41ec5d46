import { CALENDAR, CHECKPOINT_STORE, CLOCK, EVENT_STORE, systemClock } from '@gongkai/event-sourcing';
import { COMMAND_BUS, EVENT_BUS } from '@gongkai/messaging';
import { METRICS } from '@gongkai/observability';
import { PROJECTION_RUNNER, READ_STORE } from '@gongkai/read-store';
import { type DynamicModule, Module } from '@nestjs/common';
import type { EmbeddedRuntime } from './embedded-runtime';

/** Hands the runtime's infrastructure to every context module through the ports' tokens. */
@Module({})
export class RuntimeProvidersModule {
  static forRuntime(runtime: EmbeddedRuntime): DynamicModule {
    const providers = [
      { provide: EVENT_STORE, useValue: runtime.eventStore },
      { provide: CHECKPOINT_STORE, useValue: runtime.checkpoints },
      { provide: CLOCK, useValue: systemClock },
      { provide: CALENDAR, useValue: runtime.calendar },
      { provide: COMMAND_BUS, useValue: runtime.commands },
      { provide: EVENT_BUS, useValue: runtime.events },
      { provide: READ_STORE, useValue: runtime.readStore },
      { provide: PROJECTION_RUNNER, useValue: runtime.projections },
      { provide: METRICS, useValue: runtime.metrics },
    ];
    return { module: RuntimeProvidersModule, global: true, providers, exports: providers.map((p) => p.provide) };
  }
}
