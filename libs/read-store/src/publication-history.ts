import type { Filter } from './read-store';

/**
 * One period during which one version of an item was what the public saw: from its publication
 * until the next version replaced it or the item was retired, withdrawn or revoked (`endedAt`),
 * or still now (`endedAt: null`). `content` is the public view of that version as it was then,
 * copied when it was published, so that a later version or a retirement never rewrites the past.
 */
export interface PublicationPeriod<C> {
  readonly publishedAt: string;
  readonly endedAt: string | null;
  readonly content: C;
}

/** Every period an item was public, oldest first; at most the last one is open. */
export type PublicationHistory<C> = readonly PublicationPeriod<C>[];

/** Instants are compared as UTC ISO-8601 strings of one shape, as the events and `utcInstantOf` (@gongkai/calendar) write them. */
const inForce = (period: PublicationPeriod<unknown>, at: string): boolean => period.publishedAt <= at && (period.endedAt === null || period.endedAt > at);

/** The version the public saw at `at`; undefined when the item was not public then (not yet, or no longer). */
export const versionInForce = <C>(history: PublicationHistory<C> | null | undefined, at: string): PublicationPeriod<C> | undefined =>
  (history ?? []).find((period) => inForce(period, at));

/** The history after `content` is published at `publishedAt`: the version it replaces ends at that instant. */
export const withPublication = <C>(history: PublicationHistory<C> | null | undefined, content: C, publishedAt: string): PublicationPeriod<C>[] => [
  ...withPublicationEnded(history, publishedAt),
  { publishedAt, endedAt: null, content },
];

/** The history after the item stops being public at `endedAt` (retired, withdrawn, revoked); unchanged if it was not public. */
export const withPublicationEnded = <C>(history: PublicationHistory<C> | null | undefined, endedAt: string): PublicationPeriod<C>[] =>
  (history ?? []).map((period) => (period.endedAt === null ? { ...period, endedAt } : period));

const LOGICAL = new Set(['$and', '$or', '$nor']);

/** A filter on a period's content, its field names put under `content.`. */
const underContent = (filter: Filter): Filter =>
  Object.fromEntries(Object.entries(filter).map(([key, condition]) => (LOGICAL.has(key) ? [key, (condition as Filter[]).map(underContent)] : [`content.${key}`, condition])));

/**
 * The read-store filter for "was public at `at`", on the history kept in `field`; `content` adds
 * conditions on that same period's content (field names relative to the content), so that a search
 * at an instant searches what was published then.
 */
export const publicAtFilter = (field: string, at: string, content: Filter = {}): Filter => ({
  [field]: { $elemMatch: { $and: [{ publishedAt: { $lte: at } }, { $or: [{ endedAt: null }, { endedAt: { $gt: at } }] }, ...(Object.keys(content).length ? [underContent(content)] : [])] } },
});
