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
      // An obligation without a due day (its year has no calendar yet) cannot be overdue yet.
      return { met: null, $or: [{ interpretationDueOn: { $gte: today } }, { interpretationDueOn: null }] };
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
  /** Null while the year it falls in has no working-day calendar (see `clockProblem`). */
  readonly interpretationDueOn: LocalDate | null;
  readonly status: ObligationStatus;
  /** Why there is no due day: listed rather than left out, so that nobody forgets the obligation. */
  readonly clockProblem: 'CALENDAR_YEAR_NOT_LOADED' | null;
  /** Flagged at publication: the document went out with no interpretation submitted. */
  readonly missingAtPublication: boolean;
  readonly metOn: LocalDate | null;
  readonly interpretationCount: number;
}

/** Without a due day an obligation is met as the domain judged it when the interpretation came out, or still pending. */
const undatedStatus = (document: PolicyDocumentDocument): ObligationStatus => {
  if (!document.met) return 'PENDING';
  return document.met.onTime ? 'MET_ON_TIME' : 'MET_LATE';
};

export const viewObligation = (document: PolicyDocumentDocument, today: LocalDate): ObligationView | null => {
  if (document.stage !== 'PUBLISHED' || !document.publishedOn) return null;
  const dueOn = document.interpretationDueOn;
  return {
    documentId: document._id,
    documentTitle: document.title,
    documentNumber: document.documentNumber,
    agencyCode: document.agencyCode,
    departmentCode: document.departmentCode,
    publishedOn: document.publishedOn,
    interpretationDueOn: dueOn,
    status: dueOn ? obligationStatusOn({ interpretationDueOn: dueOn, met: document.met }, today) : undatedStatus(document),
    clockProblem: dueOn ? null : 'CALENDAR_YEAR_NOT_LOADED',
    missingAtPublication: document.interpretationSubmitted === false,
    metOn: document.met?.publishedOn ?? null,
    interpretationCount: document.interpretationCount,
  };
};
