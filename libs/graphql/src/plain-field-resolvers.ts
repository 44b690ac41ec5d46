import { type GraphQLFieldResolver, type GraphQLSchema, isObjectType } from 'graphql';

/** The name of the resolver Nest's code-first schema builder gives every plain `@Field()`. */
const NEST_PROPERTY_RESOLVER = 'rootFieldResolver';

/**
 * Whether `resolve` only reads the property `field` of its parent and returns it as it is, as a
 * field without resolver is read: tried on a parent that records what is read, and on one that
 * holds the property. A default value, middleware or anything else it does shows, and keeps it.
 */
const readsOnlyItsProperty = (resolve: GraphQLFieldResolver<unknown, unknown>, field: string): boolean => {
  if (resolve.name !== NEST_PROPERTY_RESOLVER) return false;
  const reads: PropertyKey[] = [];
  const recorder = new Proxy({}, { get: (_target, key) => (reads.push(key), undefined) });
  const held = {};
  try {
    const missing = (resolve as (parent: unknown) => unknown)(recorder);
    if (missing !== undefined || reads.length !== 1 || reads[0] !== field) return false;
    return (resolve as (parent: unknown) => unknown)({ [field]: held }) === held;
  } catch {
    return false;
  }
};

/**
 * Nest's code-first schema gives each field of an object type a resolver that reads the property
 * of the same name (`parent[name]`, or the field's default value). graphql-jit compiles a field
 * without resolver into a property read within the query's compiled code, but calls a resolver,
 * with its bookkeeping, for every field that has one: for a page of twenty items, a few hundred
 * calls per request. This drops exactly those resolvers that read their own property and nothing
 * else, so that such a field is read as graphql-jit reads any field without resolver (and returns
 * the same value). Resolvers of queries, mutations and `@ResolveField`s, where guards and pipes
 * run, are other functions and stay; so do fields with a default value or field middleware.
 */
export const withoutPropertyResolvers = (schema: GraphQLSchema): GraphQLSchema => {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (field.resolve && readsOnlyItsProperty(field.resolve, field.name)) field.resolve = undefined;
    }
  }
  return schema;
};
