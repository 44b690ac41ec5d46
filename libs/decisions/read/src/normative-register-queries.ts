import type { LocalDate } from '@gongkai/calendar';
import { type DocumentStatus, documentStatusAsOf } from '@gongkai/decisions/domain';
import { type Actor, requireText, seesInternals } from '@gongkai/kernel';
import { type Filter, textSearchPattern } from '@gongkai/read-store';
import { internalOrPublishedFilter } from './bureau-readers';
import type { CleanupCampaignDocument, NormativeDocumentDocument } from './normative-register-documents';

/**
 * The register as the read store can filter it on the day asked about (`asOf`): the same rules as
 * `documentStatusAsOf` in the domain, written as a query so that paging and counting stay exact.
 */
export const documentStatusFilter = (status: DocumentStatus | null | undefined, asOf: LocalDate): Filter => {
  const issued: Filter = { issuedOn: { $lte: asOf } };
  const notRepealed: Filter = { $or: [{ repealedOn: null }, { repealedOn: { $gt: asOf } }] };
  const valid: Filter = { validUntil: { $gte: asOf } };
  const notAmended: Filter = { $or: [{ firstAmendedOn: null }, { firstAmendedOn: { $gt: asOf } }] };
  switch (status) {
    case 'REPEALED':
      return { $and: [issued, { repealedOn: { $lte: asOf } }] };
    case 'EXPIRED':
      return { $and: [issued, notRepealed, { validUntil: { $lt: asOf } }] };
    case 'AMENDED':
      return { $and: [issued, notRepealed, valid, { firstAmendedOn: { $lte: asOf } }] };
    case 'IN_FORCE':
      return { $and: [issued, notRepealed, valid, notAmended] };
    default:
      return issued;
  }
};

/** In force as amended or not: what the annual report counts as 现行有效. */
export const inForceFilter = (asOf: LocalDate): Filter => ({ $or: [documentStatusFilter('IN_FORCE', asOf), documentStatusFilter('AMENDED', asOf)] });

export interface RegisterQuery {
  readonly status?: DocumentStatus | null;
  readonly asOf: LocalDate;
  readonly search?: string | null;
  readonly agencyCode?: string | null;
}

/** The register is public: every reader gets the same answer. An over-long search is refused (TOO_LONG), not cut. */
export const registerFilter = (query: RegisterQuery): Filter => {
  const search = requireText('search', query.search, { max: 200, min: 0, optional: true });
  const pattern = search ? { $regex: textSearchPattern(search), $options: 'i' } : undefined;
  return {
    $and: [
      documentStatusFilter(query.status, query.asOf),
      ...(pattern ? [{ $or: [{ number: pattern }, { title: pattern }] }] : []),
      ...(query.agencyCode ? [{ agencyCode: query.agencyCode }] : []),
    ],
  };
};

export interface NormativeDocumentView extends NormativeDocumentDocument {
  readonly status: DocumentStatus;
  readonly asOf: LocalDate;
}

/** A document with its status on `asOf`; null when it had not been issued by then. */
export const viewNormativeDocument = (document: NormativeDocumentDocument, asOf: LocalDate): NormativeDocumentView | null => {
  const status = documentStatusAsOf({ ...document, amendedOn: document.amendments.map((a) => a.amendedOn) }, asOf);
  return status ? { ...document, status, asOf } : null;
};

/** Figures for the annual report (政府信息公开工作年度报告, part 2): issued, repealed, in force at year end. */
export const annualFigureFilters = (year: number, agencyCode?: string | null): { issued: Filter; repealed: Filter; inForce: Filter } => {
  const first = `${String(year).padStart(4, '0')}-01-01`;
  const last = `${String(year).padStart(4, '0')}-12-31`;
  const agency: Filter = agencyCode ? { agencyCode } : {};
  return {
    issued: { ...agency, issuedOn: { $gte: first, $lte: last } },
    repealed: { ...agency, repealedOn: { $gte: first, $lte: last } },
    inForce: { $and: [agency, inForceFilter(last)] },
  };
};

/** Campaigns a reader may list: the public only those whose results were published. */
export const cleanupCampaignsFilter = (actor: Actor): Filter => internalOrPublishedFilter(actor, { status: 'PUBLISHED' });

/** The public sees a campaign only through its published results. */
export const viewCleanupCampaign = (campaign: CleanupCampaignDocument, actor: Actor): CleanupCampaignDocument | null => {
  if (seesInternals(actor, campaign.agencyCode)) return campaign;
  if (!campaign.published) return null;
  const items = campaign.published.results.items.map((item) => ({ ...item }));
  return { ...campaign, items, pendingReviewId: null, pendingResults: null };
};
