import { badInput } from '@gongkai/kernel';
import { type Type } from '@nestjs/common';
import { Field, Int, ObjectType } from '@nestjs/graphql';

/** Relay-style pagination: opaque cursors over a stable sort. */
@ObjectType()
export class PageInfo {
  @Field(() => Boolean) hasNextPage!: boolean;
  @Field(() => Boolean) hasPreviousPage!: boolean;
  @Field(() => String, { nullable: true }) startCursor!: string | null;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

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
  const offset = Number(text.slice(CURSOR_PREFIX.length));
  if (!text.startsWith(CURSOR_PREFIX) || !Number.isInteger(offset) || offset < 0) throw badInput('INVALID_CURSOR', 'after is not a cursor this API gave out.', { field: 'after' });
  return offset + 1;
};

export const pageSize = (first: number | null | undefined): number => {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) throw badInput('OUT_OF_RANGE', `first must be between 1 and ${MAX_PAGE_SIZE}.`, { field: 'first' });
  return first;
};

export interface Page<T> {
  edges: { node: T; cursor: string }[];
  pageInfo: PageInfo;
  totalCount: number;
}

export const toPage = <T>(nodes: readonly T[], offset: number, totalCount: number): Page<T> => {
  const edges = nodes.map((node, i) => ({ node, cursor: encodeCursor(offset + i) }));
  return {
    edges,
    totalCount,
    pageInfo: {
      hasNextPage: offset + nodes.length < totalCount,
      hasPreviousPage: offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
};

/** Declares `<Name>Edge` and `<Name>Connection` types for a node type. */
export const Connection = <T>(node: Type<T>, name: string) => {
  // The concrete class (`class XConnection extends Connection(X, "X")`) gives the connection its name.
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field(() => node) node!: T;
    @Field(() => String) cursor!: string;
  }
  @ObjectType({ isAbstract: true })
  abstract class ConnectionType implements Page<T> {
    @Field(() => [Edge]) edges!: Edge[];
    @Field(() => PageInfo) pageInfo!: PageInfo;
    @Field(() => Int) totalCount!: number;
  }
  return ConnectionType;
};

export { textSearchPattern } from '@gongkai/read-store';
