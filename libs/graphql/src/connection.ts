import { type Type } from '@nestjs/common';
import { Field, Int, ObjectType } from '@nestjs/graphql';
import { type Page, type PageInfoValues } from './page';

/** Relay-style pagination: opaque cursors over a stable sort (`page.ts`). */
@ObjectType()
export class PageInfo implements PageInfoValues {
  @Field(() => Boolean) hasNextPage!: boolean;
  @Field(() => Boolean) hasPreviousPage!: boolean;
  @Field(() => String, { nullable: true }) startCursor!: string | null;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

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
export * from './page';
