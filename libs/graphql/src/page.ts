import { badInput } from '@gongkai/kernel';

/**
 * Relay-style pagination over a stable sort, free of Nest so that jest can load it; the GraphQL
 * types that carry it are in `connection.ts`. A cursor is the position of a document in the sorted
 * list the store pages (`skip: offset, limit`), so a page is always cut in documents.
 */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

const CURSOR_PREFIX = 'offset:';
const encode = (offset: number): string => Buffer.from(`${CURSOR_PREFIX}${offset}`).toString('base64url');

/** The cursors of the first pages, which every list answers again and again, are encoded once. */
const KEPT_CURSORS = 10_000;
const keptCursors: string[] = [];
export const encodeCursor = (offset: number): string => {
  if (!Number.isInteger(offset) || offset < 0 || offset >= KEPT_CURSORS) return encode(offset);
  return (keptCursors[offset] ??= encode(offset));
};

export const decodeCursor = (cursor: string | null | undefined): number => {
  if (!cursor) return 0;
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  // Written exactly as encodeCursor writes it: a hand-made `offset:0x10` or `offset:1e21` is no cursor of ours.
  if (!text.startsWith(CURSOR_PREFIX) || !/^\d{1,15}$/.test(text.slice(CURSOR_PREFIX.length))) throw badInput('INVALID_CURSOR', 'after is not a cursor this API gave out.', { field: 'after' });
  return Number(text.slice(CURSOR_PREFIX.length)) + 1;
};

export const pageSize = (first: number | null | undefined): number => {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) throw badInput('OUT_OF_RANGE', `first must be between 1 and ${MAX_PAGE_SIZE}.`, { field: 'first' });
  return first;
};

export interface PageInfoValues {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

export interface Page<T> {
  edges: { node: T; cursor: string }[];
  pageInfo: PageInfoValues;
  totalCount: number;
}

/**
 * The page of `documents` read from position `offset` of a list of `totalCount`, each shown as
 * `nodeOf` makes it for this reader. A document `nodeOf` leaves out (null: this reader may not see
 * it) keeps its position, so the cursors after it, `hasNextPage` and the next page stay counted in
 * documents as the store counts them. `startCursor` and `endCursor` name the page's first and last
 * document even when they are left out, so that the next page starts right after this one, and a
 * page whose documents are all left out still leads on.
 */
export const toPage = <Document, Node>(documents: readonly Document[], offset: number, totalCount: number, nodeOf: (document: Document) => Node | null | undefined): Page<Node> => {
  const edges: Page<Node>['edges'] = [];
  documents.forEach((document, index) => {
    const node = nodeOf(document);
    if (node !== null && node !== undefined) edges.push({ node, cursor: encodeCursor(offset + index) });
  });
  const read = documents.length > 0;
  return {
    edges,
    totalCount,
    pageInfo: {
      hasNextPage: offset + documents.length < totalCount,
      hasPreviousPage: offset > 0,
      startCursor: read ? encodeCursor(offset) : null,
      endCursor: read ? encodeCursor(offset + documents.length - 1) : null,
    },
  };
};
