import { type PublicationSubject, WORKING_DAY_CALENDAR_EVENT_TYPES } from '@gongkai/contracts';
import type { RecordedEvent } from '@gongkai/event-sourcing';
import type { WorkingDayCalendar } from '@gongkai/kernel';
import { type AnswerLimitsEvent, PUBLIC_MESSAGE_ITEM_TYPE, type PublicMessageEvent } from '@gongkai/participation/domain';
import { type Filter, type Projection, type ReadCollection, type ReadStore, withPublication } from '@gongkai/read-store';
import { datedOnCalendar, recordedDueDay } from './public-message-due-day';
import { type AnswerLimitsDocument, MESSAGE_ANSWER_LIMITS, PUBLIC_MESSAGES, type PublicMessageDocument } from './public-message-document';
import { publicMessageView, type PublicMessageView } from './public-message-visibility';

type DataOf<T extends PublicMessageEvent['type']> = Extract<PublicMessageEvent, { type: T }>['data'];

const MESSAGE_EVENTS: readonly PublicMessageEvent['type'][] = [
  'PublicMessageReceived',
  'ComplaintRedirected',
  'PublicMessageRouted',
  'PublicMessageAnswered',
  'PublicMessagePublicationRequested',
  'PublicMessagePublished',
  'PublicMessageHidden',
  'PublicMessageRated',
  'PublicMessageEscalated',
];

/** The gate's verdicts other than approval: approval reaches us as PublicMessagePublished. */
const REVIEW_VERDICTS = { PublicationReviewRejected: 'REJECTED', PublicationReviewSuperseded: 'SUPERSEDED' } as const;

const received = (data: DataOf<'PublicMessageReceived'>, at: string): PublicMessageDocument => ({
  _id: data.messageId,
  agencyCode: data.agencyCode,
  departmentCode: data.departmentCode,
  routed: false,
  kind: data.kind,
  subject: data.subject,
  text: data.text,
  publishable: data.publishable,
  trackingCode: data.trackingCode,
  accessKeyHash: data.accessKeyHash,
  author: data.author ?? null,
  receivedOn: data.receivedOn,
  receivedYear: Number(data.receivedOn.slice(0, 4)),
  answerLimitWorkingDays: data.answerLimitWorkingDays,
  answerDueOn: data.answerDueOn,
  dueDayFromCalendar: data.answerDueOn === null,
  status: 'RECEIVED',
  complaintNote: null,
  answer: null,
  publication: null,
  hidden: null,
  escalation: null,
  rating: null,
  publicationHistory: [],
  createdAt: at,
  updatedAt: at,
});

/** The instant the public's view of a message changes: its publication, and the hiding of a published one. */
const publicViewChangedAt = (event: RecordedEvent): string | undefined =>
  event.type === 'PublicMessagePublished'
    ? (event.data as DataOf<'PublicMessagePublished'>).publishedAt
    : event.type === 'PublicMessageHidden'
      ? (event.data as DataOf<'PublicMessageHidden'>).hiddenAt
      : undefined;

/**
 * A message is hidden because its text must not be public (someone's name and address, abuse):
 * a point-in-time read must not bring that text back, so once hidden every period it was public
 * shows the hide stub, keeping when it was public and why it was hidden.
 */
const withdrawnFromThePast = (history: PublicMessageDocument['publicationHistory'], now: PublicMessageView): PublicMessageDocument['publicationHistory'] =>
  now.hidden ? (history ?? []).map((period) => ({ ...period, content: now })) : history;

/** What one event changes in a message that exists. */
const changeOf = (event: RecordedEvent): Record<string, unknown> => {
  switch (event.type as PublicMessageEvent['type']) {
    case 'ComplaintRedirected':
      return { status: 'REDIRECTED', complaintNote: (event.data as DataOf<'ComplaintRedirected'>).note };
    case 'PublicMessageRouted':
      return { departmentCode: (event.data as DataOf<'PublicMessageRouted'>).departmentCode, routed: true };
    case 'PublicMessageAnswered': {
      const { answer, answeredBy, answeredOn, late, workingDaysTaken, answerDueOn } = event.data as DataOf<'PublicMessageAnswered'>;
      return { status: 'ANSWERED', answer: { text: answer, answeredBy, answeredOn, late, workingDaysTaken }, ...recordedDueDay(answerDueOn) };
    }
    case 'PublicMessagePublicationRequested':
      return { publication: { state: 'PENDING_REVIEW', reviewId: (event.data as DataOf<'PublicMessagePublicationRequested'>).publicationRequest.reviewId, publishedAt: null } };
    case 'PublicMessagePublished': {
      const data = event.data as DataOf<'PublicMessagePublished'>;
      return { publication: { state: 'PUBLISHED', reviewId: data.reviewId, publishedAt: data.publishedAt } };
    }
    case 'PublicMessageHidden': {
      const data = event.data as DataOf<'PublicMessageHidden'>;
      return { hidden: { reason: data.reason, hiddenAt: data.hiddenAt } };
    }
    case 'PublicMessageRated':
      return { rating: (event.data as DataOf<'PublicMessageRated'>).rating };
    case 'PublicMessageEscalated': {
      const { escalatedOn, escalatedTo, departmentCode, answerDueOn } = event.data as DataOf<'PublicMessageEscalated'>;
      return { escalation: { escalatedOn, escalatedTo, departmentCode }, ...recordedDueDay(answerDueOn) };
    }
    default:
      return {};
  }
};

/** Messages the calendar dates: a loaded or corrected year may give or move their due day. */
const dateAgain = async (messages: ReadCollection<PublicMessageDocument>, calendar: WorkingDayCalendar, filter: Filter): Promise<void> => {
  for (const doc of await messages.find({ ...filter, dueDayFromCalendar: true })) {
    const next = datedOnCalendar(doc, calendar);
    if (next.answerDueOn !== doc.answerDueOn || JSON.stringify(next.answer) !== JSON.stringify(doc.answer)) await messages.replaceOne({ _id: doc._id }, next);
  }
};

/**
 * Public messages for staff, authors and the public list; and the answer limits in force. The
 * calendar is the process's live one, the deciders' own: it has a year an administrator loads
 * before this projection sees the event, so messages received while that year was missing get
 * their due day, as requests do.
 */
export const publicMessagesProjection = (calendar: WorkingDayCalendar): Projection => ({
  name: 'participation.public-messages',
  // 4: due days counted on the calendar for messages received while a year had none.
  version: 4,
  collections: [PUBLIC_MESSAGES, MESSAGE_ANSWER_LIMITS],
  indexes: {
    [PUBLIC_MESSAGES]: [
      { keys: { trackingCode: 1 }, unique: true },
      { keys: { agencyCode: 1, departmentCode: 1, receivedOn: -1 } },
      { keys: { 'publication.state': 1, 'publication.publishedAt': -1 } },
      { keys: { receivedYear: 1 } },
    ],
  },
  handles: [...MESSAGE_EVENTS, 'MessageAnswerLimitsSet', ...Object.keys(REVIEW_VERDICTS), ...WORKING_DAY_CALENDAR_EVENT_TYPES],

  async apply(event: RecordedEvent, store: ReadStore): Promise<void> {
    const messages = store.collection<PublicMessageDocument>(PUBLIC_MESSAGES);
    if (WORKING_DAY_CALENDAR_EVENT_TYPES.includes(event.type)) return dateAgain(messages, calendar, {});
    if (event.type === 'MessageAnswerLimitsSet') {
      const { agencyCode, limits, reason, setBy, setOn } = (event.data as AnswerLimitsEvent['data']);
      await store.collection<AnswerLimitsDocument>(MESSAGE_ANSWER_LIMITS).replaceOne({ _id: agencyCode }, { _id: agencyCode, limits, reason, setBy, setOn }, { upsert: true });
      return;
    }
    if (event.type in REVIEW_VERDICTS) {
      const { reviewId, subject } = event.data as { reviewId: string; subject: PublicationSubject };
      if (subject.itemType !== PUBLIC_MESSAGE_ITEM_TYPE) return;
      const state = REVIEW_VERDICTS[event.type as keyof typeof REVIEW_VERDICTS];
      // Only the review still pending changes state: a late verdict on an old review leaves a publication alone.
      await messages.updateOne({ _id: subject.itemId, 'publication.reviewId': reviewId, 'publication.state': 'PENDING_REVIEW' }, { $set: { 'publication.state': state, updatedAt: event.occurredAt } });
      return;
    }
    if (event.type === 'PublicMessageReceived') {
      const data = event.data as DataOf<'PublicMessageReceived'>;
      await messages.replaceOne({ _id: data.messageId }, datedOnCalendar(received(data, event.occurredAt), calendar), { upsert: true });
      return;
    }
    const messageId = (event.data as { messageId: string }).messageId;
    const change = { ...changeOf(event), updatedAt: event.occurredAt };
    const changedAt = publicViewChangedAt(event);
    const message = changedAt ? await messages.findOne({ _id: messageId }) : null;
    // A message hidden before it was published was never public: its history stays empty.
    const seen = message ? publicMessageView({ ...message, ...change } as PublicMessageDocument) : null;
    const history = message && seen && changedAt ? { publicationHistory: withPublication(withdrawnFromThePast(message.publicationHistory, seen), seen, changedAt) } : {};
    await messages.updateOne({ _id: messageId }, { $set: { ...change, ...history } });
    // An answer given while the due day was still unknown is judged late or not on the calendar as it is now.
    if (event.type === 'PublicMessageAnswered') await dateAgain(messages, calendar, { _id: messageId });
  },
});
