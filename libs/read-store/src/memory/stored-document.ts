/** A document as the in-memory store holds it: owned by the store, never handed out. */
export type StoredDocument = Record<string, unknown> & { readonly _id: string };
