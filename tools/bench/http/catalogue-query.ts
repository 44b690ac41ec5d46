/** The public catalogue's first page, as an anonymous visitor's portal asks for it. */
export const CATALOGUE_QUERY =
  '{ serviceItems(first: 20) { totalCount edges { node { id name department { code name } feeFen publicationStatus } } } }';

/** The one request body every server under test receives, byte for byte. */
export const CATALOGUE_REQUEST_BODY = JSON.stringify({ query: CATALOGUE_QUERY });

export const JSON_HEADERS = { 'content-type': 'application/json' } as const;
