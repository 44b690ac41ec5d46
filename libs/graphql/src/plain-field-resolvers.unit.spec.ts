import { execute, GraphQLInt, GraphQLObjectType, GraphQLSchema, GraphQLString, parse } from 'graphql';
import { withoutPropertyResolvers } from './plain-field-resolvers';

/** As Nest's schema builder makes them (object-type-definition.factory): named rootFieldResolver. */
const nestResolver = (property: string, defaultValue?: unknown) => {
  const rootFieldResolver = (root: Record<string, unknown>) => {
    const value = root[property];
    return typeof value === 'undefined' ? defaultValue : value;
  };
  return rootFieldResolver;
};

const schema = () => {
  const reads = (parent: Record<string, unknown>) => parent['plain'];
  const item = new GraphQLObjectType({
    name: 'Item',
    fields: {
      plain: { type: GraphQLString, resolve: nestResolver('plain') },
      withDefault: { type: GraphQLInt, resolve: nestResolver('withDefault', 7) },
      renamed: { type: GraphQLString, resolve: nestResolver('otherProperty') },
      computed: { type: GraphQLString, resolve: reads },
      none: { type: GraphQLString },
    },
  });
  return new GraphQLSchema({ query: new GraphQLObjectType({ name: 'Query', fields: { item: { type: item, resolve: () => ({ plain: 'p', otherProperty: 'o' }) } } }) });
};

describe('withoutPropertyResolvers', () => {
  it('drops only the resolvers that read their own property, and the answer stays the same', async () => {
    const query = parse('{ item { plain withDefault renamed computed none } }');
    const before = await execute({ schema: schema(), document: query });
    const transformed = withoutPropertyResolvers(schema());
    const fields = (transformed.getType('Item') as GraphQLObjectType).getFields();
    expect(fields['plain'].resolve).toBeUndefined();
    expect(fields['withDefault'].resolve).toBeDefined();
    expect(fields['renamed'].resolve).toBeDefined();
    expect(fields['computed'].resolve).toBeDefined();
    expect((transformed.getType('Query') as GraphQLObjectType).getFields()['item'].resolve).toBeDefined();
    expect(await execute({ schema: transformed, document: query })).toEqual(before);
    expect(before).toEqual({ data: { item: { plain: 'p', withDefault: 7, renamed: 'o', computed: 'p', none: null } } });
  });
});
