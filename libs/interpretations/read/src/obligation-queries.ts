import { type ObligationStatus, obligationStatusOn } from '@gongkai/interpretations/domain';
import type { Actor, LocalDate } from '@gongkai/kernel';
import type { Filter } from '@gongkai/read-store';
import { internalAgencyFilter } from './bureau-readers';
import type { PolicyDocumentDocument } from './interpretation-documents';

/**
 * The obligations on `today` as the read store can filter them: the same rule as
 * `obligationStatusOn` in the domain, written as a query so that listing by status stays exact.
 */
export const obligationStatusFilter = (status: ObligationStatus | null | undefined, today: LocalDate): Filter => {
  switch (status) {
    case 'MET_ON_TIME':
      return { 'met.onTime': true };
    case 'MET_LATE':
      return { 'met.onTime': false };
    case 'OVERDUE':
      return { met: null, interpretationDueOn: { $lt: today } };
    case 'PENDING':
      return { met: null, interpretationDueOn: { $gte: today } };
    default:
      return {};
  }
};

/** Staff and oversight: the published documents of the agencies in their scope. */
export const obligationsFilter = (actor: Actor, status: ObligationStatus | null | undefined, today: LocalDate): Filter => ({
  $and: [internalAgencyFilter(actor), { stage: 'PUBLISHED' }, obligationStatusFilter(status, today)],
});

export interface ObligationView {
  readonly documentId: string;
  readonly documentTitle: string;
  readonly documentNumber: string | null;
  readonly agencyCode: string;
  readonly departmentCode: string;
  readonly publishedOn: LocalDate;
  readonly interpretationDueOn: LocalDate;
  readonly status: ObligationStatus;
  /** Flagged at publication: the document went out with no interpretation submitted. */
  readonly missingAtPublication: boolean;
  readonly metOn: LocalDate | null;
  readonly interpretationCount: number;
}

export const viewObligation = (document: PolicyDocumentDocument, today: LocalDate): ObligationView | null => {
  if (document.stage !== 'PUBLISHED' || !document.publishedOn || !document.interpretationDueOn) return null;
  return {
    documentId: document._id,
    documentTitle: document.title,
    documentNumber: document.documentNumber,
    agencyCode: document.agencyCode,
    departmentCode: document.departmentCode,
    publishedOn: document.publishedOn,
    interpretationDueOn: document.interpretationDueOn,
    status: obligationStatusOn({ interpretationDueOn: document.interpretationDueOn, met: document.met }, today),
    missingAtPublication: document.interpretationSubmitted === false,
    metOn: document.met?.publishedOn ?? null,
    interpretationCount: document.interpretationCount,
  };
};
