import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { SqliteEventStore } from '@gongkai/event-sourcing/sqlite';
import Database from 'better-sqlite3';
import { type DistributedPlatform, eventually, graphql, loginAs, startDistributedPlatform } from '@gongkai/testing';
import request from 'supertest';

jest.setTimeout(180_000);

const ITEM = 'id name version publicationStatus publishedVersion';
const guide = (name: string) => ({
  name,
  departmentCode: 'SERVICE_WINDOW',
  category: 'PUBLIC_SERVICE',
  legalBasis: '《政府信息公开条例》',
  conditions: '无',
  materials: [],
  steps: ['申请'],
  statutoryLimitWorkingDays: 20,
  promisedLimitWorkingDays: 10,
  feeFen: 0,
  location: '窗口',
  contact: '0766',
});
const DRAFT = `mutation($input: ServiceItemInput!) { draftServiceItem(input: $input) { ${ITEM} } }`;
const REVISE = `mutation($id: ID!, $v: Int!, $input: ServiceItemInput!) { reviseServiceItem(id: $id, expectedVersion: $v, input: $input) { ${ITEM} } }`;
const ITEM_QUERY = `query($id: ID!) { serviceItem(id: $id) { ${ITEM} versions { version } } }`;

const commandsServed = async (baseUrl: string, type: string): Promise<number> => {
  const metrics = await request(baseUrl).get('/metrics');
  const match = new RegExp(`gongkai_commands_total\\{context="services-catalog",type="${type}",outcome="ok"[^}]*\\} (\\d+)`).exec(metrics.text);
  return match ? Number(match[1]) : 0;
};

describe('the distributed runtime: gateway and services as separate processes over NATS', () => {
  let platform: DistributedPlatform;
  let window: Record<string, string>;
  let reviewer: Record<string, string>;
  const url = () => platform.baseUrl;
  const draft = async (name: string) => {
    const result = await graphql<{ draftServiceItem: { id: string } }>(url(), DRAFT, { input: guide(name) }, window);
    expect(result.errors).toBeUndefined();
    return result.data!.draftServiceItem.id;
  };

  beforeAll(async () => {
    platform = await startDistributedPlatform({ contexts: ['services-catalog', 'oversight', 'requests', 'decisions'], replicas: { 'services-catalog': 2 } });
    window = await loginAs(url(), 'window');
    reviewer = await loginAs(url(), 'reviewer');
  });

  afterAll(async () => {
    await platform?.stop();
  });

  it('takes a guide through review to the public catalogue, across processes', async () => {
    const id = await draft('跨进程事项');
    await graphql(url(), 'mutation($id: ID!) { requestServiceItemPublication(id: $id, expectedVersion: 1) { id } }', { id }, window);
    const review = await eventually(async () => {
      const result = await graphql<{ publicationReviews: { id: string; itemId: string }[] }>(url(), '{ publicationReviews(status: PENDING) { id itemId } }', {}, reviewer);
      return result.data?.publicationReviews.find((r) => r.itemId === id);
    }, 20_000);
    await graphql(url(), 'mutation($id: ID!) { approvePublicationReview(id: $id) { id } }', { id: review.id }, reviewer);
    const published = await eventually(async () => {
      const result = await graphql<{ serviceItem: { publicationStatus: string } | null }>(url(), ITEM_QUERY, { id });
      return result.data?.serviceItem?.publicationStatus === 'PUBLISHED' ? result.data.serviceItem : undefined;
    }, 20_000);
    expect(published).toMatchObject({ version: 1, publishedVersion: 1 });
  });

  it('follows one mutation by its trace through every process it touches', async () => {
    // A portal's W3C trace context: the gateway continues it, the service writes it into its event,
    // and the review gate (a process manager in the oversight service) continues it from there.
    const traceId = randomUUID().replaceAll('-', '');
    const id = await draft('可追踪事项');
    const requested = await graphql(url(), 'mutation($id: ID!) { requestServiceItemPublication(id: $id, expectedVersion: 1) { id } }', { id }, { ...window, traceparent: `00-${traceId}-b7ad6b7169203331-01` });
    expect(requested.errors).toBeUndefined();

    const store = new SqliteEventStore(join(platform.dataDir, 'events.db'));
    try {
      const traced = await eventually(async () => {
        const events = (await store.readAll()).filter((event) => event.metadata.traceparent?.split('-')[1] === traceId);
        return events.some((event) => event.streamId.startsWith('oversight.')) ? events : undefined;
      }, 20_000);
      expect(traced.find((event) => event.streamId === `services-catalog.ServiceItem-${id}`)?.type).toBe('ServiceItemPublicationRequested');
      expect(traced.filter((event) => event.streamId.startsWith('oversight.')).map((event) => event.type)).toContain('PublicationReviewOpened');
      // The draft before it was another mutation, with a trace of its own.
      const [drafted] = await store.readStream(`services-catalog.ServiceItem-${id}`, { maxCount: 1 });
      expect(drafted.metadata.traceparent?.split('-')[1]).not.toBe(traceId);
    } finally {
      await store.close();
    }
  });

  it('shares 200 concurrent commands between two replicas in one queue group', async () => {
    const replicas = platform.services.get('services-catalog')!;
    const before = await Promise.all(replicas.map((r) => commandsServed(r.baseUrl, 'DraftServiceItem')));
    const results = await Promise.all(Array.from({ length: 200 }, (_, i) => graphql(url(), DRAFT, { input: guide(`并发事项 ${i}`) }, window)));
    expect(results.filter((r) => r.errors)).toEqual([]);
    const after = await Promise.all(replicas.map((r) => commandsServed(r.baseUrl, 'DraftServiceItem')));
    const served = after.map((n, i) => n - before[i]);
    expect(served[0] + served[1]).toBe(200);
    expect(served[0]).toBeGreaterThan(0);
    expect(served[1]).toBeGreaterThan(0);
  });

  it('gives exactly one of 50 concurrent revisions of one version, and CONFLICT to the rest', async () => {
    const id = await draft('并发修订事项');
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => graphql(url(), REVISE, { id, v: 1, input: guide(`修订 ${i}`) }, window)));
    const succeeded = results.filter((r) => !r.errors);
    expect(succeeded).toHaveLength(1);
    expect(results.filter((r) => r.errors?.[0].extensions?.code === 'CONFLICT')).toHaveLength(49);
    const item = await graphql<{ serviceItem: { version: number; versions: unknown[] } }>(url(), ITEM_QUERY, { id }, window);
    expect(item.data?.serviceItem.version).toBe(2);
    expect(item.data?.serviceItem.versions).toHaveLength(2);
  });

  it('publishes, after a restart, an event appended just before the service died, and applies it once', async () => {
    const id = await draft('崩溃前追加');
    const replicas = platform.services.get('services-catalog')!;
    for (const replica of replicas) await replica.kill();
    // As a service killed between its append and its relay's publish leaves it: stored, not yet published.
    const store = new SqliteEventStore(join(platform.dataDir, 'events.db'));
    const streamId = `services-catalog.ServiceItem-${id}`;
    const [head] = await store.readStream(streamId, { direction: 'backwards', maxCount: 1 });
    await store.appendToStream(
      streamId,
      [
        {
          id: randomUUID(),
          type: 'ServiceItemRetired',
          schemaVersion: 1,
          occurredAt: new Date().toISOString(),
          data: { itemId: id, reason: '崩溃前的最后一笔', retiredAt: new Date().toISOString() },
          metadata: { actor: { id: 'demo-window', roles: ['staff'], agencyCode: '445300', departmentCode: 'SERVICE_WINDOW' }, correlationId: randomUUID(), causationId: null },
        },
      ],
      { expectedRevision: head.revision },
    );
    await store.close();
    (platform.services as Map<string, unknown>).set('services-catalog', []);
    await platform.startService('services-catalog');

    const retired = await eventually(async () => {
      const result = await graphql<{ serviceItem: { publicationStatus: string } }>(url(), ITEM_QUERY, { id }, window);
      return result.data?.serviceItem.publicationStatus === 'RETIRED';
    }, 20_000);
    expect(retired).toBe(true);
  });

  it('changes no read model when the relay publishes everything again from a reset checkpoint', async () => {
    const id = await draft('重放检查');
    await graphql(url(), REVISE, { id, v: 1, input: guide('重放检查（二）') }, window);
    const before = await graphql<{ serviceItem: { version: number; versions: unknown[] } }>(url(), ITEM_QUERY, { id }, window);
    for (const replica of platform.services.get('services-catalog')!) await replica.stop();
    // As if the relay's checkpoint were lost: on restart it publishes every event of the context again.
    const db = new Database(join(platform.dataDir, 'events.db'));
    db.prepare("UPDATE checkpoints SET position = 0 WHERE name = 'relay:services-catalog'").run();
    db.close();
    (platform.services as Map<string, unknown>).set('services-catalog', []);
    await platform.startService('services-catalog');
    const marker = await draft('重放之后'); // published after the replayed ones, so it arrives last
    await eventually(async () => (await graphql<{ serviceItem: { id: string } | null }>(url(), ITEM_QUERY, { id: marker }, window)).data?.serviceItem, 20_000);
    const after = await graphql<{ serviceItem: { version: number; versions: unknown[] } }>(url(), ITEM_QUERY, { id }, window);
    expect(after.data).toEqual(before.data);
    expect(after.data?.serviceItem.versions).toHaveLength(2);
  });

  it('fails commands clearly while nats-server is down, and loses nothing it acknowledged', async () => {
    const acknowledged: string[] = [];
    acknowledged.push(await draft('中断之前'));
    await platform.nats.kill(); // an outage: the store stays for the restart
    const during = await graphql(url(), DRAFT, { input: guide('中断期间') }, window);
    expect(during.errors?.[0].extensions?.code).toBe('SERVICE_UNAVAILABLE');
    await platform.nats.restart();
    const after = await eventually(async () => {
      const result = await graphql<{ draftServiceItem: { id: string } }>(url(), DRAFT, { input: guide('中断之后') }, window);
      return result.data?.draftServiceItem.id;
    }, 30_000);
    acknowledged.push(after);
    for (const id of acknowledged) {
      const item = await eventually(async () => (await graphql<{ serviceItem: { versions: unknown[] } | null }>(url(), ITEM_QUERY, { id }, window)).data?.serviceItem, 30_000);
      expect(item.versions).toHaveLength(1); // applied once
    }
  });

  it('stops a service gracefully under load: commands in flight complete and it exits 0', async () => {
    const spare = await platform.startService('services-catalog');
    const load = Promise.all(Array.from({ length: 40 }, (_, i) => graphql(url(), DRAFT, { input: guide(`停机负载 ${i}`) }, window)));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const code = await spare.stop();
    const results = await load;
    expect(code).toBe(0);
    expect(results.filter((r) => r.errors)).toEqual([]);
  });
});
