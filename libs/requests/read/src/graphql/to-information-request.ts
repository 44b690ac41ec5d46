import { agencyRef, departmentRef } from '@gongkai/graphql';
import type { LocalDate } from '@gongkai/kernel';
import type { InformationRequestDocument, PublishedRequestAnswerDocument } from '../information-request-document';
import { isLate, type TrackingView } from '../information-request-visibility';
import type { InformationRequest } from './information-request.types';
import type { PublishedRequestAnswer, RequestTracking } from './request-tracking.types';

export const toInformationRequest = (doc: InformationRequestDocument, today: LocalDate): InformationRequest => ({
  id: doc._id,
  trackingCode: doc.trackingCode,
  agency: agencyRef(doc.agencyCode),
  department: departmentRef(doc.departmentCode),
  channel: doc.channel,
  applicantType: doc.applicantType,
  status: doc.status,
  receivedOn: doc.receivedOn,
  answerDueOn: doc.answer ? doc.answer.answerDueOn : doc.answerDueOn,
  clockProblem: doc.clockProblem,
  late: isLate(doc, today),
  outcome: doc.answer?.outcome ?? null,
  answeredOn: doc.answer?.answeredOn ?? null,
  description: doc.description,
  preferredForm: doc.preferredForm,
  delivery: doc.delivery,
  supplement: doc.supplement ? { ...doc.supplement } : null,
  consultations: doc.consultations.map((c) => ({ ...c })),
  extension: doc.extension ? { ...doc.extension } : null,
  fee: doc.fee ? { ...doc.fee } : null,
  answer: doc.answer
    ? {
        ...doc.answer,
        redactions: doc.answer.redactions.map((r) => ({ ...r })),
        publication: doc.publication ? { ...doc.publication } : null,
      }
    : null,
  appeals: doc.appeals.map((a) => ({ ...a })),
  pauses: doc.pauses.map((p) => ({ ...p })),
  timeline: doc.timeline.map(({ on, kind, reason, answerDueOn }) => ({ on, kind, reason, answerDueOn })),
  personalDataErased: doc.personalDataErased,
  sealedApplicant: doc.applicant,
  applicantFingerprint: doc.applicantFingerprint,
  receivedMonth: doc.receivedMonth,
  createdAt: doc.createdAt,
  agencyCode: doc.agencyCode,
  departmentCode: doc.departmentCode,
});

export const toRequestTracking = (view: TrackingView): RequestTracking => ({
  ...view,
  agency: agencyRef(view.agencyCode),
  department: departmentRef(view.departmentCode),
  pauses: view.pauses.map((p) => ({ ...p })),
  extension: view.extension ? { ...view.extension, approvedBy: null, grantedOn: null, answerDueOnBefore: null } : null,
  fee: view.fee ? { ...view.fee } : null,
  redactionReasons: [...view.redactionReasons],
});

export const toPublishedRequestAnswer = (doc: PublishedRequestAnswerDocument): PublishedRequestAnswer => ({
  id: doc._id,
  agency: agencyRef(doc.agencyCode),
  department: departmentRef(doc.departmentCode),
  outcome: doc.outcome,
  answeredOn: doc.answeredOn,
  content: doc.content,
  redactionReasons: [...doc.redactionReasons],
  contentHash: doc.contentHash,
  publishedAt: doc.publishedAt,
});
