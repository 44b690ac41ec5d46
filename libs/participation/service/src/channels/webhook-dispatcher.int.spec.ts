import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { InMemoryPersonalDataVault, type RecordedEvent } from '@gongkai/event-sourcing';
import type { Command, DomainEvent } from '@gongkai/kernel';
import type { CommandBus, CommandEnvelope } from '@gongkai/messaging';
import { deliveryIdOf, webhookDeliveryDecider, webhookSecretKeyOf } from '@gongkai/participation/domain';
import { type OpenSecret, WebhookDispatcher } from './webhook-dispatcher';
import { DELIVERY_HEADER, SIGNATURE_HEADER, verifySignature } from './webhook-signature';

const SECRET = 'a-secret-of-sixteen-or-more';
const vault = new InMemoryPersonalDataVault();
const openSecret: OpenSecret = (sealed) => vault.decrypt(sealed.keyId, sealed.ciphertext);
/** The secret as the gateway seals it before the command: the log never holds it in clear. */
const sealedSecretOf = async (webhookId: string) => {
  const keyId = webhookSecretKeyOf(webhookId);
  await vault.createKey(keyId);
  return { keyId, ciphertext: await vault.encrypt(keyId, SECRET) };
};
let clock = Date.parse('2026-03-02T02:00:00Z');
let position = 0;

/** The participation write side reduced to what the dispatcher needs: the delivery decider, events fed back in order. */
class DeliveryLog implements CommandBus {
  readonly events: RecordedEvent[] = [];
  dispatcher!: WebhookDispatcher;
  async send(command: CommandEnvelope) {
    const data = command.data as { deliveryId: string };
    const streamId = `participation.WebhookDelivery-${data.deliveryId}`;
    const past = this.events.filter((e) => e.streamId === streamId) as unknown as DomainEvent[];
    const state = past.reduce(webhookDeliveryDecider.evolve as (s: unknown, e: DomainEvent) => unknown, webhookDeliveryDecider.initialState());
    const decided = webhookDeliveryDecider.decide(command as unknown as Parameters<typeof webhookDeliveryDecider.decide>[0], state as Parameters<typeof webhookDeliveryDecider.decide>[1], {
      now: new Date(clock),
      actor: command.metadata.actor,
      calendar: undefined as never,
      correlationId: 'c',
    });
    for (const event of decided as Command[]) await this.append(streamId, event.type, event.data);
    return { streamId, revision: past.length + decided.length - 1, position };
  }
  async append(streamId: string, type: string, data: object) {
    const event = { id: `e${++position}`, type, streamId, revision: 0, globalPosition: position, schemaVersion: 1, occurredAt: new Date(clock).toISOString(), data, metadata: { actor: { id: 'x', roles: [] }, correlationId: 'c', causationId: null }, prevHash: '', hash: '' } as unknown as RecordedEvent;
    this.events.push(event);
    await this.dispatcher.handle(event);
  }
  // Never called by the dispatcher: it only sends.
  serve = async (): Promise<void> => undefined;
  close = async (): Promise<void> => undefined;
}

const publication = { reviewId: 'review-1', subject: { reviewId: 'review-1', itemType: 'SERVICE_GUIDE', itemId: 'item-1', itemVersion: 1, contentHash: 'h', title: '排污许可证核发', agencyCode: '445300', departmentCode: 'SERVICE_WINDOW', requestedBy: 'u' }, publishedAt: '2026-03-02T02:00:00.000Z' };

describe('Webhook dispatcher against a real HTTP receiver', () => {
  let server: Server;
  let url: string;
  let answer: (req: IncomingMessage, res: ServerResponse, body: string) => void;
  const received: { deliveryId: string; valid: boolean }[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        received.push({ deliveryId: String(req.headers[DELIVERY_HEADER]), valid: verifySignature(SECRET, req.headers[SIGNATURE_HEADER] as string, body, Math.floor(clock / 1000)) });
        answer(req, res, body);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  /** `secret` as the registration carries it: sealed (today), or in clear (registrations recorded before secrets were sealed). */
  const setUp = async (filter: { contexts: string[]; categories: string[] } = { contexts: [], categories: [] }, secret?: { secret: string }) => {
    received.length = 0;
    const log = new DeliveryLog();
    const settings = { baseDelayMs: 1000, maxAttempts: 4, timeoutMs: 300, tickMs: 10 };
    log.dispatcher = new WebhookDispatcher(log, () => new Date(clock), settings, openSecret);
    const carried = secret ?? { sealedSecret: await sealedSecretOf('w1') };
    await log.append('participation.Webhook-w1', 'WebhookRegistered', { webhookId: 'w1', name: 'WeChat', url, ...carried, registeredBy: 'admin', registeredAt: '', ...filter });
    if (!secret) expect(JSON.stringify(log.events)).not.toContain(SECRET);
    await log.append('oversight.PublicationReview-review-1', 'ReviewedVersionPublished', publication);
    return log;
  };
  const runFor = async (log: DeliveryLog, ticks: number) => {
    for (let i = 0; i < ticks; i++) {
      await log.dispatcher.tick();
      clock += 1000;
    }
  };

  it('retries a failing receiver with backoff and delivers once, signed', async () => {
    let failures = 3;
    answer = (_req, res) => {
      res.statusCode = failures-- > 0 ? 500 : 204;
      res.end();
    };
    const log = await setUp();
    await runFor(log, 12);
    expect(received).toHaveLength(4);
    expect(new Set(received.map((r) => r.deliveryId))).toEqual(new Set([deliveryIdOf('w1', 'review-1')]));
    expect(received.every((r) => r.valid)).toBe(true);
    const types = log.events.filter((e) => e.streamId.includes('WebhookDelivery')).map((e) => e.type);
    expect(types).toEqual(['WebhookDeliveryScheduled', 'WebhookDeliveryFailed', 'WebhookDeliveryFailed', 'WebhookDeliveryFailed', 'WebhookDeliverySucceeded']);
    const failed = log.events.filter((e) => e.type === 'WebhookDeliveryFailed').map((e) => Date.parse((e.data as { nextAttemptAt: string }).nextAttemptAt) - Date.parse(e.occurredAt));
    expect(failed).toEqual([1000, 2000, 4000]);
  });

  it('dead-letters a receiver that never answers; a replay delivers it', async () => {
    answer = () => undefined;
    const log = await setUp();
    await runFor(log, 20);
    expect(log.events.at(-1)?.type).toBe('WebhookDeliveryDeadLettered');
    expect(log.dispatcher.pendingDeliveries().size).toBe(0);
    answer = (_req, res) => res.end('ok');
    await log.send({ context: 'participation', type: 'ReplayWebhookDelivery', data: { deliveryId: deliveryIdOf('w1', 'review-1') }, metadata: { actor: { id: 'admin', roles: ['admin'], agencyCode: '445300' }, correlationId: 'c' } });
    await runFor(log, 2);
    expect(log.events.at(-1)).toMatchObject({ type: 'WebhookDeliverySucceeded', data: { attempt: 5 } });
  });

  it('resumes after a restart from the log alone, without delivering a delivered publication again', async () => {
    answer = (_req, res) => res.end('ok');
    const log = await setUp();
    await runFor(log, 1);
    expect(received).toHaveLength(1);
    const restarted = new DeliveryLog();
    restarted.dispatcher = new WebhookDispatcher(restarted, () => new Date(clock), { baseDelayMs: 1000, maxAttempts: 4, timeoutMs: 300, tickMs: 10 }, openSecret);
    for (const event of log.events) await restarted.dispatcher.handle(event);
    await runFor(restarted, 3);
    expect(received).toHaveLength(1);
  });

  it('still signs for a registration recorded with its secret in clear', async () => {
    answer = (_req, res) => res.end('ok');
    await runFor(await setUp(undefined, { secret: SECRET }), 1);
    expect(received).toHaveLength(1);
    expect(received[0]!.valid).toBe(true);
  });

  it('forgets a subscriber whose secret key was erased', async () => {
    answer = (_req, res) => res.end('ok');
    const erased = new InMemoryPersonalDataVault();
    received.length = 0;
    const log = new DeliveryLog();
    log.dispatcher = new WebhookDispatcher(log, () => new Date(clock), { baseDelayMs: 1000, maxAttempts: 4, timeoutMs: 300, tickMs: 10 }, (sealed) => erased.decrypt(sealed.keyId, sealed.ciphertext));
    await log.append('participation.Webhook-w1', 'WebhookRegistered', { webhookId: 'w1', name: 'WeChat', url, sealedSecret: await sealedSecretOf('w1'), registeredBy: 'admin', registeredAt: '', contexts: [], categories: [] });
    await log.append('oversight.PublicationReview-review-1', 'ReviewedVersionPublished', publication);
    await runFor(log, 2);
    expect(received).toHaveLength(0);
  });

  it('leaves out subscribers whose filter does not match', async () => {
    answer = (_req, res) => res.end('ok');
    const log = await setUp({ contexts: ['decisions'], categories: [] });
    await runFor(log, 2);
    expect(received).toHaveLength(0);
  });
});
