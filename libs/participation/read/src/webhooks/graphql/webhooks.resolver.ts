import { CONTEXTS } from '@gongkai/contracts';
import { PERSONAL_DATA_VAULT, type PersonalDataVault } from '@gongkai/event-sourcing';
import { CommandGateway, commandOptions, CurrentActor, CurrentRequest, decodeCursor, type GatewayContext, newAggregateId, pageSize, toPage } from '@gongkai/graphql';
import { type Actor, notFound, requireRole } from '@gongkai/kernel';
import { requireWebhookSecret, webhookSecretKeyOf } from '@gongkai/participation/domain';
import { type Filter, READ_STORE, type ReadStore } from '@gongkai/read-store';
import { Inject } from '@nestjs/common';
import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { deliveryScopeFilter, requireDeliveryReader } from '../../channels/delivery-visibility';
import { WEBHOOK_DELIVERIES, type WebhookDeliveryDocument, WEBHOOKS, type WebhookDocument } from '../webhook-documents';
import { toWebhook, toWebhookDelivery } from './to-webhook-types';
import { DeliveryStatus, Webhook, WebhookDelivery, WebhookDeliveryConnection, WebhookInput } from './webhook.types';

const hostOf = (url: string): string => {
  try {
    return new URL(url).host;
  } catch {
    return url; // the domain refuses the address with the rule it breaks
  }
};

/** Webhook subscribers, their delivery logs and the dead-letter list. */
@Resolver(() => Webhook)
export class WebhooksResolver {
  constructor(
    @Inject(READ_STORE) private readonly store: ReadStore,
    @Inject(PERSONAL_DATA_VAULT) private readonly vault: PersonalDataVault,
    private readonly commands: CommandGateway,
  ) {}

  @Query(() => [Webhook], { description: 'Every webhook subscriber (office and admins); secrets are never shown.' })
  async webhooks(@CurrentActor() actor: Actor): Promise<Webhook[]> {
    requireRole(actor, 'office', 'admin', 'auditor');
    const webhooks = await this.store.collection<WebhookDocument>(WEBHOOKS).find({}, { sort: { registeredAt: 1, _id: 1 } });
    return webhooks.map(toWebhook);
  }

  @Mutation(() => Webhook, { description: 'Registers a subscriber (admin): from now on every publication matching its filters is delivered to it, signed.' })
  async registerWebhook(@CurrentRequest() request: GatewayContext, @Args('input', { type: () => WebhookInput }) input: WebhookInput): Promise<Webhook> {
    // Checked before anything is sealed, so that a refused caller or a bad secret creates no key.
    requireRole(request.actor, 'admin');
    const secret = requireWebhookSecret(input.secret);
    const webhookId = newAggregateId(request, 'webhook');
    const keyId = webhookSecretKeyOf(webhookId);
    await this.vault.createKey(keyId);
    const sealedSecret = { keyId, ciphertext: await this.vault.encrypt(keyId, secret) };
    const data = { webhookId, name: input.name ?? hostOf(input.url), url: input.url, contexts: input.contexts ?? [], categories: input.categories ?? [], sealedSecret };
    await this.commands.execute(request, CONTEXTS.participation, 'RegisterWebhook', data, commandOptions(request));
    const webhook = await this.store.collection<WebhookDocument>(WEBHOOKS).findOne({ _id: webhookId });
    if (!webhook) throw notFound('WEBHOOK_NOT_FOUND', `There is no webhook ${webhookId}.`);
    return toWebhook(webhook);
  }

  @Query(() => WebhookDeliveryConnection, { description: 'A subscriber’s delivery log, newest first; staff see the deliveries of their own department’s publications.' })
  async webhookDeliveries(
    @CurrentActor() actor: Actor,
    @Args('webhookId', { type: () => ID }) webhookId: string,
    @Args('status', { type: () => DeliveryStatus, nullable: true }) status: string | null,
    @Args('first', { type: () => Int, nullable: true }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<WebhookDeliveryConnection> {
    return this.page(actor, { webhookId, ...(status ? { status } : {}) }, first, after);
  }

  @Query(() => WebhookDeliveryConnection, { description: 'The dead-letter list: deliveries every attempt of which failed, waiting for staff to replay them.' })
  async deadLetteredDeliveries(
    @CurrentActor() actor: Actor,
    @Args('first', { type: () => Int, nullable: true }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<WebhookDeliveryConnection> {
    return this.page(actor, { status: DeliveryStatus.DEAD_LETTER }, first, after);
  }

  @Mutation(() => WebhookDelivery, { description: 'Sends a dead-lettered delivery again, with a new series of attempts under the same delivery id.' })
  async replayDelivery(@CurrentRequest() request: GatewayContext, @Args('id', { type: () => ID }) id: string): Promise<WebhookDelivery> {
    await this.commands.execute(request, CONTEXTS.participation, 'ReplayWebhookDelivery', { deliveryId: id }, commandOptions(request));
    const delivery = await this.store.collection<WebhookDeliveryDocument>(WEBHOOK_DELIVERIES).findOne({ _id: id });
    if (!delivery) throw notFound('WEBHOOK_DELIVERY_NOT_FOUND', `There is no webhook delivery ${id}.`);
    return toWebhookDelivery(delivery);
  }

  private async page(actor: Actor, filter: Filter, first: number | null, after: string | null): Promise<WebhookDeliveryConnection> {
    requireDeliveryReader(actor);
    const limit = pageSize(first);
    const offset = decodeCursor(after);
    const scoped = { ...filter, ...deliveryScopeFilter(actor) };
    const deliveries = this.store.collection<WebhookDeliveryDocument>(WEBHOOK_DELIVERIES);
    const [documents, totalCount] = await Promise.all([deliveries.find(scoped, { sort: { scheduledAt: -1, _id: 1 }, skip: offset, limit }), deliveries.count(scoped)]);
    return toPage(documents, offset, totalCount, toWebhookDelivery);
  }
}
