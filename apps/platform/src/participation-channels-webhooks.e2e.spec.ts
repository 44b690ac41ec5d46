import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { approveReviewOf, eventually, graphql, loginAs, type PlatformProcess, publishServiceGuide, serviceGuideInput, startPlatformProcess } from '@gongkai/testing';

jest.setTimeout(120_000);

/** Retries in milliseconds instead of minutes, so that a whole series runs in seconds. */
const WEBHOOK_ENV = {
  PARTICIPATION_WEBHOOK_RETRY_BASE_MS: '200',
  PARTICIPATION_WEBHOOK_MAX_ATTEMPTS: '4',
  PARTICIPATION_WEBHOOK_TIMEOUT_MS: '300',
  PARTICIPATION_WEBHOOK_TICK_MS: '50',
};

const ANNOUNCE = `mutation($input: ActivityInput!) { announceActivity(input: $input) { id } }`;
const REGISTER = `mutation($input: WebhookInput!) { registerWebhook(input: $input) { id name url contexts categories registeredBy } }`;
const DELIVERY_FIELDS = 'id webhookId webhookName status publication { itemType itemId } attempts failedAttempts replays deliveredAt lastError log { attempt at outcome statusCode error by }';
const DELIVERIES = `query($webhookId: ID!, $status: DeliveryStatus) { webhookDeliveries(webhookId: $webhookId, status: $status) { totalCount edges { node { ${DELIVERY_FIELDS} } } } }`;
const DEAD_LETTERS = `query { deadLetteredDeliveries { totalCount edges { node { ${DELIVERY_FIELDS} } } } }`;
const REPLAY = `mutation($id: ID!) { replayDelivery(id: $id) { id status replays } }`;

const SECRET = 'wechat-desk-secret-of-some-length';

interface Delivery {
  id: string;
  webhookId: string;
  webhookName: string;
  status: string;
  publication: { itemType: string; itemId: string };
  attempts: number;
  failedAttempts: number;
  replays: number;
  log: { attempt: number | null; at: string; outcome: string; statusCode: number | null; error: string | null; by: string | null }[];
}

/** What a receiver saw of one request. */
interface Receipt {
  readonly path: string;
  readonly deliveryId: string;
  readonly itemId: string;
  readonly signed: boolean;
  readonly answered: number | 'none';
  readonly at: number;
}

/** How a receiver answers: 'ok' (204), 'fail' (500), 'silent' (never), or fail the first n attempts of each delivery. */
type Behaviour = 'ok' | 'fail' | 'silent' | { failFirst: number };

/** A receiver checks the signature as the bureau documents it: HMAC-SHA256 over `<t>.<body>`, within five minutes. */
const signatureValid = (header: string | undefined, body: string): boolean => {
  const parts = Object.fromEntries((header ?? '').split(',').map((part) => part.split('=', 2)));
  const timestamp = Number(parts['t']);
  if (!Number.isInteger(timestamp) || Math.abs(Date.now() / 1000 - timestamp) > 300 || typeof parts['v1'] !== 'string') return false;
  const expected = createHmac('sha256', SECRET).update(`${timestamp}.${body}`).digest();
  const given = Buffer.from(parts['v1'], 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
};

describe('Channels, end to end: webhook subscribers', () => {
  let platform: PlatformProcess;
  let receiver: Server;
  let receiverUrl: string;
  const behaviour: Record<string, Behaviour> = { '/wechat': 'ok', '/sms': { failFirst: 3 }, '/newspaper': 'silent' };
  const receipts: Receipt[] = [];
  const held: ServerResponse[] = [];
  const webhookIds: Record<string, string> = {};
  let admin: Record<string, string>;
  let window: Record<string, string>;
  let reviewer: Record<string, string>;
  let office: Record<string, string>;
  let supervision: Record<string, string>;

  const answer = (req: IncomingMessage, res: ServerResponse, body: string): void => {
    const path = req.url ?? '';
    const deliveryId = String(req.headers['x-gongkai-delivery']);
    const rule = behaviour[path] ?? 'fail';
    const earlier = receipts.filter((r) => r.deliveryId === deliveryId).length;
    const status = rule === 'silent' ? 'none' : rule === 'ok' ? 204 : rule === 'fail' ? 500 : earlier < rule.failFirst ? 500 : 204;
    const itemId = (JSON.parse(body) as { publication: { itemId: string } }).publication.itemId;
    receipts.push({ path, deliveryId, itemId, signed: signatureValid(req.headers['x-gongkai-signature'] as string | undefined, body), answered: status, at: Date.now() });
    if (status === 'none') {
      held.push(res);
      return;
    }
    res.statusCode = status;
    res.end();
  };

  const login = async (): Promise<void> => {
    [admin, window, reviewer, office, supervision] = await Promise.all(['admin', 'window', 'reviewer', 'office', 'supervision'].map((user) => loginAs(platform.baseUrl, user)));
  };

  const publishGuide = (name: string): Promise<string> => publishServiceGuide(platform.baseUrl, { window, reviewer }, serviceGuideInput(name));

  const deliveriesOf = async (webhook: string, headers = office, status?: string): Promise<Delivery[]> => {
    const result = await graphql<{ webhookDeliveries: { edges: { node: Delivery }[] } }>(platform.baseUrl, DELIVERIES, { webhookId: webhookIds[webhook], ...(status ? { status } : {}) }, headers);
    expect(result.errors).toBeUndefined();
    return result.data!.webhookDeliveries.edges.map((edge) => edge.node);
  };

  const deliveryOf = (webhook: string, itemId: string, status: string, timeoutMs = 15_000): Promise<Delivery> =>
    eventually(async () => (await deliveriesOf(webhook)).find((d) => d.publication.itemId === itemId && d.status === status), timeoutMs);

  /** Successful receipts per delivery id: each must be exactly one. */
  const successesById = (): Map<string, number> => {
    const counts = new Map<string, number>();
    for (const receipt of receipts) if (receipt.answered === 204) counts.set(receipt.deliveryId, (counts.get(receipt.deliveryId) ?? 0) + 1);
    return counts;
  };

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => answer(req, res, body));
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
    platform = await startPlatformProcess({ env: WEBHOOK_ENV });
    await login();
  });

  afterAll(async () => {
    await platform?.stop();
    platform?.cleanup();
    for (const res of held) res.destroy();
    receiver?.closeAllConnections();
    await new Promise((resolve) => receiver?.close(resolve));
  });

  it('registers subscribers for admins only, refuses an address that is not http(s), and never shows the secret', async () => {
    const input = { name: '微信公众号', url: `${receiverUrl}/wechat`, secret: SECRET };
    expect((await graphql(platform.baseUrl, REGISTER, { input })).errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', rule: 'ROLE_REQUIRED' });
    expect((await graphql(platform.baseUrl, REGISTER, { input }, office)).errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', rule: 'ROLE_REQUIRED' });
    const ftp = await graphql(platform.baseUrl, REGISTER, { input: { ...input, url: 'ftp://wechat.example/hook' } }, admin);
    expect(ftp.errors?.[0]).toMatchObject({ message: 'url must be an http(s) address.', extensions: { code: 'BAD_USER_INPUT', rule: 'NOT_URL', field: 'url' } });
    expect((await graphql(platform.baseUrl, REGISTER, { input: { ...input, secret: 'short' } }, admin)).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'SECRET_TOO_SHORT' });
    const asking = await graphql(platform.baseUrl, `mutation($input: WebhookInput!) { registerWebhook(input: $input) { id secret } }`, { input }, admin);
    expect(asking.errors?.[0]?.message).toMatch(/Cannot query field "secret"/);

    const registrations = [
      ['wechat', { ...input }],
      ['sms', { name: '短信平台', url: `${receiverUrl}/sms`, secret: SECRET, categories: ['service-guide'] }],
      ['newspaper', { name: '云浮日报', url: `${receiverUrl}/newspaper`, secret: SECRET, contexts: ['participation'], categories: ['outreach-activity'] }],
    ] as const;
    for (const [key, registration] of registrations) {
      const registered = await graphql<{ registerWebhook: { id: string; name: string; categories: string[]; registeredBy: string } }>(platform.baseUrl, REGISTER, { input: registration }, admin);
      expect(registered.errors).toBeUndefined();
      expect(registered.data!.registerWebhook).toMatchObject({ name: registration.name, registeredBy: 'demo-admin' });
      webhookIds[key] = registered.data!.registerWebhook.id;
    }
    const listed = await graphql(platform.baseUrl, '{ webhooks { id name url contexts categories } }', {}, admin);
    expect(listed.data).toMatchObject({ webhooks: [{ name: '微信公众号' }, { name: '短信平台', categories: ['service-guide'] }, { name: '云浮日报', contexts: ['participation'] }] });
    expect(JSON.stringify(listed)).not.toContain(SECRET);
    expect((await graphql(platform.baseUrl, '{ webhooks { id } }')).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(platform.output()).not.toContain(SECRET);
  });

  it('delivers each publication once, signed; a receiver failing three times gets it on the fourth attempt, after growing waits', async () => {
    const itemId = await publishGuide('排污许可证核发');
    const wechat = await deliveryOf('wechat', itemId, 'DELIVERED');
    expect(wechat).toMatchObject({ attempts: 1, failedAttempts: 0 });
    const sms = await deliveryOf('sms', itemId, 'DELIVERED');
    expect(sms.log.map((line) => [line.attempt, line.outcome, line.statusCode])).toEqual([
      [1, 'FAILED', 500],
      [2, 'FAILED', 500],
      [3, 'FAILED', 500],
      [4, 'DELIVERED', 204],
    ]);
    const smsReceipts = receipts.filter((r) => r.deliveryId === sms.id);
    expect(smsReceipts.map((r) => r.answered)).toEqual([500, 500, 500, 204]);
    // Exponential backoff: 200, 400, 800 ms between the attempts (give or take a timer tick).
    const waits = smsReceipts.slice(1).map((r, i) => r.at - smsReceipts[i]!.at);
    expect(waits[0]).toBeGreaterThanOrEqual(190);
    expect(waits[1]).toBeGreaterThanOrEqual(390);
    expect(waits[2]).toBeGreaterThanOrEqual(790);
    expect(waits[2]).toBeGreaterThan(waits[0]!);

    const forItem = receipts.filter((r) => r.itemId === itemId);
    expect(forItem.every((r) => r.signed)).toBe(true);
    expect(forItem.filter((r) => r.path === '/wechat')).toHaveLength(1);
    expect(forItem.filter((r) => r.path === '/newspaper')).toHaveLength(0);

    // The proof of the channels used, for anyone; the delivery logs for the department's staff only.
    const query = `query($id: ID!) { publicationChannels(itemType: "SERVICE_GUIDE", itemId: $id) { channelsDelivered webhookDeliveries { id status } } }`;
    const anonymous = await graphql<{ publicationChannels: { channelsDelivered: string[]; webhookDeliveries: unknown[] } }>(platform.baseUrl, query, { id: itemId });
    expect(anonymous.data!.publicationChannels).toEqual({ channelsDelivered: ['Atom feeds', '微信公众号', '短信平台'], webhookDeliveries: [] });
    const staff = await graphql<{ publicationChannels: { webhookDeliveries: { id: string; status: string }[] } }>(platform.baseUrl, query, { id: itemId }, window);
    expect(staff.data!.publicationChannels.webhookDeliveries.map((d) => d.status)).toEqual(['DELIVERED', 'DELIVERED']);
    expect(await deliveriesOf('sms', supervision)).toEqual([]);
    expect((await graphql(platform.baseUrl, DELIVERIES, { webhookId: webhookIds['sms'] })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('dead-letters a receiver that never answers; staff see it in the dead-letter list and replay it', async () => {
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const input = { title: '环保设施向公众开放日', date: today, place: '云浮市污水处理厂', organiser: '云浮市环境保护局', description: '市民参观污水处理工艺。' };
    const activity = (await graphql<{ announceActivity: { id: string } }>(platform.baseUrl, ANNOUNCE, { input }, office)).data!.announceActivity;
    await approveReviewOf(platform.baseUrl, reviewer, activity.id);

    const dead = await deliveryOf('newspaper', activity.id, 'DEAD_LETTER');
    expect(dead).toMatchObject({ attempts: 4, failedAttempts: 4, webhookName: '云浮日报' });
    expect(dead.log.map((line) => line.outcome)).toEqual(['FAILED', 'FAILED', 'FAILED', 'DEAD_LETTER']);
    expect(dead.log.every((line) => line.error !== null)).toBe(true);
    const list = await graphql<{ deadLetteredDeliveries: { edges: { node: Delivery }[] } }>(platform.baseUrl, DEAD_LETTERS, {}, office);
    expect(list.data!.deadLetteredDeliveries.edges.map((e) => e.node.id)).toEqual([dead.id]);
    expect((await graphql(platform.baseUrl, DEAD_LETTERS)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const outside = await graphql<{ deadLetteredDeliveries: { totalCount: number } }>(platform.baseUrl, DEAD_LETTERS, {}, supervision);
    expect(outside.data!.deadLetteredDeliveries.totalCount).toBe(0);
    expect((await graphql(platform.baseUrl, REPLAY, { id: dead.id }, supervision)).errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', rule: 'OUTSIDE_DEPARTMENT_SCOPE' });
    // The dead letter is the publishing department's and the office's to see; another department sees only what was delivered.
    const CHANNELS = `query($id: ID!) { publicationChannels(itemType: "OUTREACH_ACTIVITY", itemId: $id) { deliveries { name status } } }`;
    type Channels = { publicationChannels: { deliveries: { name: string; status: string }[] } };
    const statusesFor = async (headers: Record<string, string>) => (await graphql<Channels>(platform.baseUrl, CHANNELS, { id: activity.id }, headers)).data!.publicationChannels.deliveries.map((d) => d.status);
    expect(await statusesFor(office)).toContain('DEAD_LETTER');
    expect(await statusesFor(supervision)).not.toContain('DEAD_LETTER');
    expect((await graphql(platform.baseUrl, REPLAY, { id: dead.id })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    behaviour['/newspaper'] = 'ok';
    const replayed = await graphql<{ replayDelivery: { status: string; replays: number } }>(platform.baseUrl, REPLAY, { id: dead.id }, office);
    expect(replayed.data!.replayDelivery).toEqual({ id: dead.id, status: 'PENDING', replays: 1 });
    const delivered = await deliveryOf('newspaper', activity.id, 'DELIVERED');
    expect(delivered.log.map((line) => line.outcome)).toEqual(['FAILED', 'FAILED', 'FAILED', 'DEAD_LETTER', 'REPLAY_REQUESTED', 'DELIVERED']);
    expect(delivered.log.at(-2)).toMatchObject({ by: 'demo-office' });
    expect((await graphql(platform.baseUrl, REPLAY, { id: dead.id }, office)).errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', rule: 'DELIVERY_NOT_DEAD_LETTERED' });
    expect(receipts.filter((r) => r.deliveryId === dead.id && r.answered === 204)).toHaveLength(1);
    // The activity reached the subscriber for every publication as well.
    expect(receipts.filter((r) => r.itemId === activity.id && r.path === '/wechat')).toHaveLength(1);
  });

  it('delivers nothing twice when the platform restarts in the middle of a retry series', async () => {
    // A series long enough that the kill below always lands before the dead letter, however slow the machine.
    const longSeries = { ...WEBHOOK_ENV, PARTICIPATION_WEBHOOK_MAX_ATTEMPTS: '12' };
    await platform.stop();
    platform = await startPlatformProcess({ dataDir: platform.dataDir, env: longSeries });
    await login();
    behaviour['/sms'] = 'fail';
    const itemId = await publishGuide('危险废物转移联单审批');
    await deliveryOf('wechat', itemId, 'DELIVERED');
    await eventually(async () => (await deliveriesOf('sms')).find((d) => d.publication.itemId === itemId && d.status === 'PENDING' && d.failedAttempts >= 1));
    const deliveredBefore = successesById();

    await platform.kill();
    behaviour['/sms'] = 'ok';
    platform = await startPlatformProcess({ dataDir: platform.dataDir, env: longSeries });
    await login();

    const sms = await deliveryOf('sms', itemId, 'DELIVERED');
    expect(sms.log.filter((line) => line.outcome === 'DELIVERED')).toHaveLength(1);
    expect(sms.log.map((line) => line.attempt)).toEqual(sms.log.map((_, i) => i + 1));
    // Long enough for many ticks of the restarted dispatcher: nothing more arrives.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const deliveredAfter = successesById();
    for (const [deliveryId, count] of deliveredAfter) expect([deliveryId, count]).toEqual([deliveryId, 1]);
    expect([...deliveredBefore.keys()].every((id) => deliveredAfter.get(id) === 1)).toBe(true);
    expect(deliveredAfter.size).toBe(deliveredBefore.size + 1);
  });

  it('counts deliveries by channel and failures for oversight', async () => {
    const year = Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4));
    const query = `query($year: Int!) { channelDeliveryStatistics(year: $year) { year publications channels { channel name deliveries delivered pending deadLettered failedAttempts replays } totals { deliveries delivered deadLettered failedAttempts replays } } }`;
    const statistics = await graphql<{ channelDeliveryStatistics: { publications: number; channels: { name: string; deliveries: number; delivered: number; failedAttempts: number; replays: number }[] } }>(platform.baseUrl, query, { year }, office);
    expect(statistics.errors).toBeUndefined();
    const byName = Object.fromEntries(statistics.data!.channelDeliveryStatistics.channels.map((row) => [row.name, row]));
    expect(statistics.data!.channelDeliveryStatistics.publications).toBe(3);
    expect(byName['Atom feeds']).toMatchObject({ deliveries: 3, delivered: 3 });
    expect(byName['微信公众号']).toMatchObject({ deliveries: 3, delivered: 3, failedAttempts: 0 });
    expect(byName['短信平台']).toMatchObject({ deliveries: 2, delivered: 2, replays: 0 });
    expect(byName['短信平台']!.failedAttempts).toBeGreaterThanOrEqual(4);
    expect(byName['云浮日报']).toMatchObject({ deliveries: 1, delivered: 1, failedAttempts: 4, replays: 1 });
    expect((await graphql(platform.baseUrl, query, { year }, window)).errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', rule: 'ROLE_REQUIRED' });
    expect((await graphql(platform.baseUrl, query, { year })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
