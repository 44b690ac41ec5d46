import { type Actor, agencyFilter, canActForAgency, canActForDepartment, hasRole, type LocalDate, requireRole } from '@gongkai/kernel';
import { isOverdue, type MessageKind, type MessageStatus } from '@gongkai/participation/domain';
import type { Filter } from '@gongkai/read-store';
import type { MessageAnswerView, MessagePublicationState, PublicMessageDocument } from './public-message-document';

/**
 * Who sees what of a public message (留言咨询):
 *
 * - The public sees a message once its answer was reviewed and published (先审查、后公开). A
 *   published message hidden later stays in the list as a stub that shows the hide reason and
 *   nothing of the question or answer: moderation is visible, never silent. A message hidden
 *   before it was published was never public and does not appear.
 * - Staff see the messages of their own department; the office (which receives and routes them),
 *   leaders, auditors and admins all of their agencies'; the service window also the messages not
 *   yet routed, because callers at the counter and on the phone ask about those.
 * - The author's name and contact: only the handling staff (the message's agency and current
 *   department; the office for any), never the public, another department, the window for a
 *   message it does not handle, reviewers or auditors.
 */
const READER_ROLES = ['staff', 'office', 'leader', 'auditor', 'admin'] as const;
const ALL_DEPARTMENT_ROLES = ['office', 'leader', 'auditor', 'admin'] as const;
const SERVICE_WINDOW = 'SERVICE_WINDOW';

/** Public messages are read by the departments that answer them, not by confidentiality reviewers (unlike the kernel's bureau readers). */
export const isMessageReader = (actor: Actor): boolean => hasRole(actor, ...READER_ROLES);

/** Refuses the public before anything is looked up: UNAUTHENTICATED for anonymous callers. */
export const requireMessageReader = (actor: Actor): void => requireRole(actor, ...READER_ROLES);

const readsAllDepartments = (actor: Actor): boolean => hasRole(actor, ...ALL_DEPARTMENT_ROLES);

export const readsMessage = (actor: Actor, doc: Pick<PublicMessageDocument, 'agencyCode' | 'departmentCode' | 'routed'>): boolean =>
  isMessageReader(actor) &&
  canActForAgency(actor, doc.agencyCode) &&
  (readsAllDepartments(actor) || actor.departmentCode === doc.departmentCode || (actor.departmentCode === SERVICE_WINDOW && !doc.routed));

/** Whether this reader may open the author's name and contact. */
export const readsAuthor = (actor: Actor, doc: Pick<PublicMessageDocument, 'agencyCode' | 'departmentCode'>): boolean =>
  hasRole(actor, 'staff', 'office') && canActForAgency(actor, doc.agencyCode) && canActForDepartment(actor, doc.departmentCode);

export interface MessageListQuery {
  readonly kind?: string | null;
  readonly answered?: boolean | null;
}

const PUBLISHED: Filter = { 'publication.state': 'PUBLISHED' };

/** The reader's scope as a filter: the same rule as `readsMessage`, for lists. */
export const scopeFilter = (actor: Actor): Filter => {
  if (!isMessageReader(actor)) return PUBLISHED;
  const agencies = agencyFilter(actor);
  const agency = agencies === undefined ? {} : { agencyCode: { $in: [...agencies] } };
  if (readsAllDepartments(actor)) return agency;
  const departments: Filter[] = [{ departmentCode: actor.departmentCode ?? null }];
  if (actor.departmentCode === SERVICE_WINDOW) departments.push({ routed: false });
  return { $and: [agency, { $or: departments }] };
};

export const messageListFilter = (actor: Actor, query: MessageListQuery): Filter => ({
  $and: [
    scopeFilter(actor),
    query.kind ? { kind: query.kind } : {},
    query.answered === true ? { status: 'ANSWERED' } : query.answered === false ? { status: { $ne: 'ANSWERED' } } : {},
  ],
});

/** Escalated and still unanswered: the office's and the leadership's list to chase (督办). */
export const escalatedListFilter = (actor: Actor): Filter => ({ $and: [scopeFilter(actor), { escalation: { $ne: null } }, { status: 'RECEIVED' }] });

/** Newest publication first for the public; the bureau works through them in order of arrival, newest first. */
export const listSort = (actor: Actor) => (isMessageReader(actor) ? { receivedOn: -1, _id: 1 } : { 'publication.publishedAt': -1, _id: 1 }) as Readonly<Record<string, 1 | -1>>;

/** One message as one reader may see it. Null fields are what this reader may not see. */
export interface PublicMessageView {
  readonly id: string;
  readonly agencyCode: string;
  readonly departmentCode: string;
  readonly kind: MessageKind;
  readonly subject: string | null;
  readonly text: string | null;
  readonly status: MessageStatus;
  readonly receivedOn: LocalDate;
  readonly answerDueOn: LocalDate | null;
  readonly answerLimitWorkingDays: number | null;
  /** Past its due date without an answer, or answered after it. */
  readonly overdue: boolean;
  readonly escalatedOn: LocalDate | null;
  readonly complaintNote: string | null;
  readonly answer: Omit<MessageAnswerView, 'answeredBy'> & { readonly answeredBy: string | null } | null;
  readonly publicationState: MessagePublicationState | null;
  readonly publishedAt: string | null;
  readonly publishable: boolean | null;
  readonly hidden: boolean;
  readonly hiddenReason: string | null;
  readonly rating: number | null;
  /** Whether this reader may open the author's data; the sealed data itself never leaves the gateway. */
  readonly authorReadable: boolean;
}

export const wentOverdue = (doc: PublicMessageDocument, today: LocalDate): boolean => isOverdue(doc, today) || doc.answer?.late === true;

const bureauView = (doc: PublicMessageDocument, actor: Actor, today: LocalDate): PublicMessageView => ({
  id: doc._id,
  agencyCode: doc.agencyCode,
  departmentCode: doc.departmentCode,
  kind: doc.kind,
  subject: doc.subject,
  text: doc.text,
  status: doc.status,
  receivedOn: doc.receivedOn,
  answerDueOn: doc.answerDueOn,
  answerLimitWorkingDays: doc.answerLimitWorkingDays,
  overdue: wentOverdue(doc, today),
  escalatedOn: doc.escalation?.escalatedOn ?? null,
  complaintNote: doc.complaintNote,
  answer: doc.answer,
  publicationState: doc.publication?.state ?? null,
  publishedAt: doc.publication?.publishedAt ?? null,
  publishable: doc.publishable,
  hidden: doc.hidden !== null,
  hiddenReason: doc.hidden?.reason ?? null,
  rating: doc.rating,
  authorReadable: readsAuthor(actor, doc),
});

/** The published question and answer; once hidden, only that it was hidden and why. */
export const publicMessageView = (doc: PublicMessageDocument): PublicMessageView | null => {
  if (doc.publication?.state !== 'PUBLISHED' || !doc.answer) return null;
  const hidden = doc.hidden !== null;
  return {
    id: doc._id,
    agencyCode: doc.agencyCode,
    departmentCode: doc.departmentCode,
    kind: doc.kind,
    subject: hidden ? null : doc.subject,
    text: hidden ? null : doc.text,
    status: doc.status,
    receivedOn: doc.receivedOn,
    answerDueOn: null,
    answerLimitWorkingDays: null,
    overdue: false,
    escalatedOn: null,
    complaintNote: null,
    answer: hidden ? null : { text: doc.answer.text, answeredBy: null, answeredOn: doc.answer.answeredOn, late: doc.answer.late, workingDaysTaken: doc.answer.workingDaysTaken },
    publicationState: 'PUBLISHED',
    publishedAt: doc.publication.publishedAt,
    publishable: null,
    hidden,
    hiddenReason: doc.hidden?.reason ?? null,
    rating: null,
    authorReadable: false,
  };
};

export const viewPublicMessage = (doc: PublicMessageDocument, actor: Actor, today: LocalDate): PublicMessageView | null =>
  readsMessage(actor, doc) ? bureauView(doc, actor, today) : publicMessageView(doc);

/** What the author sees with the tracking code and access key: their own message, the answer, no staff names. */
export interface MessageTrackingView {
  readonly trackingCode: string;
  readonly kind: MessageKind;
  readonly subject: string;
  readonly text: string;
  readonly status: MessageStatus;
  readonly agencyCode: string;
  readonly departmentCode: string;
  readonly receivedOn: LocalDate;
  readonly answerDueOn: LocalDate | null;
  readonly overdue: boolean;
  readonly complaintNote: string | null;
  readonly answer: string | null;
  readonly answeredOn: LocalDate | null;
  readonly late: boolean;
  readonly publishable: boolean;
  readonly published: boolean;
  readonly hidden: boolean;
  readonly hiddenReason: string | null;
  readonly rating: number | null;
}

export const trackingView = (doc: PublicMessageDocument, today: LocalDate): MessageTrackingView => ({
  trackingCode: doc.trackingCode,
  kind: doc.kind,
  subject: doc.subject,
  text: doc.text,
  status: doc.status,
  agencyCode: doc.agencyCode,
  departmentCode: doc.departmentCode,
  receivedOn: doc.receivedOn,
  answerDueOn: doc.answerDueOn,
  overdue: wentOverdue(doc, today),
  complaintNote: doc.complaintNote,
  answer: doc.answer?.text ?? null,
  answeredOn: doc.answer?.answeredOn ?? null,
  late: doc.answer?.late ?? false,
  publishable: doc.publishable,
  published: doc.publication?.state === 'PUBLISHED',
  hidden: doc.hidden !== null,
  hiddenReason: doc.hidden?.reason ?? null,
  rating: doc.rating,
});
