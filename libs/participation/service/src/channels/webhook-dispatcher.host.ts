import { CLOCK, type Clock, PERSONAL_DATA_VAULT, type PersonalDataVault } from '@gongkai/event-sourcing';
import { COMMAND_BUS, type CommandBus, EVENT_BUS, type EventBus, type EventSubscription } from '@gongkai/messaging';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { sendWebhook } from './webhook-sender';
import { type OpenSecret, WebhookDispatcher, webhookSettingsFrom } from './webhook-dispatcher';

/** The Nest shell of the webhook dispatcher: its subscription and its timer. */
@Injectable()
export class WebhookDispatcherHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('WebhookDispatcher');
  private subscription: EventSubscription | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    @Inject(COMMAND_BUS) private readonly commands: CommandBus,
    @Inject(EVENT_BUS) private readonly events: EventBus,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(PERSONAL_DATA_VAULT) private readonly vault: PersonalDataVault,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const settings = webhookSettingsFrom(process.env);
    const openSecret: OpenSecret = (sealed) => this.vault.decrypt(sealed.keyId, sealed.ciphertext);
    const dispatcher = new WebhookDispatcher(this.commands, () => this.clock.now(), settings, openSecret, sendWebhook, (deliveryId, error) =>
      this.logger.warn({ msg: 'could not record a webhook delivery attempt', deliveryId, error: String(error) }),
    );
    this.subscription = await this.events.subscribe(dispatcher.consumer());
    this.timer = setInterval(() => void dispatcher.tick(), settings.tickMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.subscription?.close();
  }
}
