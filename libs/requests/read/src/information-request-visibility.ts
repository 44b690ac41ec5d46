import { type Actor, agencyFilter, canActForAgency, canActForDepartment, hasRole, type LocalDate, seesInternals } from '@gongkai/kernel';
import type { Filter } from '@gongkai/read-store';
import type { ClockPause, RequestOutcome, RequestStatus } from '@gongkai/requests/domain';
import type { FeeView, InformationRequestDocument } from './information-request-document';

const OPEN_STATUSES: readonly RequestStatus[] = ['IN_PROGRESS', 'AWAITING_SUPPLEMENT', 'AWAITING_FEE', 'IN_CONSULTATION'];

/** Staff views are for the bureau, within its agency scope; the public has tracking only. */
export const readsRequest = (actor: Actor, doc: InformationRequestDocument): boolean => seesInternals(actor, doc.agencyCode);

export type PersonalDataAccess = 'HANDLING' | 'AUDIT';

/**
 * Who may read the applicant's personal data: the staff handling the request (its agency and
 * department; the office for any department), and auditors, whose every reading is logged.
 * Not reviewers, admins or leaders, and never the public.
 */
export const personalDataAccess = (actor: Actor, doc: Pick<InformationRequestDocument, 'agencyCode' | 'departmentCode'>): PersonalDataAccess | null => {
  if (!canActForAgency(actor, doc.agencyCode)) return null;
  if (hasRole(actor, 'staff', 'office') && canActForDepartment(actor, doc.departmentCode)) return 'HANDLING';
  return hasRole(actor, 'auditor') ? 'AUDIT' : null;
};

/** Late: answered after its due date, or still open after it. */
export const isLate = (doc: InformationRequestDocument, today: LocalDate): boolean =>
  doc.answer ? doc.answer.late : doc.answerDueOn !== null && OPEN_STATUSES.includes(doc.status) && today > doc.answerDueOn;

export interface RequestListQuery {
  readonly status?: string | null;
  readonly dueBefore?: LocalDate | null;
}

/**
 * The staff list: the reader's agencies; `dueBefore` keeps the requests due before that day —
 * the open ones unless a status is asked for — which gives the overdue list (due before today)
 * and the due-soon list (due before a day ahead).
 */
export const requestListFilter = (actor: Actor, query: RequestListQuery): Filter => {
  const agencies = agencyFilter(actor);
  return {
    $and: [
      agencies === undefined ? {} : { agencyCode: { $in: [...agencies] } },
      query.status ? { status: query.status } : query.dueBefore ? { status: { $in: [...OPEN_STATUSES] } } : {},
      query.dueBefore ? { answerDueOn: { $ne: null, $lt: query.dueBefore } } : {},
    ],
  };
};

/** What an applicant sees with the right tracking code and access key: no staff beyond the department, no third party. */
export interface TrackingView {
  readonly trackingCode: string;
  readonly status: RequestStatus;
  readonly agencyCode: string;
  readonly departmentCode: string;
  readonly receivedOn: LocalDate;
  readonly answerDueOn: LocalDate | null;
  readonly late: boolean;
  readonly pauses: readonly ClockPause[];
  readonly supplement: { readonly instructions: string; readonly noticeOn: LocalDate; readonly dueOn: LocalDate; readonly receivedOn: LocalDate | null } | null;
  readonly extension: { readonly workingDays: number; readonly reason: string; readonly answerDueOn: LocalDate } | null;
  /** The fee the applicant is asked to pay, and by when: the applicant's own notice. */
  readonly fee: FeeView | null;
  readonly outcome: RequestOutcome | null;
  readonly answeredOn: LocalDate | null;
  readonly letter: string | null;
  /** The content provided, with withheld passages replaced: never the original. */
  readonly content: string | null;
  readonly redactionReasons: readonly string[];
}

export const trackingView = (doc: InformationRequestDocument, today: LocalDate): TrackingView => ({
  trackingCode: doc.trackingCode,
  status: doc.status,
  agencyCode: doc.agencyCode,
  departmentCode: doc.departmentCode,
  receivedOn: doc.receivedOn,
  answerDueOn: doc.answer ? doc.answer.answerDueOn : doc.answerDueOn,
  late: isLate(doc, today),
  pauses: doc.pauses,
  supplement: doc.supplement ? { instructions: doc.supplement.instructions, noticeOn: doc.supplement.noticeOn, dueOn: doc.supplement.dueOn, receivedOn: doc.supplement.receivedOn } : null,
  extension: doc.extension ? { workingDays: doc.extension.workingDays, reason: doc.extension.reason, answerDueOn: doc.extension.answerDueOn } : null,
  fee: doc.fee ? { ...doc.fee } : null,
  outcome: doc.answer?.outcome ?? null,
  answeredOn: doc.answer?.answeredOn ?? null,
  letter: doc.answer?.letter ?? null,
  content: doc.answer ? doc.answer.redactedContent || null : null,
  redactionReasons: doc.answer?.redactions.map((r, i) => `${i + 1}. ${r.reason}`) ?? [],
});
