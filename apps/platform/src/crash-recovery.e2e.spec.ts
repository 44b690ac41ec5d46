import { join } from 'node:path';
import { verifyStreamChain } from '@gongkai/event-sourcing';
import { SqliteEventStore } from '@gongkai/event-sourcing/sqlite';
import { eventually, graphql, loginAs, type PlatformProcess, publishServiceGuide, serviceGuideInput, startPlatformProcess } from '@gongkai/testing';
import request from 'supertest';

jest.setTimeout(90_000);

const FIELDS = 'id name version publicationStatus publishedVersion versions { version publishedAt changeSummary }';
describe('kill -9 right after a mutation returned', () => {
  let platform: PlatformProcess | undefined;

  afterAll(async () => {
    await platform?.stop();
    platform?.cleanup();
  });

  it('loses nothing: after restart the item, its history and its read model are there, and its chain verifies', async () => {
    platform = await startPlatformProcess();
    const window = await loginAs(platform.baseUrl, 'window');
    const reviewer = await loginAs(platform.baseUrl, 'reviewer');
    const id = await publishServiceGuide(platform.baseUrl, { window, reviewer }, serviceGuideInput('环境信息依申请公开'));
    await eventually(async () => {
      const result = await graphql<{ serviceItem: { publicationStatus: string } | null }>(platform!.baseUrl, 'query($id: ID!) { serviceItem(id: $id) { publicationStatus } }', { id });
      return result.data?.serviceItem?.publicationStatus === 'PUBLISHED';
    });

    const revised = await graphql<{ reviseServiceItem: { version: number } }>(
      platform.baseUrl,
      `mutation($id: ID!, $input: ServiceItemInput!) { reviseServiceItem(id: $id, expectedVersion: 1, input: $input) { ${FIELDS} } }`,
      { id, input: serviceGuideInput('环境信息依申请公开（第二版）', { changeSummary: '补充答复方式' }) },
      window,
    );
    expect(revised.data?.reviseServiceItem.version).toBe(2);
    await platform.kill(); // no shutdown hook, no flush: the acknowledged write must already be durable

    const dataDir = platform.dataDir;
    platform = await startPlatformProcess({ dataDir });
    const staffView = await graphql<{ serviceItem: { name: string; version: number; publicationStatus: string; publishedVersion: number; versions: unknown[] } }>(
      platform.baseUrl,
      `query($id: ID!) { serviceItem(id: $id) { ${FIELDS} } }`,
      { id },
      await loginAs(platform.baseUrl, 'window'),
    );
    expect(staffView.data?.serviceItem).toMatchObject({ name: '环境信息依申请公开（第二版）', version: 2, publicationStatus: 'DRAFT', publishedVersion: 1 });
    expect(staffView.data?.serviceItem.versions).toEqual([
      { version: 1, changeSummary: '', publishedAt: expect.any(String) },
      { version: 2, changeSummary: '补充答复方式', publishedAt: null },
    ]);
    const publicView = await graphql<{ serviceItem: { name: string; version: number } }>(platform.baseUrl, 'query($id: ID!) { serviceItem(id: $id) { name version } }', { id });
    expect(publicView.data?.serviceItem).toEqual({ name: '环境信息依申请公开', version: 1 });

    const metrics = await request(platform.baseUrl).get('/metrics');
    expect(metrics.status).toBe(200);
    expect(metrics.text).toContain('gongkai_relay_lag_events{process="platform"} 0');
    expect(metrics.text).toContain('gongkai_projection_lag_events{read_model="services-catalog.service-items",process="platform"} 0');
    expect(metrics.text).toContain('gongkai_parked_events{process="platform"} 0');

    await platform.stop();
    const store = new SqliteEventStore(join(dataDir, 'gongkai.db'));
    try {
      const history = await store.readStream(`services-catalog.ServiceItem-${id}`);
      expect(history.map((event) => event.type)).toEqual(['ServiceItemDrafted', 'ServiceItemPublicationRequested', 'ServiceItemPublished', 'ServiceItemRevised']);
      expect(history.map((event) => event.metadata.actor.id)).toEqual(['demo-window', 'demo-window', 'system:services-catalog.publication', 'demo-window']);
      expect(verifyStreamChain(history)).toEqual({ ok: true });
    } finally {
      await store.close();
    }
  });
});
