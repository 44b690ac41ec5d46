import { localDateOf } from '@gongkai/calendar';
import type { RecordedEvent } from '@gongkai/event-sourcing';
import { isDomainError, type WorkingDayCalendar } from '@gongkai/kernel';
import { type ClockFacts, type InformationRequestEvent, requestClock } from '@gongkai/requests/domain';
import type { InformationRequestDocument, TimelineEntry, TimelineKind } from './information-request-document';

type DataOf<T extends InformationRequestEvent['type']> = Extract<InformationRequestEvent, { type: T }>['data'];

const factsOf = (doc: InformationRequestDocument): ClockFacts => ({
  receivedOn: doc.receivedOn,
  ...(doc.supplement
    ? { supplement: { noticeOn: doc.supplement.noticeOn, dueOn: doc.supplement.dueOn, ...(doc.supplement.receivedOn ? { receivedOn: doc.supplement.receivedOn } : {}) } }
    : {}),
  consultations: doc.consultations.map((c) => ({ sentOn: c.sentOn, replyDueOn: c.replyDueOn, ...(c.repliedOn ? { repliedOn: c.repliedOn } : {}) })),
  ...(doc.extension ? { extension: { workingDays: doc.extension.workingDays } } : {}),
  ...(doc.fee ? { fee: { noticeOn: doc.fee.noticeOn, payByOn: doc.fee.payByOn, ...(doc.fee.paidOn ? { paidOn: doc.fee.paidOn } : {}) } } : {}),
});

/** The clock, derived again from the facts after every change; a missing calendar year is shown, never guessed. */
const withClock = (doc: InformationRequestDocument, calendar: WorkingDayCalendar): InformationRequestDocument => {
  try {
    const clock = requestClock(factsOf(doc), calendar);
    return { ...doc, answerDueOn: clock.answerDueOn, pauses: clock.pauses, clockProblem: null };
  } catch (error) {
    if (!isDomainError(error)) throw error;
    return { ...doc, answerDueOn: null, pauses: [], clockProblem: error.rule };
  }
};

/**
 * The clock derived again on another calendar: a newly loaded year gives a request whose deadline
 * fell in it its due date (and clears the clock problem); a corrected year moves it. The request
 * itself did not change, so its timeline does not.
 */
export const reclockRequestDocument = (doc: InformationRequestDocument, calendar: WorkingDayCalendar): InformationRequestDocument => withClock(doc, calendar);

/** While open, the status follows the pauses, as the decider's state does. */
const openStatus = (doc: InformationRequestDocument): InformationRequestDocument['status'] => {
  if (doc.status === 'ANSWERED' || doc.status === 'CLOSED') return doc.status;
  if (doc.supplement && !doc.supplement.receivedOn) return 'AWAITING_SUPPLEMENT';
  if (doc.fee && !doc.fee.paidOn) return 'AWAITING_FEE';
  return doc.consultations.some((c) => c.repliedOn === null) ? 'IN_CONSULTATION' : 'IN_PROGRESS';
};

const step = (doc: InformationRequestDocument, event: RecordedEvent, calendar: WorkingDayCalendar, entry: { on: string; kind: TimelineKind; reason: string }): InformationRequestDocument => {
  const clocked = withClock({ ...doc, status: openStatus(doc), updatedAt: event.occurredAt }, calendar);
  const timelineEntry: TimelineEntry = { ...entry, answerDueOn: clocked.answerDueOn, actorId: event.metadata.actor.id };
  return { ...clocked, timeline: [...clocked.timeline, timelineEntry] };
};

const received = (event: RecordedEvent, calendar: WorkingDayCalendar): InformationRequestDocument => {
  const data = event.data as DataOf<'InformationRequestReceived'>;
  const doc: InformationRequestDocument = {
    _id: data.requestId,
    trackingCode: data.trackingCode,
    accessKeyHash: data.accessKeyHash,
    agencyCode: data.agencyCode,
    departmentCode: data.departmentCode,
    channel: data.channel,
    applicantType: data.applicantType,
    applicant: data.applicant,
    applicantFingerprint: data.applicantFingerprint ?? null,
    receivedMonth: data.receivedOn.slice(0, 7),
    personalDataErased: false,
    description: data.description,
    preferredForm: data.preferredForm,
    delivery: data.delivery,
    receivedOn: data.receivedOn,
    status: 'IN_PROGRESS',
    supplement: null,
    consultations: [],
    extension: null,
    fee: null,
    answer: null,
    publication: null,
    appeals: [],
    answerDueOn: null,
    clockProblem: null,
    pauses: [],
    timeline: [],
    createdAt: event.occurredAt,
    updatedAt: event.occurredAt,
  };
  return step(doc, event, calendar, { on: data.receivedOn, kind: 'RECEIVED', reason: `Received (${data.channel.toLowerCase().replace('_', ' ')}).` });
};

/**
 * The staff read model of one request, event by event. Pure, so that the same code serves the
 * projection and the tests; the personal data is carried over sealed, exactly as the event has it.
 */
export const evolveRequestDocument = (doc: InformationRequestDocument | null, event: RecordedEvent, calendar: WorkingDayCalendar): InformationRequestDocument | null => {
  const type = event.type as InformationRequestEvent['type'];
  if (type === 'InformationRequestReceived') return doc ?? received(event, calendar);
  if (!doc) return null;
  switch (type) {
    case 'SupplementRequested': {
      const data = event.data as DataOf<'SupplementRequested'>;
      const next = { ...doc, supplement: { instructions: data.instructions, noticeOn: data.noticeOn, dueOn: data.supplementDueOn, receivedOn: null, content: null } };
      return step(next, event, calendar, { on: data.noticeOn, kind: 'SUPPLEMENT_REQUESTED', reason: `${data.instructions} (supplement due ${data.supplementDueOn}; the clock stops)` });
    }
    case 'SupplementReceived': {
      const data = event.data as DataOf<'SupplementReceived'>;
      if (!doc.supplement) return doc;
      const next = { ...doc, supplement: { ...doc.supplement, receivedOn: data.receivedOn, content: data.content } };
      return step(next, event, calendar, { on: data.receivedOn, kind: 'SUPPLEMENT_RECEIVED', reason: 'Supplement received: the 20 working days count again from this day (Regulations Art. 30).' });
    }
    case 'ThirdPartyConsultationStarted': {
      const data = event.data as DataOf<'ThirdPartyConsultationStarted'>;
      const next = { ...doc, consultations: [...doc.consultations, { thirdParty: data.thirdParty, sentOn: data.sentOn, replyDueOn: data.replyDueOn, repliedOn: null, consents: null }] };
      return step(next, event, calendar, { on: data.sentOn, kind: 'CONSULTATION_STARTED', reason: `Third party ${data.thirdParty} consulted; reply due ${data.replyDueOn} (Regulations Art. 32).` });
    }
    case 'ThirdPartyReplyRecorded': {
      const data = event.data as DataOf<'ThirdPartyReplyRecorded'>;
      const consultations = doc.consultations.map((c, i) => (i + 1 === data.consultation ? { ...c, repliedOn: data.receivedOn, consents: data.consents } : c));
      const next = { ...doc, consultations };
      return step(next, event, calendar, { on: data.receivedOn, kind: 'CONSULTATION_REPLIED', reason: data.consents ? 'The third party consents to disclosure.' : 'The third party objects to disclosure.' });
    }
    case 'InformationRequestExtended': {
      const data = event.data as DataOf<'InformationRequestExtended'>;
      const next = { ...doc, extension: { workingDays: data.workingDays, reason: data.reason, approvedBy: data.approvedBy, grantedOn: data.grantedOn, answerDueOnBefore: data.answerDueOnBefore, answerDueOn: data.answerDueOn } };
      return step(next, event, calendar, { on: data.grantedOn, kind: 'EXTENDED', reason: `${data.reason} (+${data.workingDays} working days, approved by ${data.approvedBy})` });
    }
    case 'FeeNoticeIssued': {
      const data = event.data as DataOf<'FeeNoticeIssued'>;
      const next = { ...doc, fee: { method: data.method, basis: data.basis, amountFen: data.amountFen, noticeOn: data.noticeOn, payByOn: data.payByOn, paidOn: null } };
      const yuan = (data.amountFen / 100).toFixed(2);
      const basis = data.method === 'BY_COUNT' ? `application ${data.basis} of the applicant's month` : `${data.basis} pages`;
      return step(next, event, calendar, { on: data.noticeOn, kind: 'FEE_NOTICE_ISSUED', reason: `Processing fee ¥${yuan} (${basis}), pay by ${data.payByOn}; the clock pauses (国办函〔2020〕109号).` });
    }
    case 'FeePaymentRecorded': {
      const data = event.data as DataOf<'FeePaymentRecorded'>;
      if (!doc.fee) return doc;
      const next = { ...doc, fee: { ...doc.fee, paidOn: data.paidOn } };
      return step(next, event, calendar, { on: data.paidOn, kind: 'FEE_PAID', reason: 'Processing fee paid: the clock runs again from the next day (国办函〔2020〕109号).' });
    }
    case 'InformationRequestAnswered': {
      const data = event.data as DataOf<'InformationRequestAnswered'>;
      const { requestId: _id, publicationRequest, ...answer } = data;
      const closed = data.outcome === 'OTHER_NO_SUPPLEMENT' || data.outcome === 'OTHER_FEE_NOT_PAID';
      const next: InformationRequestDocument = {
        ...doc,
        status: closed ? 'CLOSED' : 'ANSWERED',
        answer,
        publication: publicationRequest ? { reviewId: publicationRequest.reviewId, state: 'PENDING_REVIEW', publishedAt: null } : null,
      };
      const late = data.late ? ` — late: it was due ${data.answerDueOn}` : '';
      const kind = data.outcome === 'OTHER_NO_SUPPLEMENT' ? 'CLOSED_WITHOUT_SUPPLEMENT' : data.outcome === 'OTHER_FEE_NOT_PAID' ? 'CLOSED_FEE_NOT_PAID' : 'ANSWERED';
      return step(next, event, calendar, { on: data.answeredOn, kind, reason: `${data.outcome}${late}` });
    }
    case 'RequestAnswerPublished': {
      const data = event.data as DataOf<'RequestAnswerPublished'>;
      const next = { ...doc, publication: { reviewId: data.reviewId, state: 'PUBLISHED' as const, publishedAt: data.publishedAt } };
      return step(next, event, calendar, { on: localDateOf(new Date(data.publishedAt)), kind: 'ANSWER_PUBLISHED', reason: 'The disclosed content was published after its confidentiality review.' });
    }
    case 'RequestAppealRecorded': {
      const data = event.data as DataOf<'RequestAppealRecorded'>;
      const next = { ...doc, appeals: [...doc.appeals.filter((a) => a.kind !== data.kind), { kind: data.kind, result: data.result, decidedOn: data.decidedOn }] };
      return step(next, event, calendar, { on: data.decidedOn ?? localDateOf(new Date(event.occurredAt)), kind: 'APPEAL_RECORDED', reason: `${data.kind}: ${data.result}` });
    }
    case 'ApplicantPersonalDataErased': {
      const data = event.data as DataOf<'ApplicantPersonalDataErased'>;
      return step({ ...doc, personalDataErased: true }, event, calendar, { on: localDateOf(new Date(data.erasedAt)), kind: 'PERSONAL_DATA_ERASED', reason: data.reason });
    }
  }
};

/** The review gate's verdict on the published content of an answer, when it did not approve it. */
export const applyReviewVerdict = (doc: InformationRequestDocument, reviewId: string, state: 'REJECTED' | 'SUPERSEDED', at: string): InformationRequestDocument =>
  doc.publication?.reviewId === reviewId && doc.publication.state === 'PENDING_REVIEW' ? { ...doc, publication: { ...doc.publication, state }, updatedAt: at } : doc;
