import { type Actor, isBureauReader } from '@gongkai/kernel';
import { type Filter, type SortSpec, textSearchPattern } from '@gongkai/read-store';
import { internalAgencies } from './bureau-readers';

/** What the public and staff search disclosures by (监管信息查询). */
export interface DisclosureQuery {
  readonly category?: string | null;
  readonly enterpriseCreditCode?: string | null;
  readonly countyCode?: string | null;
  readonly from?: string | null;
  readonly to?: string | null;
  readonly search?: string | null;
  /** Monitoring results above (or within) the standard only. */
  readonly exceeded?: boolean | null;
  /** Withdrawn records too (the public sees only that they were withdrawn, and why). */
  readonly includeRevoked?: boolean | null;
}

/** Newest information first. */
export const DISCLOSURE_SORT: SortSpec = { formedOn: -1, _id: 1 };

/** The key of one enterprise's records formed in one month. */
export const enterpriseMonthOf = (enterpriseCreditCode: string | null, formedOn: string): string | null =>
  enterpriseCreditCode ? `${enterpriseCreditCode}|${formedOn.slice(0, 7)}` : null;

/**
 * Conditions on what never changes between versions, the most selective first: the store narrows
 * a search by the first condition it has an index for. A search for an enterprise within one month
 * (the commonest) names that month's key, which the other conditions imply anyway.
 */
export const recordConditions = (query: DisclosureQuery): Filter[] => [
  ...(query.enterpriseCreditCode && query.from && query.to && query.from.slice(0, 7) === query.to.slice(0, 7)
    ? [{ enterpriseMonth: enterpriseMonthOf(query.enterpriseCreditCode, query.from) }]
    : []),
  ...(query.enterpriseCreditCode ? [{ enterpriseCreditCode: query.enterpriseCreditCode }] : []),
  ...(query.category ? [{ category: query.category }] : []),
  ...(query.countyCode ? [{ countyCode: query.countyCode }] : []),
  ...(query.from || query.to ? [{ formedOn: { ...(query.from ? { $gte: query.from } : {}), ...(query.to ? { $lte: query.to } : {}) } }] : []),
];

/** Conditions on one version's content: the published one for the public, the current one for staff. */
const versionConditions = (query: DisclosureQuery, content: string): Filter[] => {
  const words = query.search?.trim();
  const pattern = words ? { $regex: textSearchPattern(words), $options: 'i' } : undefined;
  return [
    ...(query.exceeded === true || query.exceeded === false ? [{ [`${content}.exceeded`]: query.exceeded }] : []),
    ...(pattern ? [{ $or: [{ title: pattern }, { enterpriseName: pattern }, { enterpriseCreditCode: pattern }, { [`${content}.text`]: pattern }] }] : []),
  ];
};

/**
 * The search filter for one reader: the public searches the published versions; bureau readers
 * also their agencies' records, by their current text. Rows of an import not yet complete are
 * nobody's (`incompleteImports`): a file is used whole or not at all.
 */
export const disclosureFilter = (actor: Actor, query: DisclosureQuery, incompleteImports: readonly string[] = []): Filter => {
  const shown = query.includeRevoked ? { published: { $ne: null } } : { listedPublicly: true };
  const publicBranch: Filter = { $and: [shown, ...versionConditions(query, 'published.content')] };
  const conditions = recordConditions(query);
  if (!isBureauReader(actor)) return { $and: [...conditions, publicBranch] };
  const agencies = internalAgencies(actor);
  const internalBranch: Filter = {
    $and: [
      ...(agencies ? [agencies] : []),
      ...(incompleteImports.length ? [{ importId: { $nin: [...incompleteImports] } }] : []),
      ...(query.includeRevoked ? [] : [{ status: { $ne: 'REVOKED' } }]),
      ...versionConditions(query, 'current'),
    ],
  };
  return { $and: [...conditions, agencies ? { $or: [internalBranch, publicBranch] } : internalBranch] };
};

/** Staff's list of what is still to be published, due by `dueBy` at the latest (or overdue already). */
export const deadlinesFilter = (actor: Actor, dueBy: string, incompleteImports: readonly string[]): Filter => {
  const agencies = internalAgencies(actor);
  return {
    $and: [
      ...(agencies ? [agencies] : []),
      { status: { $in: ['DRAFT', 'PENDING_REVIEW'] } },
      { 'current.publicationDueOn': { $lte: dueBy } },
      ...(incompleteImports.length ? [{ importId: { $nin: [...incompleteImports] } }] : []),
    ],
  };
};
