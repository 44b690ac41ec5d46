import { decodeCursor, encodeCursor, type Page, toPage } from './page';

/** A sorted list of 12 documents as the store holds them; the reader may not see those in `hidden`. */
const LIST = Array.from({ length: 12 }, (_, position) => ({ id: `d${position}` }));
type Document = (typeof LIST)[number];

const viewFor =
  (hidden: ReadonlySet<string>) =>
  (document: Document): string | null =>
    hidden.has(document.id) ? null : document.id.toUpperCase();

/** Reads one page as a resolver does: `skip` the cursor's offset, `limit` the page size. */
const readPage = (after: string | null, limit: number, hidden: ReadonlySet<string>): Page<string> => {
  const offset = decodeCursor(after);
  return toPage(LIST.slice(offset, offset + limit), offset, LIST.length, viewFor(hidden));
};

const positionsOf = (page: Page<string>) => page.edges.map((edge) => decodeCursor(edge.cursor) - 1);

/** Follows the list as a portal follows `hasNextPage` and `endCursor`. */
const followAll = (limit: number, hidden: ReadonlySet<string>): Page<string>[] => {
  const pages = [readPage(null, limit, hidden)];
  while (pages[pages.length - 1]!.pageInfo.hasNextPage) {
    if (pages.length > LIST.length) throw new Error('the pages never end');
    pages.push(readPage(pages[pages.length - 1]!.pageInfo.endCursor, limit, hidden));
  }
  return pages;
};

describe('A page of documents, some of which the reader may not see', () => {
  it('keeps the position of a document left out: cursors 0, 1, 3, 4 and the next page from document 5', () => {
    const page = readPage(null, 5, new Set(['d2']));
    expect(page.edges.map((edge) => edge.node)).toEqual(['D0', 'D1', 'D3', 'D4']);
    expect(positionsOf(page)).toEqual([0, 1, 3, 4]);
    expect(page.pageInfo.hasNextPage).toBe(true);
    expect(decodeCursor(page.pageInfo.endCursor)).toBe(5);
    expect(readPage(page.pageInfo.endCursor, 5, new Set(['d2'])).edges.map((edge) => edge.node)).toEqual(['D5', 'D6', 'D7', 'D8', 'D9']);
  });

  it('shows every visible document exactly once across the pages, whichever are left out', () => {
    const hidden = new Set(['d2', 'd4', 'd5', 'd9', 'd11']);
    const pages = followAll(3, hidden);
    expect(pages).toHaveLength(4);
    expect(pages.flatMap((page) => page.edges.map((edge) => edge.node))).toEqual(LIST.filter((d) => !hidden.has(d.id)).map((d) => d.id.toUpperCase()));
    expect(pages.map((page) => page.pageInfo.hasNextPage)).toEqual([true, true, true, false]);
  });

  it('says there is a next page while documents remain, and none at the end, counted in documents', () => {
    const hidden = new Set(['d9', 'd10']);
    expect(readPage(encodeCursor(5), 5, hidden).pageInfo.hasNextPage).toBe(true); // documents 6–10 of 12
    const last = readPage(encodeCursor(6), 5, hidden); // documents 7–11: the last of the list
    expect(positionsOf(last)).toEqual([7, 8, 11]);
    expect(last.pageInfo.hasNextPage).toBe(false);
    expect(readPage(last.pageInfo.endCursor, 5, hidden).edges).toEqual([]);
  });

  it('leads on past a page whose documents are all left out', () => {
    const hidden = new Set(['d3', 'd4', 'd5']);
    const blank = readPage(encodeCursor(2), 3, hidden);
    expect(blank.edges).toEqual([]);
    expect(blank.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    expect(readPage(blank.pageInfo.endCursor, 3, hidden).edges.map((edge) => edge.node)).toEqual(['D6', 'D7', 'D8']);
  });

  it('names the page’s first and last document in pageInfo even when those are left out', () => {
    const page = readPage(encodeCursor(3), 4, new Set(['d4', 'd7']));
    expect(positionsOf(page)).toEqual([5, 6]);
    expect([decodeCursor(page.pageInfo.startCursor) - 1, decodeCursor(page.pageInfo.endCursor) - 1]).toEqual([4, 7]);
  });
});

describe('A page where the reader sees every document', () => {
  /** What toPage answered before documents could be left out: the nodes numbered from the offset. */
  const asBefore = <T>(nodes: readonly T[], offset: number, totalCount: number): Page<T> => {
    const edges = nodes.map((node, i) => ({ node, cursor: encodeCursor(offset + i) }));
    const pageInfo = { hasNextPage: offset + nodes.length < totalCount, hasPreviousPage: offset > 0, startCursor: edges[0]?.cursor ?? null, endCursor: edges[edges.length - 1]?.cursor ?? null };
    return { edges, totalCount, pageInfo };
  };

  it.each([
    ['the first page', 0, 5],
    ['a middle page', 5, 5],
    ['the last, short page', 10, 5],
    ['past the end', 12, 5],
    ['an empty list', 0, 5, 0],
  ])('gives what it gave before: %s', (_name, offset, limit, total = LIST.length) => {
    const documents = LIST.slice(0, total).slice(offset, offset + limit);
    const page = toPage(documents, offset, total, (document) => document.id);
    expect(page).toEqual(asBefore(documents.map((document) => document.id), offset, total));
  });

  it('keeps the cursors clients already hold', () => {
    expect(encodeCursor(0)).toBe(Buffer.from('offset:0').toString('base64url'));
    expect(encodeCursor(12_345)).toBe(Buffer.from('offset:12345').toString('base64url'));
    expect(decodeCursor(encodeCursor(41))).toBe(42);
  });
});

describe('A cursor', () => {
  const handMade = (text: string) => Buffer.from(text).toString('base64url');

  it('reads back exactly what encodeCursor gave out', () => {
    for (const offset of [0, 1, 9_999, 10_000, 123_456_789]) expect(decodeCursor(encodeCursor(offset))).toBe(offset + 1);
  });

  it.each(['offset:', 'offset:-1', 'offset:0x10', 'offset: 3', 'offset:1e21', 'offset:1.5', 'offset:9999999999999999', 'position:3', 'not base64 at all'])(
    'refuses %j as INVALID_CURSOR naming the argument',
    (text) => {
      expect(() => decodeCursor(handMade(text))).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', rule: 'INVALID_CURSOR', details: { field: 'after' } }));
    },
  );
});
