import { eventually, graphql, loginAs, type PlatformProcess, serviceGuideInput, startPlatformProcess } from '@gongkai/testing';
import request from 'supertest';

jest.setTimeout(60_000);

const ITEM_FIELDS = 'id name version publicationStatus publishedVersion contentHash pendingReviewId feeFen department { code name } versions { version publishedAt changeSummary }';
const DRAFT = `mutation($input: ServiceItemInput!) { draftServiceItem(input: $input) { ${ITEM_FIELDS} } }`;
const REVISE = `mutation($id: ID!, $v: Int!, $input: ServiceItemInput!) { reviseServiceItem(id: $id, expectedVersion: $v, input: $input) { ${ITEM_FIELDS} } }`;
const REQUEST = `mutation($id: ID!, $v: Int!) { requestServiceItemPublication(id: $id, expectedVersion: $v) { ${ITEM_FIELDS} } }`;
const ITEM = `query($id: ID!) { serviceItem(id: $id) { ${ITEM_FIELDS} } }`;
const LIST = `query($search: String) { serviceItems(search: $search, first: 50) { totalCount edges { node { id name publicationStatus } } pageInfo { hasNextPage endCursor } } }`;
const REVIEWS = `query($status: ReviewStatus) { publicationReviews(status: $status) { id itemType itemId itemVersion contentHash status reason } }`;
const APPROVE = `mutation($id: ID!) { approvePublicationReview(id: $id, comment: "no secrets") { id status } }`;

interface Item {
  id: string;
  name: string;
  version: number;
  publicationStatus: string;
  publishedVersion: number | null;
  contentHash: string | null;
  pendingReviewId: string | null;
  versions: { version: number; publishedAt: string | null; changeSummary: string }[];
}
interface Review {
  id: string;
  itemId: string;
  itemVersion: number;
  contentHash: string;
  status: string;
  reason: string | null;
}

describe('The service catalogue, end to end through GraphQL', () => {
  let platform: PlatformProcess;
  let window: Record<string, string>;
  let reviewer: Record<string, string>;

  const url = () => platform.baseUrl;
  const draft = async (name: string, overrides: Record<string, unknown> = {}) => {
    const result = await graphql<{ draftServiceItem: Item }>(url(), DRAFT, { input: serviceGuideInput(name, overrides) }, window);
    expect(result.errors).toBeUndefined();
    return result.data!.draftServiceItem;
  };
  const reviewOf = (itemId: string, status?: string) =>
    eventually(async () => {
      const result = await graphql<{ publicationReviews: Review[] }>(url(), REVIEWS, status ? { status } : {}, reviewer);
      return result.data?.publicationReviews.find((review) => review.itemId === itemId);
    });

  beforeAll(async () => {
    platform = await startPlatformProcess();
    window = await loginAs(platform.baseUrl, 'window');
    reviewer = await loginAs(platform.baseUrl, 'reviewer');
  });

  afterAll(async () => {
    await platform?.stop();
    platform?.cleanup();
  });

  it('takes a guide from draft through review to the public catalogue', async () => {
    const item = await draft('排污许可证核发');
    expect(item).toMatchObject({ version: 1, publicationStatus: 'DRAFT', department: { code: 'SERVICE_WINDOW', name: '环保窗口' } });

    const pending = (await graphql<{ requestServiceItemPublication: Item }>(url(), REQUEST, { id: item.id, v: 1 }, window)).data!.requestServiceItemPublication;
    expect(pending.publicationStatus).toBe('PENDING_REVIEW');

    const review = await reviewOf(item.id, 'PENDING');
    expect(review).toMatchObject({ itemVersion: 1, status: 'PENDING' });
    expect(review.contentHash).toMatch(/^[0-9a-f]{64}$/);

    const approved = await graphql<{ approvePublicationReview: { status: string } }>(url(), APPROVE, { id: review.id }, reviewer);
    expect(approved.data?.approvePublicationReview.status).toBe('APPROVED');

    const published = await eventually(async () => {
      const result = await graphql<{ serviceItem: Item | null }>(url(), ITEM, { id: item.id });
      return result.data?.serviceItem?.publicationStatus === 'PUBLISHED' ? result.data.serviceItem : undefined;
    });
    expect(published).toMatchObject({ version: 1, publishedVersion: 1, contentHash: review.contentHash, pendingReviewId: null });
    expect(published.versions).toEqual([{ version: 1, changeSummary: '', publishedAt: expect.any(String) }]);

    const list = await graphql<{ serviceItems: { totalCount: number; edges: { node: { id: string } }[] } }>(url(), LIST, { search: '排污许可' });
    expect(list.data?.serviceItems.edges.map((edge) => edge.node.id)).toContain(item.id);
    expect((await reviewOf(item.id, 'PUBLISHED')).status).toBe('PUBLISHED');
  });

  it('shows an anonymous caller no draft and no pending item, by list or by id', async () => {
    const drafted = await draft('危险废物转移审批 草稿');
    const requested = await draft('危险废物转移审批 待审');
    await graphql(url(), REQUEST, { id: requested.id, v: 1 }, window);

    for (const id of [drafted.id, requested.id]) {
      const byId = await graphql<{ serviceItem: Item | null }>(url(), ITEM, { id });
      expect(byId.errors).toBeUndefined();
      expect(byId.data?.serviceItem).toBeNull();
    }
    const list = await graphql<{ serviceItems: { totalCount: number; edges: { node: { id: string } }[] } }>(url(), LIST, { search: '危险废物转移审批' });
    expect(list.data?.serviceItems.totalCount).toBe(0);
    expect(list.data?.serviceItems.edges).toEqual([]);

    const staffList = await graphql<{ serviceItems: { totalCount: number } }>(url(), LIST, { search: '危险废物转移审批' }, window);
    expect(staffList.data?.serviceItems.totalCount).toBe(2);
  });

  it('refuses a search over 200 characters with TOO_LONG instead of cutting it, today and at an instant', async () => {
    const search = `query($search: String, $at: DateTime) { serviceItems(search: $search, asOfInstant: $at, first: 50) { totalCount } }`;
    expect(await graphql(url(), search, { search: '审'.repeat(200) })).toEqual({ status: 200, data: { serviceItems: { totalCount: 0 } } });
    for (const at of [null, new Date().toISOString()]) {
      const refused = await graphql(url(), search, { search: '审'.repeat(201), at });
      expect(refused.data).toBeNull();
      expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'TOO_LONG', field: 'search' });
    }
  });

  it('answers a stale expectedVersion with CONFLICT and changes nothing', async () => {
    const item = await draft('辐射安全许可');
    await graphql(url(), REVISE, { id: item.id, v: 1, input: { ...serviceGuideInput('辐射安全许可（修订）'), changeSummary: '更名' } }, window);
    const stale = await graphql(url(), REVISE, { id: item.id, v: 1, input: serviceGuideInput('辐射安全许可（过时）') }, window);
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', rule: 'STALE_VERSION' });
    const current = await graphql<{ serviceItem: Item }>(url(), ITEM, { id: item.id }, window);
    expect(current.data?.serviceItem).toMatchObject({ name: '辐射安全许可（修订）', version: 2 });
    const staleRequest = await graphql(url(), REQUEST, { id: item.id, v: 1 }, window);
    expect(staleRequest.errors?.[0].extensions?.code).toBe('CONFLICT');
  });

  it.each([
    ['a missing name', (g: Record<string, unknown>) => ({ ...g, name: undefined })],
    ['an empty name', (g: Record<string, unknown>) => ({ ...g, name: '  ' })],
    ['an oversized name', (g: Record<string, unknown>) => ({ ...g, name: '名'.repeat(201) })],
    ['an unknown department', (g: Record<string, unknown>) => ({ ...g, departmentCode: 'NO_SUCH_DEPARTMENT' })],
    ['a negative fee', (g: Record<string, unknown>) => ({ ...g, feeFen: -100 })],
    ['a fee that is not a whole number of fen', (g: Record<string, unknown>) => ({ ...g, feeFen: 1.5 })],
    ['an unknown category', (g: Record<string, unknown>) => ({ ...g, category: 'MISC' })],
  ])('refuses %s with BAD_USER_INPUT and stores nothing', async (_, change) => {
    const before = await graphql<{ serviceItems: { totalCount: number } }>(url(), LIST, {}, window);
    const result = await graphql(url(), DRAFT, { input: change(serviceGuideInput('无效事项')) }, window);
    expect(result.data).toBeNull();
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const after = await graphql<{ serviceItems: { totalCount: number } }>(url(), LIST, {}, window);
    expect(after.data?.serviceItems.totalCount).toBe(before.data?.serviceItems.totalCount);
  });

  it('does not let a reviewer approve a review of an item that has since changed', async () => {
    const item = await draft('排污费征收');
    await graphql(url(), REQUEST, { id: item.id, v: 1 }, window);
    const review = await reviewOf(item.id, 'PENDING');
    await graphql(url(), REVISE, { id: item.id, v: 1, input: { ...serviceGuideInput('排污费征收（新版）'), changeSummary: '更新' } }, window);
    const superseded = await reviewOf(item.id, 'SUPERSEDED');
    expect(superseded.id).toBe(review.id);

    const approval = await graphql(url(), APPROVE, { id: review.id }, reviewer);
    expect(approval.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', rule: 'REVIEW_SUPERSEDED' });
    const current = await graphql<{ serviceItem: Item }>(url(), ITEM, { id: item.id }, window);
    expect(current.data?.serviceItem).toMatchObject({ version: 2, publicationStatus: 'DRAFT', publishedVersion: null });
    expect((await graphql<{ serviceItem: Item | null }>(url(), ITEM, { id: item.id })).data?.serviceItem).toBeNull();
  });

  it('retires a published item with a reason the public can read, and takes it out of the list', async () => {
    const item = await draft('建设项目竣工环境保护验收');
    await graphql(url(), REQUEST, { id: item.id, v: 1 }, window);
    const review = await reviewOf(item.id, 'PENDING');
    await graphql(url(), APPROVE, { id: review.id }, reviewer);
    await reviewOf(item.id, 'PUBLISHED');

    const retire = await graphql<{ retireServiceItem: Item }>(url(), `mutation($id: ID!) { retireServiceItem(id: $id, reason: "改为企业自主验收") { ${ITEM_FIELDS} } }`, { id: item.id }, window);
    expect(retire.data?.retireServiceItem.publicationStatus).toBe('RETIRED');
    const publicView = await graphql<{ serviceItem: { publicationStatus: string; retirementReason: string } }>(
      url(),
      'query($id: ID!) { serviceItem(id: $id) { publicationStatus retirementReason } }',
      { id: item.id },
    );
    expect(publicView.data?.serviceItem).toEqual({ publicationStatus: 'RETIRED', retirementReason: '改为企业自主验收' });
    const list = await graphql<{ serviceItems: { totalCount: number } }>(url(), LIST, { search: '竣工环境保护验收' });
    expect(list.data?.serviceItems.totalCount).toBe(0);
    const again = await graphql(url(), 'mutation($id: ID!) { retireServiceItem(id: $id, reason: "再次") { id } }', { id: item.id }, window);
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', rule: 'SERVICE_ITEM_RETIRED' });
  });

  it('filters by department and category and pages with cursors', async () => {
    for (const name of ['分页事项一', '分页事项二', '分页事项三']) await draft(name, { category: 'PUBLIC_SERVICE' });
    const page = (after?: string) =>
      graphql<{ serviceItems: { totalCount: number; edges: { node: { name: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } }>(
        url(),
        'query($after: String) { serviceItems(search: "分页事项", departmentCode: "SERVICE_WINDOW", category: PUBLIC_SERVICE, first: 2, after: $after) { totalCount edges { node { name } } pageInfo { hasNextPage endCursor } } }',
        after ? { after } : {},
        window,
      );
    const first = await page();
    expect(first.data?.serviceItems.totalCount).toBe(3);
    expect(first.data?.serviceItems.edges).toHaveLength(2);
    expect(first.data?.serviceItems.pageInfo.hasNextPage).toBe(true);
    const second = await page(first.data!.serviceItems.pageInfo.endCursor);
    expect(second.data?.serviceItems.edges).toHaveLength(1);
    expect(second.data?.serviceItems.pageInfo.hasNextPage).toBe(false);
    const names = [...first.data!.serviceItems.edges, ...second.data!.serviceItems.edges].map((edge) => edge.node.name).sort();
    expect(names).toEqual(['分页事项一', '分页事项三', '分页事项二'].sort());

    const otherDepartment = await graphql<{ serviceItems: { totalCount: number } }>(url(), '{ serviceItems(search: "分页事项", departmentCode: "PLANNING") { totalCount } }', {}, window);
    expect(otherDepartment.data?.serviceItems.totalCount).toBe(0);
    const badCursor = await graphql(url(), '{ serviceItems(after: "not-a-cursor") { totalCount } }');
    expect(badCursor.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'INVALID_CURSOR' });
    const tooMany = await graphql(url(), '{ serviceItems(first: 1000) { totalCount } }');
    expect(tooMany.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('counts commands by type and outcome for operators at /metrics', async () => {
    const metrics = await request(url()).get('/metrics');
    expect(metrics.status).toBe(200);
    expect(metrics.text).toMatch(/gongkai_commands_total\{context="services-catalog",type="DraftServiceItem",outcome="ok",process="platform"\} [1-9]/);
    expect(metrics.text).toMatch(/gongkai_commands_total\{context="services-catalog",type="ReviseServiceItem",outcome="CONFLICT",process="platform"\} [1-9]/);
    expect(metrics.text).toMatch(/gongkai_commands_total\{context="oversight",type="ApprovePublicationReview",outcome="ok",process="platform"\} [1-9]/);
  });

  it('shows parked events to admins and auditors only, and lets admins replay them', async () => {
    const query = '{ parkedEvents { consumer eventId type error parkedAt } }';
    expect((await graphql(url(), query)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await graphql(url(), query, {}, window)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const admin = await loginAs(url(), 'admin');
    expect((await graphql(url(), query, {}, admin)).data).toEqual({ parkedEvents: [] });
    const replay = await graphql(url(), 'mutation { replayParkedEvent(consumer: "gateway.read-models", eventId: "none") }', {}, admin);
    expect(replay.data).toEqual({ replayParkedEvent: false });
  });

  it('keeps staff mutations away from the public and reviews away from staff', async () => {
    const anonymous = await graphql(url(), DRAFT, { input: serviceGuideInput('匿名草稿') });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const staffReviews = await graphql(url(), REVIEWS, {}, window);
    expect(staffReviews.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const badToken = await graphql(url(), LIST, {}, { authorization: 'Bearer not-a-token' });
    expect(badToken.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});
