import { draftServiceGuide, eventually, graphql, loginAs, type PlatformProcess, requestServiceGuidePublication, serviceGuideInput, startPlatformProcess } from '@gongkai/testing';
import request from 'supertest';

jest.setTimeout(90_000);

const REVIEWS = `query { publicationReviews(status: PENDING) { id itemId itemVersion } }`;
const APPROVE = `mutation($id: ID!) { approvePublicationReview(id: $id, comment: "ok") { id } }`;
const ACTIVITY_FIELDS = 'id title date place organiser participants summary version publicationStatus publishedVersion pendingReviewId department { code }';
const ANNOUNCE = `mutation($input: ActivityInput!) { announceActivity(input: $input) { ${ACTIVITY_FIELDS} } }`;
const OUTCOME = `mutation($id: ID!, $participants: Int!, $summary: String!) { recordActivityOutcome(id: $id, participants: $participants, summary: $summary) { ${ACTIVITY_FIELDS} } }`;
const ACTIVITIES = `query($from: Date, $to: Date, $first: Int, $after: String) {
  activities(from: $from, to: $to, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ${ACTIVITY_FIELDS} } } }
}`;

type ActivityPage = { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { cursor: string; node: { id: string } }[] };

/** Today in Asia/Shanghai, where the platform counts dates. */
const shanghaiDate = (offsetDays = 0): string => new Date(Date.now() + 8 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);

type Element = { name: string; attributes: Record<string, string>; children: Element[]; text: string };

/**
 * A strict reading of the XML the platform serves: every tag closed in order, attributes quoted,
 * only the predefined entities. Returns the document element, or throws where the XML is malformed.
 */
const parseXml = (xml: string): Element => {
  const body = xml.replace(/^<\?xml version="1\.0" encoding="utf-8"\?>\s*/, '');
  const stack: Element[] = [{ name: '#document', attributes: {}, children: [], text: '' }];
  const token = /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>|([^<]+)/gy;
  let match: RegExpExecArray | null;
  while (token.lastIndex < body.length && (match = token.exec(body))) {
    const [, closing, name, attributeText, selfClosing, text] = match;
    const top = stack[stack.length - 1];
    if (text !== undefined) {
      if (/&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(text)) throw new Error(`bad entity in ${JSON.stringify(text)}`);
      top.text += text;
      continue;
    }
    if (closing) {
      if (top.name !== name) throw new Error(`</${name}> closes <${top.name}>`);
      stack.pop();
      continue;
    }
    const attributes = Object.fromEntries([...(attributeText ?? '').matchAll(/([\w:.-]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    const element: Element = { name: name!, attributes, children: [], text: '' };
    top.children.push(element);
    if (!selfClosing) stack.push(element);
  }
  if (token.lastIndex !== body.length || stack.length !== 1) throw new Error(`malformed XML near ${JSON.stringify(body.slice(token.lastIndex, token.lastIndex + 40))}`);
  const [root] = stack[0].children;
  if (!root || stack[0].children.length !== 1) throw new Error('an XML document has exactly one root element');
  return root;
};

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const IRI = /^[a-z][a-z0-9+.-]*:\S+$/i;

/** The RFC 4287 rules a feed reader relies on; returns every violation found (none for a conforming feed). */
const atomViolations = (xml: string): string[] => {
  const problems: string[] = [];
  const feed = parseXml(xml);
  const one = (parent: Element, name: string, where: string): Element | undefined => {
    const found = parent.children.filter((c) => c.name === name);
    if (found.length !== 1) problems.push(`${where} has ${found.length} atom:${name} (needs exactly one, RFC 4287 §4.1)`);
    return found[0];
  };
  if (feed.name !== 'feed' || feed.attributes['xmlns'] !== 'http://www.w3.org/2005/Atom') problems.push('the root is not an atom:feed in the Atom namespace');
  const feedId = one(feed, 'id', 'feed');
  if (feedId && !IRI.test(feedId.text)) problems.push(`feed id ${feedId.text} is not an IRI`);
  one(feed, 'title', 'feed');
  const updated = one(feed, 'updated', 'feed');
  if (updated && !RFC3339.test(updated.text)) problems.push(`feed updated ${updated.text} is not an RFC 3339 date-time`);
  const links = feed.children.filter((c) => c.name === 'link');
  if (!links.some((l) => l.attributes['rel'] === 'self' && /^https?:\/\//.test(l.attributes['href'] ?? ''))) problems.push('feed has no absolute link rel="self"');
  const entries = feed.children.filter((c) => c.name === 'entry');
  const feedHasAuthor = feed.children.some((c) => c.name === 'author' && c.children.some((n) => n.name === 'name' && n.text.trim() !== ''));
  const ids = new Set<string>();
  for (const [index, entry] of entries.entries()) {
    const where = `entry ${index + 1}`;
    const id = one(entry, 'id', where);
    if (id && !IRI.test(id.text)) problems.push(`${where} id ${id.text} is not an IRI`);
    if (id && ids.has(id.text)) problems.push(`${where} repeats the id ${id.text}`);
    if (id) ids.add(id.text);
    const title = one(entry, 'title', where);
    if (title && title.text.trim() === '') problems.push(`${where} has an empty title`);
    const entryUpdated = one(entry, 'updated', where);
    if (entryUpdated && !RFC3339.test(entryUpdated.text)) problems.push(`${where} updated ${entryUpdated.text} is not an RFC 3339 date-time`);
    const hasContent = entry.children.some((c) => c.name === 'content');
    if (!hasContent && !entry.children.some((c) => c.name === 'link' && (c.attributes['rel'] ?? 'alternate') === 'alternate')) problems.push(`${where} has neither content nor an alternate link (§4.1.1)`);
    if (!hasContent && !entry.children.some((c) => c.name === 'summary')) problems.push(`${where} has no content and no summary (§4.1.1)`);
    if (!feedHasAuthor && !entry.children.some((c) => c.name === 'author')) problems.push(`${where} has no author, nor has the feed (§4.1.1)`);
  }
  return problems;
};

describe('Channels, end to end: Atom feeds and outreach activities', () => {
  let platform: PlatformProcess;
  let window: Record<string, string>;
  let reviewer: Record<string, string>;
  let office: Record<string, string>;
  /** The service guides published by the first test. */
  const items: string[] = [];

  const approveReviewOf = async (itemId: string, itemVersion = 1): Promise<void> => {
    const review = await eventually(async () =>
      (await graphql<{ publicationReviews: { id: string; itemId: string; itemVersion: number }[] }>(platform.baseUrl, REVIEWS, {}, reviewer)).data?.publicationReviews.find(
        (r) => r.itemId === itemId && r.itemVersion === itemVersion,
      ),
    );
    const approved = await graphql(platform.baseUrl, APPROVE, { id: review.id }, reviewer);
    expect(approved.errors).toBeUndefined();
  };

  const activitiesPage = async (variables: Record<string, unknown>, headers: Record<string, string> = {}): Promise<ActivityPage> => {
    const result = await graphql<{ activities: ActivityPage }>(platform.baseUrl, ACTIVITIES, variables, headers);
    expect(result.errors).toBeUndefined();
    return result.data!.activities;
  };

  beforeAll(async () => {
    platform = await startPlatformProcess();
    [window, reviewer, office] = await Promise.all([loginAs(platform.baseUrl, 'window'), loginAs(platform.baseUrl, 'reviewer'), loginAs(platform.baseUrl, 'office')]);
  });

  afterAll(async () => {
    await platform?.stop();
    platform?.cleanup();
  });

  it('lists a newly approved service guide in the feeds within seconds, as valid Atom (RFC 4287)', async () => {
    const empty = await request(platform.baseUrl).get('/feeds/all.atom');
    expect(empty.status).toBe(200);
    expect(empty.headers['content-type']).toContain('application/atom+xml');
    expect(empty.text).not.toContain('<entry>');
    expect(atomViolations(empty.text)).toEqual([]);

    for (const name of ['建设项目环境影响登记表备案', '排污许可证核发 <简易> & “重点”']) {
      const itemId = await draftServiceGuide(platform.baseUrl, window, serviceGuideInput(name));
      await requestServiceGuidePublication(platform.baseUrl, window, itemId);
      items.push(itemId);
    }
    const approvedAt = Date.now();
    for (const id of items) await approveReviewOf(id);

    for (const path of ['/feeds/all.atom', '/feeds/services-catalog.atom', '/feeds/services-catalog/service-guide.atom']) {
      const feed = await eventually(async () => {
        const response = await request(platform.baseUrl).get(path);
        return items.every((id) => response.text.includes(`SERVICE_GUIDE/${id}`)) ? response : undefined;
      });
      expect(atomViolations(feed.text)).toEqual([]);
      expect(feed.text).toContain('<title type="text">建设项目环境影响登记表备案</title>');
      expect(feed.text).toContain('<title type="text">排污许可证核发 &lt;简易&gt; &amp; “重点”</title>');
    }
    expect(Date.now() - approvedAt).toBeLessThan(10_000);
    const other = await request(platform.baseUrl).get('/feeds/decisions.atom');
    expect(atomViolations(other.text)).toEqual([]);
    expect(other.text).not.toContain(items[0]);
    expect((await request(platform.baseUrl).get('/feeds/nonsense')).status).toBe(404);
  });

  it('answers a feed page or name it does not have as a portal can tell apart, never with a server error', async () => {
    for (const page of ['0', 'abc', '1.5', '100001', '-1', '']) {
      const response = await request(platform.baseUrl).get('/feeds/all.atom').query({ page });
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'OUT_OF_RANGE', field: 'page' });
    }
    const repeated = await request(platform.baseUrl).get('/feeds/services-catalog.atom?page=1&page=2');
    expect(repeated.body).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'OUT_OF_RANGE', field: 'page' });
    expect((await request(platform.baseUrl).get('/feeds/all.atom?page=2')).status).toBe(200);
    for (const path of ['/feeds/weather.atom', '/feeds/weather/service-guide.atom', '/feeds/all/service-guide.atom']) {
      expect((await request(platform.baseUrl).get(path)).status).toBe(404);
    }
    expect((await request(platform.baseUrl).get('/feeds/other.atom')).status).toBe(200);
  });

  it('proves each publication’s channels by its delivery records, to anyone', async () => {
    const item = { id: items[0]! };
    const channels = await graphql<{ publicationChannels: { publication: object; feedEntryId: string; channelsDelivered: string[]; deliveries: { channel: string; status: string; location: string }[]; webhookDeliveries: unknown[] } }>(
      platform.baseUrl,
      `query($id: ID!) { publicationChannels(itemType: "SERVICE_GUIDE", itemId: $id) { publication { itemType itemId itemVersion context category } feedEntryId channelsDelivered deliveries { channel status location } webhookDeliveries { id } } }`,
      { id: item.id },
    );
    expect(channels.errors).toBeUndefined();
    expect(channels.data!.publicationChannels).toEqual({
      publication: { itemType: 'SERVICE_GUIDE', itemId: item.id, itemVersion: 1, context: 'services-catalog', category: 'service-guide' },
      feedEntryId: `tag:gongkai.yfepb.gov.cn,2017:SERVICE_GUIDE/${item.id}`,
      channelsDelivered: ['Atom feeds'],
      deliveries: [{ channel: 'ATOM_FEED', status: 'DELIVERED', location: '/feeds/all.atom /feeds/services-catalog.atom /feeds/services-catalog/service-guide.atom' }],
      webhookDeliveries: [],
    });
    const feed = await request(platform.baseUrl).get('/feeds/services-catalog/service-guide.atom');
    expect(feed.text).toContain(`<id>${channels.data!.publicationChannels.feedEntryId}</id>`);
    const never = await graphql(platform.baseUrl, `{ publicationChannels(itemType: "SERVICE_GUIDE", itemId: "no-such-item") { feedEntryId } }`);
    expect(never.data).toEqual({ publicationChannels: null });
  });

  it('announces an outreach activity, publishes it after review, then its outcome after another review', async () => {
    const today = shanghaiDate();
    const input = { title: '六五环境日主题宣传', date: today, place: '云浮市人民广场', organiser: '云浮市环境保护局办公室', description: '发放宣传资料，现场解答群众问题。' };

    const anonymousTry = await graphql(platform.baseUrl, ANNOUNCE, { input });
    expect(anonymousTry.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', rule: 'ROLE_REQUIRED' });
    const past = await graphql(platform.baseUrl, ANNOUNCE, { input: { ...input, date: shanghaiDate(-2) } }, office);
    expect(past.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'ACTIVITY_DATE_PAST' });
    const badDate = await graphql(platform.baseUrl, ANNOUNCE, { input: { ...input, date: '2026-02-30' } }, office);
    expect(badDate.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');

    type Activity = { id: string; version: number; participants: number | null; publicationStatus: string; pendingReviewId: string | null; department: { code: string } };
    const announced = (await graphql<{ announceActivity: Activity }>(platform.baseUrl, ANNOUNCE, { input }, office)).data!.announceActivity;
    expect(announced).toMatchObject({ version: 1, publicationStatus: 'PENDING_REVIEW', department: { code: 'OFFICE' } });
    const list = async (headers: Record<string, string> = {}) => (await activitiesPage({ from: today, to: today }, headers)).edges.map((edge) => edge.node as Activity);
    expect(await list()).toEqual([]);
    expect((await list(window)).map((a) => a.id)).toEqual([announced.id]);

    await approveReviewOf(announced.id, 1);
    const published = await eventually(async () => (await list()).find((a) => a.id === announced.id));
    expect(published).toMatchObject({ version: 1, participants: null, publicationStatus: 'PUBLISHED', pendingReviewId: null });
    expect(await activitiesPage({ from: shanghaiDate(1) })).toMatchObject({ totalCount: 0, edges: [] });
    const feed = await eventually(async () => {
      const response = await request(platform.baseUrl).get('/feeds/participation/outreach-activity.atom');
      return response.text.includes(`OUTREACH_ACTIVITY/${announced.id}`) ? response : undefined;
    });
    expect(atomViolations(feed.text)).toEqual([]);

    const bad = await graphql(platform.baseUrl, OUTCOME, { id: announced.id, participants: -3, summary: '无' }, office);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'OUT_OF_RANGE' });
    const recorded = (await graphql<{ recordActivityOutcome: Activity }>(platform.baseUrl, OUTCOME, { id: announced.id, participants: 320, summary: '发放资料 1,200 份，解答咨询 86 人次。' }, office)).data!.recordActivityOutcome;
    expect(recorded).toMatchObject({ version: 2, participants: 320, publicationStatus: 'PENDING_REVIEW' });
    expect((await list()).find((a) => a.id === announced.id)).toMatchObject({ version: 1, participants: null });

    await approveReviewOf(announced.id, 2);
    await eventually(async () => (await list()).find((a) => a.id === announced.id && a.version === 2 && a.participants === 320));
  });

  it('pages the activities list by cursor: each activity once, by date; the public sees nothing under review; bad paging and a backwards range refused', async () => {
    const [from, to] = [shanghaiDate(40), shanghaiDate(42)];
    const announce = async (title: string, date: string) => {
      const input = { title, date, place: '云浮市人民广场', organiser: '云浮市环境保护局办公室', description: '发放宣传资料。' };
      return (await graphql<{ announceActivity: { id: string } }>(platform.baseUrl, ANNOUNCE, { input }, office)).data!.announceActivity.id;
    };
    // Announced latest date first, so that only the list's own order puts them by date.
    const announcedIds = [await announce('低碳日宣传', to), await announce('环保设施开放日', shanghaiDate(41)), await announce('六五环境日宣传', from)];

    const pages: ActivityPage[] = [];
    for (let after: string | null = null; ; ) {
      const page = await activitiesPage({ from, to, first: 2, after }, office);
      pages.push(page);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(pages.map((page) => [page.totalCount, page.edges.length])).toEqual([
      [3, 2],
      [3, 1],
    ]);
    expect(pages.flatMap((page) => page.edges.map((edge) => edge.node.id))).toEqual([...announcedIds].reverse());
    expect(await activitiesPage({ from, to, first: 2 })).toEqual({ totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] });

    for (const [variables, rule] of [
      [{ first: 0 }, 'OUT_OF_RANGE'],
      [{ first: 101 }, 'OUT_OF_RANGE'],
      [{ after: 'not-a-cursor' }, 'INVALID_CURSOR'],
    ] as const) {
      const refused = await graphql(platform.baseUrl, ACTIVITIES, variables);
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule });
    }
    // A range that ends before it starts is refused as the disclosures search refuses it, not answered with an empty page.
    const backwards = await graphql(platform.baseUrl, ACTIVITIES, { from: to, to: from });
    expect(backwards.data).toBeNull();
    expect(backwards.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'INVALID_DATE_RANGE', field: 'to' });
  });
});
