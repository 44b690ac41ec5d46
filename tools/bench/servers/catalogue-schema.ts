import { readFileSync } from 'node:fs';

/**
 * The slice of the platform's schema the catalogue query touches, written by hand, with the types,
 * nullability and arguments the platform's generated schema gives them.
 */
export const CATALOGUE_SDL = `
  enum PublicationStatus { DRAFT PENDING_REVIEW PUBLISHED RETIRED }
  enum ServiceCategory { ADMINISTRATIVE_LICENSE ADMINISTRATIVE_CONFIRMATION ADMINISTRATIVE_FILING PUBLIC_SERVICE OTHER }
  type DepartmentRef { code: String! name: String! }
  type ServiceItem { id: ID! name: String! department: DepartmentRef! feeFen: Int! publicationStatus: PublicationStatus! }
  type ServiceItemEdge { node: ServiceItem! cursor: String! }
  type PageInfo { hasNextPage: Boolean! hasPreviousPage: Boolean! startCursor: String endCursor: String }
  type ServiceItemConnection { edges: [ServiceItemEdge!]! pageInfo: PageInfo! totalCount: Int! }
  type Query {
    serviceItems(search: String, departmentCode: String, category: ServiceCategory, includeRetired: Boolean, first: Int, after: String): ServiceItemConnection!
  }
`;

/** The `serviceItems` connection the platform answered, read from the file the bench captured it to. */
export const loadCapturedConnection = (file: string): Readonly<Record<string, unknown>> => {
  const body = JSON.parse(readFileSync(file, 'utf8')) as { data?: { serviceItems?: Record<string, unknown> } };
  const connection = body.data?.serviceItems;
  if (!connection) throw new Error(`${file} holds no serviceItems answer.`);
  return connection;
};

/** The same data from memory: the resolver hands back the captured connection, the defaults do the rest. */
export const catalogueResolvers = (connection: Readonly<Record<string, unknown>>) => ({
  Query: { serviceItems: async () => connection },
});
