import { eventually, graphql, loginAs, type PlatformProcess, startPlatformProcess } from '@gongkai/testing';
import request from 'supertest';

jest.setTimeout(60_000);

const DRAFT = `mutation($input: ServiceItemInput!) { draftServiceItem(input: $input) { id } }`;
const REQUEST = `mutation($id: ID!) { requestServiceItemPublication(id: $id, expectedVersion: 1) { id } }`;
const REVIEWS = `query { publicationReviews(status: PENDING) { id itemId } }`;
const APPROVE = `mutation($id: ID!) { approvePublicationReview(id: $id, comment: "ok") { id } }`;

const guide = {
  name: '建设项目环境影响登记表备案',
  departmentCode: 'SERVICE_WINDOW',
  category: 'ADMINISTRATIVE_LICENSE',
  legalBasis: '《中华人民共和国环境影响评价法》',
  conditions: '无',
  materials: [],
  steps: ['受理'],
  statutoryLimitWorkingDays: 20,
  promisedLimitWorkingDays: 10,
  feeFen: 0,
  location: '环保窗口',
  contact: '0766-8888888',
};

describe('Channels, end to end: a publication reaches the Atom feeds', () => {
  let platform: PlatformProcess;

  beforeAll(async () => {
    platform = await startPlatformProcess();
  });

  afterAll(async () => {
    await platform?.stop();
    platform?.cleanup();
  });

  it('lists a newly approved service guide in the feeds within seconds, as valid Atom', async () => {
    const window = await loginAs(platform.baseUrl, 'window');
    const reviewer = await loginAs(platform.baseUrl, 'reviewer');
    const empty = await request(platform.baseUrl).get('/feeds/all.atom');
    expect(empty.status).toBe(200);
    expect(empty.headers['content-type']).toContain('application/atom+xml');
    expect(empty.text).not.toContain('<entry>');

    const item = (await graphql<{ draftServiceItem: { id: string } }>(platform.baseUrl, DRAFT, { input: guide }, window)).data!.draftServiceItem;
    await graphql(platform.baseUrl, REQUEST, { id: item.id }, window);
    const review = await eventually(async () => (await graphql<{ publicationReviews: { id: string; itemId: string }[] }>(platform.baseUrl, REVIEWS, {}, reviewer)).data?.publicationReviews.find((r) => r.itemId === item.id));
    const approvedAt = Date.now();
    await graphql(platform.baseUrl, APPROVE, { id: review.id }, reviewer);

    for (const path of ['/feeds/all.atom', '/feeds/services-catalog.atom', '/feeds/services-catalog/service-guide.atom']) {
      const feed = await eventually(async () => {
        const response = await request(platform.baseUrl).get(path);
        return response.text.includes(`SERVICE_GUIDE/${item.id}`) ? response : undefined;
      });
      expect(feed.text).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/);
      expect(feed.text).toContain('<title type="text">建设项目环境影响登记表备案</title>');
    }
    expect(Date.now() - approvedAt).toBeLessThan(10_000);
    const other = await request(platform.baseUrl).get('/feeds/decisions.atom');
    expect(other.text).not.toContain(item.id);
    expect((await request(platform.baseUrl).get('/feeds/nonsense')).status).toBe(404);
  });
});
