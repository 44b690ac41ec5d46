import { localDateOf } from '@gongkai/calendar';
import { ANONYMOUS } from '@gongkai/kernel';
import { type Filter, publicAtFilter, textSearchPattern, versionInForce } from '@gongkai/read-store';
import type { DisclosureDocument } from './disclosure-document';
import { type DisclosureQuery, recordConditions } from './disclosure-search';
import { type DisclosureView, viewDisclosure } from './disclosure-visibility';
import type { EnterpriseDocument } from './enterprise-document';

const HISTORY = 'publicationHistory';

/**
 * The record as the public saw it at `at` (point in time): the version then published, or null when
 * it was not public then (not yet published, or revoked by then). Whoever asks gets the public's view.
 */
export const viewDisclosureAsOf = (doc: DisclosureDocument, at: string): DisclosureView | null => {
  const period = versionInForce(doc.publicationHistory, at);
  if (!period) return null;
  const versions = doc.versions.filter((entry) => entry.publishedAt !== null && entry.publishedAt <= at);
  return viewDisclosure({ ...doc, status: 'PUBLISHED', published: period.content, revocation: null, versions }, ANONYMOUS, localDateOf(new Date(at)));
};

/** The search as the public could have made it at `at`: in the versions published then; `includeRevoked` has no meaning at an instant. */
export const disclosureFilterAsOf = (query: DisclosureQuery, at: string): Filter => {
  const words = query.search?.trim();
  const pattern = words ? { $regex: textSearchPattern(words), $options: 'i' } : undefined;
  const exceeded = query.exceeded === true || query.exceeded === false ? { 'content.exceeded': query.exceeded } : {};
  return {
    $and: [
      ...recordConditions(query),
      publicAtFilter(HISTORY, at, exceeded),
      ...(pattern ? [{ $or: [{ title: pattern }, { enterpriseName: pattern }, { enterpriseCreditCode: pattern }, publicAtFilter(HISTORY, at, { 'content.text': pattern })] }] : []),
    ],
  };
};

/**
 * The enterprise's registers (blacklist, key monitored list) as the public knew them at `at`: the
 * changes published by then. Each change is published on its own, so the changes' own publication
 * instants are the history; no other version of them exists.
 */
export const enterpriseAsOf = (enterprise: EnterpriseDocument, at: string): EnterpriseDocument => {
  const changes = enterprise.changes.filter((change) => change.publishedAt !== null && change.publishedAt <= at);
  return { ...enterprise, changes, hasPublishedChange: changes.length > 0 };
};

/** The records about an enterprise published by `at`, revoked since or not: from the first, the public knew the enterprise. */
export const disclosedByFilter = (creditCode: string, at: string): Filter => ({ enterpriseCreditCode: creditCode, [HISTORY]: { $elemMatch: { publishedAt: { $lte: at } } } });
