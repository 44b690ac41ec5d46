import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** How a command ended: `ok`, or the error code the caller received. */
export type CommandOutcome = 'ok' | string;

/**
 * The platform's Prometheus metrics. One registry per process, so that a process's /metrics
 * shows only what that process did.
 */
export class PlatformMetrics {
  readonly registry = new Registry();
  private readonly commands: Counter<'context' | 'type' | 'outcome'>;
  private readonly commandSeconds: Histogram<'context' | 'type' | 'outcome'>;
  private readonly reconnects: Counter;

  constructor(processName: string) {
    this.registry.setDefaultLabels({ process: processName });
    collectDefaultMetrics({ register: this.registry, prefix: 'gongkai_' });
    this.commands = new Counter({
      name: 'gongkai_commands_total',
      help: 'Commands handled, by context, type and outcome (ok or the error code).',
      labelNames: ['context', 'type', 'outcome'],
      registers: [this.registry],
    });
    this.commandSeconds = new Histogram({
      name: 'gongkai_command_duration_seconds',
      help: 'Time to load, decide and append one command.',
      labelNames: ['context', 'type', 'outcome'],
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [this.registry],
    });
    this.reconnects = new Counter({ name: 'gongkai_nats_reconnects_total', help: 'Reconnections to NATS.', registers: [this.registry] });
  }

  observeCommand(context: string, type: string, outcome: CommandOutcome, seconds: number): void {
    this.commands.inc({ context, type, outcome });
    this.commandSeconds.observe({ context, type, outcome }, seconds);
  }

  natsReconnected(): void {
    this.reconnects.inc();
  }

  /** A value read when Prometheus scrapes, e.g. relay lag; a record gives one series per label value. */
  gauge(name: string, help: string, read: () => number | Readonly<Record<string, number>> | Promise<number | Readonly<Record<string, number>>>, labelName = 'name'): void {
    new Gauge({
      name,
      help,
      labelNames: [labelName],
      registers: [this.registry],
      async collect() {
        const value = await read();
        this.reset();
        if (typeof value === 'number') this.set(value);
        else for (const [label, v] of Object.entries(value)) this.set({ [labelName]: label }, v);
      },
    });
  }

  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
