import { hostname } from 'node:os';
import { EVENT_BUS, type EventBus, type EventSubscription } from '@gongkai/messaging';
import { READ_STORE, type ReadStore } from '@gongkai/read-store';
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { auditIndexConsumer, declareAuditIndexes } from './audit-index';

/**
 * Feeds the audit index from the event bus. The consumer is named after the host: with read models
 * in memory each gateway replica builds its own index from the start of the stream; with a shared
 * MongoDB each writes the same documents by event id, which is harmless.
 */
@Injectable()
export class AuditIndexHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private subscription: EventSubscription | undefined;

  constructor(
    @Inject(EVENT_BUS) private readonly events: EventBus,
    @Inject(READ_STORE) private readonly store: ReadStore,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await declareAuditIndexes(this.store);
    this.subscription = await this.events.subscribe(auditIndexConsumer(this.store, `oversight.audit-index.${hostname().replace(/[^A-Za-z0-9-]/g, '-')}`));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.subscription?.close();
  }
}
