import { type PublicationSubject, WORKING_DAY_CALENDAR_EVENT_TYPES } from '@gongkai/contracts';
import type { RecordedEvent } from '@gongkai/event-sourcing';
import type { WorkingDayCalendar } from '@gongkai/kernel';
import type { Projection, ReadCollection, ReadStore } from '@gongkai/read-store';
import { type InformationRequestEvent, REQUEST_ANSWER_ITEM_TYPE } from '@gongkai/requests/domain';
import { INFORMATION_REQUESTS, type InformationRequestDocument, PUBLISHED_REQUEST_ANSWERS, type PublishedRequestAnswerDocument } from './information-request-document';
import { applyReviewVerdict, evolveRequestDocument, reclockRequestDocument } from './request-document-evolution';

const REQUEST_EVENTS: readonly InformationRequestEvent['type'][] = [
  'InformationRequestReceived',
  'SupplementRequested',
  'SupplementReceived',
  'ThirdPartyConsultationStarted',
  'ThirdPartyReplyRecorded',
  'InformationRequestExtended',
  'FeeNoticeIssued',
  'FeePaymentRecorded',
  'InformationRequestAnswered',
  'RequestAnswerPublished',
  'RequestAppealRecorded',
  'ApplicantPersonalDataErased',
];

/** The gate's verdicts other than approval: approval reaches us as RequestAnswerPublished. */
const REVIEW_VERDICTS = { PublicationReviewRejected: 'REJECTED', PublicationReviewSuperseded: 'SUPERSEDED' } as const;

const publishedAnswer = (doc: InformationRequestDocument, contentHash: string): PublishedRequestAnswerDocument | null => {
  if (!doc.answer || doc.publication?.state !== 'PUBLISHED' || !doc.publication.publishedAt) return null;
  return {
    _id: doc._id,
    agencyCode: doc.agencyCode,
    departmentCode: doc.departmentCode,
    outcome: doc.answer.outcome,
    answeredOn: doc.answer.answeredOn,
    content: doc.answer.redactedContent,
    redactionReasons: doc.answer.redactions.map((r, i) => `${i + 1}. ${r.reason}`),
    contentHash,
    publishedAt: doc.publication.publishedAt,
  };
};

/** Requests whose due date a calendar change can move: the open ones, and any the calendar could not date. */
const CLOCK_DEPENDS_ON_CALENDAR = { $or: [{ status: { $nin: ['ANSWERED', 'CLOSED'] } }, { clockProblem: { $ne: null } }] };

const reclockAll = async (requests: ReadCollection<InformationRequestDocument>, calendar: WorkingDayCalendar): Promise<void> => {
  for (const doc of await requests.find(CLOCK_DEPENDS_ON_CALENDAR)) {
    const next = reclockRequestDocument(doc, calendar);
    if (next.answerDueOn !== doc.answerDueOn || next.clockProblem !== doc.clockProblem) await requests.replaceOne({ _id: doc._id }, next);
  }
};

/**
 * Information requests for staff, their due dates derived by the domain's clock, and the public
 * list of published answers. The calendar is the process's live one, the deciders' own: when an
 * administrator loads or corrects a year, the process's calendar has it before this projection
 * sees the event, and the due dates are derived again.
 */
export const informationRequestsProjection = (calendar: WorkingDayCalendar): Projection => ({
  name: 'requests.information-requests',
  // 2: fees, and the applicant's fingerprint and month of receipt for the monthly count.
  // 3: due dates derived again when a calendar year is loaded or corrected.
  version: 3,
  collections: [INFORMATION_REQUESTS, PUBLISHED_REQUEST_ANSWERS],
  indexes: {
    [INFORMATION_REQUESTS]: [{ keys: { trackingCode: 1 }, unique: true }, { keys: { agencyCode: 1, status: 1, answerDueOn: 1 } }, { keys: { applicantFingerprint: 1, receivedMonth: 1 } }],
    [PUBLISHED_REQUEST_ANSWERS]: [{ keys: { publishedAt: -1 } }],
  },
  handles: [...REQUEST_EVENTS, ...Object.keys(REVIEW_VERDICTS), ...WORKING_DAY_CALENDAR_EVENT_TYPES],

  async apply(event: RecordedEvent, store: ReadStore): Promise<void> {
    const requests = store.collection<InformationRequestDocument>(INFORMATION_REQUESTS);
    if (WORKING_DAY_CALENDAR_EVENT_TYPES.includes(event.type)) return reclockAll(requests, calendar);
    if (event.type in REVIEW_VERDICTS) {
      const { reviewId, subject } = event.data as { reviewId: string; subject: PublicationSubject };
      if (subject.itemType !== REQUEST_ANSWER_ITEM_TYPE) return;
      const doc = await requests.findOne({ _id: subject.itemId });
      if (doc) await requests.replaceOne({ _id: doc._id }, applyReviewVerdict(doc, reviewId, REVIEW_VERDICTS[event.type as keyof typeof REVIEW_VERDICTS], event.occurredAt));
      return;
    }
    const requestId = (event.data as { requestId: string }).requestId;
    const next = evolveRequestDocument(await requests.findOne({ _id: requestId }), event, calendar);
    if (!next) return;
    await requests.replaceOne({ _id: requestId }, next, { upsert: true });
    const published = event.type === 'RequestAnswerPublished' ? publishedAnswer(next, (event.data as { contentHash: string }).contentHash) : null;
    if (published) await store.collection<PublishedRequestAnswerDocument>(PUBLISHED_REQUEST_ANSWERS).replaceOne({ _id: published._id }, published, { upsert: true });
  },
});
