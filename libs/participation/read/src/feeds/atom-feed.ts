import type { FeedEntryDocument } from './feed-entries.projection';

/** The tag URI authority (RFC 4151) under which entry and feed ids stay the same forever. */
const TAG_AUTHORITY = 'tag:gongkai.yfepb.gov.cn,2017';
export const FEED_PAGE_SIZE = 50;

const escapeXml = (text: string): string =>
  text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] ?? c)
    // XML 1.0 forbids control characters other than tab, newline and carriage return.
    .split('')
    .filter((c) => c.charCodeAt(0) >= 0x20 || c === '\t' || c === '\n' || c === '\r')
    .join('');

export interface FeedPage {
  /** e.g. `all`, `services-catalog`, `services-catalog/service-guide`. */
  readonly path: string;
  readonly title: string;
  /** The origin the links are absolute against, e.g. `http://127.0.0.1:3000`. */
  readonly origin: string;
  readonly page: number;
  readonly totalCount: number;
  readonly entries: readonly FeedEntryDocument[];
  /** When nothing is published yet, a feed is still updated at some instant: the caller's now. */
  readonly now: string;
}

export const entryIdOf = (entry: Pick<FeedEntryDocument, 'itemType' | 'itemId'>): string => `${TAG_AUTHORITY}:${entry.itemType}/${entry.itemId}`;

/**
 * An Atom 1.0 feed (RFC 4287) with RFC 5005 paging links (first, previous, next, last). Entries
 * carry a stable id per item, `updated` = the current version's publication and `published` =
 * the first one, an alternate link, and a text summary (a feed entry without content needs one).
 */
export const renderAtomFeed = (feed: FeedPage): string => {
  const base = `${feed.origin}/feeds/${feed.path}.atom`;
  const pageUrl = (page: number) => (page === 1 ? base : `${base}?page=${page}`);
  const lastPage = Math.max(1, Math.ceil(feed.totalCount / FEED_PAGE_SIZE));
  const updated = feed.entries[0]?.publishedAt ?? feed.now;
  const links = [
    `<link rel="self" type="application/atom+xml" href="${escapeXml(pageUrl(feed.page))}"/>`,
    `<link rel="first" href="${escapeXml(pageUrl(1))}"/>`,
    `<link rel="last" href="${escapeXml(pageUrl(lastPage))}"/>`,
    ...(feed.page > 1 ? [`<link rel="previous" href="${escapeXml(pageUrl(feed.page - 1))}"/>`] : []),
    ...(feed.page < lastPage ? [`<link rel="next" href="${escapeXml(pageUrl(feed.page + 1))}"/>`] : []),
  ];
  const entries = feed.entries.map((entry) =>
    [
      '<entry>',
      `<id>${escapeXml(entryIdOf(entry))}</id>`,
      `<title type="text">${escapeXml(entry.title)}</title>`,
      `<updated>${escapeXml(entry.publishedAt)}</updated>`,
      `<published>${escapeXml(entry.firstPublishedAt)}</published>`,
      `<link rel="alternate" href="${escapeXml(`${feed.origin}/items/${entry.context}/${entry.category}/${encodeURIComponent(entry.itemId)}`)}"/>`,
      `<category term="${escapeXml(entry.category)}" label="${escapeXml(entry.context)}"/>`,
      `<summary type="text">${escapeXml(`${entry.title}（第 ${entry.itemVersion} 版，${entry.context} / ${entry.category}）`)}</summary>`,
      '</entry>',
    ].join(''),
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">',
    `<id>${TAG_AUTHORITY}:feeds/${escapeXml(feed.path)}</id>`,
    `<title type="text">${escapeXml(feed.title)}</title>`,
    `<updated>${escapeXml(updated)}</updated>`,
    '<author><name>云浮市环境保护局</name></author>',
    '<generator>gongkai</generator>',
    ...links,
    ...entries,
    '</feed>',
  ].join('\n');
};
