import { entryIdOf, FEED_PAGE_SIZE, renderAtomFeed } from './atom-feed';
import type { FeedEntryDocument } from './feed-entries.projection';

const entry = (n: number): FeedEntryDocument => ({
  _id: `SERVICE_GUIDE:item-${n}`,
  reviewId: `review-${n}`,
  context: 'services-catalog',
  category: 'service-guide',
  itemType: 'SERVICE_GUIDE',
  itemId: `item-${n}`,
  itemVersion: 2,
  title: `排污许可 <${n}> & “办事指南”`,
  agencyCode: '445300',
  departmentCode: 'SERVICE_WINDOW',
  publishedAt: '2026-03-02T02:00:00.000Z',
  firstPublishedAt: '2026-03-01T02:00:00.000Z',
});

describe('Atom feed (RFC 4287, RFC 5005 paging)', () => {
  const xml = renderAtomFeed({ path: 'services-catalog', title: '公共服务事项', origin: 'http://portal.test', page: 2, totalCount: FEED_PAGE_SIZE * 3, entries: [entry(1)], now: '2026-03-03T00:00:00.000Z' });

  it('has the required feed elements: id, title, updated, author, self link', () => {
    expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
    expect(xml).toMatch(/<id>tag:[^<]+:feeds\/services-catalog<\/id>/);
    expect(xml).toContain('<updated>2026-03-02T02:00:00.000Z</updated>');
    expect(xml).toContain('<author><name>');
    expect(xml).toContain('rel="self" type="application/atom+xml" href="http://portal.test/feeds/services-catalog.atom?page=2"');
  });

  it('links first, previous, next and last pages', () => {
    expect(xml).toContain('<link rel="first" href="http://portal.test/feeds/services-catalog.atom"/>');
    expect(xml).toContain('<link rel="previous" href="http://portal.test/feeds/services-catalog.atom"/>');
    expect(xml).toContain('<link rel="next" href="http://portal.test/feeds/services-catalog.atom?page=3"/>');
    expect(xml).toContain('<link rel="last" href="http://portal.test/feeds/services-catalog.atom?page=3"/>');
  });

  it('gives each entry a stable tag-URI id, updated, published, link and summary, with text escaped', () => {
    expect(entryIdOf(entry(1))).toBe('tag:gongkai.yfepb.gov.cn,2017:SERVICE_GUIDE/item-1');
    expect(xml).toContain(`<id>${entryIdOf(entry(1))}</id>`);
    expect(xml).toContain('<title type="text">排污许可 &lt;1&gt; &amp; “办事指南”</title>');
    expect(xml).toContain('<published>2026-03-01T02:00:00.000Z</published>');
    expect(xml).toMatch(/<entry>.*<link rel="alternate" href="http:\/\/portal.test\/items\/services-catalog\/service-guide\/item-1"\/>.*<summary type="text">/s);
  });

  it('is updated "now" while empty, and has no next page', () => {
    const empty = renderAtomFeed({ path: 'all', title: '全部', origin: 'http://portal.test', page: 1, totalCount: 0, entries: [], now: '2026-03-03T00:00:00.000Z' });
    expect(empty).toContain('<updated>2026-03-03T00:00:00.000Z</updated>');
    expect(empty).not.toContain('rel="next"');
    expect(empty).not.toContain('<entry>');
  });
});
